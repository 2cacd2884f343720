#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`train` 3 steps, `export` the run as a PEFT and a studio adapter, `import` them back.

Trains stories260K with LoRA and a classification head on 64 SST-2 sentences for 3 steps, exports
the run folder (--format peft and studio), checks the PEFT file layout, then imports each export
with --eval and checks that it reproduces `eval --checkpoint` of the same checkpoint. Also: a
merged export of a causal-LM run generates the same text as the run itself, and bad requests
(existing folder, unknown format, non-mergeable recipe) fail with a message and leave nothing.

Usage: check_cli_export.py CLI ASSETS_DIR
"""
import json
import os
import shutil
import struct
import subprocess
import sys
import tempfile

cli, assets = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="peft-cli-export-")
failures = 0
env = dict(os.environ, PEFT_ASSETS_DIR=assets)


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


def run(args, timeout=300):
    return subprocess.run([cli] + args, capture_output=True, text=True, timeout=timeout, env=env)


def last_json(out):
    try:
        return json.loads(out.stdout.strip().splitlines()[-1])
    except (json.JSONDecodeError, IndexError):
        return {}


def write_config(name, **changes):
    dev = os.path.join(assets, "data/glue/SST-2/dev.tsv")
    config = {
        "version": 1,
        "name": name,
        "model": "${PEFT_ASSETS_DIR}/models/stories260K",
        "data": {"train_file": dev, "eval_file": dev, "format": "classification",
                 "columns": {"text": "sentence", "label": "label"}, "max_length": 64,
                 "max_train_examples": 64, "max_eval_examples": 32},
        "recipe": {"preset": "lora", "overrides": {"lora": {"r": 8, "alpha": 16}}},
        "training": {"lr": 2e-3, "max_steps": 3, "batch_size": 16},
        "output_dir": "runs/" + name,
        "seed": 0,
        "threads": 1,
    }
    config.update(changes)
    path = os.path.join(tmp, name + ".json")
    with open(path, "w") as f:
        json.dump(config, f, indent=2)
    return path


def safetensors_header(path):
    with open(path, "rb") as f:
        n = struct.unpack("<Q", f.read(8))[0]
        return json.loads(f.read(n))


# --- train, export peft + studio, import --eval ------------------------------------------------------
config = write_config("cls")
out = run(["train", config, "--json"])
check(out.returncode == 0, f"train exits 0 ({out.stderr.strip()[-300:]})")
run_dir = os.path.join(tmp, "runs/cls")
checkpoint = last_json(out).get("checkpoint", "")
reference = last_json(run(["eval", config, "--checkpoint", checkpoint, "--json"]))
check("loss" in reference, f"eval of the checkpoint gives a loss ({reference})")

for fmt in ("peft", "studio"):
    target = os.path.join(tmp, "export-" + fmt)
    out = run(["export", checkpoint, "--format", fmt, "--out", target, "--json"])
    check(out.returncode == 0, f"export --format {fmt} exits 0 ({out.stderr.strip()[-500:]})")
    report = last_json(out)
    check(report.get("max_logit_difference", 1) <= 1e-4, f"{fmt}: verified within 1e-4 ({report})")
    check(not [e for e in os.listdir(tmp) if ".tmp-" in e], f"{fmt}: no temporary folder left")
    out = run(["import", target, "--model", os.path.join(assets, "models/stories260K"), "--eval", config, "--json"])
    check(out.returncode == 0, f"import {fmt} --eval exits 0 ({out.stderr.strip()[-500:]})")
    imported = last_json(out)
    got = imported.get("eval", {})
    check(abs(got.get("loss", -1) - reference.get("loss", -2)) < 1e-4 and got.get("accuracy") == reference.get("accuracy"),
          f"{fmt}: the imported adapter reproduces eval --checkpoint ({got} vs {reference})")

# A run folder resolves to its best (else last) checkpoint.
out = run(["export", run_dir, "--format", "studio", "--out", os.path.join(tmp, "from-run"), "--json"])
chosen = last_json(out).get("checkpoint", "")
check(out.returncode == 0 and os.path.dirname(chosen.rstrip("/")) == run_dir.rstrip("/"),
      f"export of a run folder picks one of its checkpoints ({chosen!r}; {out.stderr.strip()[-300:]})")

peft_dir = os.path.join(tmp, "export-peft")
check(sorted(os.listdir(peft_dir)) == ["adapter_config.json", "adapter_model.safetensors"], "PEFT folder: the two files")
with open(os.path.join(peft_dir, "adapter_config.json")) as f:
    peft_config = json.load(f)
check(peft_config.get("peft_type") == "LORA" and peft_config.get("task_type") == "SEQ_CLS"
      and peft_config.get("inference_mode") is True, f"PEFT config: LORA, SEQ_CLS, inference_mode ({peft_config})")
check("score" in (peft_config.get("modules_to_save") or []), "the classification head is in modules_to_save")
header = safetensors_header(os.path.join(peft_dir, "adapter_model.safetensors"))
check(header.get("__metadata__") == {"format": "pt"}, "safetensors metadata is {format: pt}")
check("base_model.model.score.weight" in header, "head saved as base_model.model.score.weight")
check(any(k.startswith("base_model.model.model.layers.0.self_attn.") and k.endswith(".lora_A.weight") for k in header),
      "LoRA keys as base_model.model.<HF path>.lora_A.weight")

# --- errors: existing folder, bad format ---------------------------------------------------------------
out = run(["export", run_dir, "--format", "peft", "--out", peft_dir])
check(out.returncode == 1 and "not empty" in out.stderr, f"an existing folder is refused ({out.stderr.strip()})")
out = run(["export", run_dir, "--format", "onnx", "--out", os.path.join(tmp, "x")])
check(out.returncode != 0 and "--format" in out.stderr and not os.path.exists(os.path.join(tmp, "x")),
      f"an unknown format is refused ({out.stderr.strip()})")

# --- a causal-LM prefix run: PEFT export works, merged is refused; LoRA merged generates ---------------
text = os.path.join(assets, "data/text/alpaca_en_demo.json")
data = {"train_file": text, "format": "alpaca", "chat_template": "alpaca", "max_length": 64, "max_train_examples": 16}
config = write_config("lm", data=data, recipe={"preset": "lora"}, training={"lr": 1e-2, "max_steps": 3, "batch_size": 8})
out = run(["train", config, "--json"])
check(out.returncode == 0, f"causal-LM run exits 0 ({out.stderr.strip()[-300:]})")
lm_checkpoint = last_json(out).get("checkpoint", "")
merged = os.path.join(tmp, "merged")
out = run(["export", lm_checkpoint, "--format", "merged", "--out", merged])
check(out.returncode == 0 and os.path.isfile(os.path.join(merged, "tokenizer.model")),
      f"merged export with the tokenizer ({out.stderr.strip()[-300:]})")
gen = ["--prompt", "Once upon a time", "--greedy", "--max-new-tokens", "8", "--json", "--threads", "1"]
from_merged = last_json(run(["generate", merged] + gen)).get("continuation_ids")
from_run = last_json(run(["generate", "--config", config, "--checkpoint", lm_checkpoint, "--raw"] + gen)).get("continuation_ids")
check(from_merged is not None and from_merged == from_run, f"the merged model generates as the run does ({from_merged} vs {from_run})")

config = write_config("prefix", data=data, recipe={"preset": "prefix_tuning"}, training={"lr": 1e-2, "max_steps": 3, "batch_size": 8})
out = run(["train", config, "--json"])
if out.returncode == 0:
    prefix_checkpoint = last_json(out).get("checkpoint", "")
    out = run(["export", prefix_checkpoint, "--format", "merged", "--out", os.path.join(tmp, "prefix-merged")])
    check(out.returncode == 1 and "not mergeable" in out.stderr and not os.path.exists(os.path.join(tmp, "prefix-merged")),
          f"a prefix is not mergeable, and nothing is left ({out.stderr.strip()})")
    out = run(["export", prefix_checkpoint, "--format", "peft", "--out", os.path.join(tmp, "prefix-peft")])
    check(out.returncode == 0, f"a prefix exports as PREFIX_TUNING ({out.stderr.strip()[-300:]})")
else:
    check(False, f"prefix run exits 0 ({out.stderr.strip()[-300:]})")

if failures:
    print(f"{failures} check(s) failed; files kept in {tmp}")
    sys.exit(1)
shutil.rmtree(tmp)
print("all export CLI checks passed")
