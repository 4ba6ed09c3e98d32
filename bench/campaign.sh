#!/usr/bin/env bash
# Issue 10's campaign throughput: 'permlab batch' of an H5 campaign of TARGETS targets through a Selenium Grid 4.48 on
# 127.0.0.1 (a hub and 1 or 2 nodes of one slot each, started here as GridHubAndNodes starts them in the tests) with
# --parallel 1, 2 and 4; then a static campaign of APKS APK targets. Per row: wall time, targets/min, how many targets
# ended 'done' (campaign.csv, and attempts/reasons from batch-journal.sqlite), findings, Grid sessions created, peak RSS
# of the permlab process (/usr/bin/time -v; browsers run under the Grid nodes, not under permlab) and the load average
# at the start and end of the row (the machine has 2 cores). Writes bench/results/campaign.md (rewritten after each
# row, so an interrupted run leaves the rows it finished).
#
#   bench/campaign.sh [TARGETS]                      default 20 H5 targets
#   MATRIX="1:1 2:2 2:4" bench/campaign.sh 10        nodes:parallel cells (default "1:1 1:2 1:4 2:1 2:2 2:4"; "" = none;
#                                                    0 nodes = no Grid: local Chromium, browsers kept warm)
#   APKS=100 bench/campaign.sh                       static campaign size (default 100; 0 = skip it)
#   ROW_TIMEOUT=900                                  seconds a batch may take before it is stopped (row marked so)
#   PERMLAB_BUILD_DIR=/tmp/x bench/campaign.sh       build directory (default /tmp/permlab-campaign-bench)
#
# The H5 manifest alternates apps/demo-delivery and apps/demo-delivery-compliant. A target folder may be listed several
# times: a manifest row is a duplicate only when it names the same target at the same version (ManifestRow.duplicateKey),
# so each row gets its own version (1..N) and name; nothing is copied (the samples' target.json name their flows by
# paths relative to the checkout, so a copy elsewhere would not run). The static manifest repeats, 25 times each, the 4
# real third-party APKs the tests use (ApiDemos, Appium Settings, the UiAutomator2 server and its androidTest APK,
# pinned in package.json; npm ci fetches them), also with one version per row. The batch is PermLab's jar run as the
# launcher runs it (same JVM options, no class-data archive), with every report format (what a campaign writes).
# Needs: java, mvn, curl, python3, sqlite3, GNU time; Chromium and ChromeDriver (scripts/setup.sh); the Grid from Maven.
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/exploration-common.sh
TARGETS="${1:-20}"
MATRIX="${MATRIX-1:1 1:2 1:4 2:1 2:2 2:4}"
APKS="${APKS:-100}"
ROW_TIMEOUT="${ROW_TIMEOUT:-900}"
BUILD="${PERMLAB_BUILD_DIR:-/tmp/permlab-campaign-bench}"
OUT="${CAMPAIGN_OUT:-bench/results/campaign.md}"  # another file for a partial matrix, so the full one is kept
TMP="$(mktemp -d)"
GRID_PIDS=()
GRID_URL=""
BATCH_PID=""

for tool in curl python3 sqlite3 /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing" >&2; exit 1; }
done
STATIC_APKS=(node_modules/android-apidemos/apks/ApiDemos-debug.apk node_modules/io.appium.settings/apks/settings_apk-debug.apk
             node_modules/appium-uiautomator2-server/apks/appium-uiautomator2-server-v10.6.6.apk
             node_modules/appium-uiautomator2-server/apks/appium-uiautomator2-server-debug-androidTest.apk)
if [ "$APKS" -gt 0 ]; then
  for apk in "${STATIC_APKS[@]}"; do [ -f "$apk" ] || { echo "bench: $apk is missing: run scripts/setup.sh (npm ci)" >&2; exit 1; }; done
fi

