#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# SST-2 on stories260K, one run per PEFT method (bench/configs/sst2_*.json), then a table of dev
# accuracy, trainable parameters and wall time (read from each run's results.json).
#
# Usage: bench/sst2_methods.sh [--cli PATH] [--out DIR] [--steps N] [--threads N] [--set K=V]... [--tag T] [METHOD...]
#   METHOD: full lora houlsby pfeiffer parallel_unscaled parallel_adapter mam prefix prompt ia3 layernorm
#           (default: all of these), or any NAME with a bench/configs/sst2_NAME.json
#   --steps N   override training.max_steps (e.g. 100 for a smoke run; the configs say 1200)
#   --threads N LibTorch threads per run (default: the CLI's default, all cores)
#   --set K=V   passed to the CLI (run-config override, e.g. training.lr=0.005 or recipe='{...}')
#   --tag T     name the runs sst2_METHOD_T (settings search: one tag per variant)
# Env: PEFT_ASSETS_DIR (default: ../shared/assets next to the repository).
set -euo pipefail

repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cli="${repo}/build/bin/peft-studio-cli"
out="${repo}/bench/runs"
steps=""
threads=""
tag=""
sets=()
methods=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --cli) cli="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    --steps) steps="$2"; shift 2 ;;
    --threads) threads="$2"; shift 2 ;;
    -h|--help) sed -n '3,13p' "$0"; exit 0 ;;
    --set) sets+=(--set "$2"); shift 2 ;;
    --tag) tag="_$2"; shift 2 ;;
    -*) echo "unknown option $1 (see --help)" >&2; exit 2 ;;
    *) methods+=("$1"); shift ;;
  esac
done
[[ ${#methods[@]} -gt 0 ]] || methods=(full lora houlsby pfeiffer parallel_unscaled parallel_adapter mam prefix prompt ia3 layernorm)
export PEFT_ASSETS_DIR="${PEFT_ASSETS_DIR:-$(cd "${repo}/.." && pwd)/shared/assets}"
[[ -x "$cli" ]] || { echo "peft-studio-cli not found at $cli (build it, or pass --cli PATH)" >&2; exit 2; }

mkdir -p "$out"
for m in "${methods[@]}"; do
  config="${repo}/bench/configs/sst2_${m}.json"
  [[ -f "$config" ]] || { echo "no config for method '$m' ($config)" >&2; exit 2; }
  args=(train "$config" --plain --output "${out}/sst2_${m}${tag}")
  [[ ${#sets[@]} -gt 0 ]] && args+=("${sets[@]}")
  [[ -n "$steps" ]] && args+=(--set "training.max_steps=${steps}" --set "training.eval_every=0")
  [[ -n "$threads" ]] && args+=(--threads "$threads")
  echo "=== ${m}${tag} ==="
  start=$(date +%s.%N)
  "$cli" "${args[@]}" || echo "run '${m}' failed (exit $?)" >&2
  end=$(date +%s.%N)
  python3 - "${out}/sst2_${m}${tag}/results.json" "$start" "$end" <<'EOF'
import json, sys
path, start, end = sys.argv[1], float(sys.argv[2]), float(sys.argv[3])
try:
    r = json.load(open(path))
except OSError:
    sys.exit(0)
r["wall_seconds"] = end - start
json.dump(r, open(path, "w"), indent=2)
EOF
done

python3 - "$out" "$tag" "${methods[@]}" <<'EOF'
import json, os, sys
out, tag, methods = sys.argv[1], sys.argv[2], [m + sys.argv[2] for m in sys.argv[3:]]
print()
print(f"{'method':<26}{'dev acc':>9}{'dev loss':>10}{'trainable':>12}{'%':>9}{'steps':>7}{'wall':>9}")
for m in methods:
    path = os.path.join(out, f"sst2_{m}", "results.json")
    if not os.path.exists(path):
        print(f"{m:<26}{'(no results)':>9}")
        continue
    r = json.load(open(path))
    ev = r.get("eval", {})
    pct = 100.0 * r["trainable_parameters"] / max(1, r["total_parameters"])
    acc = f"{ev['accuracy']:.4f}" if "accuracy" in ev else "-"
    loss = f"{ev['loss']:.4f}" if "loss" in ev else "-"
    wall = r.get("wall_seconds", r.get("setup_seconds", 0) + r.get("train_seconds", 0))
    status = " (failed)" if r.get("failed") else " (cancelled)" if r.get("cancelled") else ""
    print(f"{m:<26}{acc:>9}{loss:>10}{r['trainable_parameters']:>12,}{pct:>8.2f}%{r['steps']:>7}{wall:>8.0f}s{status}")
EOF
