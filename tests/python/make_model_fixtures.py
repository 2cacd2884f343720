#!/usr/bin/env python3
# SPDX-License-Identifier: MIT
"""Reference fixtures from Hugging Face transformers (run where transformers is installed, e.g. the
GPU machine): tiny random models of every architecture the engine supports, saved with
save_pretrained (safetensors), plus logits of fixed inputs computed in float64 by transformers
itself. The engine's tests load these folders and compare their logits (tests/engine/models).

Usage: python3 tests/python/make_model_fixtures.py OUT_DIR
"""
import json
import os
import sys

import torch
import transformers
from transformers import (AutoConfig, BertConfig, GPT2Config, LlamaConfig, MistralConfig, Qwen2Config,
                          RobertaConfig)

out = sys.argv[1]
os.makedirs(out, exist_ok=True)
torch.manual_seed(0)

VOCAB = 101
common_decoder = dict(vocab_size=VOCAB, hidden_size=32, intermediate_size=56, num_hidden_layers=2,
                      num_attention_heads=4, num_key_value_heads=2, max_position_embeddings=64,
                      rms_norm_eps=1e-5, rope_theta=10000.0, bos_token_id=1, eos_token_id=2,
                      tie_word_embeddings=False)
models = {
    "llama-gqa": ("LlamaForCausalLM", LlamaConfig(**common_decoder)),
    "llama-tied-cls": ("LlamaForSequenceClassification",
                       LlamaConfig(**{**common_decoder, "tie_word_embeddings": True, "num_labels": 3,
                                      "pad_token_id": 0})),
    "mistral": ("MistralForCausalLM", MistralConfig(**common_decoder, sliding_window=4096)),
    "qwen2": ("Qwen2ForCausalLM", Qwen2Config(**common_decoder)),
    "gpt2": ("GPT2LMHeadModel", GPT2Config(vocab_size=VOCAB, n_embd=32, n_layer=2, n_head=4, n_positions=64,
                                           bos_token_id=1, eos_token_id=2)),
    "gpt2-cls": ("GPT2ForSequenceClassification",
                 GPT2Config(vocab_size=VOCAB, n_embd=32, n_layer=2, n_head=4, n_positions=64, num_labels=2,
                            pad_token_id=0)),
    "bert-cls": ("BertForSequenceClassification",
                 BertConfig(vocab_size=VOCAB, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                            intermediate_size=64, max_position_embeddings=64, num_labels=2)),
    "roberta-cls": ("RobertaForSequenceClassification",
                    RobertaConfig(vocab_size=VOCAB, hidden_size=32, num_hidden_layers=2, num_attention_heads=4,
                                  intermediate_size=64, max_position_embeddings=70, num_labels=3,
                                  pad_token_id=1, bos_token_id=0, eos_token_id=2)),
}

ids = torch.tensor([[5, 17, 42, 3, 99, 7, 64, 12], [8, 9, 10, 11, 12, 13, 0, 0]])
mask = torch.tensor([[1, 1, 1, 1, 1, 1, 1, 1], [1, 1, 1, 1, 1, 1, 0, 0]])

summary = {"transformers": transformers.__version__, "torch": torch.__version__, "input_ids": ids.tolist(),
           "attention_mask": mask.tolist(), "models": {}}
for name, (cls_name, config) in models.items():
    torch.manual_seed(len(name))
    cls = getattr(transformers, cls_name)
    config.architectures = [cls_name]
    model = cls(config).eval()
    # Non-trivial norms and biases so that their loading is checked too.
    with torch.no_grad():
        for pname, p in model.named_parameters():
            if p.dim() == 1:
                p.add_(torch.randn_like(p) * 0.1)
    path = os.path.join(out, name)
    model.save_pretrained(path, safe_serialization=True)
    m64 = model.to(torch.float64)
    with torch.no_grad():
        kwargs = {"input_ids": ids, "attention_mask": mask}
        logits = m64(**kwargs).logits
    summary["models"][name] = {"class": cls_name, "logits_shape": list(logits.shape),
                               "logits": logits.flatten().tolist()}
    print(name, cls_name, list(logits.shape))

with open(os.path.join(out, "logits.json"), "w") as f:
    json.dump(summary, f)
