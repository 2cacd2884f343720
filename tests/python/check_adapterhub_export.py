#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Our AdapterHub exports, loaded by the `adapters` library: `load_adapter` must accept every
directory unchanged and give the logits the engine gives (atol = rtol = 1e-4, FORMATS.md).

Two halves, like check_peft_export.py, so they can run on different machines:

  make  CLI ASSETS_DIR DIR    trains each case for 2 steps with the CLI, exports it with
                              `export RUN --format adapterhub`, asks the engine for the logits of
                              fixed ids and writes DIR/cases.json + one folder per export. No torch.
  check ASSETS_DIR DIR [--fixtures OUT]
                              needs torch, transformers and adapters (>= 1.1): loads every export
                              with load_adapter on the Hugging Face model (the flex-head model for
                              classification), compares, and with --fixtures writes OUT: the
                              folders and cases.json with the library's logits, in the layout
                              tests/cli/check_python_peft_fixtures.py reads.
  CLI ASSETS_DIR [--keep]     both halves on one machine.
"""
import json
import os
import shutil
import sys

from engine_cli import Checks, EngineCli, run_halves, write_fixture  # beside this script

IDS = [1, 45, 78, 20, 33, 9, 50, 17]  # < every model's vocabulary (bert-cls has 101 tokens)
TOLERANCE = 1e-4
FIXTURES = os.path.normpath(os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "fixtures"))

# (name, model folder: under ASSETS_DIR, or "fixtures/..." under tests/, modules, classification)
CASES = [
    ("houlsby-llama", "models/stories260K", [{"name": "a", "kind": "adapter", "sites": ["attn_out", "ffn_out"], "r": 8,
                                              "insertion": "sequential", "activation": "silu", "init": "bert"}], False),
    ("lora-llama", "models/stories260K", [{"name": "lora", "kind": "lora", "sites": ["q", "v"], "r": 4, "alpha": 8}], False),
    ("ia3-llama", "models/stories260K", [{"name": "ia3", "kind": "ia3", "sites": ["k", "v"]}], False),
    ("prefix-llama", "models/stories260K", [{"name": "prefix", "kind": "prefix", "length": 4}], False),  # GQA + RoPE shift
    ("union-llama", "models/stories260K", [{"name": "prefix", "kind": "prefix", "length": 4},
                                           {"name": "seq", "kind": "adapter", "sites": ["ffn_out"], "r": 8,
                                            "insertion": "sequential", "composition": "scaled", "scale": 4,
                                            "init": "bert"}], False),
    ("houlsby-gpt2", "models/tiny-gpt2", [{"name": "a", "kind": "adapter", "sites": ["attn_out", "ffn_out"], "r": 1,
                                           "insertion": "sequential", "init": "bert"}], False),
    ("lora-qv-gpt2", "models/tiny-gpt2", [{"name": "lora", "kind": "lora", "sites": ["q", "v"], "r": 2, "alpha": 4}], False),
    ("houlsby-bert-cls", "fixtures/hf-reference/bert-cls",
     [{"name": "a", "kind": "adapter", "sites": ["attn_out", "ffn_out"], "r": 4, "insertion": "sequential", "init": "bert"},
      {"name": "head", "kind": "task_head"}], True),
    ("parallel-scaled-bert-cls", "fixtures/hf-reference/bert-cls",
     [{"name": "pa", "kind": "adapter", "sites": ["ffn_out"], "r": 8, "composition": "scaled", "scale": 4, "init": "bert"},
      {"name": "lora", "kind": "lora", "sites": ["q", "v"], "r": 2},
      {"name": "head", "kind": "task_head"}], True),
]


def model_path(assets, model_rel):
    if model_rel.startswith("fixtures/"):
        return os.path.join(FIXTURES, model_rel[len("fixtures/"):])
    return os.path.join(assets, model_rel)


def with_tokenizer(model, out):
    """The tiny random BERT fixture has weights but no tokenizer, and training reads text: a copy
    with a 101-token WordPiece vocabulary (specials, letters, word pieces, digits, punctuation) in
    `out`. The weights are the fixture's, so the logits of fixed ids do not change."""
    if os.path.exists(os.path.join(model, "vocab.txt")):
        return model
    copy = os.path.join(out, "models", os.path.basename(model))
    shutil.copytree(model, copy, dirs_exist_ok=True)
    with open(os.path.join(copy, "config.json")) as f:
        vocab_size = json.load(f)["vocab_size"]
    letters = [chr(c) for c in range(ord("a"), ord("z") + 1)]
    tokens = ["[PAD]", "[UNK]", "[CLS]", "[SEP]", "[MASK]"] + letters + ["##" + c for c in letters]
    tokens += [str(d) for d in range(10)] + list(".,!?'\"-();:&/")
    tokens += ["the", "a", "and", "of", "to", "is", "it", "in", "this", "film", "movie", "that", "s"]
    tokens = (tokens + [f"[unused{i}]" for i in range(vocab_size)])[:vocab_size]
    with open(os.path.join(copy, "vocab.txt"), "w") as f:
        f.write("\n".join(tokens) + "\n")
    return copy


