// VL405 endpoint-private-dns-without-vpc-dns: private DNS on an interface
// endpoint needs the VPC's DNS support and DNS hostnames.
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL405 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL405",
    .slug = "endpoint-private-dns-without-vpc-dns",
    .level = Severity::Error,
    .levels = "error",
    .summary = "An interface endpoint has private DNS on while its VPC has DNS support or DNS hostnames off.",
    .rationale = "Private DNS for an interface endpoint needs both VPC attributes enableDnsSupport and "
                 "enableDnsHostnames (VPC user guide, \"DNS attributes for your VPC\"); creating the endpoint fails "
                 "otherwise. CloudFormation's EnableDnsHostnames and Terraform's enable_dns_hostnames default to "
                 "false.",
    .fix = "Set EnableDnsSupport and EnableDnsHostnames to true on the VPC (enable_dns_support and "
           "enable_dns_hostnames in Terraform).",
    .bad_example = "Vpc:\n  Type: AWS::EC2::VPC\n  Properties:\n    CidrBlock: 10.0.0.0/16   # EnableDnsHostnames "
                   "defaults to false\nSqsEndpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n"
                   "    VpcEndpointType: Interface\n    ServiceName: !Sub com.amazonaws.${AWS::Region}.sqs\n"
                   "    VpcId: !Ref Vpc\n    PrivateDnsEnabled: true\n",
    .good_example = "Vpc:\n  Type: AWS::EC2::VPC\n  Properties:\n    CidrBlock: 10.0.0.0/16\n    EnableDnsSupport: true\n"
                    "    EnableDnsHostnames: true\n",
    .tags = "networking endpoints dns",
    .precision = "very-high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    bool terraform = m.format != InputFormat::CloudFormation;
    for (const VpcEndpoint& ep : m.vpc_endpoints) {
        if (ep.endpoint_type != EndpointType::Interface || ep.private_dns.value != Tri::Yes) continue;
        if (!ep.vpc.resolved() || ep.vpc.index >= m.vpcs.size()) continue;
        const Vpc& vpc = m.vpcs[ep.vpc.index];
        std::vector<std::string> off;
        std::vector<const Flag*> flags;
        if (vpc.dns_support.value == Tri::No) {
            off.push_back(terraform ? "enable_dns_support" : "EnableDnsSupport");
            flags.push_back(&vpc.dns_support);
        }
        if (vpc.dns_hostnames.value == Tri::No) {
            off.push_back(std::string(terraform ? "enable_dns_hostnames" : "EnableDnsHostnames") +
                          (vpc.dns_hostnames.present ? "" : " (false by default)"));
            flags.push_back(&vpc.dns_hostnames);
        }
        if (off.empty()) continue;
        std::string msg = "Interface endpoint " + ep.id + " has private DNS on, but its VPC " + vpc.id + " has " +
                          join_names(off) + " off, so the endpoint cannot be created with private DNS.";
        std::string fix = "Set " + std::string(terraform ? "enable_dns_support and enable_dns_hostnames = true"
                                                         : "EnableDnsSupport and EnableDnsHostnames to true") +
                          " on " + vpc.id + ".";
        const Location& at = ep.private_dns.loc.known() ? ep.private_dns.loc : ep.loc;
        Diagnostic& d = ctx.report(Severity::Error, at, ep.id, std::move(msg), std::move(fix));
        d.path.push_back({at, "endpoint " + ep.id + " turns on private DNS"});
        if (ep.vpc.loc.known()) d.path.push_back({ep.vpc.loc, "in VPC " + vpc.id});
        for (const Flag* fl : flags)
            d.path.push_back({fl->present && fl->loc.known() ? fl->loc : vpc.loc,
                              "VPC " + vpc.id + (fl->present ? " turns this off" : " leaves it at its default, off")});
        d.related.push_back({vpc.loc, "VPC " + vpc.id});
    }
}

}  // namespace vpclint::rules::VL405
