// VL304 function-and-resource-in-different-vpcs: the function's VPC is not
// the resource's and nothing in the model connects the two.
#include "rules/private_resources.h"

namespace vpclint::rules::VL304 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL304",
    .slug = "function-and-resource-in-different-vpcs",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A VPC function uses a private resource in another VPC, with no peering or transit gateway between them.",
    .rationale = "A function reaches only the addresses its VPC routes to: its own VPC's CIDR (the local route) and "
                 "whatever peering connections, transit gateways or VPNs add. A resource in another VPC with none "
                 "of those is unreachable, whatever the security groups say.",
    .fix = "Put the function in subnets of the resource's VPC, or connect the two VPCs (a peering connection or a "
           "transit gateway with routes both ways).",
    .bad_example = "OrdersFunction:\n  Properties:\n    VpcConfig:\n      SubnetIds: [!Ref AppSubnetA]   # AppVpc\n"
                   "    Environment:\n      Variables:\n        DB_HOST: !GetAtt DataVpcDatabase.Endpoint.Address\n",
    .good_example = "OrdersFunction:\n  Properties:\n    VpcConfig:\n      SubnetIds: [!Ref DataSubnetA]   # the "
                    "database's VPC\n",
    .tags = "networking lambda",
    .precision = "high",
};

namespace {

// VPCs with a route that may lead to another VPC (peering, transit
// gateway, VPN, appliance, or a target the model cannot tell); `all` when a
// route's table or VPC is unknown.
struct Connected {
    std::vector<bool> vpc;
    bool all = false;
};

Connected connected_vpcs(const Model& m) {
    Connected c;
    c.vpc.assign(m.vpcs.size(), false);
    for (const Route& r : m.routes) {
        switch (r.target_kind) {
            case RouteTarget::None:
            case RouteTarget::InternetGateway:
            case RouteTarget::EgressOnlyInternetGateway:
            case RouteTarget::NatGateway:
            case RouteTarget::Local:
            case RouteTarget::CarrierGateway: continue;
            default: break;
        }
        const RouteTable* t = r.route_table.resolved() ? &m.route_tables[r.route_table.index] : nullptr;
        if (!t || !t->vpc.resolved()) c.all = true;
        else c.vpc[t->vpc.index] = true;
    }
    return c;
}

}  // namespace

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    const ResourceUses& uses = ctx.analyses.resources;
    Connected connected = connected_vpcs(m);
    if (connected.all) return;
    for (uint32_t fi = 0; fi < m.functions.size(); ++fi) {
        const Function& f = m.functions[fi];
        if (!egress_of_function(ctx.analyses.egress, fi).vpc_function) continue;
        int fv = function_vpc(ctx, fi);
        if (fv < 0 || connected.vpc[fv]) continue;
        for (const ResourceUse& use : uses.functions[fi]) {
            int rv = resource_vpc(ctx, use.resource);
            if (rv < 0 || rv == fv || connected.vpc[rv]) continue;
            const DataStore& d = m.data_stores[use.resource];
            const Vpc& a = m.vpcs[fv];
            const Vpc& b = m.vpcs[rv];
            Diagnostic& diag = ctx.report(
                Severity::Error, f.subnets.loc, f.id,
                "Function " + f.id + " is in VPC " + a.id + " but uses " + resource_label(d) + " (" + use.evidence +
                    ") in VPC " + b.id + ", and no peering connection or transit gateway connects them, so its "
                    "connections time out.",
                "Put " + f.id + " in subnets of " + b.id + ", or connect " + a.id + " and " + b.id +
                    " with a peering connection and routes both ways.");
            diag.related.push_back({d.loc, resource_label(d) + " in VPC " + b.id});
            diag.related.push_back({a.loc, "VPC " + a.id});
            diag.related.push_back({b.loc, "VPC " + b.id});
            diag.path.push_back({f.subnets.loc, "function " + f.id + " is placed in VPC " + a.id});
            diag.path.push_back({use.loc, use.evidence});
            diag.path.push_back({b.loc, resource_label(d) + " is in VPC " + b.id});
        }
    }
}

}  // namespace vpclint::rules::VL304
