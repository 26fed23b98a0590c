// VL404 interface-endpoint-private-dns-disabled: the only way to a service
// the function needs is an interface endpoint the SDK's default host name
// does not resolve to.
#include "rules/service_verdicts.h"
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL404 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL404",
    .slug = "interface-endpoint-private-dns-disabled",
    .level = Severity::Warning,
    .levels = "warning",
    .summary = "The only path to a service the function needs is an interface endpoint with private DNS off.",
    .rationale = "Without private DNS an interface endpoint answers only at its own vpce-... host names; the SDK's "
                 "default host (sqs.<region>.amazonaws.com) still resolves to the public endpoint, which a function "
                 "without a NAT path cannot reach (VPC user guide, \"DNS hostnames\" of interface endpoints). It works "
                 "only if the code sets the endpoint's own name as its endpoint URL, which the template does not "
                 "show: hence a warning.",
    .fix = "Turn on private DNS for the endpoint (its VPC needs DNS support and DNS hostnames), or set the endpoint's "
           "DNS name as the SDK endpoint (AWS_ENDPOINT_URL_<SERVICE>).",
    .bad_example = "SqsEndpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n    VpcEndpointType: Interface\n"
                   "    ServiceName: !Sub com.amazonaws.${AWS::Region}.sqs\n    VpcId: !Ref Vpc\n"
                   "    SubnetIds: [!Ref PrivateSubnetA]\n    SecurityGroupIds: [!Ref EndpointSecurityGroup]\n",
    .good_example = "SqsEndpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n    VpcEndpointType: Interface\n"
                    "    ServiceName: !Sub com.amazonaws.${AWS::Region}.sqs\n    VpcId: !Ref Vpc\n"
                    "    PrivateDnsEnabled: true\n    SubnetIds: [!Ref PrivateSubnetA]\n"
                    "    SecurityGroupIds: [!Ref EndpointSecurityGroup]\n",
    .tags = "networking lambda endpoints aws-services dns",
    .precision = "high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const ServiceFinding& f : service_findings(ctx)) {
        if (f.gap != ServiceGap::InterfaceWithoutDns) continue;
        const Function& fn = m.functions[f.function];
        const SubnetServiceReach& s = f.reach.per_subnet[f.failing.front()];
        const VpcEndpoint& ep = m.vpc_endpoints[s.interface_without_dns.front()];
        bool terraform = m.format != InputFormat::CloudFormation;
        std::string host = std::string(f.reach.service->host_labels.front()) + ".<region>.amazonaws.com";
        std::string msg = "Function " + fn.id + " needs " + need_phrase(f) + ", and the only path to it from its " +
                          failing_subnets(m, f) + " is interface endpoint " + ep.id +
                          ", whose private DNS is off, so the SDK's default host " + host +
                          " resolves to the public endpoint, which the function cannot reach.";
        std::string fix = "Set " + std::string(terraform ? "private_dns_enabled = true" : "PrivateDnsEnabled: true") +
                          " on " + ep.id + " (its VPC needs DNS support and DNS hostnames), or point the SDK at the "
                          "endpoint's own DNS name.";
        const Location& at = ep.private_dns.loc.known() ? ep.private_dns.loc : ep.loc;
        Diagnostic& d = ctx.report(Severity::Warning, at, fn.id, std::move(msg), std::move(fix));
        add_service_path(ctx, f, d);
        d.related.push_back({ep.loc, "interface endpoint " + ep.id});
        d.related.push_back({fn.subnets.loc, "function " + fn.id + "'s subnets"});
    }
}

}  // namespace vpclint::rules::VL404
