#!/usr/bin/env bash
# Times 'permlab scan' per APK against 'apktool d -s' (decode without sources, the usual way to read a manifest)
# and 'aapt dump badging' on the same real APKs, and reports peak memory (max RSS).
#
#   bench/scan-vs-apktool.sh [RUNS]          default 3 runs each; the median is reported
#
# APKs: the third-party ones pinned in package.json (npm ci fetches them). Needs: java, apktool and aapt (Debian),
# GNU time (/usr/bin/time). Writes bench/results/scan-vs-apktool.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
OUT="bench/results/scan-vs-apktool.md"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

for tool in apktool aapt /usr/bin/time; do
  command -v "$tool" >/dev/null || { echo "bench: $tool is missing (Debian: apt-get install -y apktool aapt time)" >&2; exit 1; }
done
[ -d node_modules/android-apidemos ] || npm ci --no-audit --no-fund >&2
./permlab --version >/dev/null   # build first, outside the timings
APKS=(node_modules/android-apidemos/apks/*.apk node_modules/io.appium.settings/apks/*.apk node_modules/appium-uiautomator2-server/apks/*.apk)
./permlab scan "${APKS[0]}" --out "$TMP/warm" --format json >/dev/null 2>&1 || true   # writes the class-data archive

# median "seconds maxrss_kb exit" of RUNS runs of a command (a failing run is timed too, and its exit status kept,
# so a tool that fails on an APK is reported as failing, not as fast)
measure() {
  local samples=() rc
  for _ in $(seq "$RUNS"); do
    rc=0
    /usr/bin/time -f "%e %M" -o "$TMP/t" "$@" >/dev/null 2>&1 || rc=$?
    samples+=("$(tail -1 "$TMP/t") $rc")
  done
  printf '%s\n' "${samples[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

# "1.23 s", or "fails (exit 1) after 0.11 s"
cell() { if [ "$2" -eq 0 ]; then echo "$1 s"; else echo "fails (exit $2) after $1 s"; fi; }

{
  echo "# permlab scan vs apktool d -s vs aapt dump badging"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); apktool $(apktool --version 2>/dev/null);"
  echo "median of $RUNS runs; one process per APK; time is wall-clock seconds, memory is peak RSS. $(date -u +%F)"
  echo
  echo "| APK | size | permlab scan | apktool d -s | aapt dump badging | speed-up vs apktool | permlab peak RSS | apktool peak RSS |"
  echo "|---|---|---|---|---|---|---|---|"
  for apk in "${APKS[@]}"; do
    # exit 4 is 'findings', a successful scan
    read -r ps pm prc < <(measure ./permlab scan "$apk" --out "$TMP/scan" --format json)
    [ "$prc" -eq 4 ] && prc=0
    read -r as am arc < <(measure apktool d -s -f -o "$TMP/apktool" "$apk")
    read -r bs _ brc < <(measure aapt dump badging "$apk")
    size=$(du -h "$apk" | cut -f1)
    ratio="–"
    [ "$arc" -eq 0 ] && [ "$prc" -eq 0 ] && ratio=$(awk -v a="$as" -v p="$ps" 'BEGIN { printf "%.1fx", a / p }')
    echo "| $(basename "$apk") | $size | $(cell "$ps" "$prc") | $(cell "$as" "$arc") | $(cell "$bs" "$brc") | $ratio | $((pm / 1024)) MB | $((am / 1024)) MB |"
  done
  echo
  mkdir -p "$TMP/batch"
  for i in 1 2 3 4 5; do for apk in "${APKS[@]}"; do cp "$apk" "$TMP/batch/$i-$(basename "$apk")"; done; done
  n=$(ls "$TMP/batch" | wc -l)
  read -r bt bm _ < <(measure ./permlab scan "$TMP/batch" --out "$TMP/batchout" --format json --no-progress)
  echo "Batch: one 'permlab scan' over $n APKs (the set above, 5 times): ${bt} s in all, $(awk -v t="$bt" -v n="$n" 'BEGIN { printf "%.2f", t / n }') s per APK, peak RSS $((bm / 1024)) MB."
  echo
  echo "aapt is native code reading only the manifest and resource table: it is the floor, not a competitor. 'permlab scan'"
  echo "also reads every dex (SDK prefixes, sensitive-API call sites, http:// strings), judges the rules and writes the report;"
  echo "its time includes the JVM start (class-data archive, C1 only). Over a folder the JVM starts once."
} | tee "$OUT"
