// SPDX-License-Identifier: MIT
// Every preset applies to Llama, GPT-2 and BERT models (or is refused with a reason), and the
// report computed from the config equals the injected model's parameter counts.
#include "peft/injector.h"
#include "peft/presets.h"
#include "peft/report.h"
#include "peft_test_util.h"

#include <gtest/gtest.h>

using namespace peft;

class PresetsOnFamily : public ::testing::TestWithParam<test::Family> {};

TEST_P(PresetsOnFamily, everyPresetApplies_andReportEqualsModel) {
    for (const auto& name : preset_names()) {
        SCOPED_TRACE(name);
        Transformer model = test::family_model(GetParam());
        Recipe recipe = preset(name, model->config());
        ParameterReport report;
        try {
            report = make_report(model->config(), model->site_infos(), model->head(), recipe);
            inject(*model, recipe, 1);
        } catch (const Error& e) {
            // A refusal must say which module and why; the only expected one is BitFit on Llama,
            // which has no bias vectors.
            const std::string message = e.what();
            EXPECT_NE(message.find("module 0 'bitfit'"), std::string::npos) << message;
            EXPECT_NE(message.find("no bias vectors"), std::string::npos) << message;
            EXPECT_TRUE(name == "bitfit" && GetParam() == test::Family::Llama)
                << "preset " << name << " refused on " << test::family_name(GetParam()) << ": " << message;
            continue;
        }
        auto [total, trainable] = count_parameters(*model);
        EXPECT_EQ(total, report.total);
        EXPECT_EQ(trainable, report.trainable);
        EXPECT_GT(trainable, 0);
        EXPECT_EQ(report.base_parameters, count_base_parameters(model->config(), model->head()));

        torch::NoGradGuard no_grad;
        torch::Tensor out = test::run(*model, test::sample_ids(model->config()));
        EXPECT_TRUE(torch::isfinite(out).all().item<bool>());
        merge(*model);
        EXPECT_TRUE(torch::isfinite(test::run(*model, test::sample_ids(model->config()))).all().item<bool>());
    }
}

TEST_P(PresetsOnFamily, perModuleCountsMatchAttachedModules) {
    // The report's per-site numbers equal each attached module's own numel.
    Transformer model = test::family_model(GetParam());
    Recipe recipe = preset("unipelt", model->config());
    recipe.modules.pop_back(); // the task head unfreezes base weights: not an attached module
    ParameterReport report = make_report(model->config(), model->site_infos(), model->head(), recipe);
    inject(*model, recipe, 1);
    for (const auto& site : report.sites) {
        int64_t attached = 0;
        for (const auto& [name, module] : model->site(site.site).modules())
            for (const auto& p : module->parameters()) attached += p.numel();
        EXPECT_EQ(attached, site.trainable) << site.site;
    }
}

INSTANTIATE_TEST_SUITE_P(Families, PresetsOnFamily,
                         ::testing::Values(test::Family::Llama, test::Family::Gpt2, test::Family::Bert),
                         [](const auto& info) { return std::string(test::family_name(info.param)); });
