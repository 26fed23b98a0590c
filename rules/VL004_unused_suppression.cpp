// VL004 unused-suppression: a suppression or baseline entry that matches no
// finding.
#include "core/rule.h"

namespace vpclint::rules::VL004 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL004",
    .slug = "unused-suppression",
    .level = Severity::Note,
    .levels = "note",
    .summary = "A suppression or baseline entry matches no finding.",
    .rationale = "A suppression that covers nothing is left over from a finding that was fixed (or it names the "
                 "wrong rule or resource); left in place it would silently hide the next real finding of that "
                 "rule on that resource. A stale baseline entry is the same for the baseline.",
    .fix = "Remove the suppression (or correct its rule id), or rewrite the baseline with --write-baseline.",
    .bad_example = "  Vpc:\n    Type: AWS::EC2::VPC\n    Metadata:\n      vpclint:\n        ignore:\n          - rule: "
                   "VL504\n            reason: no function here\n",
    .good_example = "  Vpc:\n    Type: AWS::EC2::VPC\n",
    .tags = "hygiene",
    .precision = "high",
};

// Whether a suppression matches a finding is known only after every rule
// ran and the suppressions were applied, which is the CLI's filter step
// (cli/analyze_file.cpp, cli/main.cpp): it reports through `finding`.
void check(const RuleContext&) {}

Diagnostic finding(const std::string& message, const Location& loc, const std::string& resource) {
    Diagnostic d;
    d.rule_id = std::string(descriptor.id);
    d.slug = std::string(descriptor.slug);
    d.severity = Severity::Note;
    d.message = message;
    d.loc = loc;
    d.resource = resource;
    d.fix = std::string(descriptor.fix);
    return d;
}

}  // namespace vpclint::rules::VL004
