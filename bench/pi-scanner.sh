#!/usr/bin/env bash
# PI scanner throughput on a large generated HAR (issue 3: >= 100 MB/s on one core).
#
#   bench/pi-scanner.sh [MB] [ITERATIONS] [WARMUP]     defaults: 220 MB of HAR text, 5 timed passes, 2 warm-up passes
#   bench/pi-scanner.sh --persona [MB] [ITERATIONS] [WARMUP]
#       the persona mode: the same corpus with test-persona values planted; PiScanner alone, PersonaMatcher alone,
#       and both, in MB per CPU-second; writes bench/results/pi-scanner-persona.md
#
# Compiles the test classes, then runs io.permlab.capture.bench.PiScannerBenchmark on Maven's test classpath in its
# own JVM (so heap figures are the benchmark's, not Maven's), pinned to one CPU with taskset when available, then
# streams the same HAR again through a JVM with a 128 MB heap. The generated HAR goes to a temporary folder and is
# deleted afterwards. Writes bench/results/pi-scanner.md.
set -euo pipefail
cd "$(dirname "$0")/.."
PERSONA=0
if [[ "${1:-}" == "--persona" ]]; then
  PERSONA=1
  shift
fi
MB="${1:-220}"
ITERATIONS="${2:-5}"
WARMUP="${3:-2}"
BUILD="${PERMLAB_BENCH_BUILD:-/tmp/permlab-bench-build}"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

mvn -q -Dpermlab.buildDir="$BUILD" test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$BUILD/bench-classpath.txt" >&2
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/bench-classpath.txt")"
PIN=()
if command -v taskset >/dev/null; then
  PIN=(taskset -c 0)
fi
if [[ $PERSONA == 1 ]]; then
  "${PIN[@]}" java -Xmx3g -XX:+UseParallelGC -XX:ParallelGCThreads=1 -XX:CICompilerCount=2 -cp "$CP" \
      io.permlab.capture.bench.PersonaBenchmark bench/results/pi-scanner-persona.md "$TMP/bench.har" "$MB" "$ITERATIONS" "$WARMUP"
  exit 0
fi
"${PIN[@]}" java -Xmx3g -XX:+UseParallelGC -XX:ParallelGCThreads=1 -XX:CICompilerCount=2 -Dbench.cores="$(nproc --all)" -cp "$CP" \
    io.permlab.capture.bench.PiScannerBenchmark bench/results/pi-scanner.md "$TMP/bench.har" "$MB" "$ITERATIONS" "$WARMUP"
# the same HAR once more through a small heap: memory must not grow with the file
"${PIN[@]}" java -Xmx128m -XX:+UseSerialGC -cp "$CP" \
    io.permlab.capture.bench.PiScannerBenchmark --stream bench/results/pi-scanner.md "$TMP/bench.har"
