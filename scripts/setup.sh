#!/usr/bin/env bash
# Sets up this checkout for the main job (`fmnist experiment notebook`) on a Debian/Ubuntu machine
# that has Node.js 20.19 or later: the real Fashion-MNIST files (Debian's dataset-fashion-mnist),
# OpenBLAS and a C compiler (for @fmnist/openblas), the pinned pnpm (scripts/pnpm, in ./.tools),
# the dependencies, a build, and `fmnist` linked onto PATH as `npm link` would.
# What only the tests need (a browser, Redis) is scripts/setup-tests.sh's.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

# dataset-fashion-mnist: the four official files in /usr/share/datasets/fashion-mnist.
# libopenblas-dev, g++, make, python3: what node-gyp needs to build @fmnist/openblas at install
# (against Debian's Node headers in /usr/include/node, so nothing is downloaded).
APT_PACKAGES=(dataset-fashion-mnist libopenblas-dev g++ make python3)

node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`fmnist needs Node.js 20.19 or later; this is ${process.version}.`);
    process.exit(1);
  }'

bash scripts/install-apt-packages.sh "${APT_PACKAGES[@]}" ||
  echo "setup: without them Fashion-MNIST is downloaded on first use, and training multiplies on XNNPACK (slower, same results)"

export TURBO_TELEMETRY_DISABLED=1
scripts/pnpm install --frozen-lockfile
scripts/pnpm build

bash scripts/link-bin.sh

echo "setup: done. The main job: fmnist experiment notebook (from any directory; its results land in ./experiments there)."
echo "setup: this repository's scripts run with its pinned pnpm, from the clone: cd $root && scripts/pnpm test"
