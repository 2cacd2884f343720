#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Our PEFT exports, loaded by Python's own PEFT: `PeftModel.from_pretrained` must accept every
directory unchanged and give the logits the engine gives (atol = rtol = 1e-4, FORMATS.md).

Needs torch, transformers and peft (run on a machine that has them; the build machine does not).
For each case it trains a run for 2 steps with the CLI, exports it with
`peft-studio-cli export RUN --format peft`, asks the engine for logits of fixed ids
(`peft-studio-cli import DIR --model BASE --logits IDS --json`), loads the same directory with
PeftModel.from_pretrained on the base model and compares. LoRA cases also load the merged export
with plain transformers.

Usage: python3 tests/python/check_peft_export.py CLI ASSETS_DIR [--keep]
"""
import os
import shutil
import sys
import tempfile

from engine_cli import Checks, EngineCli  # beside this script

import torch
import transformers
from peft import PeftModel

cli, assets = sys.argv[1], sys.argv[2]
keep = "--keep" in sys.argv
tmp = tempfile.mkdtemp(prefix="peft-python-export-")
IDS = [1, 45, 78, 120, 33, 9, 250, 17]


check = Checks()
engine = EngineCli(cli, assets, tmp)
cli_run = engine.run


def train(name, model, preset, overrides, classification):
    recipe = {"preset": preset}
    if overrides:
        recipe["overrides"] = overrides
    return engine.train(name, model, recipe, classification)


def engine_logits(adapter, model):
    return engine.logits(adapter, model, IDS)


def python_logits(model, classification, adapter=None):
    auto = transformers.AutoModelForSequenceClassification if classification else transformers.AutoModelForCausalLM
    base = auto.from_pretrained(model, torch_dtype=torch.float32)
    net = PeftModel.from_pretrained(base, adapter) if adapter else base
    net.eval()
    with torch.no_grad():
        return net(input_ids=torch.tensor([IDS])).logits.double()


def compare(ours, theirs, what):
    if ours.shape != theirs.shape and theirs.dim() == 3 and ours.dim() == 3 and theirs.shape[1] > ours.shape[1]:
        theirs = theirs[:, theirs.shape[1] - ours.shape[1]:]  # prompt tuning: PEFT returns the virtual positions too
    ok = ours.shape == theirs.shape and torch.allclose(ours, theirs, atol=1e-4, rtol=1e-4)
    diff = (ours - theirs).abs().max().item() if ours.shape == theirs.shape else float("nan")
    check(ok, f"{what}: shapes {tuple(ours.shape)} / {tuple(theirs.shape)}, largest difference {diff:.3g}")


stories = os.path.join(assets, "models/stories260K")
gpt2 = os.path.join(assets, "models/tiny-gpt2")
cases = [
    ("lora-llama", stories, "lora", None, False),
    ("rslora-llama", stories, "lora", {"lora": {"r": 4, "alpha": 16, "rslora": True}}, False),
    ("lora-gpt2", gpt2, "lora", None, False),  # Conv1D: fan_in_fan_out
    ("ia3-llama", stories, "ia3", None, False),
    ("prefix-llama", stories, "prefix_tuning", None, False),  # GQA prefix
    ("prompt-llama", stories, "prompt_tuning", None, False),
    ("lora-cls-llama", stories, "lora", None, True),  # score in modules_to_save
]
for name, model, preset, overrides, classification in cases:
    try:
        run_dir = train(name, model, preset, overrides, classification)
        adapter = os.path.join(tmp, "peft-" + name)
        cli_run(["export", run_dir, "--format", "peft", "--out", adapter, "--json"])
        ours = engine_logits(adapter, model)
        compare(ours, python_logits(model, classification, adapter), f"{name}: PeftModel.from_pretrained")
        if preset in ("lora", "ia3"):
            merged = os.path.join(tmp, "merged-" + name)
            cli_run(["export", run_dir, "--format", "merged", "--out", merged, "--json"])
            compare(ours, python_logits(merged, classification), f"{name}: merged model in transformers")
    except Exception as e:  # one broken case must not hide the others
        check(False, f"{name}: {e}")

if not keep:
    shutil.rmtree(tmp)
print(f"{check.failures} failure(s)" if check.failures else "all PEFT exports load in Python PEFT with equal logits")
sys.exit(1 if check.failures else 0)
