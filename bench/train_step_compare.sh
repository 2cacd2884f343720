#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# Runs bench_train_step and its PyTorch-eager peer side by side, alternating per row so that both
# see the same machine state, and prints a Markdown table with ratio = reference ms / our ms
# (> 1 means we are faster). The reference runs with the same OpenBLAS kernels as ours
# (OPENBLAS_CORETYPE = what bench_train_step reports), so the ratio compares the frameworks, not
# the BLAS kernels; set REF_BLAS=default to give the reference OpenBLAS's own choice instead.
# With REPEATS=n each side runs n times, alternating (ours, reference, ours, ...), and each side's
# fastest median counts: on a shared host, noise only ever adds time.
#   bench/train_step_compare.sh [BUILD_DIR] ; env: THREADS (2), ITERS (10), REPEATS (1), MODELS,
#   METHODS, DTYPES, DEVICE (cpu), PYTHON (/usr/bin/python3)
set -euo pipefail
cd "$(dirname "$0")/.."
build="${1:-build}"
threads="${THREADS:-2}"
iters="${ITERS:-10}"
repeats="${REPEATS:-1}"
device="${DEVICE:-cpu}"
python="${PYTHON:-/usr/bin/python3}"
models="${MODELS:-stories260K:32x64 llama42m:8x256}"
methods="${METHODS:-lora adapter prefix full}"
dtypes="${DTYPES:-f32 bf16}"

echo "| model | batch × seq | method | dtype | trainable | ours ms | ours tokens/s | ours peak MiB | PyTorch ms | PyTorch peak MiB | ratio |"
echo "|---|---|---|---|---:|---:|---:|---:|---:|---:|---:|"
for spec in $models; do
  model="${spec%%:*}"; shape="${spec##*:}"; batch="${shape%%x*}"; seq="${shape##*x}"
  for dtype in $dtypes; do
    for method in $methods; do
      args=(--model "$model" --method "$method" --batch "$batch" --seq "$seq" --iters "$iters"
            --threads "$threads" --dtype "$dtype" --device "$device")
      ours=""; ref=""
      for ((rep = 0; rep < repeats; rep++)); do
        ours_out=$("$build/bin/bench_train_step" "${args[@]}")
        ours+="$(tail -1 <<<"$ours_out")"$'\n'
        kernels=$(sed -n 's/^# BLAS kernels: //p' <<<"$ours_out")
        if [ "${REF_BLAS:-same}" = same ] && [ -n "$kernels" ]; then
          ref+="$(OPENBLAS_CORETYPE="$kernels" "$python" bench/reference/train_step_reference.py "${args[@]}" | tail -1)"$'\n'
        else
          ref+="$("$python" bench/reference/train_step_reference.py "${args[@]}" | tail -1)"$'\n'
        fi
      done
      "$python" - "$ours" "$ref" "$model" "$batch" "$seq" <<'PY'
import json, sys
def fastest(lines):
    return min((json.loads(l) for l in lines.splitlines() if l.strip()), key=lambda row: row["median_ms"])
o, r = fastest(sys.argv[1]), fastest(sys.argv[2])
print(f"| {sys.argv[3]} | {sys.argv[4]} × {sys.argv[5]} | {o['method']} | {o['dtype']} | {o['trainable']:,} | "
      f"{o['median_ms']:.1f} | {o['tokens_per_s']:.0f} | {o['peak_rss_mib']:.0f} | {r['median_ms']:.1f} | "
      f"{r['peak_rss_mib']:.0f} | {r['median_ms'] / o['median_ms']:.2f} |")
PY
    done
  done
done
