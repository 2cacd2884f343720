#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# On the build machine, before a GPU-machine run of scripts/gpu-check.sh: copies what that machine
# cannot install or reach into ignored folders of the checkout that travel with it (`carry`):
#   .device-deps/  nlohmann/json (headers + CMake files) and GoogleTest's sources, from Debian
#   .device/assets the shared assets (models, data, goldens) the tests and benchmarks read
#   .device/peft-exports, .device/adapterhub-exports  our exports and the engine's logits for the
#                  Python checks (tests/python/check_*_export.py make), built with BUILD_DIR's CLI
# Usage: scripts/gpu-prepare.sh [BUILD_DIR]   (then run: OUT=... PEFT_EXPORTS=.device/peft-exports scripts/gpu-check.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
assets="${PEFT_ASSETS_DIR:-$(cd .. && pwd)/shared/assets}"
rm -rf .device-deps .device
mkdir -p .device-deps/include .device-deps/share/cmake .device
cp -r /usr/include/nlohmann .device-deps/include/
cp -r /usr/share/cmake/nlohmann_json .device-deps/share/cmake/
cp -r /usr/src/googletest .device-deps/googletest
cp -r "$assets" .device/assets
/usr/bin/python3 tests/python/check_peft_export.py make "$build/bin/peft-studio-cli" "$assets" .device/peft-exports
/usr/bin/python3 tests/python/check_adapterhub_export.py make "$build/bin/peft-studio-cli" "$assets" .device/adapterhub-exports
du -sh .device-deps .device
