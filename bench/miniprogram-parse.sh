#!/usr/bin/env bash
# How fast 'permlab scan' reads mini-program code: JavaScript files parsed (GraalJS parser) and analysed per second.
#
#   bench/miniprogram-parse.sh [RUNS] [PAGES]     default 3 runs each (the median is reported), 2000 generated pages
#
# Inputs: @vant/weapp's lib/ and dist/ (pinned in package.json; npm ci fetches it), wrapped as the miniprogram_npm of a
# one-page mini-program that uses every component; and a mini-program generated here with PAGES pages, each page a
# realistic script (lifecycle hooks, wx.* calls with callbacks, setData, requests). Reported per input: files analysed,
# the inspection time inside the scan (findings.json 'millis': reading, parsing, analysing, rules), files per second on
# that, wall-clock time of the whole process (JVM start and reports included) and peak memory.
# Needs: java, GNU time (/usr/bin/time). PERMLAB overrides the command (default ./permlab). Writes bench/results/miniprogram-parse.md.
set -euo pipefail
cd "$(dirname "$0")/.."
RUNS="${1:-3}"
PAGES="${2:-2000}"
PERMLAB="${PERMLAB:-./permlab}"
OUT="bench/results/miniprogram-parse.md"
TMP="$(mktemp -d)"
trap 'rm -rf "$TMP"' EXIT

command -v /usr/bin/time >/dev/null || { echo "bench: GNU time is missing (Debian: apt-get install -y time)" >&2; exit 1; }
[ -d node_modules/@vant/weapp/lib ] || npm ci --no-audit --no-fund >&2
$PERMLAB --version >/dev/null   # build first, outside the timings

# 1. @vant/weapp: every component (lib/ and dist/) used by one page, as npm components are after "build npm".
vant="$TMP/vant"
mkdir -p "$vant/pages/index" "$vant/miniprogram_npm/@vant"
cp -r node_modules/@vant/weapp/lib "$vant/miniprogram_npm/@vant/weapp"
cp -r node_modules/@vant/weapp/dist "$vant/miniprogram_npm/@vant/weapp-dist"
components=$(ls node_modules/@vant/weapp/lib | while read -r c; do
  if [ -f "node_modules/@vant/weapp/lib/$c/index.js" ]; then
    printf '"van-%s": "@vant/weapp/%s/index", "vd-%s": "@vant/weapp-dist/%s/index", ' "$c" "$c" "$c" "$c"
  fi
done)
echo "{\"pages\": [\"pages/index/index\"]}" > "$vant/app.json"
echo "App({});" > "$vant/app.js"
echo "{\"usingComponents\": {${components%, }}}" > "$vant/pages/index/index.json"
echo "Page({ onLoad() {} });" > "$vant/pages/index/index.js"
echo "<van-button>ok</van-button>" > "$vant/pages/index/index.wxml"

# 2. A generated mini-program: PAGES pages of ordinary page code.
gen="$TMP/generated"
mkdir -p "$gen/utils"
{
  printf '{"pages": ['
  for i in $(seq 1 "$PAGES"); do printf '%s"pages/p%d/p%d"' "$([ "$i" -gt 1 ] && echo ,)" "$i" "$i"; done
  printf '], "permission": {"scope.userLocation": {"desc": "用于查找附近的门店"}}, "requiredPrivateInfos": ["getLocation", "chooseAddress"]}\n'
} > "$gen/app.json"
echo "App({ onLaunch() { this.globalData.ready = true; }, globalData: {} });" > "$gen/app.js"
cat > "$gen/utils/api.js" <<'JS'
const BASE = 'https://api.bench.example.cn';
module.exports = { BASE, get(path, data) { return new Promise((ok, fail) => wx.request({ url: BASE + path, data, success: ok, fail })); } };
JS
for i in $(seq 1 "$PAGES"); do
  d="$gen/pages/p$i"
  mkdir -p "$d"
  echo '{"usingComponents": {}}' > "$d/p$i.json"
  echo "<view bindtap=\"onTap\">page $i</view><button bindtap=\"pickAddress\">address</button>" > "$d/p$i.wxml"
  cat > "$d/p$i.js" <<JS
