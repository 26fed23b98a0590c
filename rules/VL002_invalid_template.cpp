// VL002 invalid-template: structure that is wrong where analysis depends on it.
#include "core/rule.h"

namespace vpclint::rules::VL002 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL002",
    .slug = "invalid-template",
    .level = Severity::Error,
    .levels = "error",
    .summary = "The template's structure is wrong where the analysis depends on it.",
    .rationale = "A Ref or Fn::GetAtt to a name the template does not define, an unknown intrinsic function, "
                 "Resources that is not a mapping, or two default routes in one route table make CloudFormation "
                 "reject the stack (or make the network ambiguous), and leave vpclint unable to follow the link.",
    .fix = "Define the referenced parameter, resource or condition, or correct the name; use only the intrinsic "
           "functions CloudFormation documents.",
    .bad_example = "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt "
                   "MissingRole.Arn\n",
    .good_example = "Resources:\n  FnRole:\n    Type: AWS::IAM::Role\n    Properties: {...}\n  Fn:\n    Type: "
                    "AWS::Lambda::Function\n    Properties:\n      Role: !GetAtt FnRole.Arn\n",
    .tags = "correctness",
    .precision = "very-high",
};

void check(const RuleContext& ctx) {
    for (const Problem& p : ctx.model.problems)
        if (p.kind == ProblemKind::InvalidTemplate) ctx.report(Severity::Error, p.loc, p.resource, p.message);
}

}  // namespace vpclint::rules::VL002
