// VL101 function-in-public-subnet: a public subnet gives a Lambda function no
// internet, because its network interfaces never get a public IP.
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL101 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL101",
    .slug = "function-in-public-subnet",
    .level = Severity::Error,
    .levels = "error / note",
    .summary = "A VPC function sits in a subnet whose default route goes to an internet gateway.",
    .rationale = "Lambda never assigns a public IP address to a function's network interfaces, so a public subnet "
                 "(0.0.0.0/0 -> internet gateway) gives the function no internet access at all: calls to external "
                 "APIs and to public AWS endpoints time out (Lambda Developer Guide, \"Enable internet access for "
                 "VPC-connected Lambda functions\"). Error when the function shows it needs the internet (a "
                 "declaration, an external URL in its environment or inline code) or has strong evidence that it "
                 "calls an AWS service that no VPC endpoint of its VPC serves (a reference to the service's resource "
                 "in its environment, an SDK host name, a declaration); note otherwise.",
    .fix = "Place the function in private subnets whose 0.0.0.0/0 route goes to a NAT gateway that sits in a public "
           "subnet, or give it VPC endpoints for the AWS services it calls.",
    .bad_example = "PublicRoute:\n  Type: AWS::EC2::Route\n  Properties:\n    RouteTableId: !Ref PublicRouteTable\n"
                   "    DestinationCidrBlock: 0.0.0.0/0\n    GatewayId: !Ref InternetGateway\nFunction:\n"
                   "  Type: AWS::Lambda::Function\n  Properties:\n    VpcConfig:\n      SubnetIds: [!Ref PublicSubnetA, "
                   "!Ref PublicSubnetB]\n      SecurityGroupIds: [!Ref FunctionSecurityGroup]\n    Environment:\n"
                   "      Variables:\n        PAYMENTS_API_URL: https://api.payments.example.com\n",
    .good_example = "PrivateRoute:\n  Type: AWS::EC2::Route\n  Properties:\n    RouteTableId: !Ref PrivateRouteTable\n"
                    "    DestinationCidrBlock: 0.0.0.0/0\n    NatGatewayId: !Ref NatGateway   # the NAT sits in a public "
                    "subnet\nFunction:\n  Type: AWS::Lambda::Function\n  Properties:\n    VpcConfig:\n"
                    "      SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]\n      SecurityGroupIds: [!Ref "
                    "FunctionSecurityGroup]\n",
    .tags = "networking lambda internet",
    .precision = "very-high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (uint32_t i = 0; i < m.functions.size(); ++i) {
        const Function& f = m.functions[i];
        if (!egress_of_function(ctx.analyses.egress, i).vpc_function) continue;
        FunctionSubnets subnets = subnet_verdicts(ctx, i);
        std::vector<const SubnetVerdict*> public_subnets;
        for (const SubnetVerdict& v : subnets.known)
            if (v.egress->verdict == Egress::Public) public_subnets.push_back(&v);
        if (public_subnets.empty()) continue;
        const SubnetVerdict& first = *public_subnets.front();
        const Evidence* evidence = strong_internet_evidence(ctx, i);
        const ServiceNeed* service = evidence ? nullptr : service_without_endpoint(ctx, i, first.subnet);
        std::string msg = "Function " + f.id + " is in public subnet" + (public_subnets.size() > 1 ? "s " : " ") +
                          subnet_names(ctx, public_subnets) + " (" + first.egress->reason +
                          "), but Lambda never gives a function's network interfaces a public IP, so it has no "
                          "internet access there";
        if (evidence)
            msg += ", and it needs it: " + evidence->phrase + ".";
        else if (service)
            msg += ", and it needs " + service->service + " (" + service->phrase +
                   "), which no VPC endpoint of its VPC serves, so only the internet would.";
        else
            msg += "; harmless only while it calls nothing outside the VPC.";
        Diagnostic& d = ctx.report(evidence || service ? Severity::Error : Severity::Note,
                                   subnets_location(f, public_subnets), f.id, msg);
        d.path = function_path(ctx, f, first);
        for (const SubnetVerdict* v : public_subnets)
            d.related.push_back({m.subnets[v->subnet].loc, "public subnet " + m.subnets[v->subnet].id});
        if (first.egress->route_table >= 0) {
            const RouteTable& rt = m.route_tables[first.egress->route_table];
            d.related.push_back({rt.loc, "route table " + rt.id});
        }
        if (first.egress->default_route >= 0) {
            const Route& r = m.routes[first.egress->default_route];
            d.related.push_back({r.loc, "route " + r.id + " (0.0.0.0/0)"});
            if (r.target.resolved() && r.target_kind == RouteTarget::InternetGateway)
                d.related.push_back({m.internet_gateways[r.target.index].loc,
                                     "internet gateway " + m.internet_gateways[r.target.index].id});
        }
        if (evidence) d.related.push_back({evidence->loc, evidence->phrase});
        if (service) d.related.push_back({service->loc, service->phrase});
    }
}

}  // namespace vpclint::rules::VL101
