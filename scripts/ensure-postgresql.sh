#!/usr/bin/env bash
# The PostgreSQL tests start a throwaway server from Debian's postgresql package and talk to it
# through the optional libpq addon (docs/decisions/0016). Without them those tests are skipped,
# saying why; as root, the test script installs them as it does Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."
have_server() { ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; }
have_headers() { [ -f /usr/include/postgresql/libpq-fe.h ]; }
if ! have_server || ! have_headers; then
  if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
    echo "PostgreSQL is missing: installing Debian's postgresql and libpq-dev packages…"
    (apt-get install -y -qq postgresql libpq-dev >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq postgresql libpq-dev >/dev/null; })
  else
    echo "PostgreSQL is not installed: its tests will be skipped (sudo apt-get install -y postgresql libpq-dev, then npm install)."
    exit 0
  fi
fi
# The addon is built on npm install when libpq's headers are there; build it now if they came later.
if ! node -e "require('libpq')" >/dev/null 2>&1; then
  echo "Building the libpq addon…"
  npm rebuild libpq >/dev/null 2>&1 || echo "The libpq addon could not be built: the PostgreSQL tests will be skipped."
fi
