#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Installs every Debian 12 package PEFT Studio needs to build, test and run.
# Non-interactive and idempotent; run as root (or through sudo) on a fresh Debian 12.
set -euo pipefail

packages=(
  build-essential cmake ninja-build ccache pkg-config git
  qt6-base-dev qt6-tools-dev qt6-tools-dev-tools qt6-l10n-tools libqt6sql6-sqlite libsqlite3-dev qt6-svg-dev
  libgl-dev libqcustomplot-dev
  libtorch-dev libopenblas0-openmp
  libsentencepiece-dev nlohmann-json3-dev
  xvfb xauth fonts-noto-cjk
  libgtest-dev libgmock-dev googletest libicu-dev
  python3 python3-torch python3-numpy
)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done

if [ ${#missing[@]} -eq 0 ]; then
  echo "setup: all ${#packages[@]} packages already installed"
  exit 0
fi

SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "setup: installing ${missing[*]}"
$SUDO apt-get update -qq
$SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
