#!/usr/bin/env bash
# Fuzzes every inspector through the pipeline 'permlab scan' uses: seeded mutations (bit flips, truncation, byte
# insertion, chunk duplication, length-field corruption) of the fixture APKs, the sample apps, a .apks and an .xapk,
# their manifests, resource tables, dex files and network security configs, the bundled mini-programs' packages,
# app.json, project.config.json, scripts and markup. The suite's InspectorFuzzTest runs 300 of the same inputs.
#
#   bench/fuzz.sh [COUNT] [MINUTES] [SEED]     default 10000 inputs, stopping early after 10 minutes, seed 20261206
#
# Prints and writes to bench/results/fuzz.md: inputs inspected, with processing errors, errors by kind, internal
# errors, raw exception text in messages, inputs missing from the result, timeouts (> 10 s) and the maximum time per
# input. Needs: java, mvn (the test classes and their classpath).
set -euo pipefail
cd "$(dirname "$0")/.."
COUNT="${1:-10000}"
MINUTES="${2:-10}"
SEED="${3:-20261206}"
OUT="bench/results/fuzz.md"
BUILD="${PERMLAB_BUILD_DIR:-$PWD/target}"
CP_FILE="$(mktemp)"
trap 'rm -f "$CP_FILE"' EXIT

mvn -B -q -o -Dstyle.color=never -Dpermlab.buildDir="$BUILD" test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >&2 \
  || mvn -B -q -Dstyle.color=never -Dpermlab.buildDir="$BUILD" test-compile dependency:build-classpath \
    -Dmdep.outputFile="$CP_FILE" -Dmdep.includeScope=test >&2

java -ea -Xmx2g -Dbasedir="$PWD" -Dpermlab.buildDir="$BUILD" \
  -cp "$BUILD/test-classes:$BUILD/classes:$(cat "$CP_FILE")" io.permlab.fuzz.FuzzBench "$COUNT" "$SEED" "$MINUTES" "$OUT"
