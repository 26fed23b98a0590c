// Runs the rules over the scenario models of one input and merges the results.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/model.h"

namespace vpclint {

struct RuleFilter {
    std::vector<std::string> select;  // empty: all rules
    std::vector<std::string> ignore;
    bool enabled(std::string_view id) const;
};

// A finding that holds in some scenarios only names the scenario in its
// message ("when VpcEnabled is true"); identical findings are merged.
std::vector<Diagnostic> check_models(const std::vector<Model>& models, const RuleFilter& filter);

}  // namespace vpclint
