// SPDX-License-Identifier: MIT
// peft-studio-cli: the studio's headless command line.
#include "commands.h"

#include "core/blas_kernels.h"
#include "core/error.h"

#include <cstdio>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

namespace {

void print_usage() {
    std::cout <<
R"(peft-studio-cli — parameter-efficient fine-tuning, headless

Usage:
  peft-studio-cli inspect MODEL_DIR [--json]
      architecture, sizes, parameters per component, tokenizer kind, dtype
  peft-studio-cli tokenize MODEL_DIR --text TEXT [--json] [--no-special-tokens]
      token ids and tokens
  peft-studio-cli generate MODEL_DIR --prompt TEXT [--max-new-tokens N] [--greedy]
                  [--temperature T] [--top-k K] [--top-p P] [--seed S] [--json]
                  [--chat-template auto|alpaca|chatml|llama-3 [--input TEXT] [--system TEXT]]
  peft-studio-cli generate --config RUN.json --checkpoint DIR --prompt TEXT [--raw] [options above]
      continues the prompt (greedy or sampled, KV cache, stops at EOS); with --chat-template the
      prompt is an instruction formatted exactly as instruction-tuning examples are. With a run
      and a checkpoint: the trained model, and an instruction run's own template (--raw: none)
  peft-studio-cli params MODEL_DIR_OR_CONFIG (--recipe FILE | --preset NAME) [--head auto|causal-lm|classification]
                  [--batch B] [--seq T] [--dtype f32|bf16] [--json]
      trainable parameters of a recipe, PEFT's summary line and a per-module table
  peft-studio-cli train CONFIG [--resume CHECKPOINT_DIR] [--json | --plain] [--log-every N]
                  [--set KEY=VALUE]... [--output DIR]
      trains as the run configuration says (docs/run-config.md): progress bar on a terminal,
      plain lines otherwise, one JSON object per event with --json. Ctrl-C stops cleanly and
      keeps a checkpoint to resume from. Exit: 0 done, 1 failed, 2 bad configuration, 130 cancelled
  peft-studio-cli train CONFIG --project FILE [--run-name NAME] [options above]
      also records the run into a project file (created when missing): its configuration, every
      metric point, evaluations and checkpoints; a studio with the project open shows it live
  peft-studio-cli project runs FILE [--json]
      the project's runs: id, name, status, method, trainable %, best metric, steps
  peft-studio-cli project check FILE
      integrity check and schema version; marks runs whose process died as interrupted
      (exit 1 when the integrity check fails)
  peft-studio-cli project resume FILE RUN [--json | --plain] [--threads N]
      continues an interrupted, cancelled or failed run (name or id) from its last checkpoint,
      into the same run of the project
  peft-studio-cli project run FILE RUN [--json | --plain] [--threads N]
      trains a run the studio queued in the project (headless), writing into the project
      (project commands and --project need a build with Qt: docs/projects.md)
  peft-studio-cli eval CONFIG --checkpoint DIR [--json] [--set KEY=VALUE]...
      loss and metrics of a checkpoint on the run's eval file
  peft-studio-cli export CHECKPOINT_OR_RUN --format peft|adapterhub|studio|merged --out DIR [--name NAME]
                  [--overwrite] [--json]
      a checkpoint (or a run folder's best/last one) as a PEFT adapter directory, an AdapterHub
      adapter (NAME: its adapter name), a studio adapter (any recipe) or a merged Hugging Face model;
      reloaded and checked (logits within 1e-4) before it is moved into place (docs/export.md)
  peft-studio-cli import ADAPTER_DIR --model MODEL_DIR [--eval CONFIG | --generate PROMPT] [--json]
      loads a PEFT, AdapterHub or studio adapter onto its base model; evaluates it on a run configuration's
      eval file, or continues a prompt greedily
  peft-studio-cli demo [--cache DIR] [--json]
      builds the self-contained demo (a tiny Llama pretrained here on generated stories, a
      sentiment CSV and a fables text; about a minute, nothing downloaded) or finds it cached,
      and prints its model and data paths and measured losses. DIR defaults to the studio's
      own demo folder, ~/.local/share/PEFT Studio/PEFT Studio/demo ($XDG_DATA_HOME respected)

Common options:
  --threads N   LibTorch intra-op threads (default: all cores; env PEFT_THREADS)
  --help        this text
)";
}

} // namespace

int main(int argc, char** argv) {
    peft::select_native_blas_kernels(argv);
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty() || args[0] == "--help" || args[0] == "-h" || args[0] == "help") {
        print_usage();
        return args.empty() ? 2 : 0;
    }
    const std::string command = args[0];
    args.erase(args.begin());
    try {
        if (command == "inspect") return peft::cli::run_inspect(args);
        if (command == "tokenize") return peft::cli::run_tokenize(args);
        if (command == "generate") return peft::cli::run_generate(args);
        if (command == "params") return peft::cli::run_params(args);
        if (command == "train") return peft::cli::run_train(args);
        if (command == "eval") return peft::cli::run_eval(args);
        if (command == "demo") return peft::cli::run_demo(args);
        if (command == "export") return peft::cli::run_export(args);
        if (command == "import") return peft::cli::run_import(args);
#ifdef PEFT_CLI_WITH_PROJECTS
        if (command == "project") return peft::cli::run_project(args);
#else
        if (command == "project") {
            std::cerr << "peft-studio-cli: this build has no project support (it needs Qt; see docs/projects.md)\n";
            return 2;
        }
#endif
        std::cerr << "peft-studio-cli: unknown command '" << command << "' (see --help)\n";
        return 2;
    } catch (const peft::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    } catch (const std::exception& e) {
        std::cerr << "internal error: " << e.what() << "\n";
        return 3;
    }
}
