// Condition scenarios: every consistent setting of the switches a deployer
// controls (domain.md, "Condition scenarios").
#pragma once
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "parsers/cfn/intrinsics.h"
#include "parsers/cfn/template.h"

namespace vpclint::cfn {

struct ScenarioChoice {
    Scenario scenario;
    std::vector<std::pair<std::string, Tri>> conditions;  // every condition's value, by name
};

// At least one scenario. The first one gives every switch its default. Up to
// kMaxScenarios combinations are enumerated in full; beyond that, the default
// scenario plus each switch varied alone. Scenarios with the same condition
// values are merged.
constexpr size_t kMaxScenarios = 256;
// Only `relevant` conditions (those the modelled resources depend on) are
// switched and reported.
// Parameters with AllowedValues that key an Fn::FindInMap in `resources` are
// switches too; their scenarios carry `Param=value` entries in `conditions`.
// `complete` (when given): false when the combinations were too many and
// only the default scenario and each switch varied alone were enumerated.
std::vector<ScenarioChoice> enumerate_scenarios(const Template& tpl, const std::set<std::string>& relevant,
                                                const std::vector<const ResourceInfo*>& resources,
                                                bool* complete = nullptr);

// The conditions that resources of the given logical ids depend on (their
// Condition attribute, Fn::If inside them), closed over conditions that
// name other conditions.
std::set<std::string> conditions_used_by(const Template& tpl, const std::vector<const ResourceInfo*>& resources);

}  // namespace vpclint::cfn
