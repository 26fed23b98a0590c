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
    for (const DuplicateDefaultRoute& dup : ctx.analyses.egress.duplicate_default_routes) {
        const Route& first = ctx.model.routes[dup.first_route];
        const Route& second = ctx.model.routes[dup.second_route];
        const RouteTable& rt = ctx.model.route_tables[dup.route_table];
        Diagnostic& d = ctx.report(Severity::Error, second.destination_cidr.loc.known() ? second.destination_cidr.loc : second.loc,
                                   second.id,
                                   "Route table " + rt.id + " has two 0.0.0.0/0 routes (" + first.id + " and " + second.id +
                                       "); AWS rejects the second one, so which path the subnets take is undefined.",
                                   "Keep one default route per route table.");
        d.related.push_back({first.loc, "first default route " + first.id});
    }
}

}  // namespace vpclint::rules::VL002
