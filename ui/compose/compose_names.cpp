// SPDX-License-Identifier: MIT
#include "compose/compose_names.h"

#include <QCoreApplication>

namespace peft::compose {

QString kindTitle(const QString& kind) {
    if (kind == QLatin1String("low_rank")) return QCoreApplication::translate("ComposeNames", "LoRA");
    if (kind == QLatin1String("bottleneck")) return QCoreApplication::translate("ComposeNames", "Bottleneck adapter");
    if (kind == QLatin1String("prefix")) return QCoreApplication::translate("ComposeNames", "Prefix");
    if (kind == QLatin1String("prompt")) return QCoreApplication::translate("ComposeNames", "Prompt");
    if (kind == QLatin1String("ia3")) return QCoreApplication::translate("ComposeNames", "IA3");
    if (kind == QLatin1String("bitfit")) return QCoreApplication::translate("ComposeNames", "BitFit");
    if (kind == QLatin1String("layernorm")) return QCoreApplication::translate("ComposeNames", "LayerNorm");
    if (kind == QLatin1String("unfreeze")) return QCoreApplication::translate("ComposeNames", "Unfreeze");
    if (kind == QLatin1String("task_head")) return QCoreApplication::translate("ComposeNames", "Task head");
    return kind;
}

QString kindTooltip(const QString& kind) {
    if (kind == QLatin1String("low_rank")) return QCoreApplication::translate("ComposeNames", "Low-rank update B·A beside a projection");
    if (kind == QLatin1String("bottleneck")) return QCoreApplication::translate("ComposeNames", "Down-project, nonlinearity, up-project: in line or beside a sub-layer");
    if (kind == QLatin1String("prefix")) return QCoreApplication::translate("ComposeNames", "Trainable keys and values prepended in every attention layer");
    if (kind == QLatin1String("prompt")) return QCoreApplication::translate("ComposeNames", "Trainable virtual tokens prepended to the input embeddings");
    if (kind == QLatin1String("ia3")) return QCoreApplication::translate("ComposeNames", "A learned vector that rescales a projection");
    if (kind == QLatin1String("bitfit")) return QCoreApplication::translate("ComposeNames", "Train the existing biases");
    if (kind == QLatin1String("layernorm")) return QCoreApplication::translate("ComposeNames", "Train the existing norm weights");
    if (kind == QLatin1String("unfreeze")) return QCoreApplication::translate("ComposeNames", "Train every existing weight of the site");
    if (kind == QLatin1String("task_head")) return QCoreApplication::translate("ComposeNames", "Train the classification head");
    return {};
}

QString presetTitle(const QString& preset) {
    if (preset == QLatin1String("lora")) return QCoreApplication::translate("ComposeNames", "LoRA (PEFT defaults)");
    if (preset == QLatin1String("lora_all")) return QCoreApplication::translate("ComposeNames", "LoRA on every linear layer");
    if (preset == QLatin1String("houlsby")) return QCoreApplication::translate("ComposeNames", "Houlsby adapter");
    if (preset == QLatin1String("pfeiffer")) return QCoreApplication::translate("ComposeNames", "Pfeiffer adapter");
    if (preset == QLatin1String("parallel_adapter")) return QCoreApplication::translate("ComposeNames", "Parallel adapter");
    if (preset == QLatin1String("scaled_parallel_adapter")) return QCoreApplication::translate("ComposeNames", "Scaled parallel adapter");
    if (preset == QLatin1String("multihead_parallel_adapter")) return QCoreApplication::translate("ComposeNames", "Multi-head parallel adapter");
    if (preset == QLatin1String("prefix_tuning")) return QCoreApplication::translate("ComposeNames", "Prefix tuning");
    if (preset == QLatin1String("prompt_tuning")) return QCoreApplication::translate("ComposeNames", "Prompt tuning");
    if (preset == QLatin1String("ia3")) return QCoreApplication::translate("ComposeNames", "IA3 (PEFT defaults)");
    if (preset == QLatin1String("bitfit")) return QCoreApplication::translate("ComposeNames", "BitFit (all biases)");
    if (preset == QLatin1String("layernorm")) return QCoreApplication::translate("ComposeNames", "LayerNorm tuning");
    if (preset == QLatin1String("top_k")) return QCoreApplication::translate("ComposeNames", "Top-k layers");
    if (preset == QLatin1String("full")) return QCoreApplication::translate("ComposeNames", "Full fine-tuning");
    if (preset == QLatin1String("mam")) return QCoreApplication::translate("ComposeNames", "MAM adapter");
    if (preset == QLatin1String("unipelt")) return QCoreApplication::translate("ComposeNames", "UniPELT");
    return preset;
}

QString roleTitle(const QString& role) {
    if (role == QLatin1String("embeddings")) return QCoreApplication::translate("ComposeNames", "embeddings");
    if (role == QLatin1String("attn_norm")) return QCoreApplication::translate("ComposeNames", "attention norm");
    if (role == QLatin1String("ffn_norm")) return QCoreApplication::translate("ComposeNames", "FFN norm");
    if (role == QLatin1String("final_norm")) return QCoreApplication::translate("ComposeNames", "final norm");
    if (role == QLatin1String("qkv")) return QCoreApplication::translate("ComposeNames", "fused q·k·v (c_attn)");
    if (role == QLatin1String("kv")) return QCoreApplication::translate("ComposeNames", "keys/values (prefix)");
    if (role == QLatin1String("heads")) return QCoreApplication::translate("ComposeNames", "attention heads");
    if (role == QLatin1String("attn_out")) return QCoreApplication::translate("ComposeNames", "attention output");
    if (role == QLatin1String("ffn_out")) return QCoreApplication::translate("ComposeNames", "FFN output");
    if (role == QLatin1String("head")) return QCoreApplication::translate("ComposeNames", "head");
    if (role == QLatin1String("pooler")) return QCoreApplication::translate("ComposeNames", "pooler");
    return role; // q, k, v, o, up, gate, down: the literature's names
}

QString thousands(qint64 value) {
    QString digits = QString::number(value < 0 ? -value : value);
    for (qsizetype i = digits.size() - 3; i > 0; i -= 3) digits.insert(i, QLatin1Char(','));
    return value < 0 ? QString(QLatin1Char('-') + digits) : digits;
}

QString bytesText(qint64 bytes) {
    const char* units[] = {"B", "KiB", "MiB", "GiB", "TiB"};
    double v = double(bytes);
    int u = 0;
    while (v >= 1024.0 && u < 4) {
        v /= 1024.0;
        ++u;
    }
    return u == 0 ? QStringLiteral("%1 B").arg(bytes) : QStringLiteral("%1 %2").arg(v, 0, 'f', 1).arg(QLatin1String(units[u]));
}

} // namespace peft::compose
