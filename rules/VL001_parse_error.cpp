// VL001 parse-error: a file that cannot be read or parsed.
#include "core/rule.h"

namespace vpclint::rules::VL001 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL001",
    .slug = "parse-error",
    .level = Severity::Error,
    .levels = "error",
    .summary = "The file cannot be read or parsed.",
    .rationale = "A template or plan that does not parse cannot be analysed, and CloudFormation or Terraform "
                 "will reject it as well. vpclint reports the position of the first error and goes on with "
                 "the other files.",
    .fix = "Fix the syntax at the reported position (indentation, brackets, quotes, duplicate keys, encoding).",
    .bad_example = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {Handler: index.handler\n",
    .good_example = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties: {Handler: index.handler}\n",
    .tags = "syntax",
    .precision = "very-high",
};

void check(const RuleContext& ctx) {
    for (const Problem& p : ctx.model.problems)
        if (p.kind == ProblemKind::Parse) ctx.report(Severity::Error, p.loc, p.resource, p.message);
}

}  // namespace vpclint::rules::VL001
