#!/usr/bin/env bash
# Instrumentation overhead per run: apps/demo-delivery's add-address flow (baseline policy) written as a plain
# Selenium script (same Chromium, flags, mobile emulation, steps and waits; no DevTools, shim, screenshots or HAR)
# against the same flow run by PermLab (LocalChromeSessionFactory + FlowRunner + PI scan and HAR), alternating in one
# JVM, medians by phase. Prints a Markdown section; bench/exploration.sh puts it into bench/results/exploration.md.
#
#   bench/exploration-overhead.sh [RUNS]        default 7
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/exploration-common.sh
RUNS="${1:-7}"
[ -n "${TEST_CP:-}" ] || build_permlab

echo "### (b) Instrumentation overhead per run"
echo
java -Dpermlab.home="$PWD" -cp "$TEST_CP" io.permlab.bench.RunOverheadBenchmark "$RUNS" 2>/dev/null
