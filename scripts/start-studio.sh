#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The README's first command: installs what is missing, builds, and starts the studio with its
# demo loaded (a tiny Llama pretrained on this computer the first time, about a minute, then
# cached; nothing is downloaded). With a display it opens the main window; without one it does the
# same work headless through peft-studio-cli and says so.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup-debian.sh
bash scripts/build.sh

assets="${PEFT_ASSETS_DIR:-$(pwd)/../shared/assets}"
studio_args=(--demo)
# The shared models, when there, are listed too; the demo is what opens.
if [ -d "$assets/models" ]; then
  studio_args+=(--models-dir "$assets/models")
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  exec ./build/bin/peft-studio "${studio_args[@]}" "$@"
fi

cli=./build/bin/peft-studio-cli
threads="$(nproc)"
echo "peft-studio: no display found (DISPLAY and WAYLAND_DISPLAY are unset): running the demo headless through peft-studio-cli."
echo "             (start it under a desktop session, or with xvfb-run, to open the main window)"
echo
echo "== demo: build it (about a minute, the first time) or find it cached =="
# The same folder the studio uses, so the window opens it at once later.
"$cli" demo --threads "$threads"
root="$("$cli" demo --json | python3 -c 'import json, sys; print(json.load(sys.stdin)["root"])')"

echo
echo "== params: LoRA (PEFT defaults) on the demo model =="
"$cli" params "$root/model" --preset lora

echo
echo "== train: LoRA on the demo sentiment data, 30 steps (resources/demo/sentiment-lora.json) =="
PEFT_DEMO_DIR="$root" "$cli" train resources/demo/sentiment-lora.json --plain --log-every 5 \
  --output "$(dirname "$root")/runs/sentiment-lora" --threads "$threads"

echo
echo "== generate: the demo model continues a story (greedy) =="
"$cli" generate "$root/model" --prompt "One sunny day, Tom went to the" --max-new-tokens 60 --greedy

echo
echo "peft-studio: done, headless (no window was opened). The demo is in $root;"
echo "             with a display, this command opens the studio with it loaded."
