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
                 "declaration, an external URL in its environment or inline code), note otherwise.",
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
    for (uint32_t i = 0; i < ctx.model.functions.size(); ++i) {
        const Function& f = ctx.model.functions[i];
        if (!is_vpc_function(f)) continue;
        FunctionSubnets subnets = subnet_verdicts(ctx, f);
        std::vector<std::string> names;
        const SubnetVerdict* first = nullptr;
        for (const SubnetVerdict& v : subnets.known)
            if (v.egress->verdict == Egress::Public) {
                names.push_back(ctx.model.subnets[v.subnet].id);
                if (!first) first = &v;
            }
        if (!first) continue;
        std::string evidence = internet_evidence(ctx, i, true);
        Severity level = evidence.empty() ? Severity::Note : Severity::Error;
        std::string msg = "Function " + f.id + " is in public subnet" + (names.size() > 1 ? "s " : " ") +
                          join_names(names) + " (" + first->egress->reason +
                          "), but Lambda gives its network interfaces no public IP, so it has no internet access";
        msg += evidence.empty() ? " if it ever needs it." : "; " + evidence + ".";
        Diagnostic& d = ctx.report(level, f.subnets.loc, f.id, msg);
        d.path = function_path(ctx, f, *first);
        d.related.push_back({ctx.model.subnets[first->subnet].loc, "public subnet " + ctx.model.subnets[first->subnet].id});
        if (first->egress->route_table >= 0)
            d.related.push_back({ctx.model.route_tables[first->egress->route_table].loc,
                                 "route table " + ctx.model.route_tables[first->egress->route_table].id});
    }
}

}  // namespace vpclint::rules::VL101
