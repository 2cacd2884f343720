#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Crash safety of project files: SIGKILL a CLI run mid-training, then check and resume it.

Trains stories260K (LoRA, classification head) on SST-2 sentences into a project with
`train CONFIG --project P --json`, polls the project with Python's sqlite3 until a checkpoint and
some later steps are committed, kills the process with SIGKILL, and checks that: the file passes
PRAGMA integrity_check; `project check` marks the run interrupted; the step points up to at least
the checkpoint are there; `project resume` finishes the run from its last checkpoint (the first
resumed step follows it) and the steps end up contiguous 1..total. Then a queued run (a row as the
studio's Queue for Command Line writes it) trains headless with `project run` into its own row.

Usage: project_crash_test.py CLI ASSETS_DIR
"""
import json
import os
import shutil
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time

cli, assets = os.path.abspath(sys.argv[1]), os.path.abspath(sys.argv[2])
tmp = tempfile.mkdtemp(prefix="peft-project-crash-")
failures = 0
MAX_STEPS = 300
# Step points commit in batches (every 0.5 s) and with every checkpoint. Checkpoints must be far
# enough apart that a batch commits between two of them even on a fast machine (CI trains ~30
# steps/s here): every 10 steps, each commit was a checkpoint's and the kill condition never held.
SAVE_EVERY = 60


def check(ok, what):
    global failures
    print(("ok   " if ok else "FAIL ") + what, flush=True)
    if not ok:
        failures += 1
    return ok


def query(db, sql, *params):
    connection = sqlite3.connect(db, timeout=10)
    try:
        return connection.execute(sql, params).fetchall()
    finally:
        connection.close()


env = dict(os.environ, PEFT_ASSETS_DIR=assets)
dev = os.path.join(assets, "data/glue/SST-2/dev.tsv")
config = {
    "version": 1,
    "name": "crash",
    "model": "${PEFT_ASSETS_DIR}/models/stories260K",
    "data": {"train_file": dev, "eval_file": dev, "format": "classification",
             "columns": {"text": "sentence", "label": "label"}, "max_length": 64,
             "max_train_examples": 256, "max_eval_examples": 32},
    "recipe": {"preset": "lora", "overrides": {"lora": {"r": 8, "alpha": 16}}},
    "training": {"lr": 2e-3, "max_steps": MAX_STEPS, "batch_size": 8, "warmup_ratio": 0.06,
                 "save_every": SAVE_EVERY, "eval_every": 100},
    "output_dir": "runs/crash",
    "seed": 0,
    "threads": 1,
}
config_path = os.path.join(tmp, "crash.json")
with open(config_path, "w") as f:
    json.dump(config, f, indent=2)
project = os.path.join(tmp, "crash.peftproj")

# --- train into the project, SIGKILL it mid-run ---------------------------------------------------
log = open(os.path.join(tmp, "train.out"), "w")
child = subprocess.Popen([cli, "train", config_path, "--project", project, "--run-name", "crash", "--json"],
                         stdout=log, stderr=subprocess.STDOUT, env=env)
killed_at = None
checkpoint_step = None
deadline = time.time() + 300
while time.time() < deadline and child.poll() is None:
    time.sleep(0.02)
    if not os.path.exists(project):
        continue
    try:
        ck = query(project, "SELECT max(step) FROM checkpoints")[0][0]
        last = query(project, "SELECT max(step) FROM step_metrics")[0][0]
    except sqlite3.Error:
        continue  # created but no schema yet
    if ck is not None and last is not None and last > ck:
        child.send_signal(signal.SIGKILL)
        child.wait()
        killed_at = last
        break
log.close()
if not check(killed_at is not None, f"killed mid-run (exit {child.returncode}; last committed step {killed_at})"):
    print(open(os.path.join(tmp, "train.out")).read()[-3000:])
    sys.exit(1)
check(killed_at < MAX_STEPS, f"the kill landed before the end ({killed_at} < {MAX_STEPS})")

# --- the file survived ----------------------------------------------------------------------------
check(query(project, "PRAGMA integrity_check") == [("ok",)], "PRAGMA integrity_check is ok after SIGKILL")
status = query(project, "SELECT status FROM runs WHERE name = 'crash'")
check(status == [("running",)], f"the killed run is still marked running before the check ({status})")

out = subprocess.run([cli, "project", "check", project], capture_output=True, text=True, env=env, timeout=120)
check(out.returncode == 0, f"project check exits 0 ({out.returncode}; {out.stderr.strip()})")
print(out.stdout.strip())
check("interrupted" in out.stdout, "project check reports the interrupted run")
(status, message, steps_done), = query(project, "SELECT status, message, steps_done FROM runs WHERE name = 'crash'")
check(status == "interrupted", f"the run is interrupted ({status})")
checkpoint_step = query(project, "SELECT max(step) FROM checkpoints")[0][0]
check(f"step {checkpoint_step}" in message and "pid" in message, f"the message names the pid and the checkpoint ({message})")
steps = [s for (s,) in query(project, "SELECT step FROM step_metrics ORDER BY step")]
check(steps[-1] >= checkpoint_step, f"step points up to the checkpoint are there ({steps[-1]} >= {checkpoint_step})")
check(steps == list(range(1, steps[-1] + 1)), "the recorded steps are contiguous from 1")
check(steps_done == steps[-1], f"steps_done follows the points ({steps_done})")

# --- resume from the last checkpoint --------------------------------------------------------------
out = subprocess.run([cli, "project", "resume", project, "crash", "--json"], capture_output=True, text=True,
                     env=env, timeout=600)
check(out.returncode == 0, f"project resume exits 0 ({out.returncode}; {out.stderr.strip()[-500:]})")
events = []
for line in out.stdout.splitlines():
    try:
        events.append(json.loads(line))
    except json.JSONDecodeError:
        pass
resumed = [e["step"] for e in events if e.get("event") == "step"]
check(bool(resumed) and resumed[0] == checkpoint_step + 1,
      f"the first resumed step follows the checkpoint ({resumed[:1]} after {checkpoint_step})")
(status, steps_done, total, message, wall), = query(
    project, "SELECT status, steps_done, total_steps, message, wall_seconds FROM runs WHERE name = 'crash'")
check(status == "finished", f"the run is finished ({status}; {message})")
check(total == MAX_STEPS and steps_done == MAX_STEPS, f"steps done {steps_done} of {total}")
rows = query(project, "SELECT step, tokens_seen, elapsed FROM step_metrics r WHERE run_id = "
                      "(SELECT id FROM runs WHERE name = 'crash') ORDER BY step")
check([r[0] for r in rows] == list(range(1, MAX_STEPS + 1)), f"steps are contiguous 1..{MAX_STEPS}")
check(all(b[1] > a[1] for a, b in zip(rows, rows[1:])), "tokens_seen grows at every step, across the resume")
check(all(b[2] >= a[2] for a, b in zip(rows, rows[1:])), "elapsed never goes back, across the resume")
check(wall >= rows[-1][2] - 1e-9, f"wall_seconds covers the points ({wall})")
check(query(project, "PRAGMA integrity_check") == [("ok",)], "integrity_check is ok after the resume")
out = subprocess.run([cli, "project", "runs", project], capture_output=True, text=True, env=env, timeout=60)
check(out.returncode == 0 and "finished" in out.stdout, "project runs lists the finished run")
print(out.stdout.strip())

# --- a queued run (as the studio's Queue for Command Line writes it) trains headless -------------
queued = dict(config, name="queued", output_dir=os.path.join(tmp, "runs/queued"))
queued["training"] = dict(config["training"], max_steps=12, eval_every=6, save_every=6)
queued["model"] = os.path.join(assets, "models/stories260K")
connection = sqlite3.connect(project, timeout=10)
connection.execute("INSERT INTO runs(name, status, method, config_json, model_path, dataset_path, created_at) "
                   "VALUES('queued', 'queued', 'lora', ?, ?, ?, strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))",
                   (json.dumps(queued), queued["model"], dev))
connection.commit()
connection.close()
out = subprocess.run([cli, "project", "run", project, "queued", "--json"], capture_output=True, text=True,
                     env=env, timeout=600)
check(out.returncode == 0, f"project run exits 0 ({out.returncode}; {out.stderr.strip()[-500:]})")
(status, steps_done), = query(project, "SELECT status, steps_done FROM runs WHERE name = 'queued'")
check(status == "finished" and steps_done == 12, f"the queued run trained into its row ({status}, {steps_done} steps)")
points = query(project, "SELECT count(*) FROM step_metrics WHERE run_id = (SELECT id FROM runs WHERE name = 'queued')")
check(points == [(12,)], f"with every step point ({points})")

if failures == 0:
    shutil.rmtree(tmp, ignore_errors=True)
else:
    print(f"kept {tmp} for inspection")
sys.exit(1 if failures else 0)
