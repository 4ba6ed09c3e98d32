#!/usr/bin/env bash
# Cost of exercising a mini-program from its source: 'permlab run' of the bundled non-compliant mini-program (its
# add-address flow under the baseline, refused and approximate policies, relaunch probe off) against 'permlab scan' of
# the same program, RUNS times each. Reports runs per second of the exploration (runs / the target's time), the time
# of each run's flow, what each run costs outside it (the runtime starting), and the wall time of both commands.
# Writes bench/results/mp-runtime.md.
#
#   bench/mp-runtime.sh [RUNS]      default 3; medians are reported
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
OUT="bench/results/mp-runtime.md"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT
SAMPLE=apps/demo-delivery-miniprogram

./permlab categories >/dev/null # builds the engine when its sources changed, outside the measurements
for i in $(seq "$RUNS"); do
  t0=$(date +%s%N)
  ./permlab run "$SAMPLE" --relaunch-probe-ms 0 --no-progress --out "$TMP/run-$i" >/dev/null 2>&1 || true
  t1=$(date +%s%N)
  ./permlab scan "$SAMPLE" --no-progress --out "$TMP/scan-$i" >/dev/null 2>&1 || true
  t2=$(date +%s%N)
  echo "$(( (t1 - t0) / 1000000 )) $(( (t2 - t1) / 1000000 ))" >> "$TMP/walls"
done

python3 - "$TMP" "$RUNS" "$OUT" <<'PY'
import json, statistics, sys, os, subprocess
tmp, runs, out = sys.argv[1], int(sys.argv[2]), sys.argv[3]
walls = [tuple(map(int, l.split())) for l in open(os.path.join(tmp, 'walls'))]
target_ms, run_ms, per_s, scan_ms, counts, outside = [], [], [], [], [], []
for i in range(1, runs + 1):
    t = json.load(open(os.path.join(tmp, f'run-{i}', 'findings.json')))['targets'][0]
    rs = [r for f in t['evidence']['functions'] for r in f['runs']]
    counts.append(len(rs))
    target_ms.append(t['millis'])
    run_ms += [r['durationMillis'] for r in rs]
    outside.append((t['millis'] - sum(r['durationMillis'] for r in rs)) / len(rs))
    per_s.append(len(rs) / (t['millis'] / 1000))
    s = json.load(open(os.path.join(tmp, f'scan-{i}', 'findings.json')))['targets'][0]
    scan_ms.append(s['millis'])
med = statistics.median
load = open('/proc/loadavg').read().split()[0]
cores = os.cpu_count()
lines = [
    '# Mini-program runtime: cost of a run', '',
    f'`bench/mp-runtime.sh {runs}` on {cores} cores, load average {load} when it ended. Sample: `apps/demo-delivery-miniprogram`, '
    'function add-address, relaunch probe off.', '',
    '| what | median | all |', '|---|---|---|',
    f'| runs per exploration | {med(counts)} | {counts} |',
    f'| exploration (target time in findings.json) | {med(target_ms)} ms | {target_ms} |',
    f'| **runs per second** | **{med(per_s):.3f}** | {[round(x, 3) for x in per_s]} |',
    f'| one run\'s flow and evidence, once its runtime is up | {med(run_ms)} ms | {sorted(run_ms)} |',
    f'| per run outside the flow: Node start, jsdom, staging, rules and reports | {med(outside):.0f} ms | {[round(x) for x in outside]} |',
    f'| static scan of the same program (target time) | {med(scan_ms)} ms | {scan_ms} |',
    f'| one run (flow + what lies outside it) / static scan | {(med(run_ms) + med(outside)) / max(1, med(scan_ms)):.0f}x | |',
    f'| `permlab run` wall time (JVM included) | {med([w[0] for w in walls])} ms | {[w[0] for w in walls]} |',
    f'| `permlab scan` wall time (JVM included) | {med([w[1] for w in walls])} ms | {[w[1] for w in walls]} |',
    '',
    'The refused run waits out its checkpoint\'s timeout (3 s in the flow): that wait is the function failing, not the runtime.',
]
open(out, 'w').write('\n'.join(lines) + '\n')
print('\n'.join(lines))
PY
