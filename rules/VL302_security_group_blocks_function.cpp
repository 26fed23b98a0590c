// VL302 security-group-blocks-function: the private resource's security
// groups admit neither the function's groups nor its subnets on its port.
#include <algorithm>

#include "rules/private_resources.h"
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL302 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL302",
    .slug = "security-group-blocks-function",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A VPC function uses a private resource whose security groups do not admit the function on its port.",
    .rationale = "Security groups only allow: a database, cache, file system or proxy accepts a connection only "
                 "when one ingress rule of one of its groups names one of the function's security groups (or a "
                 "CIDR covering the function's subnets) for the resource's port. Without one the function's "
                 "connections time out, and nothing fails at deployment.",
    .fix = "Add an ingress rule on the resource's security group for its port with the function's security group "
           "as the source (SourceSecurityGroupId / referenced_security_group_id).",
    .bad_example = "DatabaseSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n    SecurityGroupIngress:\n"
                   "      - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.99.0.0/16}\n",
    .good_example = "DatabaseIngressFromLambda:\n  Type: AWS::EC2::SecurityGroupIngress\n  Properties:\n    GroupId: "
                    "!Ref DatabaseSecurityGroup\n    IpProtocol: tcp\n    FromPort: 5432\n    ToPort: 5432\n"
                    "    SourceSecurityGroupId: !Ref LambdaSecurityGroup\n",
    .tags = "networking lambda security-groups",
    .precision = "high",
};

namespace {

void report_blocked(const RuleContext& ctx, const Location& at, const std::string& resource, const std::string& client,
                    const std::string& evidence, const DataStore& server, uint32_t server_index, const SgPeer& peer,
                    const SgTraffic& traffic, const SgAnswer& ans, std::vector<RelatedLocation> path) {
    const Model& m = ctx.model;
    const Placement& pl = ctx.analyses.resources.placement[server_index];
    std::vector<std::string> names;
    for (const Link& g : pl.groups.items)
        if (g.resolved() && std::find(names.begin(), names.end(), m.security_groups[g.index].id) == names.end())
            names.push_back(m.security_groups[g.index].id);
    int group = first_group(pl.groups);
    std::string fix = group >= 0 ? sg_fix(m, static_cast<uint32_t>(group), RuleDirection::Ingress, traffic, peer.name)
                                 : std::string();
    Diagnostic& d = ctx.report(Severity::Error, at, resource,
                               client + " connects to " + resource_label(server) + " on " + traffic_name(traffic) + " (" +
                                   evidence + "), but no ingress rule of " + join_names(names) + " admits it from " +
                                   peer.name + " or a CIDR covering its subnets, so the connection times out.",
                               fix.empty() ? std::string() : fix + ".");
    d.related.push_back({server.loc, resource_label(server)});
    for (const RelatedLocation& r : ans.deciding) d.related.push_back(r);
    d.path = std::move(path);
    d.path.push_back({pl.groups.loc, resource_label(server) + " has security groups " + join_names(names)});
    for (const RelatedLocation& r : ans.deciding) d.path.push_back(r);
}

}  // namespace

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    const ResourceUses& uses = ctx.analyses.resources;
    for (uint32_t fi = 0; fi < m.functions.size(); ++fi) {
        const Function& f = m.functions[fi];
        if (!egress_of_function(ctx.analyses.egress, fi).vpc_function) continue;
        SgPeer peer = function_peer(ctx, fi);
        for (const ResourceUse& use : uses.functions[fi]) {
            const DataStore& d = m.data_stores[use.resource];
            SgTraffic traffic = use_traffic(use.port);
            SgAnswer ans = sg_allows(ctx.analyses.groups, m, uses.placement[use.resource].groups, RuleDirection::Ingress,
                                     peer, traffic);
            if (ans.verdict != Tri::No) continue;
            std::vector<RelatedLocation> path{{use.loc, use.evidence},
                                              {f.security_groups.loc, "function " + f.id + " uses " + peer.name}};
            report_blocked(ctx, f.security_groups.loc, f.id, "Function " + f.id, use.evidence, d, use.resource, peer,
                           traffic, ans, std::move(path));
        }
    }
    // The second hop: an RDS proxy a function uses, to its database.
    for (const ProxyHop& hop : uses.proxy_hops) {
        const DataStore& proxy = m.data_stores[hop.proxy];
        const DataStore& db = m.data_stores[hop.database];
        SgPeer peer = resource_peer(ctx, hop.proxy);
        if (int g = first_group(uses.placement[hop.proxy].groups); g >= 0) peer.name = m.security_groups[g].id;
        SgTraffic traffic = use_traffic(db.port);
        SgAnswer ans =
            sg_allows(ctx.analyses.groups, m, uses.placement[hop.database].groups, RuleDirection::Ingress, peer, traffic);
        if (ans.verdict != Tri::No) continue;
        const DataStore& tg = m.data_stores[hop.target_group];
        std::vector<RelatedLocation> path{{tg.loc, "target group " + tg.id + " puts " + db.id + " behind proxy " + proxy.id},
                                          {proxy.security_groups.loc, "proxy " + proxy.id + " uses " + peer.name}};
        report_blocked(ctx, proxy.security_groups.loc, proxy.id, "RDS proxy " + proxy.id,
                       "its target group " + tg.id + " names it", db, hop.database, peer, traffic, ans, std::move(path));
    }
}

}  // namespace vpclint::rules::VL302