def make(cli, assets, out):
    """The engine's half: exports and the engine's logits. Returns the number of failures."""
    check = Checks()
    engine = EngineCli(cli, assets, os.path.join(out, "work"))
    os.makedirs(engine.tmp, exist_ok=True)
    records = []
    for name, model_rel, modules, classification in CASES:
        model = model_path(assets, model_rel)
        try:
            trained_model = with_tokenizer(model, out) if model_rel.startswith("fixtures/") else model
            run_dir = engine.train(name, trained_model, {"version": 1, "name": name, "modules": modules}, classification,
                                   max_length=32)
            adapter = os.path.join(out, name)
            report = engine.run(["export", run_dir, "--format", "adapterhub", "--out", adapter, "--overwrite", "--json"])
            check(report.get("max_logit_difference", 1) <= TOLERANCE, f"{name}: the engine's own reload check passed")
            records.append({"name": name, "model": model_rel, "classification": classification, "ids": IDS,
                            "engine": engine.raw_logits(adapter, model, IDS)})
        except Exception as e:  # one broken case must not hide the others
            check(False, f"{name}: {e}")
    shutil.rmtree(engine.tmp, ignore_errors=True)
    with open(os.path.join(out, "cases.json"), "w") as f:
        json.dump(records, f, indent=1)
    return check.failures


def adapters_logits(model, adapter, classification):
    import torch
    import transformers
    import adapters
    from adapters import AutoAdapterModel
    with open(os.path.join(adapter, "adapter_config.json")) as f:
        name = json.load(f)["name"]
    if classification:
        # The flex-head model: the classification head comes from head_config.json + model_head.safetensors.
        net = AutoAdapterModel.from_pretrained(model, dtype=torch.float32)
        loaded = net.load_adapter(adapter, with_head=True, use_safetensors=True, set_active=True)
    else:
        net = transformers.AutoModelForCausalLM.from_pretrained(model, dtype=torch.float32)
        adapters.init(net)
        loaded = net.load_adapter(adapter, use_safetensors=True, set_active=True)
    net.set_active_adapters(loaded)
    net.eval()
    with torch.no_grad():
        out = net(input_ids=torch.tensor([IDS]))
    logits = out.logits if hasattr(out, "logits") else out[0]
    return name, loaded, logits.double()


def check_exports(assets, folder, fixtures=None):
    """The library's half: load_adapter on every export. Returns the number of failures."""
    import torch
    import transformers
    import adapters
    check = Checks()
    with open(os.path.join(folder, "cases.json")) as f:
        records = json.load(f)
    check(len(records) == len(CASES), f"{len(records)} of {len(CASES)} cases were exported")
    for record in records:
        try:
            name, loaded, theirs = adapters_logits(model_path(assets, record["model"]), os.path.join(folder, record["name"]),
                                                   record["classification"])
            check(loaded == name, f"{record['name']}: load_adapter names the adapter '{name}' (got '{loaded}')")
            ours = torch.tensor(record["engine"]["values"], dtype=torch.float64).view(record["engine"]["shape"])
            ok = ours.shape == theirs.shape and torch.allclose(ours, theirs, atol=TOLERANCE, rtol=TOLERANCE)
            diff = (ours - theirs).abs().max().item() if ours.shape == theirs.shape else float("nan")
            check(ok, f"{record['name']}: adapters load_adapter: shapes {tuple(ours.shape)} / {tuple(theirs.shape)}, "
                      f"largest difference {diff:.3g}")
            record["python"] = {"shape": list(theirs.shape), "values": theirs.flatten().tolist(), "max_difference": diff}
        except Exception as e:  # one broken case must not hide the others
            check(False, f"{record['name']}: {e}")
    if fixtures:
        write_fixture(folder, records, fixtures, {"tolerance": TOLERANCE, "torch": torch.__version__,
                                                  "transformers": transformers.__version__, "adapters": adapters.__version__})
    return check.failures


if __name__ == "__main__":
    sys.exit(run_halves(sys.argv[1:], __doc__, make, check_exports,
                        "all AdapterHub exports load with the adapters library with equal logits"))