# Every process below $1 (children first found, then theirs), by process id.
descendants() {
  local c
  for c in $(ps -o pid= --ppid "$1" 2>/dev/null); do echo "$c"; descendants "$c"; done
}
# Ends process $1 (started by this script) and what runs below it: TERM, then KILL after 20 s.
stop_tree() {
  local pid="$1" below
  below="$(descendants "$pid" | tr '\n' ' ')"
  # shellcheck disable=SC2086
  kill $below "$pid" 2>/dev/null || true
  for _ in $(seq 40); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
  # shellcheck disable=SC2086
  kill -9 "$pid" $below 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
}
stop_grid() {
  local i
  for ((i = ${#GRID_PIDS[@]} - 1; i >= 0; i--)); do stop_tree "${GRID_PIDS[i]}"; done  # nodes first, then the hub
  GRID_PIDS=()
}
cleanup() {
  if [ -n "$BATCH_PID" ]; then stop_tree "$BATCH_PID"; fi
  stop_grid
  rm -rf "$TMP"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# The hub's /status: "READY UP_CHROME_NODES OPEN_SESSIONS", or "no" while it does not answer.
grid_state() {
  { curl -s --max-time 5 "$GRID_URL/status" 2>/dev/null || true; } | python3 -c '
import json, sys
try:
    v = json.load(sys.stdin)["value"]
except Exception:
    print("no"); sys.exit()
nodes = v.get("nodes", [])
up = sum(1 for n in nodes if n.get("availability") == "UP" and "\"chrome\"" in json.dumps(n))
open_ = sum(1 for n in nodes for s in n.get("slots", []) if s.get("session"))
print(str(v.get("ready")).lower(), up, open_)'
}

# A hub and $1 one-slot nodes, their event bus on free ports (as GridHubAndNodes does).
start_grid() {
  local nodes="$1" port pub sub i state
  port=$(free_port); pub=$(free_port); sub=$(free_port)
  while [ "$sub" = "$pub" ] || [ "$sub" = "$port" ] || [ "$pub" = "$port" ]; do pub=$(free_port); sub=$(free_port); done
  GRID_URL="http://127.0.0.1:$port"
  local jvm=(java -Xmx256m -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -cp "$(cat "$BUILD/grid.classpath")" org.openqa.selenium.grid.Main)
  "${jvm[@]}" hub --host 127.0.0.1 --port "$port" --publish-events "tcp://127.0.0.1:$pub" \
      --subscribe-events "tcp://127.0.0.1:$sub" >"$TMP/grid-$nodes-hub.log" 2>&1 &
  GRID_PIDS+=($!)
  for i in $(seq "$nodes"); do
    "${jvm[@]}" node --host 127.0.0.1 --port "$(free_port)" --hub "$GRID_URL" --publish-events "tcp://127.0.0.1:$pub" \
        --subscribe-events "tcp://127.0.0.1:$sub" --max-sessions 1 --selenium-manager false --detect-drivers true \
        >"$TMP/grid-$nodes-node$i.log" 2>&1 &
    GRID_PIDS+=($!)
  done
  for _ in $(seq 240); do
    for p in "${GRID_PIDS[@]}"; do
      kill -0 "$p" 2>/dev/null || { echo "bench: a Grid process exited:" >&2; tail -n 15 "$TMP"/grid-"$nodes"-*.log >&2; exit 1; }
    done
    state="$(grid_state)"
    [ "$state" = "true $nodes 0" ] && { echo "bench: Grid up at $GRID_URL with $nodes node(s)" >&2; return 0; }
    sleep 0.5
  done
  echo "bench: the hub and $nodes node(s) were not up within 120 s:" >&2; tail -n 15 "$TMP"/grid-"$nodes"-*.log >&2; exit 1
}

load1() { cut -d' ' -f1 /proc/loadavg; }

# Runs one batch: batch TAG MANIFEST [ARGS...]; sets WALL_S RC RSS_MB.
batch() {
  local tag="$1" manifest="$2" t0 t1; shift 2
  RC=0
  t0=$(date +%s%N)
  /usr/bin/time -v -o "$TMP/time-$tag" timeout --kill-after=15 "$ROW_TIMEOUT" \
      java "${JAVA_OPTS_RUN[@]}" -Dpermlab.home="$PWD" -jar "$BUILD/permlab.jar" batch "$manifest" --out "$TMP/out-$tag" \
      --no-progress "$@" >"$TMP/console-$tag" 2>&1 &
  BATCH_PID=$!
  wait "$BATCH_PID" || RC=$?
  BATCH_PID=""
  t1=$(date +%s%N)
  WALL_S=$(awk -v d="$(( (t1 - t0) / 1000000 ))" 'BEGIN { printf "%.1f", d / 1000 }')
  RSS_MB=$(( $(awk -F': ' '/Maximum resident set size/ { print $2 }' "$TMP/time-$tag" 2>/dev/null || echo 0) / 1024 ))
  # exit 4 is "findings at or above --fail-on" (default info): a normal end for a campaign with findings
  if [ "$RC" -ne 0 ] && [ "$RC" -ne 4 ]; then
    echo "bench: batch $tag exited $RC:" >&2; tail -n 20 "$TMP/console-$tag" >&2
  fi
}

# What a finished batch left: "DONE TOTAL FINDINGS PER_GROUP RETRIED FAILED_REASONS" (tab-separated) from campaign.csv
# (statuses, findings, grouped by the operator column, which names the sample) and the journal (attempts, reasons).
outcome() {
  local dir="$1"
  python3 - "$dir" <<'PY'
import csv, os, sqlite3, sys
d = sys.argv[1]
rows = []
try:
    with open(os.path.join(d, "campaign.csv"), encoding="utf-8-sig", newline="") as f:
        rows = list(csv.DictReader(f))
except OSError:
    pass
done = sum(1 for r in rows if r["status"] == "done")
total = sum(int(r["findings"] or 0) for r in rows)
groups = {}
for r in rows:
    groups.setdefault(r["operator"], []).append(int(r["findings"] or 0))
per = "; ".join(f"{g} {min(v)}" + (f"–{max(v)}" if max(v) != min(v) else "") for g, v in sorted(groups.items()))
retried, reasons, left = 0, [], 0
try:
    db = sqlite3.connect(f"file:{os.path.join(d, 'batch-journal.sqlite')}?mode=ro", uri=True)
    retried = db.execute("SELECT count(*) FROM targets WHERE attempts > 1").fetchone()[0]
    reasons = [f"{i}: {r}" for i, r in db.execute("SELECT id, reason FROM targets WHERE state != 'done' LIMIT 3")]
    left = db.execute("SELECT count(*) FROM grid_sessions").fetchone()[0]
except Exception as e:
    reasons = [f"journal not readable: {e}"]
print("\t".join([str(done), str(len(rows)), str(total), per or "-", str(retried), str(left), " | ".join(reasons) or "-"]))
PY
}

write_results() {
  local status="$1"
  {
    echo "# Campaign throughput: \`permlab batch\` of H5 targets on a Grid, and of APKs"
    echo
    echo "Written by \`bench/campaign.sh $TARGETS\` (MATRIX=\"$MATRIX\", APKS=$APKS). $(machine_line)"
    [ -n "$status" ] && echo "**$status**"
    echo
    echo "One \`permlab batch MANIFEST --out DIR --no-progress\` process per row (PermLab's jar with the launcher's JVM options:"
    echo "C1 only, serial GC, -Xmx768m), every report written (campaign.csv/.xlsx/.html, findings.json, SARIF, HTML). *Wall* is"
    echo "the whole process: JVM start, manifest, inspections, reports. *Done* counts campaign.csv rows with status \`done\`;"
    echo "*retried* the targets the journal shows with more than one attempt; *sessions* the Grid sessions the hub created"
    echo "during the row (each run of an exploration is a fresh session). Load average is the 1-minute figure of"
    echo "/proc/loadavg at the start → end of the row, on $(nproc) cores. Peak RSS is the permlab process only (the browsers"
    echo "and ChromeDrivers run under the Grid nodes)."
    echo
    if [ "${#H5_ROWS[@]}" -gt 0 ]; then
      echo "## H5 campaign ($TARGETS targets: apps/demo-delivery and apps/demo-delivery-compliant alternately) on a Grid"
      echo
      echo "Hub + N nodes of Selenium Grid 4.48 on 127.0.0.1, each node one slot (\`--max-sessions 1\`), started fresh for each N."
      echo "\`--runs-at-once\` is the batch's default: 2 with \`--parallel 1\` (an exploration's refused run asks the Grid for a"
      echo "second session while the baseline holds the first), else 1."
      echo
      echo "Rows with 0 Grid nodes run without \`--grid\`: PermLab's own local Chromium, each target's browsers kept running"
      echo "between its runs and started side by side for its runs at once (docs/architecture.md, \"Warm browsers\");"
      echo "their *sessions* column is 0 (no hub counts them)."
      echo
      echo "| Grid nodes (1 slot each) | --parallel | targets | wall (s) | targets/min | done | retried | findings (total; per target) | sessions | Grid sessions left | permlab peak RSS | load avg start → end | exit |"
      echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
      printf '%s\n' "${H5_ROWS[@]}"
      echo
    fi
    if [ "${#STATIC_ROWS[@]}" -gt 0 ]; then
      echo "## Static campaign ($APKS APK targets)"
      echo
      echo "The 4 third-party APKs of the tests (ApiDemos-debug 6.4 MB, settings_apk-debug 3.1 MB, appium-uiautomator2-server"
      echo "v10.6.6 18 MB and its androidTest APK 0.2 MB), $(( APKS / 4 )) rows each, one version per row; no --grid. Static"
      echo "targets run on a pool as wide as the cores, APK decoding one at a time (README, Batch campaigns)."
      echo
      echo "| targets | wall (s) | targets/min | done | findings (total; per target) | permlab peak RSS | load avg start → end | exit |"
      echo "|---|---|---|---|---|---|---|---|"
      printf '%s\n' "${STATIC_ROWS[@]}"
      echo
    fi
    if [ "${#NOTES[@]}" -gt 0 ]; then
      echo "## Notes from the run"
      echo
      printf -- '- %s\n' "${NOTES[@]}"
      echo
    fi
  } >"$OUT"
}

H5_ROWS=()
STATIC_ROWS=()
NOTES=()

build_permlab
mvn -q -B -f tools/grid/pom.xml dependency:build-classpath -Dmdep.outputFile="$BUILD/grid.classpath" >&2

# The H5 manifest (absolute target paths; the manifest lives in the temp dir).
H5_MANIFEST="$TMP/h5-campaign.csv"
{
  echo "name,operator,version,category,target,device"
  for i in $(seq "$TARGETS"); do
    if [ $(( i % 2 )) -eq 1 ]; then sample=demo-delivery; name="鲜味外卖 H5 $i"; else sample=demo-delivery-compliant; name="鲜味外卖 H5 合规 $i"; fi
    echo "$name,$sample,$i,餐饮外卖,$PWD/apps/$sample,"
  done
} >"$H5_MANIFEST"

CURRENT_NODES=""
for cell in $MATRIX; do
  nodes="${cell%%:*}"; parallel="${cell##*:}"
  if [ "$nodes" != "$CURRENT_NODES" ]; then
    stop_grid
    [ "$nodes" = 0 ] || start_grid "$nodes"
    CURRENT_NODES="$nodes"
  fi
  tag="n$nodes-p$parallel"
  # 0 nodes: no Grid, PermLab's own local Chromium (browsers kept warm between a target's runs)
  GRID_ARGS=(); [ "$nodes" = 0 ] || GRID_ARGS=(--grid "$GRID_URL")
  created0=0; [ "$nodes" = 0 ] || created0=$(cat "$TMP"/grid-"$nodes"-hub.log | grep -c "Session created by the Distributor" || true)
  l0=$(load1)
  echo "bench: H5 campaign, $TARGETS targets, $nodes node(s), --parallel $parallel (load $l0)..." >&2
  batch "$tag" "$H5_MANIFEST" "${GRID_ARGS[@]}" --parallel "$parallel"
  l1=$(load1)
  created1=0; [ "$nodes" = 0 ] || created1=$(cat "$TMP"/grid-"$nodes"-hub.log | grep -c "Session created by the Distributor" || true)
  sleep 1
  open_now=0; [ "$nodes" = 0 ] || open_now="$(grid_state | awk '{ print $3 }')"
  IFS=$'\t' read -r done total findings per retried left reasons < <(outcome "$TMP/out-$tag")
  tpm=$(awk -v n="$TARGETS" -v s="$WALL_S" 'BEGIN { printf "%.1f", n * 60 / s }')
  H5_ROWS+=("| $nodes | $parallel | $TARGETS | $WALL_S | $tpm | $done/$TARGETS | $retried | $findings; $per | $(( created1 - created0 )) | ${open_now:-?} | $RSS_MB MB | $l0 → $l1 | $RC |")
  echo "bench: $tag: ${WALL_S} s, $tpm targets/min, $done/$TARGETS done, $findings findings, exit $RC" >&2
  [ "$done" = "$TARGETS" ] || NOTES+=("$tag: $done of $TARGETS targets done (campaign.csv has $total rows); not done: $reasons")
  [ "$RC" = 124 ] || [ "$RC" = 137 ] && NOTES+=("$tag: stopped after ROW_TIMEOUT=$ROW_TIMEOUT s")
  [ "${open_now:-0}" = 0 ] || NOTES+=("$tag: $open_now Grid session(s) still open on the hub 1 s after the batch ended")
  [ "$left" = 0 ] || NOTES+=("$tag: the journal still records $left Grid session(s) as open")
  errs=$(grep -c "no Grid node\|SessionNotCreated\|timed out\|could not" "$TMP/console-$tag" || true)
  [ "$errs" = 0 ] || NOTES+=("$tag: the console has $errs line(s) about sessions: $(grep -m1 "no Grid node\|SessionNotCreated\|timed out\|could not" "$TMP/console-$tag" | cut -c1-200)")
  write_results "Incomplete: the script is still running (or was stopped) after the rows below."
done
stop_grid

if [ "$APKS" -gt 0 ]; then
  S_MANIFEST="$TMP/static-campaign.csv"
  {
    echo "name,operator,version,category,target,device"
    for i in $(seq "$APKS"); do
      apk="${STATIC_APKS[$(( (i - 1) % ${#STATIC_APKS[@]} ))]}"
      echo "$(basename "$apk" .apk) $i,$(basename "$apk" .apk),$i,,$PWD/$apk,"
    done
  } >"$S_MANIFEST"
  l0=$(load1)
  echo "bench: static campaign, $APKS APKs (load $l0)..." >&2
  batch static "$S_MANIFEST"
  l1=$(load1)
  IFS=$'\t' read -r done total findings per retried left reasons < <(outcome "$TMP/out-static")
  tpm=$(awk -v n="$APKS" -v s="$WALL_S" 'BEGIN { printf "%.1f", n * 60 / s }')
  STATIC_ROWS+=("| $APKS | $WALL_S | $tpm | $done/$APKS | $findings; $per | $RSS_MB MB | $l0 → $l1 | $RC |")
  echo "bench: static: ${WALL_S} s, $tpm targets/min, $done/$APKS done, $findings findings, peak RSS $RSS_MB MB, exit $RC" >&2
  [ "$done" = "$APKS" ] || NOTES+=("static: $done of $APKS targets done; not done: $reasons")
fi

write_results ""
echo "bench: wrote $OUT" >&2
