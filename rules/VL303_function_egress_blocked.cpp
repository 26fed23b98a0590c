// VL303 function-egress-blocked: the function's own security groups let no
// traffic out to the resource it uses (or to the internet it needs).
#include "rules/private_resources.h"
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL303 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL303",
    .slug = "function-egress-blocked",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A VPC function's security groups allow no egress to the resource it uses (or to the internet it needs).",
    .rationale = "Outbound connections need an egress rule too. CloudFormation gives a group without egress rules "
                 "an allow-all egress rule, but removes it as soon as any egress rule is declared; Terraform always "
                 "removes it, so an aws_security_group without egress blocks (or egress rule resources) lets nothing "
                 "out and every connection the function opens times out.",
    .fix = "Add an egress rule on the function's security group for the resource's port to the resource's security "
           "group (or 0.0.0.0/0 on tcp/443 for the internet).",
    .bad_example = "resource \"aws_security_group\" \"lambda\" {\n  vpc_id = aws_vpc.main.id\n  # no egress block\n}\n",
    .good_example = "resource \"aws_security_group\" \"lambda\" {\n  vpc_id = aws_vpc.main.id\n  egress {\n    from_port = "
                    "5432\n    to_port = 5432\n    protocol = \"tcp\"\n    security_groups = [aws_security_group.db.id]\n  }\n}\n",
    .tags = "networking lambda security-groups",
    .precision = "high",
};

namespace {

// Where "the internet" is: every address outside this network, the shared,
// loopback, link-local, private and multicast/reserved ranges (RFC 1122,
// 6598, 3927, 1918, 5771), as intervals.
SgPeer internet_peer() {
    SgPeer p;
    p.name = "the internet";
    p.ipv4_known = true;
    const std::pair<const char*, const char*> spans[] = {
        {"1.0.0.0", "9.255.255.255"},       {"11.0.0.0", "100.63.255.255"},   {"100.128.0.0", "126.255.255.255"},
        {"128.0.0.0", "169.253.255.255"},   {"169.255.0.0", "172.15.255.255"}, {"172.32.0.0", "192.167.255.255"},
        {"192.169.0.0", "223.255.255.255"},
    };
    for (const auto& [first, last] : spans) {
        IpRange r = *parse_cidr(std::string(first) + "/32");
        r.hi_lo = parse_cidr(std::string(last) + "/32")->hi_lo;
        p.ipv4.push_back(r);
    }
    return p;
}

void report(const RuleContext& ctx, const Function& f, const std::string& what, const std::string& why,
            const SgPeer& peer, const SgTraffic& traffic, const SgAnswer& ans, const Location& evidence_loc,
            const Location& target_loc) {
    const Model& m = ctx.model;
    std::vector<std::string> names;
    for (const Link& g : f.security_groups.items)
        if (g.resolved()) names.push_back(m.security_groups[g.index].id);
    int group = first_group(f.security_groups);
    std::string fix = group >= 0 ? sg_fix(m, static_cast<uint32_t>(group), RuleDirection::Egress, traffic, peer.name) + "."
                                 : std::string();
    Diagnostic& d = ctx.report(Severity::Error, f.security_groups.loc, f.id,
                               "Function " + f.id + " connects to " + what + " on " + traffic_name(traffic) + " (" + why +
                                   "), but no egress rule of its security group" + (names.size() > 1 ? "s " : " ") +
                                   join_names(names) + " lets that traffic out, so the connection times out.",
                               fix);
    if (target_loc.known()) d.related.push_back({target_loc, what});
    for (const RelatedLocation& r : ans.deciding) d.related.push_back(r);
    d.path.push_back({evidence_loc, why});
    d.path.push_back({f.security_groups.loc, "function " + f.id + " uses " + join_names(names)});
    for (const RelatedLocation& r : ans.deciding) d.path.push_back(r);
}

}  // namespace

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    const ResourceUses& uses = ctx.analyses.resources;
    SgPeer internet = internet_peer();
    for (uint32_t fi = 0; fi < m.functions.size(); ++fi) {
        const Function& f = m.functions[fi];
        if (!egress_of_function(ctx.analyses.egress, fi).vpc_function) continue;
        for (const ResourceUse& use : uses.functions[fi]) {
            const DataStore& d = m.data_stores[use.resource];
            SgPeer peer = resource_peer(ctx, use.resource);
            if (int g = first_group(uses.placement[use.resource].groups); g >= 0) peer.name = m.security_groups[g].id;
            SgTraffic traffic = use_traffic(use.port);
            SgAnswer ans = sg_allows(ctx.analyses.groups, m, f.security_groups, RuleDirection::Egress, peer, traffic);
            if (ans.verdict != Tri::No) continue;
            report(ctx, f, resource_label(d), use.evidence, peer, traffic, ans, use.loc, d.loc);
        }
        if (const Evidence* e = strong_internet_evidence(ctx, fi)) {
            SgTraffic https{6, 443};
            SgAnswer ans = sg_allows(ctx.analyses.groups, m, f.security_groups, RuleDirection::Egress, internet, https);
            // A plain http:// URL would use port 80: both must be shut.
            SgAnswer http = sg_allows(ctx.analyses.groups, m, f.security_groups, RuleDirection::Egress, internet,
                                      SgTraffic{6, 80});
            if (ans.verdict == Tri::No && http.verdict == Tri::No) {
                SgPeer named = internet;
                named.name = "0.0.0.0/0";
                report(ctx, f, "the internet", e->phrase, named, https, ans, e->loc, {});
            }
        }
    }
    // The second hop: an RDS proxy's own groups must let it reach its database.
    for (const ProxyHop& hop : uses.proxy_hops) {
        const DataStore& proxy = m.data_stores[hop.proxy];
        const DataStore& db = m.data_stores[hop.database];
        SgPeer peer = resource_peer(ctx, hop.database);
        if (int g = first_group(uses.placement[hop.database].groups); g >= 0) peer.name = m.security_groups[g].id;
        SgTraffic traffic = use_traffic(db.port);
        SgAnswer ans = sg_allows(ctx.analyses.groups, m, uses.placement[hop.proxy].groups, RuleDirection::Egress, peer,
                                 traffic);
        if (ans.verdict != Tri::No) continue;
        int group = first_group(uses.placement[hop.proxy].groups);
        Diagnostic& d = ctx.report(
            Severity::Error, proxy.security_groups.loc, proxy.id,
            "RDS proxy " + proxy.id + " connects to " + resource_label(db) + " on " + traffic_name(traffic) +
                " (its target group " + m.data_stores[hop.target_group].id +
                "), but no egress rule of its security groups lets that traffic out, so the proxy cannot reach it.",
            group >= 0 ? sg_fix(m, static_cast<uint32_t>(group), RuleDirection::Egress, traffic, peer.name) + "." : "");
        d.related.push_back({db.loc, resource_label(db)});
        for (const RelatedLocation& r : ans.deciding) d.related.push_back(r);
        d.path.push_back({m.data_stores[hop.target_group].loc, "target group " + m.data_stores[hop.target_group].id});
        for (const RelatedLocation& r : ans.deciding) d.path.push_back(r);
    }
}

}  // namespace vpclint::rules::VL303
