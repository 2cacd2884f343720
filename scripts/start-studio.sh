#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's first command: installs what is missing, builds, and starts the studio.
# With a display it opens the main window; without one it does the same work headless through
# peft-studio-cli and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/build.sh

assets="${PEFT_ASSETS_DIR:-$(pwd)/../shared/assets}"
studio_args=()
models=()
if [ -d "$assets/models" ]; then
  studio_args+=(--models-dir "$assets/models" --model "$assets/models/stories260K")
  for m in "$assets"/models/*/; do models+=("${m%/}"); done
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/bin/peft-studio "${studio_args[@]}" "$@"
fi

echo "peft-studio: no display found (DISPLAY and WAYLAND_DISPLAY are unset): running headless through peft-studio-cli."
echo "             (start it under a desktop session, or with xvfb-run, to open the main window)"
for m in "${models[@]}"; do
  echo
  ./build/bin/peft-studio-cli inspect "$m" || true
done
if [ -d "$assets/models/stories260K" ]; then
  echo
  echo "== generate with stories260K (greedy) =="
  ./build/bin/peft-studio-cli generate "$assets/models/stories260K" --prompt "Once upon a time" --max-new-tokens 60 --greedy
fi
