#!/usr/bin/env bash
# SPDX-License-Identifier: MIT
# The checks that need the GPU machine (one NVIDIA H100/H200; CUDA LibTorch from pip's torch,
# transformers and peft; no Qt; no package registry), in order of what they are worth, each under
# its own time limit so a slow step cannot starve the others:
#   1. Python PEFT loads our PEFT exports (made on the build machine:
#      `tests/python/check_peft_export.py make CLI ASSETS DIR`, DIR passed as PEFT_EXPORTS) and
#      gives our logits; writes the fixture CI checks (python-peft.tgz → tests/fixtures/python-peft).
#      The same for AdapterHub exports (ADAPTERHUB_EXPORTS) where the adapters package is there.
#   2. The engine, its tests and the benchmarks built against that LibTorch 2.x; the engine tests,
#      the CUDA ones included.
#   3. Training step and forward on CUDA, ours and the PyTorch-eager reference side by side.
# Needs .device-deps/ (nlohmann/json's headers and CMake files, GoogleTest's sources, copied from
# this machine's Debian packages by scripts/gpu-prepare.sh) because that machine cannot install
# packages. Everything it writes goes to $OUT (at most 8 files come back).
set -uo pipefail
cd "$(dirname "$0")/.."
out="${OUT:-/tmp/gpu-check}"
mkdir -p "$out"
assets="${PEFT_ASSETS_DIR:-$(pwd)/.device/assets}"
export PYTHONUNBUFFERED=1 PEFT_ASSETS_DIR="$assets"
log="$out/gpu-check.log"
say() { echo "== $(date +%T) $*" | tee -a "$log"; }

say "machine"
{ nvidia-smi --query-gpu=name,memory.total,driver_version --format=csv,noheader; nproc
  python3 -c 'import torch, transformers, peft; print("torch", torch.__version__, "transformers", transformers.__version__, "peft", peft.__version__)'
  g++ --version | head -1; cmake --version | head -1; } 2>&1 | tee -a "$log"

if [ -n "${PEFT_EXPORTS:-}" ]; then
  say "1. Python PEFT on our exports"
  timeout "${PY_TIMEOUT:-240}" python3 tests/python/check_peft_export.py check "$assets" "$PEFT_EXPORTS" \
    --fixtures "$out/python-peft" > "$out/python-peft.log" 2>&1
  echo "exit $?" >> "$out/python-peft.log"
  tail -3 "$out/python-peft.log" | tee -a "$log"
  [ -d "$out/python-peft" ] && tar czf "$out/python-peft.tgz" -C "$out" python-peft && rm -rf "$out/python-peft"
fi

if [ -n "${ADAPTERHUB_EXPORTS:-}" ]; then
  if python3 -c 'import adapters' 2> /dev/null; then
    say "1b. the adapters library on our AdapterHub exports"
    timeout "${PY_TIMEOUT:-240}" python3 tests/python/check_adapterhub_export.py check "$assets" "$ADAPTERHUB_EXPORTS" \
      --fixtures "$out/python-adapterhub" > "$out/python-adapterhub.log" 2>&1
    echo "exit $?" >> "$out/python-adapterhub.log"
    tail -3 "$out/python-adapterhub.log" | tee -a "$log"
    [ -d "$out/python-adapterhub" ] && tar czf "$out/python-adapterhub.tgz" -C "$out" python-adapterhub && rm -rf "$out/python-adapterhub"
  else
    say "1b. skipped: no 'adapters' package here (carry its wheel, see /work/.library/device/README.md)"
  fi
fi

say "2. configure and build against $(python3 -c 'import torch; print(torch.__version__)')"
torch_prefix=$(python3 -c 'import torch; print(torch.utils.cmake_prefix_path)')
torch_root=$(python3 -c 'import torch, os; print(os.path.dirname(torch.__file__))')
common=(-G Ninja -DCMAKE_BUILD_TYPE=Release -DPEFT_ENGINE_ONLY=ON -DPEFT_WITH_TOKENIZERS=OFF
        "-DPEFT_GTEST_SOURCE_DIR=$(pwd)/.device-deps/googletest" "-DPEFT_ASSETS_DIR=$assets")
