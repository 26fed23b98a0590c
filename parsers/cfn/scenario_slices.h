// Which condition scenarios each resource's findings can tell apart, so the
// engine checks a few scenarios instead of all of them (core/engine.h,
// check_scenario_slices; domain.md, "Condition scenarios").
#pragma once
#include <string>
#include <utility>
#include <vector>

#include "core/engine.h"
#include "parsers/cfn/scenarios.h"
#include "parsers/cfn/template.h"

namespace vpclint::cfn {

// A resource's findings depend on the switches (conditions and switched
// parameters) its own values name and on those of the resources its checks
// read: what it references, what references it other than functions (route
// table associations, routes, rules, policies, event source mappings ...),
// transitively; and, for a resource that functions reference (a security
// group), only whether and where each function references it. Two functions
// never depend on each other unless one references the other.
// `labels[s]` is scenario s's condition values, as in its model.
// `extra_reads` adds (reader, read) pairs of logical ids the template does
// not show: a configuration's declared needs (a function that needs a
// database reads it).
ScenarioSlices slice_scenarios(const Template& tpl, const std::vector<ScenarioChoice>& choices,
                               std::vector<std::vector<std::pair<std::string, bool>>> labels,
                               const std::vector<std::pair<std::string, std::string>>& extra_reads = {});

}  // namespace vpclint::cfn
