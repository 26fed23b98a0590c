// VL402 gateway-endpoint-not-on-route-table: the VPC has a gateway endpoint
// for the service the function needs, but not on its subnets' route table.
#include <algorithm>

#include "rules/service_verdicts.h"
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL402 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL402",
    .slug = "gateway-endpoint-not-on-route-table",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A gateway endpoint for a service the function needs exists, but not on its subnets' route table.",
    .rationale = "A gateway endpoint (S3, DynamoDB) works by adding the service's prefix list to the route tables it is "
                 "associated with; a subnet whose route table is not among them gets nothing from it (VPC user guide, "
                 "\"Gateway endpoints\"). A function in such a subnet, without a NAT path, times out on every call to "
                 "the service although the VPC has an endpoint for it. Reported instead of VL401.",
    .fix = "Add the route table of the function's subnets to the endpoint's route tables.",
    .bad_example = "DynamoDbEndpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n    VpcId: !Ref Vpc\n"
                   "    ServiceName: !Sub com.amazonaws.${AWS::Region}.dynamodb\n"
                   "    RouteTableIds: [!Ref PrivateRouteTableA]   # the function is in PrivateSubnetB\n",
    .good_example = "DynamoDbEndpoint:\n  Type: AWS::EC2::VPCEndpoint\n  Properties:\n    VpcId: !Ref Vpc\n"
                    "    ServiceName: !Sub com.amazonaws.${AWS::Region}.dynamodb\n"
                    "    RouteTableIds: [!Ref PrivateRouteTableA, !Ref PrivateRouteTableB]\n",
    .tags = "networking lambda endpoints aws-services",
    .precision = "high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const ServiceFinding& f : service_findings(ctx)) {
        if (f.gap != ServiceGap::GatewayNotOnTable) continue;
        const Function& fn = m.functions[f.function];
        // The endpoint to fix: the first one that a failing subnet's VPC has;
        // the route tables it lacks, once each; subnets on the implicit main
        // route table, which no endpoint can name.
        int endpoint = -1;
        std::vector<std::string> tables;
        std::vector<std::string> implicit;
        for (size_t k : f.failing) {
            const SubnetServiceReach& s = f.reach.per_subnet[k];
            if (s.gateway_elsewhere.empty()) continue;
            if (endpoint < 0) endpoint = static_cast<int>(s.gateway_elsewhere.front());
            int rt = egress_of_subnet(ctx.analyses.egress, f.reach.subnets[k]).route_table;
            if (rt < 0) implicit.push_back(m.subnets[f.reach.subnets[k]].id);
            else if (std::find(tables.begin(), tables.end(), m.route_tables[static_cast<size_t>(rt)].id) == tables.end())
                tables.push_back(m.route_tables[static_cast<size_t>(rt)].id);
        }
        if (endpoint < 0) continue;
        const VpcEndpoint& ep = m.vpc_endpoints[static_cast<size_t>(endpoint)];
        bool terraform = m.format != InputFormat::CloudFormation;
        std::string where = !tables.empty() ? "route table" + std::string(tables.size() > 1 ? "s " : " ") + join_names(tables)
                                            : "the VPC's main route table";
        std::string msg = "Function " + fn.id + " needs " + need_phrase(f) + ", and gateway endpoint " + ep.id +
                          " serves " + f.reach.service->key.data() + " in its VPC, but not " + where + " of its " +
                          failing_subnets(m, f) + ", which has no NAT path either, so its " +
                          std::string(f.reach.service->key) + " calls time out.";
        if (f.failing.size() > 1) msg.replace(msg.find(", which has"), 11, ", which have");
        std::string fix;
        if (!tables.empty())
            fix = "Add " + where + " to " + ep.id + "'s " + (terraform ? "route_table_ids" : "RouteTableIds") +
                  (terraform ? " (or an aws_vpc_endpoint_route_table_association for " +
                                   std::string(tables.size() > 1 ? "each" : "it") + ")"
                             : "") +
                  ".";
        if (!implicit.empty())
            fix += std::string(fix.empty() ? "" : " ") + "Associate " + join_names(implicit) +
                   " with a route table that " + ep.id + " lists (the VPC's implicit main route table cannot be named).";
        const Location& at = ep.route_tables.loc.known() ? ep.route_tables.loc : ep.loc;
        Diagnostic& d = ctx.report(Severity::Error, at, fn.id, std::move(msg), std::move(fix));
        add_service_path(ctx, f, d);
        d.path.push_back({at, "gateway endpoint " + ep.id + " for " + std::string(f.reach.service->key) +
                                  " is not associated with " + where});
        d.related.push_back({ep.loc, "gateway endpoint " + ep.id});
        d.related.push_back({fn.subnets.loc, "function " + fn.id + "'s subnets"});
    }
}

}  // namespace vpclint::rules::VL402
