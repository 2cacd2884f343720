#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""`demo --cache TMP --steps 3`: builds a tiny demo, prints its paths and losses (plain and
--json), finds it in the cache the second time, and refuses bad options.

Usage: check_cli_demo.py CLI
"""
import json
import os
import shutil
import subprocess
import sys
import tempfile

cli = sys.argv[1]
tmp = tempfile.mkdtemp(prefix="peft-cli-demo-")
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what)
    if not ok:
        failures += 1


def run(args, timeout=120):
    return subprocess.run([cli] + args, capture_output=True, text=True, timeout=timeout)


cache = os.path.join(tmp, "cache")
out = run(["demo", "--cache", cache, "--steps", "3", "--threads", "2"])
check(out.returncode == 0, f"demo exits 0 (got {out.returncode}; stderr: {out.stderr.strip()[-500:]})")
check("demo: pretraining the tiny Llama: step 3/3" in out.stdout, "progress lines reach step 3/3")
check("Demo built: " in out.stdout, "says it built the demo")
check("held-out loss" in out.stdout and "3 steps" in out.stdout, "prints the measured losses and steps")
model = os.path.join(cache, "peft-demo-v1", "model")
check(f"model            {model}" in out.stdout, "prints the model folder")
check(os.path.isfile(os.path.join(model, "config.json")), "the model folder has config.json")

out = run(["demo", "--cache", cache, "--steps", "3", "--json"])
check(out.returncode == 0, f"demo --json exits 0 (got {out.returncode})")
try:
    info = json.loads(out.stdout)
except json.JSONDecodeError:
    info = {}
    check(False, f"--json prints one JSON object ({out.stdout[:200]!r})")
check(info.get("from_cache") is True, "the second call comes from the cache")
check(info.get("steps") == 3, f"steps is 3 ({info.get('steps')})")
check(info.get("model_dir") == model, "model_dir is the cached model")
data = info.get("data", {})
for key in ("sentiment_train", "sentiment_dev", "stories_train", "stories_dev"):
    check(os.path.isfile(data.get(key, "")), f"data.{key} exists")
check(0 < info.get("final_loss", 0) < info.get("initial_loss", 0), "final loss is below the initial loss")

out = run(["demo", "--cache", cache, "--steps", "0"])
check(out.returncode == 1 and "--steps" in out.stderr, f"--steps 0 is refused ({out.returncode}: {out.stderr.strip()})")
out = run(["demo", "extra"])
check(out.returncode == 1 and "no arguments" in out.stderr, f"a positional argument is refused ({out.returncode})")

shutil.rmtree(tmp, ignore_errors=True)
print("all passed" if failures == 0 else f"{failures} failure(s)")
sys.exit(1 if failures else 0)
