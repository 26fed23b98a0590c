// VL403 interface-endpoint-blocks-function: the interface endpoint that would
// serve the function's calls does not admit HTTPS from it.
#include <cctype>

#include "rules/service_verdicts.h"
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL403 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL403",
    .slug = "interface-endpoint-blocks-function",
    .level = Severity::Error,
    .levels = "error",
    .summary = "An interface endpoint that would serve the function admits no HTTPS (443) from it.",
    .rationale = "An interface endpoint is a set of network interfaces in your subnets, guarded by its security "
                 "groups: SDK calls reach it over HTTPS (443) only when one of those groups admits the function's "
                 "security groups or the addresses of its subnets (VPC user guide, \"Control access to VPC endpoints "
                 "using security groups\"). Without a NAT path the function's calls to the service then time out, "
                 "although private DNS sends them to the endpoint. An endpoint without security groups uses the "
                 "VPC's default group, which is not judged.",
    .fix = "Add an ingress rule for tcp/443 from the function's security group (or its subnets' CIDRs) to the "
           "endpoint's security group.",
    .bad_example = "EndpointSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n"
                   "    GroupDescription: SQS endpoint\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n"
                   "      - IpProtocol: tcp\n        FromPort: 443\n        ToPort: 443\n"
                   "        CidrIp: 192.168.0.0/16   # not the function's subnets\n",
    .good_example = "EndpointSecurityGroup:\n  Type: AWS::EC2::SecurityGroup\n  Properties:\n"
                    "    GroupDescription: SQS endpoint\n    VpcId: !Ref Vpc\n    SecurityGroupIngress:\n"
                    "      - IpProtocol: tcp\n        FromPort: 443\n        ToPort: 443\n"
                    "        SourceSecurityGroupId: !Ref FunctionSecurityGroup\n",
    .tags = "networking lambda endpoints aws-services security-groups",
    .precision = "high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const ServiceFinding& f : service_findings(ctx)) {
        if (f.gap != ServiceGap::InterfaceBlocked) continue;
        const Function& fn = m.functions[f.function];
        const SubnetServiceReach* s = nullptr;
        for (size_t k : f.failing)
            if (!f.reach.per_subnet[k].interface_blocked.empty()) {
                s = &f.reach.per_subnet[k];
                break;
            }
        if (!s) continue;
        const VpcEndpoint& ep = m.vpc_endpoints[s->interface_blocked.front()];
        const SgAnswer& why = s->blocked_answers.front();
        SgPeer peer = peer_of(m, fn.security_groups, f.reach.subnets, true);
        std::string peer_name = peer.name.empty() ? "the function's subnets" : peer.name;
        std::string msg = "Interface endpoint " + ep.id + " would serve function " + fn.id + "'s " +
                          f.reach.service->key.data() + " calls (" + f.reach.need->phrase + "), but " + why.reason +
                          ", and its " + failing_subnets(m, f) + " have no NAT path either, so the calls time out.";
        if (f.failing.size() == 1) msg.replace(msg.find(" have no NAT"), 12, " has no NAT");
        std::string fix;
        for (const Link& g : ep.security_groups.items)
            if (g.resolved()) {
                fix = sg_fix(m, g.index, RuleDirection::Ingress, SgTraffic{6, 443}, peer_name);
                break;
            }
        if (!fix.empty()) fix[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(fix[0])));
        if (!fix.empty() && fix.back() != '.') fix += ".";
        const Location& at = ep.security_groups.loc.known() ? ep.security_groups.loc : ep.loc;
        Diagnostic& d = ctx.report(Severity::Error, at, fn.id, std::move(msg), std::move(fix));
        add_service_path(ctx, f, d);
        d.path.push_back({at, "interface endpoint " + ep.id + " is guarded by these security groups"});
        for (const RelatedLocation& r : why.deciding) d.related.push_back(r);
        d.related.push_back({ep.loc, "interface endpoint " + ep.id});
    }
}

}  // namespace vpclint::rules::VL403
