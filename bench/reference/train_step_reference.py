#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""PyTorch-eager training step, the peer of bench_train_step: same models, shapes and methods.

  /usr/bin/python3 bench/reference/train_step_reference.py --model stories260K --method lora \
      --batch 32 --seq 64 --threads 2

Methods: lora = r 8, alpha 16 on q and v (B zero, A Kaiming-uniform as PEFT); adapter = one
sequential bottleneck after the FFN (Pfeiffer: x + up(relu(down(x))), r = width / 16);
prefix = 10 trainable key/value vectors per layer prepended to attention; full = every weight.
The step is what a training loop does: zero_grad, forward, next-token cross-entropy, backward,
AdamW.step.
"""
import argparse
import json
import math
import os
import resource
import statistics
import time

import torch
import torch.nn.functional as F

from forward_configs import CONFIGS
from llama_eager import Llama, read_safetensors


class LoRALinear(torch.nn.Module):
    def __init__(self, base, r=8, alpha=16):
        super().__init__()
        self.base = base
        self.a = torch.nn.Parameter(torch.empty(r, base.in_features))
        torch.nn.init.kaiming_uniform_(self.a, a=math.sqrt(5))
        self.b = torch.nn.Parameter(torch.zeros(base.out_features, r))
        self.scale = alpha / r

    def forward(self, x):
        return self.base(x) + (x @ self.a.t() @ self.b.t()) * self.scale


class PeftLlama(Llama):
    """Llama with the benchmark's PEFT modules; the math of the frozen model is Llama's."""

    def __init__(self, cfg, method):
        super().__init__(cfg)
        self.method = method

    def add_modules(self):
        cfg = self.cfg
        d = cfg["hidden_size"]
        H = cfg["num_attention_heads"]
        KV = cfg.get("num_key_value_heads", H)
        hd = d // H
        if self.method != "full":
            for p in self.parameters():
                p.requires_grad_(False)
        for layer in self.layers:
            if self.method == "lora":
                layer.q = LoRALinear(layer.q)
                layer.v = LoRALinear(layer.v)
            elif self.method == "adapter":
                r = max(1, d // 16)
                layer.adapter_down = torch.nn.Linear(d, r)
                layer.adapter_up = torch.nn.Linear(r, d)
                torch.nn.init.zeros_(layer.adapter_up.weight)
                torch.nn.init.zeros_(layer.adapter_up.bias)
            elif self.method == "prefix":
                layer.prefix_k = torch.nn.Parameter(torch.randn(KV, 10, hd) * 0.02)
                layer.prefix_v = torch.nn.Parameter(torch.randn(KV, 10, hd) * 0.02)

    def prefix_length(self):
        return 10 if self.method == "prefix" else 0

    def prefix_kv(self, layer, batch):
        if self.method != "prefix":
            return None
        expand = lambda t: t.unsqueeze(0).expand(batch, -1, -1, -1)
        return expand(layer.prefix_k), expand(layer.prefix_v)

    def ffn_output(self, layer, f):
        if self.method != "adapter":
            return f
        return f + layer.adapter_up(F.relu(layer.adapter_down(f)))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--model", default="stories260K")
    ap.add_argument("--method", default="lora", choices=["lora", "adapter", "prefix", "full"])
    ap.add_argument("--batch", type=int, default=32)
    ap.add_argument("--seq", type=int, default=64)
    ap.add_argument("--iters", type=int, default=20)
    ap.add_argument("--threads", type=int, default=os.cpu_count())
    ap.add_argument("--device", default="cpu")
    ap.add_argument("--dtype", default="f32", choices=["f32", "bf16"])
    ap.add_argument("--assets", default=os.environ.get(
        "PEFT_ASSETS_DIR", os.path.join(os.path.dirname(__file__), "../../../shared/assets")))
    a = ap.parse_args()
    torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    if a.model == "stories260K":
        d = os.path.join(a.assets, "models/stories260K")
        cfg = json.load(open(os.path.join(d, "config.json")))
        model = PeftLlama(cfg, a.method)
        model.load_hf(read_safetensors(os.path.join(d, "model.safetensors")))
    else:
        cfg = CONFIGS[a.model]
        model = PeftLlama(cfg, a.method)
    model.add_modules()
    model.train().to(a.device)
    if a.dtype == "bf16":
        model.to(torch.bfloat16)
    params = [p for p in model.parameters() if p.requires_grad]
    trainable = sum(p.numel() for p in params)
    total = sum(p.numel() for p in model.parameters())
    opt = torch.optim.AdamW(params, lr=1e-4, weight_decay=0.0)
    ids = torch.randint(cfg["vocab_size"], (a.batch, a.seq), device=a.device)
    sync = torch.cuda.synchronize if a.device.startswith("cuda") else (lambda: None)

    def step():
        opt.zero_grad(set_to_none=True)
        logits = model(ids)
        loss = F.cross_entropy(logits[:, :-1].reshape(-1, logits.size(-1)).float(), ids[:, 1:].reshape(-1))
        loss.backward()
        opt.step()

    for _ in range(3):
        step()
    sync()
    times = []
    for _ in range(a.iters):
        t0 = time.perf_counter()
        step()
        sync()
        times.append(time.perf_counter() - t0)
    med = statistics.median(times)
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0 if a.device == "cpu" else -1.0
    print(f"reference train step {a.model} {a.method} trainable {trainable} / {total} batch {a.batch} x seq {a.seq} "
          f"{a.dtype} {a.device} threads {a.threads}: median {med*1e3:.2f} ms, {a.batch*a.seq/med:.0f} tokens/s, "
          f"peak RSS {peak:.0f} MiB (torch {torch.__version__})")
    print(json.dumps({"bench": "train_step", "impl": "pytorch-eager", "model": a.model, "method": a.method,
                      "trainable": trainable, "total": total, "batch": a.batch, "seq": a.seq, "dtype": a.dtype,
                      "device": a.device, "threads": a.threads, "median_ms": med * 1e3,
                      "tokens_per_s": a.batch * a.seq / med, "peak_rss_mib": peak, "torch": torch.__version__}))


if __name__ == "__main__":
    main()
