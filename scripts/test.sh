#!/usr/bin/env bash
# The test command: sets up what the tests need (scripts/setup.sh), then runs every test with Maven.
# Android device tests run when a device is attached (adb devices) and are reported as skipped otherwise.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
exec mvn -B -Dstyle.color=never verify "$@"
