#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Greedy generation through peft-studio-cli reproduces llama2.c's run.c ids (goldens).

Usage: check_cli_generate.py CLI ASSETS_DIR
"""
import json
import subprocess
import sys

cli, assets = sys.argv[1], sys.argv[2]
golden = json.load(open(f"{assets}/goldens/stories260K_greedy.json"))
failures = 0
for case in golden["cases"]:
    n = len(case["continuation_ids"])
    out = subprocess.run([cli, "generate", f"{assets}/models/stories260K", "--prompt", case["prompt"],
                          "--max-new-tokens", str(n), "--greedy", "--json", "--threads", "1"],
                         capture_output=True, text=True, timeout=300)
    if out.returncode != 0:
        print(f"case {case['prompt']!r}: exit {out.returncode}\n{out.stderr}")
        failures += 1
        continue
    got = json.loads(out.stdout.strip().splitlines()[-1])
    if got["prompt_ids"] != case["prompt_ids"]:
        print(f"case {case['prompt']!r}: prompt ids {got['prompt_ids']} != golden {case['prompt_ids']}")
        failures += 1
    cont = got["continuation_ids"]
    if cont != case["continuation_ids"]:
        first = next((i for i, (a, b) in enumerate(zip(cont, case["continuation_ids"])) if a != b), min(len(cont), n))
        print(f"case {case['prompt']!r}: first mismatch at token {first}: got {cont[first:first+5]}, "
              f"golden {case['continuation_ids'][first:first+5]} (lengths {len(cont)} / {n})")
        failures += 1
    else:
        print(f"case {case['prompt']!r}: all {n} ids equal")
    if got["text"] != case["text"]:
        print(f"case {case['prompt']!r}: text differs:\n  got    {got['text']!r}\n  golden {case['text']!r}")
        failures += 1
sys.exit(1 if failures else 0)
