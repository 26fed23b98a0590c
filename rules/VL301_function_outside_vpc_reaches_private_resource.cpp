// VL301 function-outside-vpc-reaches-private-resource: a function without
// VpcConfig uses a resource that only its VPC can reach.
#include "rules/private_resources.h"

namespace vpclint::rules::VL301 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL301",
    .slug = "function-outside-vpc-reaches-private-resource",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A function with no VpcConfig uses a private resource that only its VPC can reach.",
    .rationale = "Without VpcConfig a function runs in a network Lambda owns: it reaches the internet and public "
                 "AWS endpoints, and none of your VPC's private addresses. A database that is not publicly "
                 "accessible, a cache, an internal load balancer, a DocumentDB or Neptune cluster, an EFS file "
                 "system or a VPC-only OpenSearch domain is then unreachable and every connection times out.",
    .fix = "Give the function a VpcConfig with private subnets of the resource's VPC and a security group the "
           "resource's security group admits.",
    .bad_example = "OrdersFunction:\n  Type: AWS::Lambda::Function\n  Properties:\n    Environment:\n      Variables:\n"
                   "        DB_HOST: !GetAtt OrdersDatabase.Endpoint.Address\n",
    .good_example = "OrdersFunction:\n  Type: AWS::Lambda::Function\n  Properties:\n    VpcConfig:\n      SubnetIds: "
                    "[!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n      SecurityGroupIds: [!Ref LambdaSecurityGroup]\n"
                    "    Environment:\n      Variables:\n        DB_HOST: !GetAtt OrdersDatabase.Endpoint.Address\n",
    .tags = "networking lambda",
    .precision = "high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    const ResourceUses& uses = ctx.analyses.resources;
    for (uint32_t fi = 0; fi < m.functions.size(); ++fi) {
        const Function& f = m.functions[fi];
        if (!certainly_outside_vpc(f)) continue;
        for (const ResourceUse& use : uses.functions[fi]) {
            const Placement& pl = uses.placement[use.resource];
            if (pl.private_only != Tri::Yes) continue;
            const DataStore& d = m.data_stores[use.resource];
            std::string where = pl.vpc >= 0 ? "VPC " + m.vpcs[pl.vpc].id : std::string("its VPC");
            Diagnostic& diag = ctx.report(
                Severity::Error, use.loc, f.id,
                "Function " + f.id + " has no VpcConfig but uses " + resource_label(d) + " (" + use.evidence + "), which is " +
                    pl.private_reason + " in " + where + ", so the function cannot reach it and its connections time out.",
                "Give " + f.id + " a VpcConfig with private subnets of " + where + " and a security group that " + d.id +
                    "'s security group admits.");
            diag.related.push_back({d.loc, resource_label(d)});
            diag.related.push_back({f.loc, "function " + f.id + " has no VpcConfig"});
            diag.path.push_back({f.loc, "function " + f.id + " runs outside any VPC (no VpcConfig)"});
            diag.path.push_back({use.loc, use.evidence});
            if (pl.vpc >= 0) diag.path.push_back({m.vpcs[pl.vpc].loc, resource_label(d) + " is in VPC " + m.vpcs[pl.vpc].id});
            else diag.path.push_back({d.loc, resource_label(d) + " is " + pl.private_reason});
        }
    }
}

}  // namespace vpclint::rules::VL301
