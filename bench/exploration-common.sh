# Shared by bench/exploration.sh and bench/exploration-overhead.sh (sourced, not run): builds PermLab and its test
# classes into a build directory of their own (other builds of this checkout are left alone) and finds free ports.
# Needs: java, mvn, curl; Chromium and ChromeDriver (scripts/setup.sh); for Appium, the npm packages (setup.sh).

BUILD="${PERMLAB_BUILD_DIR:-/tmp/permlab-exploration-bench}"
# The launcher's JVM options: a permlab run is a short process.
JAVA_OPTS_RUN=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx768m)

build_permlab() {
  echo "bench: building PermLab into $BUILD" >&2
  mvn -q -B -Dstyle.color=never -Dpermlab.buildDir="$BUILD" -DskipTests package >&2
  mvn -q -B -Dstyle.color=never -Dpermlab.buildDir="$BUILD" dependency:build-classpath \
      -Dmdep.includeScope=test -Dmdep.outputFile="$BUILD/test.classpath" >&2
  export TEST_CP="$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/test.classpath")"
}

# A port on 127.0.0.1 nobody listens on (random, checked).
free_port() {
  local p
  for _ in $(seq 50); do
    p=$(( 20000 + RANDOM % 20000 ))
    if ! (: <"/dev/tcp/127.0.0.1/$p") 2>/dev/null; then echo "$p"; return 0; fi
  done
  echo "bench: no free port found" >&2; return 1
}

machine_line() {
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1);" \
       "$(chromium --version 2>/dev/null | head -1); $(date -u +%F)."
}
