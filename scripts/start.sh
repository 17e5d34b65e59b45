#!/usr/bin/env bash
# npm start: migrate (and seed an empty database), build when the build is missing or older
# than the code, then serve.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
npx --no-install tsx scripts/db.ts setup
if [ ! -f .next/BUILD_ID ] || [ -n "$(find app db lib seed next.config.ts proxy.ts instrumentation.ts package.json -newer .next/BUILD_ID -print -quit)" ]; then
  npx --no-install next build
fi
exec bash scripts/serve.sh -H "${HOST:-127.0.0.1}" -p "${PORT:-3000}"
