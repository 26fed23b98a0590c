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
    const Model& m = ctx.model;
    for (uint32_t i = 0; i < m.functions.size(); ++i) {
        const Function& f = m.functions[i];
        if (!egress_of_function(ctx.analyses.egress, i).vpc_function) continue;
        const Evidence* evidence = strong_internet_evidence(ctx, i);
        if (!evidence) continue;
        // Every subnet must be known to have no way out: one unknown subnet
        // may be the one that works.
        FunctionSubnets subnets = subnet_verdicts(ctx, i);
        if (!subnets.all_known || subnets.known.empty()) continue;
        bool all_none = std::all_of(subnets.known.begin(), subnets.known.end(),
                                    [](const SubnetVerdict& v) { return v.egress->verdict == Egress::None; });
        if (!all_none) continue;
        std::vector<const SubnetVerdict*> all;
        for (const SubnetVerdict& v : subnets.known) all.push_back(&v);
        const SubnetVerdict& first = subnets.known.front();
        bool many = all.size() > 1;
        // A table with only `::/0` has no IPv4 default route; a dual-stack
        // function still reaches IPv6 endpoints through it.
        const RouteTable* ipv6_only = nullptr;
        if (first.egress->route_table >= 0) {
            uint32_t rt = static_cast<uint32_t>(first.egress->route_table);
            for (const Route& r : m.routes)
                if (r.route_table.resolved() && r.route_table.index == rt && r.destination_ipv6.is("::/0"))
                    ipv6_only = &m.route_tables[rt];
        }
        std::string message = "Function " + f.id + " needs the internet (" + evidence->phrase + "), but its subnet" +
                              (many ? "s " : " ") + subnet_names(ctx, all) + (many ? " have" : " has");
        if (ipv6_only && f.ipv6_dual_stack.value == Tri::Yes)
            message += " no IPv4 default route (route table " + ipv6_only->id +
                       " has only ::/0), so its calls to IPv4-only endpoints time out.";
        else if (ipv6_only)
            message += " no IPv4 default route (route table " + ipv6_only->id +
                       " has only ::/0, and the function is not dual-stack), so its calls time out.";
        else
            message += " no internet egress (" + first.egress->reason + "), so its calls time out.";
        Diagnostic& d = ctx.report(Severity::Error, f.subnets.loc, f.id, std::move(message));
        d.path = function_path(ctx, f, first);
        for (const SubnetVerdict& v : subnets.known)
            d.related.push_back({m.subnets[v.subnet].loc, "subnet " + m.subnets[v.subnet].id + ": " + v.egress->reason});
        if (first.egress->route_table >= 0) {
            const RouteTable& rt = m.route_tables[first.egress->route_table];
            d.related.push_back({rt.loc, "route table " + rt.id});
        }
        d.related.push_back({evidence->loc, evidence->phrase});
    }
}

}  // namespace vpclint::rules::VL102
