#!/usr/bin/env bash
# npm test: everything a change must pass, fastest first.
set -euo pipefail
export NEXT_TELEMETRY_DISABLED=1
cd "$(dirname "$0")/.."
bash scripts/ensure-chromium.sh
bash scripts/ensure-postgresql.sh
step() { printf '\n== %s\n' "$1"; }
step "Type-check";  npx --no-install tsc --noEmit
step "Lint";        npx --no-install eslint . --max-warnings 0
step "Unit tests (the database tests twice: on SQLite and on a throwaway PostgreSQL)";  npx --no-install vitest run --configLoader runner
step "Data-quality check of the seed dataset"; npx --no-install tsx seed/check.ts
step "Extraction quality against the curated dataset"; npx --no-install tsx scripts/eval-extract.ts
step "How far two labellings of the corpus agree (a measurement, printed)"; npx --no-install tsx scripts/label-agreement.ts
step "Build";       npx --no-install next build
step "End-to-end tests (Chromium, production build, throwaway database)"
npx --no-install playwright test
step "The same end-to-end tests against the app on PostgreSQL (a throwaway cluster)"
npx --no-install tsx scripts/e2e-postgres.ts
