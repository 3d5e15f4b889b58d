#!/usr/bin/env bash
# apt-get install for CI steps, with `apt-get update` run at most once per CI
# run however many steps install something (.ci/run clears the mark at start).
# Usage: bash .ci/apt.sh <package>…   (root, or sudo without a password)
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
mark="${APT_UPDATED_MARK:-$(dirname "$0")/out/apt-updated}"
export DEBIAN_FRONTEND=noninteractive
if [ ! -f "$mark" ]; then
  $SUDO apt-get update >&2
  mkdir -p "$(dirname "$mark")" && touch "$mark"
fi
$SUDO apt-get install -y "$@" >&2
