# SPDX-License-Identifier: MIT
"""What the Python cross-checks (check_peft_export.py, check_adapterhub_export.py) ask of our
engine, through peft-studio-cli: train a tiny run, export it, read logits of fixed ids. One copy,
so both checks train and read logits the same way."""
import json
import os
import subprocess


class Checks:
    """Prints one line per check and counts the failures."""

    def __init__(self):
        self.failures = 0

    def __call__(self, ok, what):
        print(("ok   " if ok else "FAIL ") + what, flush=True)
        if not ok:
            self.failures += 1
        return ok


class EngineCli:
    def __init__(self, cli, assets, tmp):
        self.cli, self.assets, self.tmp = cli, assets, tmp
        self.env = dict(os.environ, PEFT_ASSETS_DIR=assets)

    def run(self, args):
        """Runs a `--json` command and returns its last JSON line; raises with the CLI's message."""
        out = subprocess.run([self.cli] + args, capture_output=True, text=True, env=self.env, timeout=600)
        if out.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:2])} failed: {out.stderr.strip()[-800:]}")
        return json.loads(out.stdout.strip().splitlines()[-1])

    def train(self, name, model, recipe, classification, max_length=64):
        """Trains `recipe` (a run configuration's recipe section) on `model` for 2 steps at a high
        rate, so the adapter is far from its initialisation; returns the run folder."""
        if classification:
            data = {"train_file": os.path.join(self.assets, "data/glue/SST-2/dev.tsv"), "format": "classification",
                    "columns": {"text": "sentence", "label": "label"}, "max_length": max_length,
                    "max_train_examples": 32}
        else:
            data = {"train_file": os.path.join(self.assets, "data/text/alpaca_en_demo.json"), "format": "alpaca",
                    "chat_template": "alpaca", "max_length": 64, "max_train_examples": 16}
        run_dir = os.path.join(self.tmp, "runs", name)
        config = {"version": 1, "name": name, "model": model, "data": data, "recipe": recipe,
                  "training": {"lr": 5e-2, "max_steps": 2, "batch_size": 8}, "output_dir": run_dir,
                  "seed": 0, "threads": 1}
        path = os.path.join(self.tmp, name + ".json")
        with open(path, "w") as f:
            json.dump(config, f)
        subprocess.run([self.cli, "train", path, "--json"], capture_output=True, env=self.env, timeout=600, check=True)
        return run_dir

    def raw_logits(self, adapter, model, ids):
        """The engine's logits for `ids` with `adapter` loaded onto `model`: {"shape", "values"} (flat)."""
        out = self.run(["import", adapter, "--model", model, "--logits", ",".join(map(str, ids)), "--json"])
        return {"shape": out["logits"]["shape"], "values": out["logits"]["values"]}

    def logits(self, adapter, model, ids):
        """The engine's logits for `ids` with `adapter` loaded onto `model`, as a float64 tensor."""
        import torch
        raw = self.raw_logits(adapter, model, ids)
        return torch.tensor(raw["values"], dtype=torch.float64).view(raw["shape"])


FIXTURE_VALUES = 4096  # logits kept per case in a fixture


def write_fixture(folder, records, fixtures, header):
    """Writes `fixtures`: each case's exported folder and cases.json = `header` + the cases with the
    Python library's logits ("python", "python_merged"), every stride-th value (about
    FIXTURE_VALUES per case: GPT-2's 50,257-token vocabulary makes 400,000), in the layout
    tests/cli/check_python_peft_fixtures.py reads. The engine's own values are dropped: CI asks
    today's engine; the library's values are the reference."""
    import shutil
    os.makedirs(fixtures, exist_ok=True)
    for record in records:
        shutil.copytree(os.path.join(folder, record["name"]), os.path.join(fixtures, record["name"]), dirs_exist_ok=True)
        record.pop("merged", None)  # merged model folders are large; their logits stay
        stride = max(1, -(-len(record["engine"]["values"]) // FIXTURE_VALUES))
        record["stride"] = stride
        record["engine"].pop("values")
        for key in ("python", "python_merged"):
            if key in record:
                record[key]["values"] = [float(f"{v:.9g}") for v in record[key]["values"][::stride]]
    with open(os.path.join(fixtures, "cases.json"), "w") as f:
        json.dump(dict(header, cases=records), f, separators=(",", ":"))


def run_halves(argv, doc, make, check_exports, done):
    """The command line both cross-checks share: `make CLI ASSETS DIR`, `check ASSETS DIR
    [--fixtures OUT]`, or `CLI ASSETS [--keep]` for both halves on one machine."""
    import shutil
    import tempfile
    if len(argv) >= 4 and argv[0] == "make":
        failures = make(os.path.abspath(argv[1]), os.path.abspath(argv[2]), os.path.abspath(argv[3]))
    elif len(argv) >= 3 and argv[0] == "check":
        fixtures = argv[argv.index("--fixtures") + 1] if "--fixtures" in argv else None
        failures = check_exports(os.path.abspath(argv[1]), os.path.abspath(argv[2]), fixtures)
    elif len(argv) >= 2:
        tmp = tempfile.mkdtemp(prefix="peft-python-check-")
        failures = make(os.path.abspath(argv[0]), os.path.abspath(argv[1]), tmp)
        failures += check_exports(os.path.abspath(argv[1]), tmp)
        if "--keep" in argv:
            print(f"kept {tmp}")
        else:
            shutil.rmtree(tmp)
    else:
        print(doc)
        return 2
    print(f"{failures} failure(s)" if failures else ("every case exported" if argv[0] == "make" else done))
    return 1 if failures else 0
