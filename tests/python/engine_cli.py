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
