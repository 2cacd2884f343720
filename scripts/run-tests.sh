#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's second command (and CI's): installs what is missing, builds, runs every test
# through CTest. Tests read real assets from ../shared/assets (PEFT_ASSETS_DIR overrides) and
# fail when they are missing.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/build.sh
ctest --preset default -j "${PEFT_TEST_JOBS:-$(nproc)}" "$@"
