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

void check(const RuleContext& ctx) {
    for (const NatGateway& nat : ctx.model.nat_gateways) {
        if (nat.regional || !nat.subnet.resolved()) continue;
        if (nat.connectivity.present && !nat.connectivity.is("public")) continue;  // private or unknown
        const SubnetEgress& e = ctx.analyses.egress.subnets[nat.subnet.index];
        if (e.verdict == Egress::Public || e.verdict == Egress::Unknown) continue;
        const Subnet& s = ctx.model.subnets[nat.subnet.index];
        Diagnostic& d = ctx.report(Severity::Error, nat.subnet.loc, nat.id,
                                   "NAT gateway " + nat.id + " sits in subnet " + s.id +
                                       ", which is not public (" + e.reason +
                                       "), so it cannot reach the internet and neither can the subnets routed to it.");
        d.path = e.path;
        d.related.push_back({s.loc, "subnet " + s.id});
    }
}

}  // namespace vpclint::rules::VL103
