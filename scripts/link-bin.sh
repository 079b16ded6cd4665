#!/usr/bin/env bash
# Puts `fmnist` on PATH as `npm link` does: a symlink to this checkout's apps/cli/dist/bin.js in
# npm's global bin directory ($(npm prefix -g)/bin) when it is writable, else in ~/.local/bin.
# Node follows the link to the real file, so the CLI finds its dependencies here. Says where the
# link is and how to remove it. An `fmnist` there that is not a symlink is left alone.
set -euo pipefail
cd "$(dirname "$0")/.."
target="$(pwd)/apps/cli/dist/bin.js"
[ -f "$target" ] || { echo "setup: $target is missing: build first (scripts/pnpm build)"; exit 1; }
chmod +x "$target"

bin_dir="$(npm prefix --global 2>/dev/null || true)/bin"
if [ ! -d "$bin_dir" ] || [ ! -w "$bin_dir" ]; then
  bin_dir="$HOME/.local/bin"
  mkdir -p "$bin_dir"
fi
link="$bin_dir/fmnist"
if [ -e "$link" ] && [ ! -L "$link" ]; then
  echo "setup: $link exists and is not a symlink: left alone; run this checkout's CLI as node $target"
  exit 0
fi
ln -sfn "$target" "$link"
echo "setup: linked $link -> $target (as npm link does); remove it with: rm $link"
case ":$PATH:" in
  *":$bin_dir:"*) echo "setup: fmnist now runs from any directory (try: fmnist --help)" ;;
  *) echo "setup: $bin_dir is not on your PATH: add it (e.g. echo 'export PATH=\"$bin_dir:\$PATH\"' >> ~/.profile), then open a new shell" ;;
esac
