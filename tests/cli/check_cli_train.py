#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`train CONFIG --json` then `eval CONFIG --checkpoint`, Ctrl-C + --resume, and bad configs.

Trains stories260K with LoRA and a classification head on 64 SST-2 sentences for a few steps,
checks the JSON event stream, that evaluating the saved checkpoint reproduces the run's final
metrics, that SIGINT stops with exit 130 and a checkpoint that --resume finishes from, and that
bad configurations exit 2 with one message naming the file and the key.

Usage: check_cli_train.py CLI ASSETS_DIR
"""
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile

cli, assets = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="peft-cli-train-")
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


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
        "training": {"lr": 2e-3, "max_steps": 5, "batch_size": 16, "warmup_ratio": 0.06},
        "output_dir": "runs/" + name,  # relative: resolves against the config's folder
        "seed": 0,
        "threads": 1,
    }
    for key, value in changes.items():
        if value is None:
            config.pop(key, None)
        else:
            config[key] = value
    path = os.path.join(tmp, name + ".json")
    with open(path, "w") as f:
        json.dump(config, f, indent=2)
    return path


env = dict(os.environ, PEFT_ASSETS_DIR=assets)


def run(args, timeout=300):
    return subprocess.run([cli] + args, capture_output=True, text=True, timeout=timeout, env=env)


# --- train --json, then eval --checkpoint -------------------------------------------------------
config = write_config("lora")
out = run(["train", config, "--json"])
check(out.returncode == 0, f"train --json exits 0 (got {out.returncode}; stderr: {out.stderr.strip()[-500:]})")
events = []
for line in out.stdout.splitlines():
    try:
        events.append(json.loads(line))
    except json.JSONDecodeError:
        check(False, f"stdout line is not JSON: {line!r}")
kinds = [e.get("event") for e in events]
check(kinds[:1] == ["started"], f"first event is 'started' ({kinds[:1]})")
check(kinds[-1:] == ["finished"], f"last event is 'finished' ({kinds[-1:]})")
steps = [e for e in events if e.get("event") == "step"]
check([e["step"] for e in steps] == [1, 2, 3, 4, 5], f"one step event per step ({[e['step'] for e in steps]})")
check(all(k in steps[0] for k in ("loss", "lr", "tokens_per_s", "eta", "total_steps")) if steps else False,
      "step events carry loss, lr, tokens/s, ETA and the total")
check(any(e.get("event") == "eval" for e in events), "an eval event")
check(any(e.get("event") == "checkpoint" for e in events), "a checkpoint event")
started = events[0] if events else {}
check(0 < started.get("trainable_parameters", 0) < started.get("total_parameters", 0),
      f"started names trainable/total parameters ({started.get('trainable_parameters')}/{started.get('total_parameters')})")
finished = events[-1] if events else {}
checkpoint = finished.get("checkpoint", "")
check(checkpoint.endswith("checkpoint-5") and os.path.isdir(checkpoint),
      f"finished names the checkpoint ({checkpoint!r}) under the config's folder")
check(os.path.isfile(os.path.join(tmp, "runs/lora/results.json")), "results.json written")

out = run(["eval", config, "--checkpoint", checkpoint, "--json"])
check(out.returncode == 0, f"eval --json exits 0 (got {out.returncode}; stderr: {out.stderr.strip()[-500:]})")
try:
    metrics = json.loads(out.stdout.strip().splitlines()[-1])
except (json.JSONDecodeError, IndexError):
    metrics = {}
final = finished.get("eval", {})
check(metrics.get("examples") == 32, f"eval read 32 examples ({metrics.get('examples')})")
check(abs(metrics.get("loss", -1) - final.get("loss", -2)) < 1e-5 and metrics.get("accuracy") == final.get("accuracy"),
      f"eval of the checkpoint reproduces the run's final metrics ({metrics} vs {final})")
out = run(["eval", config, "--checkpoint", checkpoint])
check(out.returncode == 0 and "accuracy" in out.stdout, "plain eval prints the accuracy")

# --- Ctrl-C keeps a checkpoint; --resume finishes ------------------------------------------------
config = write_config("cancel", training={"lr": 2e-3, "max_steps": 400, "batch_size": 16})
proc = subprocess.Popen([cli, "train", config, "--json"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                        env=env)
lines = []
for line in proc.stdout:
    lines.append(line)
    if '"event":"step"' in line.replace(" ", "") and '"step":2,' in line.replace(" ", ""):
        proc.send_signal(signal.SIGINT)
        break
rest, err = proc.communicate(timeout=300)
lines += rest.splitlines()
check(proc.returncode == 130, f"SIGINT exits 130 (got {proc.returncode}; stderr: {err.strip()[-300:]})")
last = json.loads(lines[-1]) if lines else {}
check(last.get("event") == "finished" and last.get("cancelled") is True, f"finished event says cancelled ({last})")
check("--resume" in last.get("resume", ""), f"it says how to resume ({last.get('resume')!r})")
stopped_at = last.get("steps", 0)
check(0 < stopped_at < 400 and os.path.isdir(last.get("checkpoint", "")), f"a checkpoint at step {stopped_at} is kept")
out = run(["train", config, "--json", "--set", "training.max_steps=" + str(stopped_at + 2), "--resume",
           last.get("checkpoint", "")])
resumed = [json.loads(l) for l in out.stdout.splitlines() if l.strip()]
resumed_steps = [e["step"] for e in resumed if e.get("event") == "step"]
check(out.returncode == 0 and resumed_steps == [stopped_at + 1, stopped_at + 2],
      f"--resume continues at step {stopped_at + 1} (exit {out.returncode}, steps {resumed_steps}; {out.stderr.strip()[-300:]})")

# --- an instruction run generates with the template it was trained with ---------------------------
config = write_config("alpaca", data={"train_file": os.path.join(assets, "data/text/alpaca_en_demo.json"),
                                      "format": "alpaca", "chat_template": "alpaca", "max_length": 128,
                                      "max_train_examples": 16},
                      training={"lr": 1e-2, "max_steps": 2, "batch_size": 8})
out = run(["train", config, "--json"])
check(out.returncode == 0, f"alpaca run exits 0 ({out.stderr.strip()[-300:]})")
model = os.path.join(assets, "models/stories260K")
gen_args = ["--prompt", "Name a color.", "--greedy", "--max-new-tokens", "4", "--json", "--threads", "1"]
trained = run(["generate", "--config", config, "--checkpoint", os.path.join(tmp, "runs/alpaca/checkpoint-2")] + gen_args)
base = run(["generate", model, "--chat-template", "alpaca"] + gen_args)
try:
    trained_ids = json.loads(trained.stdout.strip().splitlines()[-1])["prompt_ids"]
    base_ids = json.loads(base.stdout.strip().splitlines()[-1])["prompt_ids"]
except (json.JSONDecodeError, IndexError, KeyError):
    trained_ids, base_ids = None, []
check(trained.returncode == 0 and trained_ids == base_ids and len(base_ids) > 20,
      f"generate --config uses the run's chat template ({trained.stderr.strip()[-300:]})")

# --- bad configurations: exit 2, one message naming file and key ---------------------------------
bad_cases = [
    (write_config("typo", learning_rate=1), "key 'learning_rate'"),
    (write_config("badlr", training={"lr": -1}), "key 'training'"),
    (write_config("nomodel", model=os.path.join(tmp, "missing-model")), "key 'model'"),
    (write_config("badrecipe", recipe={"preset": "lora", "overrides": {"nope": {"r": 2}}}), "key 'recipe.overrides.nope'"),
    (os.path.join(tmp, "absent.json"), "absent.json"),
]
with open(os.path.join(tmp, "broken.json"), "w") as f:
    f.write('{\n  "version": 1,\n  "model": \n}\n')
bad_cases.append((os.path.join(tmp, "broken.json"), "broken.json:4"))
for path, expected in bad_cases:
    out = run(["train", path])
    message = out.stderr.strip()
    check(out.returncode == 2 and expected in message and os.path.basename(path) in message
          and len(message.splitlines()) == 1,
          f"train {os.path.basename(path)} -> exit {out.returncode}: {message[:300]}")
out = run(["train", bad_cases[0][0], "--json"])
try:
    event = json.loads(out.stdout.strip().splitlines()[-1])
except (json.JSONDecodeError, IndexError):
    event = {}
check(out.returncode == 2 and event.get("event") == "failed" and event.get("config_error") is True,
      f"--json reports a bad config as a failed event ({event})")
out = run(["eval", write_config("lora"), "--json"])
check(out.returncode == 2 and "--checkpoint" in out.stderr, f"eval without --checkpoint -> exit {out.returncode}")

if not failures:
    shutil.rmtree(tmp, ignore_errors=True)  # kept when something failed, to look at
sys.exit(1 if failures else 0)
