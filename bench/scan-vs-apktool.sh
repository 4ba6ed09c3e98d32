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

# median "seconds maxrss_kb" of RUNS runs of a command
measure() {
  local samples=()
  for _ in $(seq "$RUNS"); do
    /usr/bin/time -f "%e %M" -o "$TMP/t" "$@" >/dev/null 2>&1 || true
    samples+=("$(tail -1 "$TMP/t")")
  done
  printf '%s\n' "${samples[@]}" | sort -n | sed -n "$(( (RUNS + 1) / 2 ))p"
}

{
  echo "# permlab scan vs apktool d -s vs aapt dump badging"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); apktool $(apktool --version 2>/dev/null);"
  echo "median of $RUNS runs; one process per APK; time is wall-clock seconds, memory is peak RSS. $(date -u +%F)"
  echo
  echo "| APK | size | permlab scan | apktool d -s | aapt dump badging | speed-up vs apktool | permlab peak RSS | apktool peak RSS |"
  echo "|---|---|---|---|---|---|---|---|"
  for apk in "${APKS[@]}"; do
    read -r ps pm < <(measure ./permlab scan "$apk" --out "$TMP/scan" --format json)
    read -r as am < <(measure apktool d -s -f -o "$TMP/apktool" "$apk")
    read -r bs _ < <(measure aapt dump badging "$apk")
    size=$(du -h "$apk" | cut -f1)
    ratio=$(awk -v a="$as" -v p="$ps" 'BEGIN { printf "%.1fx", a / p }')
    echo "| $(basename "$apk") | $size | ${ps} s | ${as} s | ${bs} s | $ratio | $((pm / 1024)) MB | $((am / 1024)) MB |"
  done
  echo
  mkdir -p "$TMP/batch"
  for i in 1 2 3 4 5; do for apk in "${APKS[@]}"; do cp "$apk" "$TMP/batch/$i-$(basename "$apk")"; done; done
  n=$(ls "$TMP/batch" | wc -l)
  read -r bt bm < <(measure ./permlab scan "$TMP/batch" --out "$TMP/batchout" --format json --no-progress)
  echo "Batch: one 'permlab scan' over $n APKs (the set above, 5 times): ${bt} s in all, $(awk -v t="$bt" -v n="$n" 'BEGIN { printf "%.2f", t / n }') s per APK, peak RSS $((bm / 1024)) MB."
} | tee "$OUT"
