// SPDX-License-Identifier: MIT
#include "data/data_names.h"

namespace peft::datapage {

QString DataNames::format(const QString& key) {
    if (key == QLatin1String("classification")) return tr("Classification");
    if (key == QLatin1String("pair_classification")) return tr("Pair classification");
    if (key == QLatin1String("text")) return tr("Plain text");
    if (key == QLatin1String("alpaca")) return tr("Instructions (Alpaca)");
    if (key == QLatin1String("sharegpt")) return tr("Conversations (ShareGPT)");
    if (key == QLatin1String("messages")) return tr("Chat messages");
    return key;
}

QString DataNames::formatHint(const QString& key) {
    if (key == QLatin1String("classification")) return tr("One text and a label per row: sequence classification.");
    if (key == QLatin1String("pair_classification"))
        return tr("Two texts and a label per row: sentence-pair classification (entailment, paraphrase).");
    if (key == QLatin1String("text")) return tr("Plain text for causal language modelling, packed into blocks.");
    if (key == QLatin1String("alpaca"))
        return tr("Instruction, optional input and output per record; the loss covers the output only.");
    if (key == QLatin1String("sharegpt"))
        return tr("A list of turns {from, value} per record; the loss covers the assistant turns only.");
    if (key == QLatin1String("messages"))
        return tr("A list of {role, content} messages per record; the loss covers the assistant turns only.");
    return {};
}

QString DataNames::role(const QString& key) {
    if (key == QLatin1String("text")) return tr("Text");
    if (key == QLatin1String("text_pair")) return tr("Second text");
    if (key == QLatin1String("label")) return tr("Label");
    if (key == QLatin1String("instruction")) return tr("Instruction");
    if (key == QLatin1String("input")) return tr("Input");
    if (key == QLatin1String("output")) return tr("Output");
    if (key == QLatin1String("system")) return tr("System prompt");
    if (key == QLatin1String("conversations")) return tr("Conversations");
    if (key == QLatin1String("messages")) return tr("Messages");
    return key;
}

QString DataNames::textSplit(const QString& key) {
    if (key == QLatin1String("whole_file")) return tr("Whole file");
    if (key == QLatin1String("paragraphs")) return tr("Paragraphs");
    if (key == QLatin1String("lines")) return tr("Lines");
    return key;
}

QString DataNames::fileKind(const QString& key) {
    if (key == QLatin1String("csv")) return tr("CSV");
    if (key == QLatin1String("tsv")) return tr("TSV");
    if (key == QLatin1String("json")) return tr("JSON");
    if (key == QLatin1String("jsonl")) return tr("JSON Lines");
    if (key == QLatin1String("text")) return tr("Text");
    return key;
}

} // namespace peft::datapage
