// VL506 function-in-dedicated-tenancy-vpc: Lambda cannot place network
// interfaces in a VPC with dedicated instance tenancy.
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL506 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL506",
    .slug = "function-in-dedicated-tenancy-vpc",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A function's subnets are in a VPC with dedicated instance tenancy.",
    .rationale = "Lambda does not support connecting functions to a VPC with dedicated instance tenancy (Lambda "
                 "Developer Guide, VPC configuration limitations); creating or updating the function fails.",
    .fix = "Use a VPC with default instance tenancy for the function (dedicated instances can still use dedicated "
           "tenancy set per instance).",
    .bad_example = "Vpc:\n  Type: AWS::EC2::VPC\n  Properties:\n    CidrBlock: 10.0.0.0/16\n    InstanceTenancy: dedicated\n",
    .good_example = "Vpc:\n  Type: AWS::EC2::VPC\n  Properties:\n    CidrBlock: 10.0.0.0/16\n    InstanceTenancy: default\n",
    .tags = "networking lambda",
    .precision = "very-high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const Function& f : m.functions) {
        if (!is_vpc_function(f)) continue;
        for (const Link& l : f.subnets.items) {
            if (!l.resolved() || !m.subnets[l.index].vpc.resolved()) continue;
            const Vpc& vpc = m.vpcs[m.subnets[l.index].vpc.index];
            if (!vpc.instance_tenancy.is("dedicated")) continue;
            Diagnostic& d = ctx.report(Severity::Error, f.subnets.loc, f.id,
                                       "Function " + f.id + " is in subnet " + m.subnets[l.index].id + " of VPC " + vpc.id +
                                           ", which has dedicated instance tenancy, and Lambda cannot attach functions "
                                           "to such a VPC.");
            d.related.push_back({vpc.instance_tenancy.loc, "VPC " + vpc.id + " tenancy"});
            break;
        }
    }
}

}  // namespace vpclint::rules::VL506
