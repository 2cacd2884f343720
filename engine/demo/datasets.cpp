// SPDX-License-Identifier: MIT
#include "demo/datasets.h"

#include "demo/files.h"
#include "demo/grammar.h"

#include <set>

namespace peft::demo {
namespace {

// Distinct streams per file, so that changing one size leaves the other files as they were.
constexpr uint64_t kSentimentStream = 0x5e57'0001, kFableStream = 0xfab1'0001;

std::string sentiment_csv(const std::vector<LabeledText>& rows) {
    std::string out = "text,label\n";
    for (const auto& r : rows) out += csv_field(r.text) + "," + r.label + "\n";
    return out;
}

std::string paragraphs(const std::vector<std::string>& stories) {
    std::string out;
    for (const auto& s : stories) out += s + "\n\n";
    return out;
}

} // namespace

std::string csv_field(const std::string& text) {
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

DatasetPaths write_datasets(const std::string& dir, const DemoOptions& o) {
    DatasetPaths p{dir + "/" + kSentimentTrain, dir + "/" + kSentimentDev, dir + "/" + kStoriesTrain,
                   dir + "/" + kStoriesDev};

    // One draw for both splits, cut in two: sentences are distinct, so dev never repeats train.
    auto sentiment = make_sentiment(o.sentiment_train + o.sentiment_dev, o.seed ^ kSentimentStream);
    const auto cut = sentiment.begin() + std::min<std::ptrdiff_t>(static_cast<std::ptrdiff_t>(o.sentiment_train),
                                                                  static_cast<std::ptrdiff_t>(sentiment.size()));
    write_text_file(p.sentiment_train, sentiment_csv({sentiment.begin(), cut}));
    write_text_file(p.sentiment_dev, sentiment_csv({cut, sentiment.end()}));

    const auto fables = make_fables(o.fables_train + o.fables_dev, o.seed ^ kFableStream);
    std::vector<std::string> train, dev;
    std::set<std::string> in_train;
    for (std::size_t i = 0; i < fables.size(); ++i) {
        if (static_cast<int64_t>(i) < o.fables_train) {
            train.push_back(fables[i]);
            in_train.insert(fables[i]);
        } else if (!in_train.count(fables[i])) {
            dev.push_back(fables[i]);
        }
    }
    write_text_file(p.stories_train, paragraphs(train));
    write_text_file(p.stories_dev, paragraphs(dev));
    return p;
}

} // namespace peft::demo
