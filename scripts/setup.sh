#!/usr/bin/env bash
# Sets up this checkout on a Debian/Ubuntu machine that has Node.js 20.19 or later:
# pnpm, the real Fashion-MNIST files (Debian's dataset-fashion-mnist), OpenBLAS and a C compiler
# (for @fmnist/openblas), the dependencies, a build.
# Safe to run again: each step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

PNPM_VERSION=12.4.2
# dataset-fashion-mnist: the four official files in /usr/share/datasets/fashion-mnist.
# chromium: the browser the viewer's tests drive (playwright-core cannot download its own here).
# libopenblas-dev, g++, make, python3: what node-gyp needs to build @fmnist/openblas at install.
APT_PACKAGES=(dataset-fashion-mnist chromium libopenblas-dev g++ make python3)

node -e '
  const [major, minor] = process.versions.node.split(".").map(Number);
  if (major < 20 || (major === 20 && minor < 19)) {
    console.error(`fmnist needs Node.js 20.19 or later; this is ${process.version}.`);
    process.exit(1);
  }'

if [ "$(pnpm --version 2>/dev/null || true)" != "$PNPM_VERSION" ]; then
  echo "setup: installing pnpm $PNPM_VERSION with npm"
  npm install --global --save-exact "pnpm@$PNPM_VERSION"
fi

missing=()
if command -v dpkg-query >/dev/null 2>&1; then
  for p in "${APT_PACKAGES[@]}"; do
    dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
  done
fi
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" = 0 ] || sudo="sudo"
  if [ -z "$sudo" ] || command -v sudo >/dev/null 2>&1; then
    echo "setup: installing ${missing[*]} with apt-get"
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
  else
    echo "setup: cannot install ${missing[*]} (not root, no sudo); Fashion-MNIST will be downloaded on first use, and without OpenBLAS training multiplies on XNNPACK (slower)"
  fi
fi

export TURBO_TELEMETRY_DISABLED=1
pnpm install --frozen-lockfile
pnpm build
