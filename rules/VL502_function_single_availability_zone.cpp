// VL502 function-single-availability-zone: every known subnet of a VPC
// function is in one Availability Zone.
#include <algorithm>

#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL502 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL502",
    .slug = "function-single-availability-zone",
    .level = Severity::Note,
    .levels = "note",
    .summary = "All of a VPC function's subnets are in one Availability Zone.",
    .rationale = "Lambda runs a VPC function only in the Availability Zones of its subnets: with one zone, an "
                 "outage of that zone stops the function. AWS recommends at least two (Lambda Developer Guide, "
                 "configuration-vpc; AWS Config rule lambda-vpc-multi-az-check counts distinct zones, not subnets).",
    .fix = "Add a subnet in a second Availability Zone to the function's SubnetIds.",
    .bad_example = "VpcConfig:\n  SubnetIds: [!Ref PrivateSubnetA]        # us-east-1a only\n  SecurityGroupIds: [!Ref "
                   "LambdaSecurityGroup]\n",
    .good_example = "VpcConfig:\n  SubnetIds: [!Ref PrivateSubnetA, !Ref PrivateSubnetB]   # us-east-1a, us-east-1b\n"
                    "  SecurityGroupIds: [!Ref LambdaSecurityGroup]\n",
    .tags = "networking lambda availability",
    .precision = "very-high",
};

namespace {

// What names a subnet's zone: its known name, or the symbolic zone the
// frontend gives `!Select [i, !GetAZs ""]` ("${AWS::Region}#az0": the same
// index is the same zone, another index another zone). Empty: unknown.
std::string zone_key(const Text& z) {
    if (z.known) return z.value;
    if (z.value.find("#az") != std::string::npos) return z.value;
    return {};
}

std::string zone_name(const Text& z) { return z.known ? z.value : z.reason; }

}  // namespace

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (uint32_t fi = 0; fi < m.functions.size(); ++fi) {
        const Function& f = m.functions[fi];
        const FunctionEgress& fe = egress_of_function(ctx.analyses.egress, fi);
        // Every subnet and its zone must be known: an unknown one may be
        // the second zone.
        if (!fe.vpc_function || !fe.all_subnets_known || fe.subnets.empty()) continue;
        const Text& first = m.subnets[fe.subnets.front()].availability_zone;
        std::string key = zone_key(first);
        bool one_zone = !key.empty() && std::all_of(fe.subnets.begin(), fe.subnets.end(), [&](uint32_t s) {
            return zone_key(m.subnets[s].availability_zone) == key;
        });
        if (!one_zone) continue;
        std::vector<std::string> names;
        for (uint32_t s : fe.subnets) names.push_back(m.subnets[s].id);
        bool many = names.size() > 1;
        Diagnostic& d = ctx.report(Severity::Note, f.subnets.loc, f.id,
                                   "Function " + f.id + (many ? "'s subnets " : "'s only subnet ") + join_names(names) +
                                       (many ? " are all in " : " is in ") + zone_name(first) +
                                       ", so an outage of that Availability Zone stops the function.",
                                   "Add a subnet in a second Availability Zone to " + f.id + "'s SubnetIds.");
        for (uint32_t s : fe.subnets)
            d.related.push_back({m.subnets[s].availability_zone.loc.known() ? m.subnets[s].availability_zone.loc
                                                                             : m.subnets[s].loc,
                                 "subnet " + m.subnets[s].id + " is in " + zone_name(first)});
        d.path.push_back({f.subnets.loc, "function " + f.id + " is placed in " + join_names(names)});
    }
}

}  // namespace vpclint::rules::VL502
