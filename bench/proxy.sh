#!/usr/bin/env bash
# Throughput of the recording proxy (docs/android-traffic.md): Java's HTTP client POSTing to a local HTTPS server
# directly and through the proxy, then one large upload through it. Loopback only, a fixed number of requests.
#
#   bench/proxy.sh [REQUESTS] [UPLOAD_MB]      defaults: 2000 requests, 50 MB
#
# Runs io.permlab.capture.proxy.ProxyBenchmark on Maven's test classpath in its own JVM; the CA it makes goes to a
# temporary folder. Writes bench/results/proxy.md.
set -euo pipefail
cd "$(dirname "$0")/.."
REQUESTS="${1:-2000}"
UPLOAD_MB="${2:-50}"
BUILD="${PERMLAB_BENCH_BUILD:-/tmp/permlab-bench-build}"
mvn -q -Dpermlab.buildDir="$BUILD" test-compile dependency:build-classpath \
    -Dmdep.includeScope=test -Dmdep.outputFile="$BUILD/bench-classpath.txt" >&2
CP="$BUILD/test-classes:$BUILD/classes:$(cat "$BUILD/bench-classpath.txt")"
java -Xmx512m -Dsun.net.httpserver.nodelay=true -cp "$CP" io.permlab.capture.proxy.ProxyBenchmark bench/results/proxy.md "$REQUESTS" "$UPLOAD_MB"
