// CloudFormation (and SAM) templates into models, one per condition scenario.
#pragma once
#include <memory>
#include <vector>

#include "core/document.h"
#include "core/engine.h"
#include "core/model.h"
#include "parsers/frontend.h"

namespace vpclint {

std::vector<Model> build_cfn_models(const Document& doc, const FrontendOptions& opts);

// The same one scenario at a time: `prepare` reads the template and its
// scenarios once; `scenario(i)` builds the i-th model.
class CfnScenarios {
public:
    CfnScenarios(const Document& doc, const FrontendOptions& opts);
    ~CfnScenarios();
    size_t count() const;
    Model scenario(size_t i) const;
    // Which scenarios each resource's findings tell apart
    // (parsers/cfn/scenario_slices.h), for check_scenario_slices.
    // `extra_reads`: (reader, read) logical ids the template does not show.
    ScenarioSlices slices(const std::vector<std::pair<std::string, std::string>>& extra_reads = {}) const;

private:
    struct State;
    std::unique_ptr<State> state_;
};

}  // namespace vpclint
