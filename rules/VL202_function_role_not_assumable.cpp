// VL202 function-role-not-assumable: a function's role whose trust policy does
// not let the Lambda service assume it.
#include <string>

#include "core/rule.h"

namespace vpclint::rules::VL202 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL202",
    .slug = "function-role-not-assumable",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A function's execution role has a trust policy that does not let lambda.amazonaws.com assume it.",
    .rationale = "Lambda assumes the execution role to run the function (and, for a VPC function, to create its "
                 "network interfaces). The role's trust policy must allow the service principal "
                 "lambda.amazonaws.com to call sts:AssumeRole; otherwise creating the function fails with \"The role "
                 "defined for the function cannot be assumed by Lambda\" (Lambda Developer Guide, \"Defining Lambda "
                 "function permissions with an execution role\").",
    .fix = "Add a trust statement: Effect Allow, Principal {Service: lambda.amazonaws.com}, Action sts:AssumeRole.",
    .bad_example = "FunctionRole:\n"
                   "  Type: AWS::IAM::Role\n"
                   "  Properties:\n"
                   "    AssumeRolePolicyDocument:\n"
                   "      Version: '2012-10-17'\n"
                   "      Statement:\n"
                   "        - Effect: Allow\n"
                   "          Principal: {Service: ec2.amazonaws.com}\n"
                   "          Action: sts:AssumeRole\n",
    .good_example = "FunctionRole:\n"
                    "  Type: AWS::IAM::Role\n"
                    "  Properties:\n"
                    "    AssumeRolePolicyDocument:\n"
                    "      Version: '2012-10-17'\n"
                    "      Statement:\n"
                    "        - Effect: Allow\n"
                    "          Principal: {Service: lambda.amazonaws.com}\n"
                    "          Action: sts:AssumeRole\n",
    .tags = "iam lambda",
    .precision = "high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const Function& f : m.functions) {
        if (!f.role.resolved() || f.role.index >= m.roles.size()) continue;
        if (f.role.index >= ctx.analyses.iam.roles.size()) continue;
        const Role& role = m.roles[f.role.index];
        const IamAnswer& trust = ctx.analyses.iam.roles[f.role.index].lambda_trust;
        if (trust.value != Tri::No) continue;
        const Location& at = f.role.loc.known() ? f.role.loc : f.loc;
        Diagnostic& d = ctx.report(
            Severity::Error, at, f.id,
            "Function " + f.id + " uses role " + role.id + ", whose trust policy does not let " +
                std::string(kLambdaServicePrincipal) + " assume it (" + trust.reason +
                "), so creating the function fails with \"The role defined for the function cannot be assumed by "
                "Lambda\".",
            "Add a statement to the AssumeRolePolicyDocument of " + role.id +
                ": Effect Allow, Principal {Service: lambda.amazonaws.com}, Action sts:AssumeRole.");
        const Location& trust_loc = role.trust_policy.loc.known() ? role.trust_policy.loc : role.loc;
        if (trust_loc.known()) d.related.push_back({trust_loc, "the trust policy of " + role.id});
        if (trust.loc.known() && trust.loc.line != trust_loc.line)
            d.related.push_back({trust.loc, "this statement decides it"});
    }
}

}  // namespace vpclint::rules::VL202
