// SPDX-License-Identifier: MIT
#include "train/train_config.h"

#include "core/error.h"

#include <set>

namespace peft {
namespace {

template <typename T>
void read(const nlohmann::json& json, const char* key, T& out) {
    auto it = json.find(key);
    if (it == json.end()) return;
    try {
        out = it->get<T>();
    } catch (const nlohmann::json::exception&) {
        throw Error(std::string("training config: field '") + key + "' has the wrong type (" + it->dump() + ")");
    }
}

} // namespace

void TrainConfig::validate() const {
    auto fail = [](const std::string& field, const std::string& why) {
        throw Error("training config: field '" + field + "' " + why);
    };
    if (!(lr > 0)) fail("lr", "must be positive");
    if (warmup_ratio < 0 || warmup_ratio >= 1) fail("warmup_ratio", "must be in [0, 1)");
    if (warmup_steps < 0) fail("warmup_steps", "must not be negative");
    if (max_steps < 0) fail("max_steps", "must not be negative");
    if (max_steps == 0 && epochs <= 0) fail("epochs", "must be positive when max_steps is 0");
    if (!(max_seconds >= 0)) fail("max_seconds", "must not be negative");
    if (batch_size <= 0) fail("batch_size", "must be positive");
    if (grad_accum <= 0) fail("grad_accum", "must be positive");
    if (max_grad_norm < 0) fail("max_grad_norm", "must not be negative");
    if (weight_decay < 0) fail("weight_decay", "must not be negative");
    if (beta1 < 0 || beta1 >= 1) fail("beta1", "must be in [0, 1)");
    if (beta2 < 0 || beta2 >= 1) fail("beta2", "must be in [0, 1)");
    if (!(eps > 0)) fail("eps", "must be positive");
    if (eval_every < 0) fail("eval_every", "must not be negative");
    if (save_every < 0) fail("save_every", "must not be negative");
    if (threads < 0) fail("threads", "must not be negative");
}

TrainConfig TrainConfig::from_json(const nlohmann::json& json) {
    if (!json.is_object()) throw Error("training config: expected a JSON object");
    static const std::set<std::string> known = {
        "lr", "schedule", "warmup_ratio", "warmup_steps", "max_steps", "epochs", "max_seconds", "batch_size",
        "grad_accum", "max_grad_norm", "weight_decay", "beta1", "beta2", "eps", "eval_every", "save_every", "seed", "threads",
        "bf16", "gradient_checkpointing", "shuffle", "output_dir"};
    for (const auto& item : json.items())
        if (!known.count(item.key())) throw Error("training config: unknown field '" + item.key() + "'");
    TrainConfig c;
    read(json, "lr", c.lr);
    std::string schedule = schedule_kind_name(c.schedule);
    read(json, "schedule", schedule);
    c.schedule = schedule_kind_from_name(schedule);
    read(json, "warmup_ratio", c.warmup_ratio);
    read(json, "warmup_steps", c.warmup_steps);
    read(json, "max_steps", c.max_steps);
    read(json, "epochs", c.epochs);
    read(json, "max_seconds", c.max_seconds);
    read(json, "batch_size", c.batch_size);
    read(json, "grad_accum", c.grad_accum);
    read(json, "max_grad_norm", c.max_grad_norm);
    read(json, "weight_decay", c.weight_decay);
    read(json, "beta1", c.beta1);
    read(json, "beta2", c.beta2);
    read(json, "eps", c.eps);
    read(json, "eval_every", c.eval_every);
    read(json, "save_every", c.save_every);
    read(json, "seed", c.seed);
    read(json, "threads", c.threads);
    read(json, "bf16", c.bf16);
    read(json, "gradient_checkpointing", c.gradient_checkpointing);
    read(json, "shuffle", c.shuffle);
    read(json, "output_dir", c.output_dir);
    c.validate();
    return c;
}

nlohmann::json TrainConfig::to_json() const {
    return {{"lr", lr},
            {"schedule", schedule_kind_name(schedule)},
            {"warmup_ratio", warmup_ratio},
            {"warmup_steps", warmup_steps},
            {"max_steps", max_steps},
            {"epochs", epochs},
            {"max_seconds", max_seconds},
            {"batch_size", batch_size},
            {"grad_accum", grad_accum},
            {"max_grad_norm", max_grad_norm},
            {"weight_decay", weight_decay},
            {"beta1", beta1},
            {"beta2", beta2},
            {"eps", eps},
            {"eval_every", eval_every},
            {"save_every", save_every},
            {"seed", seed},
            {"threads", threads},
            {"bf16", bf16},
            {"gradient_checkpointing", gradient_checkpointing},
            {"shuffle", shuffle},
            {"output_dir", output_dir}};
}

} // namespace peft
