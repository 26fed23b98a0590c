// VL201 function-role-missing-eni-permissions: a VPC function whose execution
// role cannot create, describe and delete network interfaces.
#include <string>
#include <vector>

#include "core/managed_policies.h"
#include "core/rule.h"

namespace vpclint::rules::VL201 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL201",
    .slug = "function-role-missing-eni-permissions",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A VPC function's execution role does not allow ec2:CreateNetworkInterface, "
               "ec2:DescribeNetworkInterfaces and ec2:DeleteNetworkInterface.",
    .rationale = "Lambda creates a VPC function's network interfaces with the function's execution role. Without "
                 "these three actions the create or update call fails with \"The provided execution role does not "
                 "have permissions to call CreateNetworkInterface on EC2\" (Lambda Developer Guide, \"Giving Lambda "
                 "functions access to resources in an Amazon VPC\", execution role and user permissions). "
                 "ec2:DescribeNetworkInterfaces only works with Resource \"*\", and an explicit Deny overrides any "
                 "Allow. The managed policy AWSLambdaVPCAccessExecutionRole (or AWSLambdaENIManagementAccess, or "
                 "SAM's VPCAccessPolicy template) grants them.",
    .fix = "Attach AWSLambdaVPCAccessExecutionRole "
           "(arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole) to the role, or a "
           "statement that allows the three actions on Resource \"*\".",
    .bad_example = "FunctionRole:\n"
                   "  Type: AWS::IAM::Role\n"
                   "  Properties:\n"
                   "    AssumeRolePolicyDocument: {...}\n"
                   "    ManagedPolicyArns:\n"
                   "      - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole\n"
                   "Function:\n"
                   "  Type: AWS::Lambda::Function\n"
                   "  Properties:\n"
                   "    Role: !GetAtt FunctionRole.Arn\n"
                   "    VpcConfig:\n"
                   "      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n"
                   "      SecurityGroupIds: [!Ref FunctionSecurityGroup]\n",
    .good_example = "FunctionRole:\n"
                    "  Type: AWS::IAM::Role\n"
                    "  Properties:\n"
                    "    AssumeRolePolicyDocument: {...}\n"
                    "    ManagedPolicyArns:\n"
                    "      - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole\n"
                    "Function:\n"
                    "  Type: AWS::Lambda::Function\n"
                    "  Properties:\n"
                    "    Role: !GetAtt FunctionRole.Arn\n"
                    "    VpcConfig:\n"
                    "      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n"
                    "      SecurityGroupIds: [!Ref FunctionSecurityGroup]\n",
    .tags = "iam lambda networking",
    .precision = "high",
};

namespace {

std::string join_and(const std::vector<std::string_view>& items) {
    std::string out;
    for (size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += i + 1 == items.size() ? " and " : ", ";
        out += items[i];
    }
    return out;
}

std::string policy_names(const RoleIam& iam) {
    if (iam.policies.empty()) return "it has no policies";
    std::string out = "its policies: ";
    for (size_t i = 0; i < iam.policies.size(); ++i) out += (i ? ", " : "") + iam.policies[i].name;
    return out;
}

}  // namespace

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const Function& f : m.functions) {
        if (!is_vpc_function(f) || !f.role.resolved() || f.role.index >= m.roles.size()) continue;
        if (f.role.index >= ctx.analyses.iam.roles.size()) continue;
        const Role& role = m.roles[f.role.index];
        const RoleIam& iam = ctx.analyses.iam.roles[f.role.index];
        std::vector<std::string_view> missing = iam.missing_eni_actions();
        if (missing.empty()) continue;

        // Why each missing action is missing, once per distinct reason; the
        // plain "no statement allows" case is said by the policy list instead.
        std::string why;
        const IamAnswer* deny = nullptr;
        for (size_t i = 0; i < kLambdaEniActions.size(); ++i) {
            const IamAnswer& a = iam.eni[i];
            if (a.value != Tri::No) continue;
            if (a.loc.known() && !deny && a.reason.find("Deny") != std::string::npos) deny = &a;
            if (a.reason.rfind("no statement allows", 0) == 0 || why.find(a.reason) != std::string::npos) continue;
            why += "; " + a.reason;
        }
        // Only the permissions boundary lacks them: the role's policies grant
        // them, so the boundary is what to fix (and is named once).
        bool boundary_only = iam.boundary_present;
        for (size_t i = 0; i < kLambdaEniActions.size() && boundary_only; ++i)
            if (iam.eni[i].value == Tri::No && iam.eni[i].reason.rfind("the permissions boundary ", 0) != 0)
                boundary_only = false;
        bool generated = !role.generated_from.empty();
        std::string role_words = generated ? "the role SAM generates for it (" + role.id + ")" : "its execution role " + role.id;
        std::string denial = boundary_only ? ": its policies allow them, but its permissions boundary " +
                                                 iam.boundary_name + " does not"
                                           : " (" + policy_names(iam) + why + ")";
        std::string message = "Function " + f.id + " runs in a VPC, but " + role_words + " does not allow " +
                              join_and(missing) + denial +
                              ", so Lambda cannot manage the function's network interfaces and the deployment fails "
                              "with \"The provided execution role does not have permissions to call "
                              "CreateNetworkInterface on EC2\".";
        const ManagedPolicy* vpc = find_managed_policy("AWSLambdaVPCAccessExecutionRole");
        std::string arn = vpc ? managed_policy_arn(*vpc) : std::string("AWSLambdaVPCAccessExecutionRole");
        std::string fix;
        if (boundary_only)
            fix = "Allow " + join_and(missing) + " on Resource \"*\" in the permissions boundary " + iam.boundary_name +
                  " of " + role.id + ", or give the role a boundary that allows them.";
        else if (deny)
            fix = "Remove or narrow the Deny so that it no longer covers " + join_and(missing) + ".";
        else if (generated)
            fix = "Add AWSLambdaVPCAccessExecutionRole (" + arn + ") or the VPCAccessPolicy template to the "
                  "function's Policies.";
        else
            fix = "Attach AWSLambdaVPCAccessExecutionRole (" + arn + ") to " + role.id +
                  ", or add a statement that allows " + join_and(missing) + " on Resource \"*\".";

        const Location& at = f.role.loc.known() ? f.role.loc : f.loc;
        Diagnostic& d = ctx.report(Severity::Error, at, f.id, std::move(message), std::move(fix));
        if (role.loc.known()) d.related.push_back({role.loc, "role " + role.id + " is declared here"});
        if (deny) d.related.push_back({deny->loc, "this Deny removes the permission"});
        d.path.push_back({at, "function " + f.id + " uses role " + role.id});
        if (role.loc.known()) d.path.push_back({role.loc, "role " + role.id + ": " + policy_names(iam)});
    }
}

}  // namespace vpclint::rules::VL201
