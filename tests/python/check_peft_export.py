#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Our PEFT exports, loaded by Python's own PEFT: `PeftModel.from_pretrained` must accept every
directory unchanged and give the logits the engine gives (atol = rtol = 1e-4, FORMATS.md).

Two halves, so they can run on different machines (the build machine has the CLI but no
transformers/peft; the GPU machine has Python's stack):

  make  CLI ASSETS_DIR DIR    trains each case for 2 steps with the CLI, exports it with
                              `export RUN --format peft` (LoRA and IA3 also `--format merged`),
                              asks the engine for the logits of fixed ids (`import DIR --model BASE
                              --logits IDS --json`) and writes DIR/cases.json + one folder per export.
                              Needs no torch.
  check ASSETS_DIR DIR [--fixtures OUT]
                              loads every export with PeftModel.from_pretrained on the Hugging Face
                              model (merged exports with plain transformers), compares with the
                              engine's logits, and with --fixtures writes OUT: the PEFT folders and
                              cases.json with Python's logits, which CI checks without Python
                              (tests/cli/check_python_peft_fixtures.py).
  CLI ASSETS_DIR [--keep]     both halves on one machine.
"""
import json
import os
import shutil
import sys

from engine_cli import Checks, EngineCli, run_halves, write_fixture  # beside this script

IDS = [1, 45, 78, 120, 33, 9, 250, 17]
TOLERANCE = 1e-4

# (name, model folder under ASSETS_DIR, recipe, classification). The recipe is a run
# configuration's recipe section: a preset with overrides, or an inline recipe.
CASES = [
    ("lora-llama", "models/stories260K", {"preset": "lora"}, False),
    ("rslora-llama", "models/stories260K", {"preset": "lora", "overrides": {"lora": {"r": 4, "alpha": 16, "rslora": True}}}, False),
    # Per-module rank and alpha: rank_pattern / alpha_pattern, one module with rsLoRA.
    ("lora-patterns-llama", "models/stories260K",
     {"version": 1, "name": "lora-patterns", "modules": [
         {"name": "lora_qv", "kind": "lora", "sites": ["q", "v"], "r": 4, "alpha": 8},
         {"name": "lora_o", "kind": "lora", "sites": ["o"], "r": 8, "alpha": 32},
         {"name": "lora_down", "kind": "lora", "sites": ["down"], "r": 2, "alpha": 4, "rslora": True}]}, False),
    ("lora-gpt2", "models/tiny-gpt2", {"preset": "lora"}, False),  # Conv1D: fan_in_fan_out
    ("ia3-llama", "models/stories260K", {"preset": "ia3"}, False),
    ("prefix-llama", "models/stories260K", {"preset": "prefix_tuning"}, False),  # GQA prefix
    ("prefix-reparam-llama", "models/stories260K",  # MLP folded into prompt_embeddings
     {"version": 1, "name": "prefix-reparam", "modules": [
         {"name": "prefix", "kind": "prefix", "length": 6, "reparam_hidden": 16}]}, False),
    ("prompt-llama", "models/stories260K", {"preset": "prompt_tuning"}, False),
    ("lora-cls-llama", "models/stories260K", {"preset": "lora"}, True),  # score in modules_to_save
]


def make(cli, assets, out):
    """The engine's half: exports and the engine's logits. Returns the number of failures."""
    check = Checks()
    engine = EngineCli(cli, assets, os.path.join(out, "work"))
    os.makedirs(engine.tmp, exist_ok=True)
    records = []
    for name, model_rel, recipe, classification in CASES:
        model = os.path.join(assets, model_rel)
        try:
            run_dir = engine.train(name, model, recipe, classification)
            adapter = os.path.join(out, name)
            report = engine.run(["export", run_dir, "--format", "peft", "--out", adapter, "--overwrite", "--json"])
            check(report.get("max_logit_difference", 1) <= TOLERANCE, f"{name}: the engine's own reload check passed")
            record = {"name": name, "model": model_rel, "classification": classification, "ids": IDS,
                      "engine": engine.raw_logits(adapter, model, IDS)}
            if name.startswith(("lora", "rslora", "ia3")):  # mergeable: also exported as a merged model
                engine.run(["export", run_dir, "--format", "merged", "--out", adapter + ".merged", "--overwrite", "--json"])
                record["merged"] = name + ".merged"
            records.append(record)
            check(True, f"{name}: exported")
        except Exception as e:  # one broken case must not hide the others
            check(False, f"{name}: {e}")
    shutil.rmtree(engine.tmp, ignore_errors=True)
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(records, f, indent=1)
    return check.failures


def python_logits(model, classification, adapter=None):
    import torch
    import transformers
    from peft import PeftModel
    auto = transformers.AutoModelForSequenceClassification if classification else transformers.AutoModelForCausalLM
    base = auto.from_pretrained(model, dtype=torch.float32)
    net = PeftModel.from_pretrained(base, adapter) if adapter else base
    net.eval()
    with torch.no_grad():
        return net(input_ids=torch.tensor([IDS])).logits.double()


def check_exports(assets, folder, fixtures=None):
    """Python's half: PeftModel.from_pretrained on every export. Returns the number of failures."""
    import torch
    import transformers
    import peft
    check = Checks()
    with open(os.path.join(folder, "cases.json")) as f:
        records = json.load(f)
    check(len(records) == len(CASES), f"{len(records)} of {len(CASES)} cases were exported")

    def compare(record, theirs, what):
        ours = torch.tensor(record["engine"]["values"], dtype=torch.float64).view(record["engine"]["shape"])
        if ours.dim() == 3 and theirs.dim() == 3 and theirs.shape[1] > ours.shape[1]:
            theirs = theirs[:, theirs.shape[1] - ours.shape[1]:]  # prompt tuning: PEFT returns the virtual positions too
        ok = ours.shape == theirs.shape and torch.allclose(ours, theirs, atol=TOLERANCE, rtol=TOLERANCE)
        diff = (ours - theirs).abs().max().item() if ours.shape == theirs.shape else float("nan")
        check(ok, f"{record['name']}: {what}: shapes {tuple(ours.shape)} / {tuple(theirs.shape)}, "
                  f"largest difference {diff:.3g}")
        if not ok and ours.shape == theirs.shape:
            bad = ((ours - theirs).abs() > TOLERANCE + TOLERANCE * theirs.abs()).flatten().nonzero().flatten()[:5]
            for i in bad.tolist():
                print(f"       at flat index {i}: engine {ours.flatten()[i]:.6g}, Python {theirs.flatten()[i]:.6g}")
        return theirs, diff

    for record in records:
        model = os.path.join(assets, record["model"])
        try:
            theirs, diff = compare(record, python_logits(model, record["classification"], os.path.join(folder, record["name"])),
                                   "PeftModel.from_pretrained")
            record["python"] = {"shape": list(theirs.shape), "values": theirs.flatten().tolist(), "max_difference": diff}
            if "merged" in record:
                theirs, diff = compare(record, python_logits(os.path.join(folder, record["merged"]), record["classification"]),
                                       "merged model in transformers")
                record["python_merged"] = {"shape": list(theirs.shape), "values": theirs.flatten().tolist(),
                                           "max_difference": diff}
        except Exception as e:  # one broken case must not hide the others
            check(False, f"{record['name']}: {e}")

    if fixtures:
        write_fixture(folder, records, fixtures, {"tolerance": TOLERANCE, "torch": torch.__version__,
                                                  "transformers": transformers.__version__, "peft": peft.__version__})
    return check.failures


if __name__ == "__main__":
    sys.exit(run_halves(sys.argv[1:], __doc__, make, check_exports,
                        "all PEFT exports load in Python PEFT with equal logits"))
