// VL105 nat-gateway-without-elastic-ip: a public NAT gateway needs an
// Elastic IP allocation.
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL105 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL105",
    .slug = "nat-gateway-without-elastic-ip",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A public NAT gateway has no Elastic IP allocation.",
    .rationale = "A public NAT gateway translates private addresses to an Elastic IP; CreateNatGateway requires an "
                 "allocation id when the connectivity type is public (the default). Without it the NAT gateway "
                 "cannot be created and the private subnets behind it get no internet.",
    .fix = "Allocate an Elastic IP (AWS::EC2::EIP with Domain: vpc) and pass its AllocationId, or set "
           "ConnectivityType: private if the NAT gateway is meant for private traffic only.",
    .bad_example = "NatGateway:\n  Type: AWS::EC2::NatGateway\n  Properties:\n    SubnetId: !Ref PublicSubnetA\n",
    .good_example = "NatEip:\n  Type: AWS::EC2::EIP\n  Properties:\n    Domain: vpc\nNatGateway:\n  Type: "
                    "AWS::EC2::NatGateway\n  Properties:\n    AllocationId: !GetAtt NatEip.AllocationId\n    SubnetId: "
                    "!Ref PublicSubnetA\n",
    .tags = "networking nat",
    .precision = "very-high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const NatGateway& nat : m.nat_gateways) {
        // Public is the default; unknown connectivity may be private.
        if (nat.connectivity.present && !nat.connectivity.is("public")) continue;
        // A regional NAT gateway can allocate its addresses itself; an
        // allocation that is written but unknown is still written.
        if (nat.regional || nat.allocation_id.present) continue;
        std::string where = nat.subnet.resolved() ? " in subnet " + m.subnets[nat.subnet.index].id : "";
        Diagnostic& d = ctx.report(Severity::Error, nat.loc, nat.id,
                                   "NAT gateway " + nat.id + where +
                                       " is public but has no Elastic IP allocation (AllocationId), so it cannot be "
                                       "created and the subnets routed to it get no internet.");
        d.path.push_back({nat.loc, "NAT gateway " + nat.id + ": public, no AllocationId"});
        if (nat.subnet.resolved()) {
            const Subnet& s = m.subnets[nat.subnet.index];
            d.path.push_back({nat.subnet.loc, "placed in subnet " + s.id});
            d.related.push_back({s.loc, "subnet " + s.id});
        }
    }
}

}  // namespace vpclint::rules::VL105
