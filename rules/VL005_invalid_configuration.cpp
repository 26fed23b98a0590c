// VL005 invalid-configuration: the configuration file has an unknown key, a
// wrong type or an unknown rule id.
#include "core/rule.h"

namespace vpclint::rules::VL005 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL005",
    .slug = "invalid-configuration",
    .level = Severity::Error,
    .levels = "error",
    .summary = "The configuration file has an unknown key, a wrong type or an unknown rule id.",
    .rationale = "A misspelt key (`ignroe:`) or rule id in `.vpclint.yaml` is otherwise silently without effect: "
                 "the gate then checks something other than what its owners believe. vpclint applies the valid "
                 "parts of the file and reports each problem at its line and column.",
    .fix = "Correct the key, value or rule id at the reported position (docs/configuration.md lists every key; "
           "`vpclint --list-rules` every rule).",
    .bad_example = "# .vpclint.yaml\nignroe: [VL502]\nrules:\n  VL999: warning\n",
    .good_example = "# .vpclint.yaml\nignore: [VL502]\nrules:\n  VL107: warning\n",
    .tags = "configuration",
    .precision = "very-high",
};

// The configuration file is no input model: its problems are found while
// reading it (cli/config_file.cpp) and turned into findings here, by
// cli/config_apply.cpp, so no model ever holds one.
void check(const RuleContext&) {}

Diagnostic finding(const std::string& message, const Location& loc) {
    Diagnostic d;
    d.rule_id = std::string(descriptor.id);
    d.slug = std::string(descriptor.slug);
    d.severity = Severity::Error;
    d.message = message;
    d.loc = loc;
    d.fix = std::string(descriptor.fix);
    return d;
}

}  // namespace vpclint::rules::VL005
