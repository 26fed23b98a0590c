// VL104 internet-gateway-not-attached: a route to an internet gateway that is
// not attached to the route table's VPC goes nowhere.
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL104 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL104",
    .slug = "internet-gateway-not-attached",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A route targets an internet gateway that is not attached to the route table's VPC.",
    .rationale = "An internet gateway works only for the VPC it is attached to (AWS::EC2::VPCGatewayAttachment, or "
                 "vpc_id in Terraform). Without the attachment the route cannot be created or is a blackhole, and "
                 "the subnets behind it have no internet.",
    .fix = "Attach the internet gateway to the VPC (AWS::EC2::VPCGatewayAttachment with VpcId and "
           "InternetGatewayId) and make the route depend on the attachment.",
    .bad_example = "InternetGateway:\n  Type: AWS::EC2::InternetGateway\nPublicRoute:\n  Type: AWS::EC2::Route\n"
                   "  Properties:\n    RouteTableId: !Ref PublicRouteTable\n    DestinationCidrBlock: 0.0.0.0/0\n"
                   "    GatewayId: !Ref InternetGateway\n",
    .good_example = "GatewayAttachment:\n  Type: AWS::EC2::VPCGatewayAttachment\n  Properties:\n    VpcId: !Ref Vpc\n"
                    "    InternetGatewayId: !Ref InternetGateway\nPublicRoute:\n  Type: AWS::EC2::Route\n"
                    "  DependsOn: GatewayAttachment\n  Properties:\n    RouteTableId: !Ref PublicRouteTable\n"
                    "    DestinationCidrBlock: 0.0.0.0/0\n    GatewayId: !Ref InternetGateway\n",
    .tags = "networking internet-gateway",
    .precision = "high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const Route& r : m.routes) {
        if (r.target_kind != RouteTarget::InternetGateway || !r.target.resolved() || !r.route_table.resolved()) continue;
        const RouteTable& rt = m.route_tables[r.route_table.index];
        if (!rt.vpc.resolved()) continue;
        if (igw_attached(ctx.analyses.egress, r.target.index, rt.vpc.index) != Tri::No) continue;
        const InternetGateway& igw = m.internet_gateways[r.target.index];
        const Vpc& vpc = m.vpcs[rt.vpc.index];
        const std::vector<uint32_t>& elsewhere = ctx.analyses.egress.igw_vpcs[r.target.index];
        std::string where = elsewhere.empty() ? "is not attached to any VPC"
                                              : "is attached to VPC " + m.vpcs[elsewhere.front()].id + ", not to " + vpc.id;
        Diagnostic& d = ctx.report(Severity::Error, r.target.loc, r.id,
                                   "Route " + r.id + " in route table " + rt.id + " (VPC " + vpc.id +
                                       ") targets internet gateway " + igw.id + ", which " + where +
                                       ", so the route leads nowhere and its subnets have no internet.");
        d.path = {{rt.loc, "route table " + rt.id + " in VPC " + vpc.id},
                  {r.loc, "route " + r.id + " -> internet gateway " + igw.id},
                  {igw.loc, "internet gateway " + igw.id + " " + where}};
        d.related.push_back({igw.loc, "internet gateway " + igw.id});
        d.related.push_back({vpc.loc, "VPC " + vpc.id});
        for (uint32_t v : elsewhere) d.related.push_back({m.vpcs[v].loc, "VPC " + m.vpcs[v].id + ", where it is attached"});
    }
}

}  // namespace vpclint::rules::VL104