if ! cmake -S . -B build-gpu "${common[@]}" "-DCMAKE_PREFIX_PATH=$torch_prefix;$(pwd)/.device-deps" \
     > "$out/configure.log" 2>&1; then
  # TorchConfig.cmake of a CUDA wheel wants a matching CUDA toolkit; locate LibTorch by hand instead.
  rm -rf build-gpu
  cmake -S . -B build-gpu "${common[@]}" "-DCMAKE_PREFIX_PATH=$(pwd)/.device-deps" \
    -DCMAKE_DISABLE_FIND_PACKAGE_Torch=ON "-DPEFT_TORCH_ROOT=$torch_root" >> "$out/configure.log" 2>&1 \
    || { say "configure failed"; tail -30 "$out/configure.log" | tee -a "$log"; exit 1; }
fi
grep "LibTorch" "$out/configure.log" | tee -a "$log"
echo "LibTorch's include folder holds: $(ls "$torch_root/include" | tr '\n' ' ')" | tee -a "$log"
timeout "${BUILD_TIMEOUT:-300}" cmake --build build-gpu -j "$(nproc)" -- -k 0 > "$out/build.log" 2>&1
build_rc=$?
say "build exit $build_rc; compiler warnings: $(grep -c "warning:" "$out/build.log")"
grep -E "error|FAILED" "$out/build.log" | head -40 | tee -a "$log"

if [ -x build-gpu/tests/engine_models_tests ] || ls build-gpu/tests/engine_*_tests > /dev/null 2>&1; then
  say "engine tests (CUDA ones first)"
  (cd build-gpu && timeout 120 ctest -R Cuda --output-on-failure > "$out/ctest.log" 2>&1; tail -8 "$out/ctest.log" | tee -a "$log")
  (cd build-gpu && timeout "${CTEST_TIMEOUT:-150}" ctest -j 12 -E Cuda --output-on-failure >> "$out/ctest.log" 2>&1
   grep -E "tests passed|FAILED|Failed|Not Run" "$out/ctest.log" | tail -20 | tee -a "$log")
  # A crash says little in CTest's log: the first crashing test again, under a debugger, for its stack.
  crashed=${DEBUG_TEST:-}
  [ -n "$crashed" ] || crashed=$(sed -n 's/^[[:space:]]*[0-9]* - \(engine\.[a-z]*\)\.\([^ ]*\) (SEGFAULT)$/\1 \2/p' "$out/ctest.log" | head -1)
  debugger=$(command -v gdb || command -v cuda-gdb || true)
  if [ -n "$crashed" ] && [ -n "$debugger" ]; then
    read -r area name <<<"$crashed"
    exe="build-gpu/tests/engine_${area#engine.}_tests"
    say "stack of $area.$name ($debugger)"
    timeout 90 "$debugger" -batch -ex run -ex bt --args "$exe" "--gtest_filter=$name" 2>&1 | tail -40 | tee -a "$log"
  fi
fi

if [ -x build-gpu/bin/bench_train_step ]; then
  say "3. training step on CUDA: ours vs PyTorch eager"
  MODELS="${GPU_BENCH_MODELS:-llama42m:8x256 stories260K:32x64}" DEVICE=cuda ITERS=20 THREADS=4 PYTHON=python3 timeout "${BENCH_TIMEOUT:-200}" bench/train_step_compare.sh build-gpu \
    2>&1 | tee -a "$out/bench.md" "$log"
fi
if [ -x build-gpu/bin/bench_forward ]; then
  say "forward on CUDA"
  for dtype in f32 bf16; do
    timeout 60 ./build-gpu/bin/bench_forward --model llama50m --batch 8 --seq 256 --iters 30 --device cuda --dtype "$dtype" 2>&1 | tail -1
    timeout 60 python3 bench/reference/forward_reference.py --model llama50m --batch 8 --seq 256 --iters 30 \
      --device cuda --dtype "$dtype" --assets "$assets" 2>&1 | tail -1
  done | tee -a "$out/bench.md" "$log"
fi
say "done"
