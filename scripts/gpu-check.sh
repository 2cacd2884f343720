#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# On the GPU machine (CUDA LibTorch from pip's torch, no Qt, no package registry): builds the
# engine, benchmarks and engine tests against LibTorch 2.x, runs the tests and the CUDA
# forward benchmark. Needs .device-deps/ (nlohmann/json headers and GoogleTest sources, copied
# from this machine's Debian packages) because that machine cannot install packages.
set -euo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-/tmp/gpu-check}"
mkdir -p "$out"
torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
assets="${PEFT_ASSETS_DIR:-$(cd .. && pwd)/shared/assets}"
cmake -S . -B build-gpu -G "$(command -v ninja >/dev/null && echo Ninja || echo 'Unix Makefiles')" \
  -DCMAKE_BUILD_TYPE=Release -DPEFT_ENGINE_ONLY=ON -DPEFT_WITH_TOKENIZERS=OFF \
  -DCMAKE_PREFIX_PATH="$torch_prefix;$(pwd)/.device-deps" \
  -DPEFT_GTEST_SOURCE_DIR="$(pwd)/.device-deps/googletest" -DPEFT_ASSETS_DIR="$assets" > "$out/configure.log" 2>&1 \
  || { tail -30 "$out/configure.log"; exit 1; }
cmake --build build-gpu -j "$(nproc)" > "$out/build.log" 2>&1 || { grep -E "error" "$out/build.log" | head -30; exit 1; }
echo "compiler warnings: $(grep -c "warning:" "$out/build.log" || true)"
(cd build-gpu && ctest -j 8 --output-on-failure > "$out/ctest.log" 2>&1; tail -5 "$out/ctest.log") || true
for model in stories260K llama50m; do
  for dtype in f32 bf16; do
    ./build-gpu/bin/bench_forward --model "$model" --batch 8 --seq 256 --iters 30 --device cuda --dtype "$dtype" | tee -a "$out/bench.log"
  done
done
for model in stories260K llama50m; do
  for dtype in f32 bf16; do
    python3 bench/reference/forward_reference.py --model "$model" --batch 8 --seq 256 --iters 30 --device cuda --dtype "$dtype" \
      --assets "$assets" | tee -a "$out/bench.log"
  done
done
