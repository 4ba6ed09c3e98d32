#!/usr/bin/env bash
# The test command: sets up what the tests need (scripts/setup.sh), then runs every test with Maven.
# No test needs an Android device yet: Android apps are inspected statically (see README, Limits).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
# jansi.noreset: no ESC[0m from Maven 3.8's console library in the log (see ./permlab)
MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" exec mvn -B -Dstyle.color=never verify "$@"
