#!/usr/bin/env bash
# The server process, started the same way by npm start, the e2e tests, the benchmark and the
# reliability suites: `next start` (its arguments passed on) with V8's old generation held to
# 512 MB. Without a limit V8 sizes its heap for the machine (some 4 GB here) and lets the garbage
# of rendered pages build up: 411 MB RSS through `npm run bench`'s page loads at a million
# figures, against 290 MB with the limit, at the same speed. The largest CSV preview (50 MB) stays
# within it (`npm run test:uploads`).
exec node --max-old-space-size=512 "$(dirname "$0")/../node_modules/next/dist/bin/next" start "$@"