const api = require('../../utils/api.js');

Page({
  data: { items: [], page: $i, loading: false, address: null, filter: { sort: 'distance', open: true } },

  async onLoad(query) {
    this.setData({ loading: true });
    try {
      const res = await api.get('/items/$i', { page: query.page || 1 });
      this.setData({ items: res.data.map((x) => ({ ...x, label: \`\${x.name} #\${x.id}\` })) });
    } catch (e) {
      wx.showToast({ title: '加载失败', icon: 'none' });
    } finally {
      this.setData({ loading: false });
    }
  },

  onShow() {
    const cached = wx.getStorageSync('filter-$i');
    if (cached?.sort) {
      this.setData({ filter: { ...this.data.filter, ...cached } });
    }
  },

  onTap(e) {
    const id = e.currentTarget.dataset.id ?? 0;
    wx.navigateTo({ url: '/pages/p$(( i % PAGES + 1 ))/p$(( i % PAGES + 1 ))?id=' + id });
  },

  pickAddress() {
    wx.chooseAddress({
      success: (res) => this.setData({ address: { name: res.userName, detail: res.detailInfo } }),
      fail: () => wx.showToast({ title: '已取消', icon: 'none' })
    });
  },

  nearby() {
    wx.getLocation({
      type: 'gcj02',
      success: ({ latitude, longitude }) => {
        wx.request({ url: api.BASE + '/nearby', method: 'POST', data: { latitude, longitude } });
      }
    });
  },

  onPullDownRefresh() {
    this.onLoad({ page: 1 }).then(() => wx.stopPullDownRefresh());
  }
});
JS
done

# median of RUNS runs: "wall_seconds maxrss_kb inspection_millis files"
measure() {
  local samples=()
  for _ in $(seq "$RUNS"); do
    rm -rf "$TMP/out"
    /usr/bin/time -f "%e %M" -o "$TMP/t" $PERMLAB scan "$1" --out "$TMP/out" --format json --no-progress >/dev/null 2>&1 || true
    local millis files
    millis=$(grep -o '"millis": [0-9]*' "$TMP/out/findings.json" | head -1 | grep -o '[0-9]*$')
    files=$(grep -o '"scriptsAnalysed": [0-9]*' "$TMP/out/findings.json" | head -1 | grep -o '[0-9]*$')
    samples+=("$(tail -1 "$TMP/t") $millis $files")
  done
  printf '%s\n' "${samples[@]}" | sort -n -k3 | sed -n "$(( (RUNS + 1) / 2 ))p"
}

row() {
  local name="$1" dir="$2" size
  size=$(du -sh "$dir" | cut -f1)
  read -r wall rss millis files < <(measure "$dir")
  local rate
  rate=$(awk -v f="$files" -v m="$millis" 'BEGIN { printf "%.0f", f / (m / 1000) }')
  echo "| $name | $files | $size | ${millis} ms | $rate | ${wall} s | $((rss / 1024)) MB |"
}

{
  echo "# Mini-program code: files parsed and analysed per second"
  echo
  echo "Machine: $(nproc) cores, $(free -g | awk '/Mem:/{print $2}') GiB; $(java -version 2>&1 | head -1); command: \`$PERMLAB scan DIR --format json\`;"
  echo "median of $RUNS runs (by inspection time); $(date -u +%F). Files are parsed on all cores in parallel."
  echo
  echo "| input | JS files analysed | size | inspection time | files/s (inspection) | wall clock (process) | peak RSS |"
  echo "|---|---|---|---|---|---|---|"
  row "@vant/weapp 1.11.7 lib/ + dist/ (as miniprogram_npm)" "$vant"
  row "generated, $PAGES pages" "$gen"
  echo
  echo "Inspection time is the target's time inside the scan: listing and reading the files, app.json and the pages' .json"
  echo "and .wxml, parsing every .js with GraalJS's parser and walking it, then the rules. Wall clock adds the JVM start and"
  echo "the report. The first input is cold-JVM bound (the parser's classes load and warm up during it); the second shows"
  echo "the steady rate."
} | tee "$OUT"
