// VL106 nat-instance-source-dest-check: an instance used as a route target
// must have its source/destination check off to forward traffic.
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL106 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL106",
    .slug = "nat-instance-source-dest-check",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A route targets an instance whose source/destination check is on.",
    .rationale = "EC2 drops traffic an instance did not originate or is not the destination of unless its "
                 "source/destination check is disabled (VPC User Guide, \"NAT instances\"). The check is on by "
                 "default, so a NAT instance that keeps it forwards nothing and the routed subnets have no internet.",
    .fix = "Set SourceDestCheck: false on the instance (source_dest_check = false in Terraform), or use a NAT "
           "gateway.",
    .bad_example = "NatInstance:\n  Type: AWS::EC2::Instance\n  Properties:\n    SubnetId: !Ref PublicSubnetA\n"
                   "PrivateRoute:\n  Type: AWS::EC2::Route\n  Properties:\n    RouteTableId: !Ref PrivateRouteTable\n"
                   "    DestinationCidrBlock: 0.0.0.0/0\n    InstanceId: !Ref NatInstance\n",
    .good_example = "NatInstance:\n  Type: AWS::EC2::Instance\n  Properties:\n    SubnetId: !Ref PublicSubnetA\n"
                    "    SourceDestCheck: false\n",
    .tags = "networking nat",
    .precision = "very-high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (const Route& r : m.routes) {
        if (r.target_kind != RouteTarget::Instance || !r.target.resolved()) continue;
        const Instance& inst = m.instances[r.target.index];
        if (inst.source_dest_check.value != Tri::Yes) continue;
        std::string state = inst.source_dest_check.present ? "on" : "on by default";
        std::string table = r.route_table.resolved() ? " in route table " + m.route_tables[r.route_table.index].id : "";
        Diagnostic& d = ctx.report(Severity::Error, r.target.loc, r.id,
                                   "Route " + r.id + table + " sends traffic to instance " + inst.id +
                                       ", whose source/destination check is " + state +
                                       ", so the instance drops the traffic it should forward.");
        if (r.route_table.resolved()) {
            const RouteTable& rt = m.route_tables[r.route_table.index];
            d.path.push_back({rt.loc, "route table " + rt.id});
        }
        d.path.push_back({r.loc, "route " + r.id + " -> instance " + inst.id});
        const Location& check_at = inst.source_dest_check.present ? inst.source_dest_check.loc : inst.loc;
        d.path.push_back({check_at, "instance " + inst.id + ": source/destination check " + state});
        d.related.push_back({check_at, "instance " + inst.id});
    }
}

}  // namespace vpclint::rules::VL106
