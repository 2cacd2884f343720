#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""The same Llama math as the engine, in PyTorch eager: the peer the benchmarks compare against.

Run with the system's torch (Debian: /usr/bin/python3 with python3-torch). Weights are read from
safetensors with a few lines of numpy, so nothing else is needed.
"""
import json
import math
import struct

import numpy as np
import torch
import torch.nn.functional as F

DTYPES = {"F32": np.float32, "F16": np.float16, "I64": np.int64}


def read_safetensors(path):
    with open(path, "rb") as f:
        data = f.read()
    (n,) = struct.unpack("<Q", data[:8])
    header = json.loads(data[8:8 + n])
    header.pop("__metadata__", None)
    base = 8 + n
    out = {}
    for name, e in header.items():
        b, end = e["data_offsets"]
        arr = np.frombuffer(data[base + b:base + end], dtype=DTYPES[e["dtype"]]).reshape(e["shape"])
        out[name] = torch.from_numpy(arr.copy())
    return out


class Llama(torch.nn.Module):
    def __init__(self, cfg):
        super().__init__()
        self.cfg = cfg
        d, hd = cfg["hidden_size"], cfg["hidden_size"] // cfg["num_attention_heads"]
        kv = cfg.get("num_key_value_heads", cfg["num_attention_heads"]) * hd
        L, ff, V = cfg["num_hidden_layers"], cfg["intermediate_size"], cfg["vocab_size"]
        P = torch.nn.Parameter
        self.embed = P(torch.randn(V, d) * 0.02)
        self.layers = torch.nn.ModuleList()
        for _ in range(L):
            layer = torch.nn.Module()
            layer.attn_norm = P(torch.ones(d))
            layer.q = torch.nn.Linear(d, d, bias=False)
            layer.k = torch.nn.Linear(d, kv, bias=False)
            layer.v = torch.nn.Linear(d, kv, bias=False)
            layer.o = torch.nn.Linear(d, d, bias=False)
            layer.ffn_norm = P(torch.ones(d))
            layer.gate = torch.nn.Linear(d, ff, bias=False)
            layer.up = torch.nn.Linear(d, ff, bias=False)
            layer.down = torch.nn.Linear(ff, d, bias=False)
            self.layers.append(layer)
        self.norm = P(torch.ones(d))
        self.lm_head = None if cfg.get("tie_word_embeddings") else torch.nn.Linear(d, V, bias=False)

    def load_hf(self, tensors):
        with torch.no_grad():
            self.embed.copy_(tensors["model.embed_tokens.weight"])
            self.norm.copy_(tensors["model.norm.weight"])
            for i, layer in enumerate(self.layers):
                p = f"model.layers.{i}."
                layer.attn_norm.copy_(tensors[p + "input_layernorm.weight"])
                layer.ffn_norm.copy_(tensors[p + "post_attention_layernorm.weight"])
                for name, hf in [("q", "self_attn.q_proj"), ("k", "self_attn.k_proj"), ("v", "self_attn.v_proj"),
                                 ("o", "self_attn.o_proj"), ("gate", "mlp.gate_proj"), ("up", "mlp.up_proj"),
                                 ("down", "mlp.down_proj")]:
                    getattr(layer, name).weight.copy_(tensors[p + hf + ".weight"])
            if self.lm_head is not None:
                self.lm_head.weight.copy_(tensors["lm_head.weight"])

    def rms(self, x, w):
        # transformers' LlamaRMSNorm, as the studio's engine does it: normalise in float32, scale in
        # the input dtype (a no-op cast for float32; bf16 rows do the same work on both sides).
        eps = self.cfg.get("rms_norm_eps", 1e-5)
        xf = x.float()
        return w * (xf * torch.rsqrt(xf.pow(2).mean(-1, keepdim=True) + eps)).to(x.dtype)

    # Hooks for PEFT peers (train_step_reference.py): the frozen math stays here, once.
    def prefix_length(self):
        return 0

    def prefix_kv(self, layer, batch):
        """Keys and values [B, KV, P, hd] prepended to attention (prefix tuning); None = none."""
        return None

    def ffn_output(self, layer, f):
        """The FFN block's output before the residual add (where a Pfeiffer adapter sits)."""
        return f

    def forward(self, ids):
        cfg = self.cfg
        B, T = ids.shape
        H = cfg["num_attention_heads"]
        KV = cfg.get("num_key_value_heads", H)
        hd = cfg["hidden_size"] // H
        theta = cfg.get("rope_theta", 10000.0)
        inv = 1.0 / theta ** (torch.arange(0, hd, 2, dtype=torch.float32, device=ids.device) / hd)
        freqs = torch.outer(torch.arange(T, dtype=torch.float32, device=ids.device), inv)
        emb = torch.cat([freqs, freqs], -1)
        cos, sin = emb.cos().to(self.embed.dtype), emb.sin().to(self.embed.dtype)

        def rope(x):
            x1, x2 = x[..., : hd // 2], x[..., hd // 2:]
            return x * cos + torch.cat([-x2, x1], -1) * sin

        P = self.prefix_length()
        # Query i sees every prefix key and real keys up to i.
        mask = torch.full((T, T + P), float("-inf"), dtype=self.embed.dtype, device=ids.device).triu(1 + P)
        x = F.embedding(ids, self.embed)
        for layer in self.layers:
            h = self.rms(x, layer.attn_norm)
            q = rope(layer.q(h).view(B, T, H, hd).transpose(1, 2))
            k = rope(layer.k(h).view(B, T, KV, hd).transpose(1, 2))
            v = layer.v(h).view(B, T, KV, hd).transpose(1, 2)
            prefix = self.prefix_kv(layer, B)
            if prefix is not None:
                k = torch.cat([prefix[0], k], 2)
                v = torch.cat([prefix[1], v], 2)
            if KV != H:
                k = k.repeat_interleave(H // KV, dim=1)
                v = v.repeat_interleave(H // KV, dim=1)
            att = (q @ k.transpose(-1, -2)) / math.sqrt(hd) + mask
            y = (att.softmax(-1) @ v).transpose(1, 2).reshape(B, T, H * hd)
            x = x + layer.o(y)
            h = self.rms(x, layer.ffn_norm)
            x = x + self.ffn_output(layer, layer.down(F.silu(layer.gate(h)) * layer.up(h)))
        x = self.rms(x, self.norm)
        return x @ self.embed.t() if self.lm_head is None else self.lm_head(x)
