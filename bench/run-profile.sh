#!/usr/bin/env bash
# Where one PermLab run's time goes, per Session call: apps/demo-delivery's add-address flow (baseline policy) run by
# FlowRunner in local Chromium, each Session method timed (tap, type, settle, screenshot, takeExchanges …), means of
# RUNS runs after a warm-up. For choosing what to cut next in the instrumentation overhead (bench/exploration.sh (b));
# prints a Markdown table, writes nothing.
#
#   bench/run-profile.sh [RUNS]        default 5
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/exploration-common.sh
RUNS="${1:-5}"
[ -n "${TEST_CP:-}" ] || build_permlab
java -Dpermlab.home="$PWD" -cp "$TEST_CP" io.permlab.bench.SessionCallProfile "$RUNS" 2>/dev/null
