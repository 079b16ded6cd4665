#!/usr/bin/env bash
# Sets up this checkout for its tests: everything scripts/setup.sh sets up for the main job, plus
# what only the tests need — Debian's chromium (the browser the viewer's tests drive:
# playwright-core cannot download its own here) and redis-server (the job queue the sweep tests
# run against). Then run the tests with the pinned pnpm: scripts/pnpm check.
set -euo pipefail
cd "$(dirname "$0")/.."

bash scripts/setup.sh
bash scripts/install-apt-packages.sh chromium redis-server
echo "setup-tests: done. Every check: cd $(pwd) && scripts/pnpm check"
