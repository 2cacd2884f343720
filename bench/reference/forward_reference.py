#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""PyTorch-eager forward throughput on the same models and shapes as bench_forward.

  /usr/bin/python3 bench/reference/forward_reference.py --model stories260K|llama50m --batch B --seq T
"""
import argparse
import json
import os
import statistics
import time

import torch

from forward_configs import CONFIGS
from llama_eager import Llama, read_safetensors

ap = argparse.ArgumentParser()
ap.add_argument("--model", default="stories260K")
ap.add_argument("--batch", type=int, default=8)
ap.add_argument("--seq", type=int, default=256)
ap.add_argument("--iters", type=int, default=20)
ap.add_argument("--threads", type=int, default=os.cpu_count())
ap.add_argument("--device", default="cpu")
ap.add_argument("--dtype", default="f32", choices=["f32", "bf16"])
ap.add_argument("--assets", default=os.environ.get("PEFT_ASSETS_DIR", os.path.join(os.path.dirname(__file__), "../../../shared/assets")))
a = ap.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)
if a.model == "stories260K":
    d = os.path.join(a.assets, "models/stories260K")
    cfg = json.load(open(os.path.join(d, "config.json")))
    model = Llama(cfg)
    model.load_hf(read_safetensors(os.path.join(d, "model.safetensors")))
else:
    cfg = CONFIGS[a.model]
    model = Llama(cfg)
model.eval().to(a.device)
if a.dtype == "bf16":
    model.to(torch.bfloat16)
params = sum(p.numel() for p in model.parameters())
ids = torch.randint(cfg["vocab_size"], (a.batch, a.seq), device=a.device)
sync = torch.cuda.synchronize if a.device.startswith("cuda") else (lambda: None)
times = []
with torch.no_grad():
    for _ in range(3):
        model(ids)
    sync()
    for _ in range(a.iters):
        t0 = time.perf_counter()
        model(ids)
        sync()
        times.append(time.perf_counter() - t0)
med = statistics.median(times)
print(f"reference forward {a.model} params {params} batch {a.batch} x seq {a.seq} {a.dtype} {a.device} threads {a.threads}: "
      f"median {med*1e3:.2f} ms, {a.batch*a.seq/med:.0f} tokens/s (torch {torch.__version__})")
print(json.dumps({"bench": "forward_reference", "model": a.model, "params": params, "batch": a.batch, "seq": a.seq,
                  "threads": a.threads, "device": a.device, "dtype": a.dtype, "median_ms": med * 1e3, "tokens_per_s": a.batch * a.seq / med,
                  "torch": torch.__version__}))
