#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""peft-studio-cli turns bad input into one clear error line and a non-zero exit, never a crash.

Usage: check_cli_errors.py CLI ASSETS_DIR
"""
import os
import subprocess
import sys
import tempfile

cli, assets = sys.argv[1], sys.argv[2]
tmp = tempfile.mkdtemp(prefix="peft-cli-")
broken = os.path.join(tmp, "broken")
os.makedirs(broken)
with open(os.path.join(broken, "config.json"), "w") as f:
    f.write("{ not json")
truncated = os.path.join(tmp, "truncated")
os.makedirs(truncated)
with open(os.path.join(assets, "models/stories260K/config.json")) as f:
    open(os.path.join(truncated, "config.json"), "w").write(f.read())
with open(os.path.join(assets, "models/stories260K/model.safetensors"), "rb") as f:
    open(os.path.join(truncated, "model.safetensors"), "wb").write(f.read()[:50000])
with open(os.path.join(assets, "models/stories260K/tokenizer.model"), "rb") as f:
    open(os.path.join(truncated, "tokenizer.model"), "wb").write(f.read())

cases = [
    (["inspect", os.path.join(tmp, "missing")], "config.json"),
    (["generate", broken, "--prompt", "x"], "config.json"),
    (["generate", truncated, "--prompt", "x", "--max-new-tokens", "2"], "model.safetensors"),
    (["generate", os.path.join(assets, "models/bert-tiny-untrained"), "--prompt", "x"], "bert-tiny-untrained"),
    (["tokenize", tmp, "--text", "x"], tmp),
    (["frobnicate"], "unknown command"),
]
failures = 0
for args, expected in cases:
    out = subprocess.run([cli] + args, capture_output=True, text=True, timeout=120)
    message = out.stderr.strip()
    ok = out.returncode in (1, 2) and expected in message and "internal error" not in message
    print(("ok   " if ok else "FAIL ") + " ".join(args[:1]) + f" -> exit {out.returncode}: {message[:300]}")
    failures += not ok
sys.exit(1 if failures else 0)
