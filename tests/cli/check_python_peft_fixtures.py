#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Python's logits, recorded, checked without Python's stack: tests/fixtures/python-peft holds
PEFT directories this engine exported and the logits Python's `PeftModel.from_pretrained` (and
transformers on the merged export) computed for them on the GPU machine
(tests/python/check_peft_export.py check ... --fixtures); check_adapterhub_export.py writes the
same layout for the adapters library. Here the CLI imports each directory onto its base model and
its logits must equal Python's within the recorded tolerance (1e-4).

Usage: check_python_peft_fixtures.py CLI ASSETS_DIR FIXTURES_DIR
"""
import json
import os
import subprocess
import sys

cli, assets, fixtures = (os.path.abspath(a) for a in sys.argv[1:4])
failures = 0


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures += 1
    return ok


def flatten(values):
    if isinstance(values, list) and values and isinstance(values[0], list):
        return [v for inner in values for v in flatten(inner)]
    return values


cases_path = os.path.join(fixtures, "cases.json")
if not os.path.isfile(cases_path):
    print(f"FAIL the fixture {cases_path} is missing: run tests/python/check_peft_export.py where "
          f"transformers and peft are installed (see its docstring)")
    sys.exit(1)
with open(cases_path) as f:
    fixture = json.load(f)
tolerance = fixture["tolerance"]
libraries = ", ".join(f"{key} {fixture[key]}" for key in ("torch", "transformers", "peft", "adapters") if key in fixture)
print(f"recorded with {libraries}")
check(len(fixture["cases"]) >= 9, f"{len(fixture['cases'])} cases recorded")

for case in fixture["cases"]:
    name = case["name"]
    # A model under ASSETS_DIR, or "fixtures/..." beside this fixture (tests/fixtures).
    model = (os.path.join(os.path.dirname(fixtures), case["model"][len("fixtures/"):])
             if case["model"].startswith("fixtures/") else os.path.join(assets, case["model"]))
    out = subprocess.run([cli, "import", os.path.join(fixtures, name), "--model", model,
                          "--logits", ",".join(map(str, case["ids"])), "--json"],
                         capture_output=True, text=True, timeout=300)
    if not check(out.returncode == 0, f"{name}: import exits 0 ({out.stderr.strip()[-400:]})"):
        continue
    logits = json.loads(out.stdout.strip().splitlines()[-1])["logits"]
    ours = flatten(logits["values"])[::case["stride"]]
    loader = "the adapters library's load_adapter" if "adapters" in fixture else "PeftModel.from_pretrained"
    for key, what in (("python", loader), ("python_merged", "the merged export in transformers")):
        if key not in case:
            continue
        theirs = case[key]
        if not check(logits["shape"] == theirs["shape"] and len(ours) == len(theirs["values"]),
                     f"{name}: shape {logits['shape']} as {what}'s {theirs['shape']}"):
            continue
        bad = [(i, a, b) for i, (a, b) in enumerate(zip(ours, theirs["values"]))
               if abs(a - b) > tolerance + tolerance * abs(b)]
        largest = max(abs(a - b) for a, b in zip(ours, theirs["values"]))
        check(not bad, f"{name}: logits equal {what}'s within {tolerance:g} "
                       f"(largest difference {largest:.3g} over {len(ours)} values)")
        for i, a, b in bad[:5]:
            print(f"       value {i * case['stride']}: engine {a:.7g}, Python {b:.7g}")

print(f"{failures} failure(s)" if failures else "every recorded export still gives the Python library's logits")
sys.exit(1 if failures else 0)
