// VL102 function-without-internet-route: a function that needs the internet
// sits only in subnets with no way out.
#include <algorithm>

#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL102 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL102",
    .slug = "function-without-internet-route",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A VPC function that needs the internet sits only in subnets with no internet egress.",
    .rationale = "A function attached to a VPC reaches the internet only through its subnets' route tables. When "
                 "none of them has a default route to a working NAT gateway or NAT instance, every call to an "
                 "external endpoint times out, although the stack deploys fine.",
    .fix = "Add a 0.0.0.0/0 route to a NAT gateway (in a public subnet) to the route tables of the function's "
           "subnets, or move the function to subnets that have one.",
    .bad_example = "PrivateRouteTable:\n  Type: AWS::EC2::RouteTable   # no 0.0.0.0/0 route\nFunction:\n"
                   "  Type: AWS::Lambda::Function\n  Properties:\n    VpcConfig:\n      SubnetIds: [!Ref PrivateSubnetA]\n"
                   "      SecurityGroupIds: [!Ref FunctionSecurityGroup]\n    Environment:\n      Variables:\n"
                   "        WEBHOOK_URL: https://hooks.example.com/notify\n",
    .good_example = "PrivateDefaultRoute:\n  Type: AWS::EC2::Route\n  Properties:\n    RouteTableId: !Ref "
                    "PrivateRouteTable\n    DestinationCidrBlock: 0.0.0.0/0\n    NatGatewayId: !Ref NatGateway\n",
    .tags = "networking lambda internet",
    .precision = "high",
};

void check(const RuleContext& ctx) {
    for (uint32_t i = 0; i < ctx.model.functions.size(); ++i) {
        const Function& f = ctx.model.functions[i];
        if (!is_vpc_function(f)) continue;
        std::string evidence = internet_evidence(ctx, i, true);
        if (evidence.empty()) continue;
        FunctionSubnets subnets = subnet_verdicts(ctx, f);
        if (!subnets.all_known || subnets.known.empty()) continue;
        bool all_none = std::all_of(subnets.known.begin(), subnets.known.end(),
                                    [](const SubnetVerdict& v) { return v.egress->verdict == Egress::None; });
        if (!all_none) continue;
        std::vector<std::string> names;
        for (const SubnetVerdict& v : subnets.known) names.push_back(ctx.model.subnets[v.subnet].id);
        const SubnetVerdict& first = subnets.known.front();
        Diagnostic& d = ctx.report(Severity::Error, f.subnets.loc, f.id,
                                   "Function " + f.id + " needs the internet (" + evidence + "), but its subnet" +
                                       (names.size() > 1 ? "s " : " ") + join_names(names) +
                                       (names.size() > 1 ? " have" : " has") + std::string(" no internet egress (") + first.egress->reason +
                                       "), so its calls time out.");
        d.path = function_path(ctx, f, first);
        for (const SubnetVerdict& v : subnets.known)
            d.related.push_back({ctx.model.subnets[v.subnet].loc, "subnet " + ctx.model.subnets[v.subnet].id + ": " + v.egress->reason});
    }
}

}  // namespace vpclint::rules::VL102
