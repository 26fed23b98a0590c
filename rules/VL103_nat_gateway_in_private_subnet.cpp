// VL103 nat-gateway-in-private-subnet: a public NAT gateway forwards to the
// internet only from a subnet that routes to an internet gateway.
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL103 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL103",
    .slug = "nat-gateway-in-private-subnet",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A public NAT gateway sits in a subnet that has no default route to an attached internet gateway.",
    .rationale = "A public NAT gateway sends traffic out through the internet gateway of its own subnet's route "
                 "table (VPC User Guide, \"NAT gateways\"). Placed in a private subnet it has no way out, and every "
                 "subnet routed to it loses internet access.",
    .fix = "Create the NAT gateway in a public subnet: one whose route table sends 0.0.0.0/0 to an internet "
           "gateway attached to the VPC.",
    .bad_example = "NatGateway:\n  Type: AWS::EC2::NatGateway\n  Properties:\n    AllocationId: !GetAtt NatEip.AllocationId\n"
                   "    SubnetId: !Ref PrivateSubnetA\n",
    .good_example = "NatGateway:\n  Type: AWS::EC2::NatGateway\n  Properties:\n    AllocationId: !GetAtt NatEip.AllocationId\n"
                    "    SubnetId: !Ref PublicSubnetA\n",
    .tags = "networking nat",
    .precision = "high",
};

namespace {

// Known to have no default route to an attached internet gateway: its egress
// is none or goes through a NAT, or its default route targets a NAT even
// when what lies behind that NAT is unknown.
bool lacks_internet_gateway_route(const Model& m, const SubnetEgress& e) {
    if (e.verdict == Egress::None || e.verdict == Egress::Internet) return true;
    if (e.verdict == Egress::Public || e.default_route < 0) return false;
    RouteTarget kind = m.routes[e.default_route].target_kind;
    return kind == RouteTarget::NatGateway || kind == RouteTarget::Instance;
}

}  // namespace

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const NatGateway& nat : m.nat_gateways) {
        if (nat.regional || !nat.subnet.resolved()) continue;
        // Only a public NAT gateway needs an internet gateway; unknown
        // connectivity may be private.
        if (nat.connectivity.present && !nat.connectivity.is("public")) continue;
        const SubnetEgress& e = egress_of_subnet(ctx.analyses.egress, nat.subnet.index);
        if (!lacks_internet_gateway_route(m, e)) continue;
        const Subnet& s = m.subnets[nat.subnet.index];
        Diagnostic& d = ctx.report(Severity::Error, nat.subnet.loc, nat.id,
                                   "NAT gateway " + nat.id + " sits in subnet " + s.id +
                                       ", which has no default route to an attached internet gateway (" + e.reason +
                                       "), so it cannot reach the internet and neither can the subnets routed to it.");
        d.path.push_back({nat.subnet.loc, "NAT gateway " + nat.id + " is placed in subnet " + s.id});
        for (const RelatedLocation& r : e.path) d.path.push_back(r);
        d.related.push_back({nat.loc, "NAT gateway " + nat.id});
        d.related.push_back({s.loc, "subnet " + s.id});
        if (e.route_table >= 0) d.related.push_back({m.route_tables[e.route_table].loc, "route table " + m.route_tables[e.route_table].id});
    }
}

}  // namespace vpclint::rules::VL103
