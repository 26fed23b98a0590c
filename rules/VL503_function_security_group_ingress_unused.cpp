// VL503 function-security-group-ingress-unused: ingress rules on a group
// only functions use.
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL503 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL503",
    .slug = "function-security-group-ingress-unused",
    .level = Severity::Note,
    .levels = "note",
    .summary = "A security group used only by functions has ingress rules, which Lambda never uses.",
    .rationale = "Lambda's network interfaces only open outbound connections: nothing connects in to a function "
                 "through its VPC. Ingress rules on a group that only functions carry admit nothing useful; they "
                 "usually mean the rule was meant for the resource's group (the database's), where it is missing.",
    .fix = "Remove the ingress rules from the function's group; if they were meant to let the function in, put them "
           "on the resource's security group with the function's group as the source.",
    .bad_example = "LambdaSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    SecurityGroupIngress:\n"
                   "      - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.0.0/16}\n",
    .good_example = "LambdaSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    GroupDescription: "
                    "Orders function (egress only)\n    VpcId: !Ref Vpc\n",
    .tags = "networking lambda security-groups",
    .precision = "high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    // Which functions carry each group.
    std::vector<std::vector<uint32_t>> carried(m.security_groups.size());
    for (uint32_t fi = 0; fi < m.functions.size(); ++fi)
        for (const Link& g : m.functions[fi].security_groups.items)
            if (g.resolved() && (carried[g.index].empty() || carried[g.index].back() != fi)) carried[g.index].push_back(fi);
    for (uint32_t gi = 0; gi < m.security_groups.size(); ++gi) {
        const SecurityGroup& g = m.security_groups[gi];
        if (carried[gi].empty() || g.used_by_non_functions != Tri::No) continue;
        const std::vector<uint32_t>& ingress = ctx.analyses.groups.ingress[gi];
        if (ingress.empty()) continue;
        std::vector<std::string> names;
        for (uint32_t fi : carried[gi]) names.push_back(m.functions[fi].id);
        const SecurityGroupRule& first = m.security_group_rules[ctx.analyses.groups.compiled[ingress.front()].rule];
        Diagnostic& d = ctx.report(Severity::Note, first.loc.known() ? first.loc : g.loc, g.id,
                                   "Security group " + g.id + " is used only by function" + (names.size() > 1 ? "s " : " ") +
                                       join_names(names) + ", yet has " + std::to_string(ingress.size()) + " ingress rule" +
                                       (ingress.size() > 1 ? "s" : "") +
                                       ": Lambda never accepts inbound connections, so they admit nothing.",
                                   "Remove the ingress rules from " + g.id +
                                       ", or move them to the security group of the resource they were meant for.");
        d.related.push_back({g.loc, "security group " + g.id});
        for (uint32_t fi : carried[gi])
            d.related.push_back({m.functions[fi].security_groups.loc, "function " + m.functions[fi].id + " uses " + g.id});
        for (uint32_t ci : ingress) {
            if (d.path.size() >= 10) break;
            const SecurityGroupRule& r = m.security_group_rules[ctx.analyses.groups.compiled[ci].rule];
            d.path.push_back({r.loc, "ingress rule " + r.id});
        }
    }
}

}  // namespace vpclint::rules::VL503
