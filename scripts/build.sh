#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Configures and builds PEFT Studio into build/ (the CMake "default" preset). Used by the
# README's commands and by CI; safe to run repeatedly (incremental, ccache).
set -euo pipefail
cd "$(dirname "$0")/.."
jobs="${PEFT_BUILD_JOBS:-$(nproc)}"
cmake --preset default
cmake --build --preset default -j "$jobs"
