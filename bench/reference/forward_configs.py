# SPDX-License-Identifier: MIT
"""Random Llama shapes shared by the reference benchmarks (the same as bench/bench_models.cpp)."""

CONFIGS = {
    "llama50m": dict(vocab_size=32000, hidden_size=576, num_hidden_layers=8, num_attention_heads=12,
                     num_key_value_heads=12, intermediate_size=1536, rms_norm_eps=1e-5, tie_word_embeddings=True),
    "llama42m": dict(vocab_size=32000, hidden_size=512, num_hidden_layers=8, num_attention_heads=8,
                     num_key_value_heads=8, intermediate_size=1376, rms_norm_eps=1e-5, tie_word_embeddings=True),
}
