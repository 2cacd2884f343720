#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Our AdapterHub exports, loaded by the `adapters` library: `load_adapter` must accept every
directory unchanged and give the logits the engine gives (atol = rtol = 1e-4, FORMATS.md).

Needs torch, transformers and adapters (>= 1.1; run where they are installed, e.g. the GPU
machine; the build machine has none). For each case it trains a run for 2 steps with the CLI,
exports it with `peft-studio-cli export RUN --format adapterhub`, asks the engine for logits of
fixed ids (`peft-studio-cli import DIR --model BASE --logits IDS --json`), loads the directory with
the adapters library on the Hugging Face model and compares. With --fixtures DIR it also writes,
per case, the export and `<case>.logits.json` (ids, engine and adapters logits, largest
difference), so CI can check later exports against them without Python.

Usage: python3 tests/python/check_adapterhub_export.py CLI ASSETS_DIR [--fixtures DIR] [--keep]
"""
import json
import os
import shutil
import sys
import tempfile

from engine_cli import Checks, EngineCli  # beside this script

import torch
import transformers
import adapters
from adapters import AutoAdapterModel

cli, assets = sys.argv[1], sys.argv[2]
keep = "--keep" in sys.argv
fixtures = sys.argv[sys.argv.index("--fixtures") + 1] if "--fixtures" in sys.argv else None
tmp = tempfile.mkdtemp(prefix="peft-python-adapterhub-")
IDS = [1, 45, 78, 20, 33, 9, 50, 17]  # < every fixture vocabulary (bert-cls has 101 tokens)


check = Checks()
engine = EngineCli(cli, assets, tmp)
cli_run = engine.run


def train(name, model, modules, classification):
    return engine.train(name, model, {"version": 1, "name": name, "modules": modules}, classification, max_length=32)


def engine_logits(adapter, model):
    return engine.logits(adapter, model, IDS)


def adapters_logits(model, adapter, classification):
    with open(os.path.join(adapter, "adapter_config.json")) as f:
        name = json.load(f)["name"]
    if classification:
        # The flex-head model: the classification head comes from head_config.json + model_head.safetensors.
        net = AutoAdapterModel.from_pretrained(model, torch_dtype=torch.float32)
        loaded = net.load_adapter(adapter, with_head=True, use_safetensors=True, set_active=True)
    else:
        net = transformers.AutoModelForCausalLM.from_pretrained(model, torch_dtype=torch.float32)
        adapters.init(net)
        loaded = net.load_adapter(adapter, use_safetensors=True, set_active=True)
    check(loaded == name, f"load_adapter names the adapter '{name}' (got '{loaded}')")
    net.set_active_adapters(loaded)
    net.eval()
    with torch.no_grad():
        out = net(input_ids=torch.tensor([IDS]))
    logits = out.logits if hasattr(out, "logits") else out[0]
    return logits.double()


def compare(ours, theirs, what):
    ok = ours.shape == theirs.shape and torch.allclose(ours, theirs, atol=1e-4, rtol=1e-4)
    diff = (ours - theirs).abs().max().item() if ours.shape == theirs.shape else float("nan")
    check(ok, f"{what}: shapes {tuple(ours.shape)} / {tuple(theirs.shape)}, largest difference {diff:.3g}")
    return diff


stories = os.path.join(assets, "models/stories260K")
gpt2 = os.path.join(assets, "models/tiny-gpt2")
bert = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures", "hf-reference", "bert-cls")
cases = [
    # (name, model, modules, classification)
    ("houlsby-llama", stories, [{"name": "a", "kind": "adapter", "sites": ["attn_out", "ffn_out"], "r": 8,
                                 "insertion": "sequential", "activation": "silu", "init": "bert"}], False),
    ("lora-llama", stories, [{"name": "lora", "kind": "lora", "sites": ["q", "v"], "r": 4, "alpha": 8}], False),
    ("ia3-llama", stories, [{"name": "ia3", "kind": "ia3", "sites": ["k", "v"]}], False),
    ("prefix-llama", stories, [{"name": "prefix", "kind": "prefix", "length": 4}], False),  # GQA + RoPE shift
    ("union-llama", stories, [{"name": "prefix", "kind": "prefix", "length": 4},
                              {"name": "seq", "kind": "adapter", "sites": ["ffn_out"], "r": 8, "insertion": "sequential",
                               "composition": "scaled", "scale": 4, "init": "bert"}], False),
    ("houlsby-gpt2", gpt2, [{"name": "a", "kind": "adapter", "sites": ["attn_out", "ffn_out"], "r": 1,
                             "insertion": "sequential", "init": "bert"}], False),
    ("lora-qv-gpt2", gpt2, [{"name": "lora", "kind": "lora", "sites": ["q", "v"], "r": 2, "alpha": 4}], False),
    ("houlsby-bert-cls", bert, [{"name": "a", "kind": "adapter", "sites": ["attn_out", "ffn_out"], "r": 4,
                                 "insertion": "sequential", "init": "bert"}, {"name": "head", "kind": "task_head"}], True),
    ("parallel-scaled-bert-cls", bert, [{"name": "pa", "kind": "adapter", "sites": ["ffn_out"], "r": 8,
                                         "composition": "scaled", "scale": 4, "init": "bert"},
                                        {"name": "lora", "kind": "lora", "sites": ["q", "v"], "r": 2},
                                        {"name": "head", "kind": "task_head"}], True),
]
for name, model, modules, classification in cases:
    try:
        run_dir = train(name, model, modules, classification)
        adapter = os.path.join(tmp, "adapterhub-" + name)
        report = cli_run(["export", run_dir, "--format", "adapterhub", "--out", adapter, "--json"])
        check(report.get("max_logit_difference", 1) <= 1e-4, f"{name}: the engine's own reload check passed ({report})")
        ours = engine_logits(adapter, model)
        theirs = adapters_logits(model, adapter, classification)
        diff = compare(ours, theirs, f"{name}: adapters load_adapter")
        if fixtures:
            os.makedirs(fixtures, exist_ok=True)
            shutil.copytree(adapter, os.path.join(fixtures, name), dirs_exist_ok=True)
            with open(os.path.join(fixtures, name + ".logits.json"), "w") as f:
                json.dump({"ids": IDS, "model": os.path.relpath(model, assets) if model.startswith(assets) else model,
                           "engine": ours.flatten().tolist(), "adapters": theirs.flatten().tolist(),
                           "shape": list(ours.shape), "max_difference": diff,
                           "adapters_version": adapters.__version__, "transformers_version": transformers.__version__},
                          f, indent=1)
    except Exception as e:  # one broken case must not hide the others
        check(False, f"{name}: {e}")

if not keep:
    shutil.rmtree(tmp)
print(f"{check.failures} failure(s)" if check.failures else "all AdapterHub exports load with the adapters library with equal logits")
sys.exit(1 if check.failures else 0)
