#!/usr/bin/env bash
# Issue 10's kill proof on a Grid: runs GridBatchKillTest (a hub and two one-slot nodes of Selenium Grid 4.48 on
# 127.0.0.1; an H5 campaign of 3 targets with --parallel 2 killed with -9 twice at points read from its journal,
# resumed, compared with an uninterrupted run) RUNS times, and writes its wall times to bench/results/grid-batch-kill.md.
# The test is tagged grid-kill and left out of the default 'mvn test' (minutes on 2 cores); this script is how it runs.
#
#   bench/grid-batch-kill.sh [RUNS]       default 1
#   PERMLAB_BUILD_DIR=/tmp/x bench/grid-batch-kill.sh      build directory (default /tmp/permlab-grid-kill-bench)
# Needs: java, mvn; Chromium and ChromeDriver (scripts/setup.sh); the Grid jar comes from Maven (tools/grid/pom.xml).
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/exploration-common.sh
RUNS="${1:-1}"
BUILD="${PERMLAB_BUILD_DIR:-/tmp/permlab-grid-kill-bench}"
OUT="bench/results/grid-batch-kill.md"
LOG="$(mktemp)"
trap 'rm -f "$LOG"' EXIT

TIMES=()
for i in $(seq "$RUNS"); do
  t0=$(date +%s%N)
  if ! mvn -q -B -Dstyle.color=never -Dpermlab.buildDir="$BUILD" -Dpermlab.excludedGroups=none -Dgroups=grid-kill \
       -Dtest=GridBatchKillTest -Dsurefire.failIfNoSpecifiedTests=false test >"$LOG" 2>&1; then
    tail -60 "$LOG" >&2
    echo "bench: GridBatchKillTest failed on run $i (reports in $BUILD/surefire-reports)" >&2
    exit 1
  fi
  t1=$(date +%s%N)
  test_s=$(grep -o 'testcase name="killedAndResumedGridCampaignEqualsAnUninterruptedOne"[^>]*time="[0-9.]*"' \
           "$BUILD/surefire-reports/TEST-io.permlab.it.dynamic.GridBatchKillTest.xml" | grep -o 'time="[0-9.]*"' | tr -dc '0-9.')
  ref_ms=$(grep -o 'GridBatchKillTest: reference run [0-9]* ms' "$LOG" | grep -o '[0-9]*' | head -1 || true)
  TIMES+=("| $i | ${ref_ms:+$(( ref_ms / 1000 ))} | $test_s | $(( (t1 - t0) / 1000000000 )) | $(cut -d' ' -f1-3 /proc/loadavg) |")
  echo "bench: run $i: test ${test_s} s" >&2
done

{
  echo "# GridBatchKillTest: a Grid-backed batch killed with -9 and resumed"
  echo
  echo "Written by bench/grid-batch-kill.sh. $(machine_line)"
  echo "Hub + 2 nodes (1 slot each), 3 H5 targets, --parallel 2: an uninterrupted reference run, then the campaign"
  echo "killed while a target runs, resumed, killed after a target finished, resumed to the end; all checks green."
  echo
  echo "| run | uninterrupted reference run (s) | test (s, surefire) | mvn wall (s, with the build and the Grid's start) | load average at the end |"
  echo "|---|---|---|---|---|"
  printf '%s\n' "${TIMES[@]}"
  echo
  echo "Issue 10 asks for <= 90 s on a quiet 2-core machine for a kill test in CI; the reference run alone takes about half"
  echo "of the test, so the test is tagged grid-kill and left out of the default 'mvn test' (pom.xml permlab.excludedGroups)."
} >"$OUT"
echo "bench: wrote $OUT" >&2
