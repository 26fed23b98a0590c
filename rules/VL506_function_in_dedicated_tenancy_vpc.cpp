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
    for (uint32_t i = 0; i < m.functions.size(); ++i) {
        const Function& f = m.functions[i];
        if (!egress_of_function(ctx.analyses.egress, i).vpc_function) continue;
        for (uint32_t s : egress_of_function(ctx.analyses.egress, i).subnets) {
            const Subnet& sub = m.subnets[s];
            if (!sub.vpc.resolved()) continue;
            const Vpc& vpc = m.vpcs[sub.vpc.index];
            if (!vpc.instance_tenancy.is("dedicated")) continue;
            Diagnostic& d = ctx.report(Severity::Error, f.subnets.loc, f.id,
                                       "Function " + f.id + " is in subnet " + sub.id + " of VPC " + vpc.id +
                                           ", which has dedicated instance tenancy, and Lambda cannot attach functions "
                                           "to such a VPC.");
            d.path = {{f.subnets.loc, "function " + f.id + " is placed in subnet " + sub.id},
                      {sub.vpc.loc.known() ? sub.vpc.loc : sub.loc, "subnet " + sub.id + " is in VPC " + vpc.id},
                      {vpc.instance_tenancy.loc.known() ? vpc.instance_tenancy.loc : vpc.loc,
                       "VPC " + vpc.id + ": InstanceTenancy dedicated"}};
            d.related.push_back({vpc.loc, "VPC " + vpc.id});
            break;  // one finding per function
        }
    }
}

}  // namespace vpclint::rules::VL506
