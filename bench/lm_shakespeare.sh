#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Causal LM on tinyshakespeare with stories260K: the first 90 % of the text trains, the last 10 %
# is held out, blocks of 128 tokens, batch 16, one thread, a 240-second budget per run (the
# training issue's setting). Runs LoRA r=8 on q,v (lr 5e-3) and full fine-tuning (lr 1e-3) and
# prints the held-out perplexity before (step 0) and after each.
#
# Usage: bench/lm_shakespeare.sh [--cli PATH] [--out DIR] [--seconds S] [--steps N] [--threads N] [lora|full ...]
#   --steps N: the schedule's length (linear warmup 6 % then decay to 0); pick it so that the
#   decay ends near the time budget on your machine (default 1000 ≈ 240 s here on one core).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="${repo}/build/bin/peft-studio-cli"
out="/tmp/peft-lm-shakespeare"
seconds=240
steps=1000
threads=1
methods=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --seconds) seconds="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    -h|--help) sed -n '3,10p' "$0"; exit 0 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) methods+=("$1"); shift ;;
  esac
done
[[ ${#methods[@]} -gt 0 ]] || methods=(lora full)
assets="${PEFT_ASSETS_DIR:-$(cd "${repo}/.." && pwd)/shared/assets}"
text="${assets}/data/text/tinyshakespeare.txt"
[[ -f "$text" ]] || { echo "tinyshakespeare.txt not found at $text (set PEFT_ASSETS_DIR)" >&2; exit 2; }
[[ -x "$cli" ]] || { echo "peft-studio-cli not found at $cli (build it, or pass --cli PATH)" >&2; exit 2; }

mkdir -p "$out"
# Split by bytes (the text is ASCII): first 90 % train, last 10 % held out.
size=$(stat -c %s "$text")
cut=$((size * 9 / 10))
head -c "$cut" "$text" > "$out/train.txt"
tail -c +"$((cut + 1))" "$text" > "$out/heldout.txt"

for m in "${methods[@]}"; do
  case "$m" in
    lora) lr=5e-3; recipe='{"preset": "lora", "overrides": {"lora": {"r": 8, "alpha": 16}}}' ;;
    full) lr=1e-3; recipe='{"preset": "full"}' ;;
    *) echo "unknown method '$m' (lora, full)" >&2; exit 2 ;;
  esac
  cat > "$out/${m}.json" <<JSON
{
  "version": 1,
  "name": "shakespeare_${m}",
  "model": "${assets}/models/stories260K",
  "data": {"train_file": "train.txt", "eval_file": "heldout.txt", "format": "text",
           "text_split": "whole_file", "block_size": 128},
  "recipe": ${recipe},
  "training": {"lr": ${lr}, "schedule": "linear", "warmup_ratio": 0.06, "max_steps": ${steps},
               "max_seconds": ${seconds}, "batch_size": 16, "eval_every": 0, "save_every": 0},
  "eval": {"batch_size": 64},
  "output_dir": "run_${m}",
  "seed": 0,
  "threads": ${threads}
}
JSON
  echo "== ${m}: held-out loss before training"
  "$cli" train "$out/${m}.json" --plain --set training.max_steps=1 --set training.lr=1e-12 --output "$out/before_${m}" \
    | grep -E "final eval" || true
  echo "== ${m}: training (budget ${seconds} s, schedule ${steps} steps)"
  start=$(date +%s.%N)
  "$cli" train "$out/${m}.json" --plain --log-every 100
  end=$(date +%s.%N)
  echo "wall: $(python3 -c "print(round($end - $start, 1))") s"
done
