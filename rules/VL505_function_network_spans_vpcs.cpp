// VL505 function-network-spans-vpcs: every subnet and security group of a
// function must belong to one VPC.
#include <set>

#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL505 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL505",
    .slug = "function-network-spans-vpcs",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A function's subnets and security groups belong to more than one VPC.",
    .rationale = "Lambda creates the function's network interfaces in one VPC: all subnets and security groups of "
                 "VpcConfig must belong to it, otherwise CreateFunction/UpdateFunctionConfiguration fails "
                 "(\"Security group and subnet must belong to the same VPC\").",
    .fix = "Use subnets and security groups of the same VPC.",
    .bad_example = "VpcConfig:\n  SubnetIds: [!Ref AppSubnetA]              # in AppVpc\n"
                   "  SecurityGroupIds: [!Ref SharedSecurityGroup]  # in SharedVpc\n",
    .good_example = "VpcConfig:\n  SubnetIds: [!Ref AppSubnetA]              # in AppVpc\n"
                    "  SecurityGroupIds: [!Ref AppSecurityGroup]  # in AppVpc\n",
    .tags = "networking lambda",
    .precision = "very-high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const Function& f : m.functions) {
        if (!is_vpc_function(f)) continue;
        // Compare only VPCs of the model: an external id may be the same VPC.
        std::set<uint32_t> vpcs;
        std::string subnet_vpc_desc, group_vpc_desc;
        uint32_t subnet_vpc = 0;
        bool have_subnet_vpc = false;
        for (const Link& l : f.subnets.items)
            if (l.resolved() && m.subnets[l.index].vpc.resolved()) {
                vpcs.insert(m.subnets[l.index].vpc.index);
                if (!have_subnet_vpc) {
                    subnet_vpc = m.subnets[l.index].vpc.index;
                    have_subnet_vpc = true;
                    subnet_vpc_desc = "subnet " + m.subnets[l.index].id + " is in " + m.vpcs[subnet_vpc].id;
                }
            }
        const Link* odd_group = nullptr;
        for (const Link& l : f.security_groups.items)
            if (l.resolved() && m.security_groups[l.index].vpc.resolved()) {
                uint32_t v = m.security_groups[l.index].vpc.index;
                vpcs.insert(v);
                if (have_subnet_vpc && v != subnet_vpc && !odd_group) {
                    odd_group = &l;
                    group_vpc_desc = "security group " + m.security_groups[l.index].id + " is in " + m.vpcs[v].id;
                }
            }
        if (vpcs.size() < 2) continue;
        std::vector<std::string> names;
        for (uint32_t v : vpcs) names.push_back(m.vpcs[v].id);
        std::string detail = odd_group ? " (" + subnet_vpc_desc + ", " + group_vpc_desc + ")" : "";
        const Location& at = odd_group ? f.security_groups.loc : f.subnets.loc;
        Diagnostic& d = ctx.report(Severity::Error, at, f.id,
                                   "Function " + f.id + "'s subnets and security groups belong to different VPCs, " +
                                       join_names(names) + detail + ", so Lambda cannot create its network interfaces.");
        for (uint32_t v : vpcs) d.related.push_back({m.vpcs[v].loc, "VPC " + m.vpcs[v].id});
    }
}

}  // namespace vpclint::rules::VL505
