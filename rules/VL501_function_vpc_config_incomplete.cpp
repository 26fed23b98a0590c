// VL501 function-vpc-config-incomplete: subnets without security groups, or
// the reverse.
#include "core/rule.h"

namespace vpclint::rules::VL501 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL501",
    .slug = "function-vpc-config-incomplete",
    .level = Severity::Error,
    .levels = "error",
    .summary = "VpcConfig has subnets but no security groups, or security groups but no subnets.",
    .rationale = "Lambda needs both to create the function's network interfaces: with only one of the two the "
                 "CreateFunction/UpdateFunctionConfiguration call fails (Lambda API reference, VpcConfig), and "
                 "with both lists empty the function is detached from the VPC.",
    .fix = "Give VpcConfig both SubnetIds and SecurityGroupIds, or remove VpcConfig to run outside the VPC.",
    .bad_example = "VpcConfig:\n  SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n",
    .good_example = "VpcConfig:\n  SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n  SecurityGroupIds: [!Ref "
                    "FunctionSecurityGroup]\n",
    .tags = "networking lambda",
    .precision = "very-high",
};

namespace {

// Known to hold at least one entry, or possibly some (an unknown list).
bool may_have_items(const LinkList& l) { return l.present && (!l.items.empty() || !l.complete); }
bool certainly_empty(const LinkList& l) { return !l.present || l.empty_known(); }

}  // namespace

void check(const RuleContext& ctx) {
    for (const Function& f : ctx.model.functions) {
        if (!f.has_vpc_config) continue;
        bool subnets = may_have_items(f.subnets), groups = may_have_items(f.security_groups);
        // The property that is missing or empty in this scenario, when written.
        auto at = [&](const LinkList& l) -> const Location& { return l.loc.known() ? l.loc : f.vpc_config_loc; };
        if (subnets && certainly_empty(f.security_groups))
            ctx.report(Severity::Error, at(f.security_groups), f.id,
                       "Function " + f.id + " has subnets in its VPC configuration but no security groups, so Lambda cannot "
                       "create its network interfaces and the deployment fails.",
                       "Add a security group for the function to its VPC configuration.");
        else if (groups && certainly_empty(f.subnets))
            ctx.report(Severity::Error, at(f.subnets), f.id,
                       "Function " + f.id + " has security groups in its VPC configuration but no subnets, so Lambda cannot "
                       "create its network interfaces and the deployment fails.",
                       "Add private subnets in at least two availability zones to its VPC configuration.");
    }
}

}  // namespace vpclint::rules::VL501
