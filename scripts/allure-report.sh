#!/usr/bin/env bash
# Turns Allure results into an HTML report: scripts/allure-report.sh [RESULTS_DIR] [REPORT_DIR]
# Default: target/allure-results (from 'mvn -Pinspections -DskipTests verify') into target/allure-report; the
# allure-results/ folder a 'permlab scan' or 'permlab run' writes works too. Fetches Allure's command line
# (io.qameta.allure:allure-commandline zip, Maven Central) into target/ on first use; needs Java, nothing else.
set -euo pipefail
cd "$(dirname "$0")/.."

RESULTS="${1:-target/allure-results}"
REPORT="${2:-target/allure-report}"
VERSION=2.34.1
CLI_DIR=target/allure-cli
ALLURE="$CLI_DIR/allure-$VERSION/bin/allure"

[ -d "$RESULTS" ] || { echo "allure-report: no results in $RESULTS (run 'mvn -Pinspections -DskipTests verify' first)" >&2; exit 2; }

if [ ! -x "$ALLURE" ]; then
  echo "allure-report: fetching Allure $VERSION's command line into $CLI_DIR/" >&2
  # -Dtransitive=false: the zip's POM names dependencies Maven Central does not serve; the zip needs none of them.
  MAVEN_OPTS="${MAVEN_OPTS:-} -Djansi.noreset=true" mvn -q -B -Dstyle.color=never \
    org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy \
    -Dartifact="io.qameta.allure:allure-commandline:$VERSION:zip" -Dtransitive=false -DoutputDirectory="$CLI_DIR" >&2
  unzip -q -o "$CLI_DIR/allure-commandline-$VERSION.zip" -d "$CLI_DIR"
fi

"$ALLURE" generate "$RESULTS" -o "$REPORT" --clean >&2
echo "$REPORT/index.html"
