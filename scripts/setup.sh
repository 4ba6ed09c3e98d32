#!/usr/bin/env bash
# Installs what PermLab and its tests use, when missing: Debian packages (Chromium and ChromeDriver for H5 flows,
# aapt as an independent manifest reader, adb for Android devices, apktool and GNU time for the benchmarks) and
# the npm packages pinned in package-lock.json (the Appium server and the third-party APKs used as test subjects).
# Idempotent: a second run installs nothing.
set -euo pipefail
cd "$(dirname "$0")/.."

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
  echo "setup: installing Debian packages: ${need[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >&2
fi

for tool in java mvn node npm; do
  command -v "$tool" >/dev/null 2>&1 || { echo "setup: $tool is missing (Java 17, Maven 3.8, Node 20 expected)" >&2; exit 1; }
done

# npm ci only when package-lock.json changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  echo "setup: installing pinned npm packages (npm ci)" >&2
  npm ci --no-audit --no-fund --loglevel=error >&2
fi

# Appium finds its drivers through APPIUM_HOME; PermLab keeps it inside the project and registers the pinned
# Chromium driver from node_modules (npm 11 skips Appium's own postinstall that would do it).
if ! APPIUM_HOME="$PWD/.appium" npx --no-install appium driver list --installed 2>&1 | grep "chromium@" >/dev/null; then
  echo "setup: registering the Appium Chromium driver in .appium/" >&2
  APPIUM_HOME="$PWD/.appium" npx --no-install appium driver install --source=local "$PWD/node_modules/appium-chromium-driver" >&2
fi
