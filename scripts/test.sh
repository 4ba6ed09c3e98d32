#!/usr/bin/env bash
# The test command: sets up what the tests need (scripts/setup.sh), then runs every test with Maven.
# No test needs an Android device yet: Android apps are inspected statically (see README, Limits).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec mvn -B -Dstyle.color=never verify "$@"
