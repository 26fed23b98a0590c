// VL401 aws-service-unreachable: a VPC function calls an AWS service that
// neither a NAT path nor a VPC endpoint lets it reach.
#include <algorithm>

#include "rules/service_verdicts.h"
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL401 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL401",
    .slug = "aws-service-unreachable",
    .level = Severity::Error,
    .levels = "error / warning",
    .summary = "A VPC function needs an AWS service that neither a NAT path nor a VPC endpoint lets it reach.",
    .rationale = "A function attached to a VPC reaches AWS APIs (DynamoDB, S3, SQS, Secrets Manager, ...) only the "
                 "way any other address in its subnets does: through a NAT gateway to the public endpoint, a gateway "
                 "endpoint on the subnet's route table (S3, DynamoDB), or an interface endpoint in the VPC with "
                 "private DNS (Lambda Developer Guide, \"Connecting outbound networking to resources in a VPC\"; VPC "
                 "user guide, \"Access AWS services through AWS PrivateLink\"). In a subnet with no internet egress "
                 "(or a public subnet, where the function's interfaces get no public IP) and no such endpoint, every "
                 "SDK call times out. Log delivery and event source mappings do not use this path. Error when the "
                 "evidence is strong (a declaration, a reference to the service's resource in the environment, an SDK "
                 "host), warning when only the role's actions show it.",
    .fix = "Add a VPC endpoint for the service (a gateway endpoint on the subnets' route tables for S3 and DynamoDB, "
           "an interface endpoint with private DNS for the others), or route the subnets' 0.0.0.0/0 to a NAT gateway "
           "in a public subnet.",
    .bad_example = "OrdersFunction:\n  Type: AWS::Lambda::Function\n  Properties:\n    VpcConfig:\n"
                   "      SubnetIds: [!Ref IsolatedSubnetA]   # no NAT, no endpoint\n"
                   "      SecurityGroupIds: [!Ref FunctionSecurityGroup]\n    Environment:\n      Variables:\n"
                   "        TABLE_NAME: !Ref OrdersTable\n",
    .good_example = "DynamoDbEndpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n    VpcId: !Ref Vpc\n"
                    "    ServiceName: !Sub com.amazonaws.${AWS::Region}.dynamodb\n"
                    "    RouteTableIds: [!Ref IsolatedRouteTable]\n",
    .tags = "networking lambda endpoints aws-services",
    .precision = "high",
};

namespace {

std::string route_tables_of(const RuleContext& ctx, const ServiceFinding& f) {
    std::vector<std::string> names;
    for (size_t k : f.failing) {
        int rt = egress_of_subnet(ctx.analyses.egress, f.reach.subnets[k]).route_table;
        std::string name = rt >= 0 ? ctx.model.route_tables[static_cast<size_t>(rt)].id : std::string();
        if (!name.empty() && std::find(names.begin(), names.end(), name) == names.end()) names.push_back(name);
    }
    return names.empty() ? std::string("the subnets' route tables") : join_names(names);
}

}  // namespace

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const ServiceFinding& f : service_findings(ctx)) {
        if (f.gap != ServiceGap::NoPath) continue;
        const Function& fn = m.functions[f.function];
        const AwsService& s = *f.reach.service;
        bool public_subnet = false;
        for (size_t k : f.failing)
            public_subnet = public_subnet || egress_of_subnet(ctx.analyses.egress, f.reach.subnets[k]).verdict == Egress::Public;
        const SubnetEgress& first = egress_of_subnet(ctx.analyses.egress, f.reach.subnets[f.failing.front()]);
        std::string msg = "Function " + fn.id + " needs " + need_phrase(f) + ", but from its " + failing_subnets(m, f) +
                          " it reaches neither the internet (" + first.reason +
                          (public_subnet ? "; in a public subnet its interfaces get no public IP" : "") +
                          ") nor a VPC endpoint for " + std::string(s.key) + ", so its " + std::string(s.key) +
                          " calls time out.";
        std::string fix = s.gateway_endpoint
                              ? "Add a gateway endpoint " + endpoint_name_for(s) + " with route table" +
                                    (f.failing.size() > 1 ? "s " : " ") + route_tables_of(ctx, f) +
                                    " (or an interface endpoint with private DNS), or a 0.0.0.0/0 route to a NAT gateway."
                              : "Add an interface endpoint " + endpoint_name_for(s) +
                                    " with private DNS in the function's VPC, whose security groups admit HTTPS (443) "
                                    "from the function, or a 0.0.0.0/0 route to a NAT gateway.";
        Diagnostic& d = ctx.report(f.reach.need->strong ? Severity::Error : Severity::Warning, fn.subnets.loc, fn.id,
                                   std::move(msg), std::move(fix));
        add_service_path(ctx, f, d);
    }
}

}  // namespace vpclint::rules::VL401
