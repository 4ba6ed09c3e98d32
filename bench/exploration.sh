#!/usr/bin/env bash
# Exploration cost of 'permlab run' on the two H5 samples, through each session kind (local ChromeDriver, a Selenium
# Grid 4.48 standalone started here, an Appium server PermLab starts itself), RUNS times each: wall time of the
# command, the target's time, each run's time (1 baseline + k refused/approximate runs), and what a target costs
# beyond its runs. Then session open/close times per kind, and the instrumentation overhead per run
# (bench/exploration-overhead.sh). Writes bench/results/exploration.md.
#
#   bench/exploration.sh [RUNS]          default 5; medians are reported
#   PERMLAB_BUILD_DIR=/tmp/x bench/exploration.sh      build directory (default /tmp/permlab-exploration-bench)
set -euo pipefail
cd "$(dirname "$0")/.."
source bench/exploration-common.sh
RUNS="${1:-5}"
OUT="bench/results/exploration.md"
TMP="$(mktemp -d)"
GRID_PID=""
cleanup() {
  if [ -n "$GRID_PID" ]; then kill "$GRID_PID" 2>/dev/null || true; wait "$GRID_PID" 2>/dev/null || true; fi
  rm -rf "$TMP"
}
trap cleanup EXIT

[ -f node_modules/appium/index.js ] || { echo "bench: Appium is not installed: run scripts/setup.sh first" >&2; exit 1; }
build_permlab
mvn -q -B -f tools/grid/pom.xml dependency:build-classpath -Dmdep.outputFile="$BUILD/grid.classpath" >&2

GRID_PORT=$(free_port)
java -Xmx512m -cp "$(cat "$BUILD/grid.classpath")" org.openqa.selenium.grid.Main standalone --host 127.0.0.1 \
     --port "$GRID_PORT" --selenium-manager false >"$TMP/grid.log" 2>&1 &
GRID_PID=$!
for _ in $(seq 120); do
  curl -s "http://127.0.0.1:$GRID_PORT/status" | grep -q '"ready": true' && break
  sleep 0.5
done
curl -s "http://127.0.0.1:$GRID_PORT/status" | grep -q '"ready": true' || { echo "bench: the Grid did not start:" >&2; tail "$TMP/grid.log" >&2; exit 1; }

# One 'permlab run' of one sample; appends "WALL_MS FINDINGS_JSON" to $TMP/<kind>-<sample>.runs
permlab_run() {
  local kind="$1" sample="$2" i="$3"; shift 3
  local out="$TMP/$kind-$sample-$i" rc=0 t0 t1
  t0=$(date +%s%N)
  java "${JAVA_OPTS_RUN[@]}" -Dpermlab.home="$PWD" -jar "$BUILD/permlab.jar" run "apps/$sample" --out "$out" \
       --no-progress --format json "$@" >"$TMP/console" 2>&1 || rc=$?
  t1=$(date +%s%N)
  if [ "$rc" -ne 0 ] && [ "$rc" -ne 4 ]; then echo "bench: permlab run $sample ($kind) exited $rc:" >&2; tail -20 "$TMP/console" >&2; exit 1; fi
  echo "$(( (t1 - t0) / 1000000 )) $out/findings.json" >>"$TMP/$kind-$sample.runs"
}

ROWS=()
for kind in local local-1 grid appium; do
  for sample in demo-delivery demo-delivery-compliant; do
    for i in $(seq "$RUNS"); do
      case "$kind" in
        local) permlab_run "$kind" "$sample" "$i" ;;
        local-1) permlab_run "$kind" "$sample" "$i" --runs-at-once 1 ;;
        grid) permlab_run "$kind" "$sample" "$i" --grid "http://127.0.0.1:$GRID_PORT" ;;
        appium) permlab_run "$kind" "$sample" "$i" --appium "http://127.0.0.1:$(free_port)" ;;
      esac
      echo "bench: $kind $sample run $i done" >&2
    done
    ROWS+=("$(java -cp "$TEST_CP" io.permlab.bench.ExplorationFigures "$kind" "$sample" "$TMP/$kind-$sample.runs")")
  done
done
SESSIONS="$(java -Dpermlab.home="$PWD" -cp "$TEST_CP" io.permlab.bench.SessionStartBenchmark "$RUNS" \
            --grid "http://127.0.0.1:$GRID_PORT" --appium "http://127.0.0.1:$(free_port)" 2>/dev/null)"
OVERHEAD="$(bench/exploration-overhead.sh 7)"

{
  echo "# Exploration cost and instrumentation overhead (H5 samples)"
  echo
  machine_line
  echo "Produced by \`bench/exploration.sh $RUNS\`; medians (min–max)."
  echo
  echo "## (a) Exploration cost of \`permlab run\`"
  echo
  echo "One \`permlab run apps/<sample> --format json\` process per measurement (JVM start, build of nothing: the jar is"
  echo "prebuilt), $RUNS times per sample and session kind. An exploration is 1 baseline run + k runs (here k = 2: location"
  echo "refused, location approximate). *Run* is the run's own time as recorded in findings.json: first step to end of the"
  echo "run (steps, waits, screenshots, the 2 s relaunch probe of a refused run, the storage snapshot); it excludes opening"
  echo "and closing the browser session. *Exploration* is each function's own time as findings.json records it (\`millis\`: from"
  echo "opening the baseline's session to the last run recorded, sessions, PI scan and HAR included) and how many of its runs"
  echo "could have a session open at once (\`--runs-at-once\`, default 2; the local-1 rows run them one after another); the"
  echo "target time adds serving the sample and the rules, the command's wall time JVM start, knowledge loading and reports."
  echo "The appium rows include PermLab starting and stopping the pinned Appium server on every command (nothing listens on the port)."
  echo
  echo "| session | sample | n | \`permlab run\` wall time | target time | runs (median each) | exploration per function | findings |"
  echo "|---|---|---|---|---|---|---|---|"
  printf '%s\n' "${ROWS[@]}"
  echo
  echo "### Session open and close"
  echo
  echo "$SESSIONS"
  echo
  echo "$OVERHEAD"
  echo
  cat <<'TEXT'
What each column includes: *browser session start* is `new ChromeDriver(...)` plus the two CDP commands granting a
precise location for the plain script, and `LocalChromeSessionFactory.open` for PermLab (ChromeDriver, DevTools
connection, permission shim, network/error observers, every permission's policy, geolocation and time-zone override).
*Flow* is from `driver.get` of the entry page to the checkpoint being visible; for PermLab it is `FlowRunner.run`,
which also lets each step that is not a wait settle — 40 ms, then until no request is in flight, no DevTools or permission
event has come for 60 ms and no timer of at most 300 ms is due (a debounce), at most 1 s (FlowRunner.SETTLE_MAX) — so
requests and prompts an interaction triggers are attributed to it; it takes a screenshot (390×844, the profile's screenshotPixelRatio 1) at every permission request and at the checkpoint (with typed text masked), collects traffic
(response bodies over CDP) after every step, and snapshots storage at the end. *Recording* is ExplorationRecorder's
work (PI scan of every exchange and of storage, HAR written). *Session close* is `quit` for the plain script and
`Session.close` for PermLab (DevTools detach, quit, driver stop, profile folder deleted). Not included anywhere: JVM
start, serving the sample (started once for all runs), the rules and the reports — those are in (a). The "plain + 200
ms settle" column is the plain script with a fixed 200 ms pause after each step (the settle's upper bound, and what
FlowRunner did before it waited for quiet instead): the price of attributing traffic to steps without observing it.
TEXT
} | tee "$OUT"
