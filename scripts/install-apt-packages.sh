#!/usr/bin/env bash
# Installs the Debian/Ubuntu packages named as arguments that are not installed yet, with apt-get
# (through sudo when not root). Says which were already there. Exit 1 when some are missing and
# cannot be installed (no apt, not root and no sudo, or apt-get failed).
set -euo pipefail

if ! command -v dpkg-query >/dev/null 2>&1; then
  echo "setup: not a Debian/Ubuntu system (no dpkg-query): install $* yourself"
  exit 1
fi
present=()
missing=()
for p in "$@"; do
  if dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed'; then
    present+=("$p")
  else
    missing+=("$p")
  fi
done
[ ${#present[@]} -eq 0 ] || echo "setup: already installed: ${present[*]}"
[ ${#missing[@]} -gt 0 ] || exit 0

sudo=""
if [ "$(id -u)" != 0 ]; then
  if ! command -v sudo >/dev/null 2>&1; then
    echo "setup: cannot install ${missing[*]} (not root, no sudo): install them as root"
    exit 1
  fi
  sudo="sudo"
fi
echo "setup: installing ${missing[*]} with apt-get"
$sudo apt-get update -qq
if ! DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null; then
  echo "setup: apt-get could not install ${missing[*]}"
  exit 1
fi
