#!/usr/bin/env bash
# Installs what PermLab and its tests use, when missing: Debian packages (Chromium and ChromeDriver for H5 flows,
# aapt as an independent manifest reader, adb for Android devices, apktool and GNU time for the benchmarks) and
# the npm packages pinned in package-lock.json (the Appium server, its Chromium and UiAutomator2 drivers, and the
# third-party APKs used as test subjects).
# Idempotent: a second run installs nothing.
# Each step prints one line; what apt and npm say goes to a log file outside the tracked files (target/setup.log,
# or $PERMLAB_SETUP_LOG), its end printed when a step fails.
set -euo pipefail
cd "$(dirname "$0")/.."

LOG="${PERMLAB_SETUP_LOG:-$PWD/target/setup.log}"
mkdir -p "$(dirname "$LOG")"

# step "what it does" command...: one line on the console, the command's output in $LOG, its end shown on failure.
step() {
  local what="$1"; shift
  local started=$SECONDS
  local from=1
  if [ -f "$LOG" ]; then from=$(($(wc -l <"$LOG") + 1)); fi
  printf 'setup: %s ... ' "$what" >&2
  echo "=== $(date -u +%FT%TZ) $what: $*" >>"$LOG"
  if "$@" >>"$LOG" 2>&1; then
    echo "ok ($((SECONDS - started)) s)" >&2
  else
    local rc=$?
    echo "FAILED (exit $rc); the end of its output (all of it in $LOG):" >&2
    tail -n +"$from" "$LOG" | tail -n 80 >&2
    exit "$rc"
  fi
}

need=()
command -v chromium >/dev/null 2>&1 || need+=(chromium)
command -v chromedriver >/dev/null 2>&1 || need+=(chromium-driver)
command -v aapt >/dev/null 2>&1 || need+=(aapt)
command -v adb >/dev/null 2>&1 || need+=(adb)
command -v apktool >/dev/null 2>&1 || need+=(apktool)
[ -x /usr/bin/time ] || need+=(time)
# CJK glyphs for screenshots of Chinese pages (evidence) and for viewing the Chinese report on this machine.
fc-list 2>/dev/null | grep -i "wenquanyi\|noto sans cjk" >/dev/null || need+=(fonts-wqy-zenhei)

if [ ${#need[@]} -gt 0 ]; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then
    command -v sudo >/dev/null 2>&1 || { echo "setup: need root or sudo to install: ${need[*]}" >&2; exit 1; }
    sudo="sudo"
  fi
  step "apt-get update" $sudo apt-get update -qq
  step "installing Debian packages: ${need[*]}" \
    $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

for tool in java mvn node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "setup: $tool is missing (Java 17, Maven 3.8, Node 20 expected)" >&2; exit 1; }
done

# npm ci only when package-lock.json changed since the last install: the install records the lock file's checksum
# (a fresh checkout or a git worktree has a newer lock file by date, not a different one). A node_modules that is a
# link to a folder other checkouts share is left alone: npm ci empties it first.
lock_sum="$(sha256sum package-lock.json | cut -d' ' -f1)"
stamp=node_modules/.permlab-lock.sha256
if [ -L node_modules ]; then
  [ -f node_modules/.package-lock.json ] ||
    echo "setup: node_modules links to $(readlink node_modules), which holds no install; run 'npm ci' there" >&2
else
  if [ -f node_modules/.package-lock.json ] && [ ! -f "$stamp" ] && [ ! package-lock.json -nt node_modules/.package-lock.json ]; then
    echo "$lock_sum" >"$stamp" # installed before the checksum was recorded
  fi
  if [ "$(cat "$stamp" 2>/dev/null)" != "$lock_sum" ]; then
    step "installing pinned npm packages (npm ci)" npm ci --no-audit --no-fund --loglevel=error
    echo "$lock_sum" >"$stamp"
  fi
fi
# The WXML compiler ships without its execute bit (the package sets 0777 on its first use): make it executable, and
# no more, so that 'permlab doctor' is right before the first mini-program run.
wcc=node_modules/miniprogram-compiler/bin/linux/wcc
if [ -f "$wcc" ] && [ ! -x "$wcc" ]; then
  chmod 755 "$wcc"
fi

# Appium finds its drivers through APPIUM_HOME; PermLab keeps it inside the project and registers the pinned
# Chromium driver from node_modules (npm 11 skips Appium's own postinstall that would do it).
if ! APPIUM_HOME="$PWD/.appium" npx --no-install appium driver list --installed 2>&1 | grep "chromium@" >/dev/null; then
  step "registering the Appium Chromium driver in .appium/" \
    env APPIUM_HOME="$PWD/.appium" npx --no-install appium driver install --source=local "$PWD/node_modules/appium-chromium-driver"
fi

# The UiAutomator2 driver (Android apps on devices and emulators) is pinned in package.json like the Chromium one and
# registered the same way; it needs ANDROID_HOME at run time, which Debian's adb and aapt lay out under /usr/lib/android-sdk.
if ! APPIUM_HOME="$PWD/.appium" npx --no-install appium driver list --installed 2>&1 | grep "uiautomator2@" >/dev/null; then
  step "registering the Appium UiAutomator2 driver in .appium/" \
    env APPIUM_HOME="$PWD/.appium" npx --no-install appium driver install --source=local "$PWD/node_modules/appium-uiautomator2-driver"
fi
