// What a rule is: a descriptor (the source of its docs, --explain and SARIF
// metadata) and a check over the model and the shared analyses.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/analyses.h"
#include "core/diagnostic.h"
#include "core/model.h"

namespace vpclint {

struct RuleDescriptor {
    std::string_view id;        // "VL504"
    std::string_view slug;      // "invalid-network-id"
    Severity level;             // default level (the highest it reports at)
    std::string_view levels;    // as the catalog writes it: "error / note"
    std::string_view summary;   // one line
    std::string_view rationale; // why it matters (AWS behaviour)
    std::string_view fix;       // how to fix it
    std::string_view bad_example;   // a template snippet that triggers it
    std::string_view good_example;  // the same snippet, fixed
    std::string_view tags;      // space separated, e.g. "networking lambda"
    std::string_view precision; // SARIF precision: "very-high" | "high" | "medium"
};

class RuleContext {
public:
    RuleContext(const Model& m, const Analyses& a, const RuleDescriptor& d,
                std::vector<Diagnostic>& out)
        : model(m), analyses(a), rule(d), out_(out) {}

    const Model& model;
    const Analyses& analyses;
    const RuleDescriptor& rule;

    // Adds a diagnostic with the rule's id and slug; the caller may append
    // related locations and the explanation path to the returned reference.
    Diagnostic& report(Severity severity, const Location& loc, std::string resource,
                       std::string message, std::string fix = {}) const;

private:
    std::vector<Diagnostic>& out_;
};

using CheckFn = void (*)(const RuleContext&);

struct Rule {
    const RuleDescriptor* descriptor;
    CheckFn check;
};

// Every rule, sorted by id (rules/rule_list.h is the one place they are listed).
std::span<const Rule> all_rules();
const Rule* find_rule(std::string_view id);

}  // namespace vpclint
