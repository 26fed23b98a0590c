// Runs the rules over the scenario models of one input and merges the results.
#pragma once
#include <functional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
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
// The same for `count` scenario models made one at a time by `build` (into
// the scratch model it is given, or returning one it owns) and released after
// checking: the memory of one model, not of every scenario. The first
// model's suppressions are copied to `suppressions` when given.
std::vector<Diagnostic> check_model_stream(size_t count, const std::function<const Model&(size_t, Model&)>& build,
                                           const RuleFilter& filter, std::vector<Suppression>* suppressions);

// Which scenarios a resource's findings tell apart (filled by a frontend
// that knows what each resource's values depend on): `classes[g][s]` is the
// class of scenario s for the resources of group g; two scenarios of one
// class give those resources the same findings. `labels[s]` is scenario s's
// condition values (what its Model::conditions holds).
struct ScenarioSlices {
    std::vector<std::vector<std::pair<std::string, bool>>> labels;
    std::vector<std::vector<uint32_t>> classes;
    std::unordered_map<std::string, uint32_t> group_of;  // resource -> group
};

// check_model_stream over `slices.labels.size()` scenarios that builds and
// checks only enough of them to see every class of every group (scenario 0
// first), and counts each finding in every scenario of its resource's class:
// the same diagnostics as checking them all. A finding on a resource that no
// group names makes it check every scenario.
std::vector<Diagnostic> check_scenario_slices(const ScenarioSlices& slices,
                                              const std::function<const Model&(size_t, Model&)>& build,
                                              const RuleFilter& filter, std::vector<Suppression>* suppressions);

// Marks the diagnostics that the models' declared suppressions or an inline
// comment on the reported line (`# vpclint: ignore VL101 reason`) cover.
// `source_line` gives the text of a line of the file (empty when unknown).
void apply_suppressions(std::vector<Diagnostic>& diagnostics, const std::vector<Suppression>& declared,
                        const std::function<std::string(uint32_t line)>& source_line);

}  // namespace vpclint
