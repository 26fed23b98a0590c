// VL003 suppression-without-reason: a suppression that gives no reason.
#include "core/rule.h"

namespace vpclint::rules::VL003 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL003",
    .slug = "suppression-without-reason",
    .level = Severity::Warning,
    .levels = "warning",
    .summary = "A suppression gives no reason.",
    .rationale = "A suppression without a reason cannot be reviewed: nobody can tell later whether the finding "
                 "it hides was a false positive, an accepted risk or a mistake that has since been fixed. The "
                 "reason is what SARIF shows as the suppression's justification.",
    .fix = "Write the reason next to the rule: `- {rule: VL504, reason: \"ids substituted by the pipeline\"}`.",
    .bad_example = "  OrdersFunction:\n    Type: AWS::Lambda::Function\n    Metadata:\n      vpclint:\n        "
                   "ignore: [VL504]\n",
    .good_example = "  OrdersFunction:\n    Type: AWS::Lambda::Function\n    Metadata:\n      vpclint:\n        "
                    "ignore:\n          - rule: VL504\n            reason: placeholder ids replaced by the pipeline\n",
    .tags = "hygiene",
    .precision = "very-high",
};

void check(const RuleContext& ctx) {
    // The CloudFormation frontend names a Metadata suppression after its
    // resource when it has no `reason` (parsers/cfn/cfn_frontend.cpp).
    // Terraform's `vpclint:ignore` tag has no place for a reason, so it is
    // not held to one.
    for (const Suppression& s : ctx.model.suppressions)
        if (s.justification == "Metadata vpclint.ignore of " + s.resource)
            ctx.report(Severity::Warning, s.loc, s.resource,
                       "The suppression of " + s.rule + " on " + s.resource +
                           " gives no reason, so nobody can review later why the finding is accepted.");
}

// An inline comment without a reason (`# vpclint: ignore VL504`) is found
// where suppressions are applied (cli/analyze_file.cpp), which reports it
// through this.
Diagnostic finding(const std::string& message, const Location& loc, const std::string& resource) {
    Diagnostic d;
    d.rule_id = std::string(descriptor.id);
    d.slug = std::string(descriptor.slug);
    d.severity = Severity::Warning;
    d.message = message;
    d.loc = loc;
    d.resource = resource;
    d.fix = std::string(descriptor.fix);
    return d;
}

}  // namespace vpclint::rules::VL003
