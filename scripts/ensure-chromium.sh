#!/usr/bin/env bash
# The e2e tests drive Debian's Chromium; Playwright cannot download a browser here.
set -euo pipefail
chromium_path="${CHROMIUM_PATH:-/usr/bin/chromium}"
if [ -x "$chromium_path" ]; then exit 0; fi
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "Chromium is missing: installing Debian's chromium package…"
  (apt-get install -y -qq chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium >/dev/null; })
  exit 0
fi
echo "Chromium not found at $chromium_path: install it with 'sudo apt-get install -y chromium' (or set CHROMIUM_PATH), then run npm test again." >&2
exit 1
