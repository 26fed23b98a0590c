// VL107 function-subnets-disagree: some of a function's subnets reach the
// internet and others do not, so calls fail in some availability zones.
#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL107 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL107",
    .slug = "function-subnets-disagree",
    .level = Severity::Error,
    .levels = "error / warning",
    .summary = "A VPC function's subnets differ in internet egress: some reach the internet, others do not.",
    .rationale = "Lambda runs a function's invocations in any of its subnets. When only some of them route to a NAT "
                 "gateway, the same call succeeds or times out depending on where the invocation lands, which is "
                 "hard to diagnose. Error when the function shows it needs the internet, warning otherwise. "
                 "Subnets whose egress cannot be known are left out of the comparison.",
    .fix = "Give every subnet of the function a 0.0.0.0/0 route to a NAT gateway (one per availability zone), "
           "or list only subnets that have one.",
    .bad_example = "VpcConfig:\n  SubnetIds:\n    - !Ref PrivateSubnetA   # 0.0.0.0/0 -> NAT gateway\n"
                   "    - !Ref PublicSubnetB    # 0.0.0.0/0 -> internet gateway\n",
    .good_example = "VpcConfig:\n  SubnetIds:\n    - !Ref PrivateSubnetA   # 0.0.0.0/0 -> NAT gateway A\n"
                    "    - !Ref PrivateSubnetB   # 0.0.0.0/0 -> NAT gateway B\n",
    .tags = "networking lambda internet availability",
    .precision = "high",
};

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (uint32_t i = 0; i < m.functions.size(); ++i) {
        const Function& f = m.functions[i];
        if (!egress_of_function(ctx.analyses.egress, i).vpc_function) continue;
        // Subnets of unknown egress are left out: one known subnet with and
        // one without internet already prove that some invocations fail,
        // whatever the unknown ones do.
        FunctionSubnets subnets = subnet_verdicts(ctx, i);
        std::vector<const SubnetVerdict*> with, without;
        for (const SubnetVerdict& v : subnets.known) {
            if (v.egress->verdict == Egress::Internet) with.push_back(&v);
            if (v.egress->verdict == Egress::Public || v.egress->verdict == Egress::None) without.push_back(&v);
        }
        if (with.empty() || without.empty()) continue;
        const SubnetVerdict* broken = without.front();
        const Evidence* evidence = strong_internet_evidence(ctx, i);
        Diagnostic& d = ctx.report(
            evidence ? Severity::Error : Severity::Warning, subnets_location(f, without), f.id,
            "Function " + f.id + " reaches the internet from subnet" + (with.size() > 1 ? "s " : " ") + subnet_names(ctx, with) +
                " but not from " + subnet_names(ctx, without) + " (" + broken->egress->reason +
                "), so its calls fail whenever an invocation runs there" + (evidence ? "; " + evidence->phrase : "") + ".");
        d.path = function_path(ctx, f, *broken);
        for (const SubnetVerdict& v : subnets.known)
            if (v.egress->verdict != Egress::Unknown)
                d.related.push_back({m.subnets[v.subnet].loc, "subnet " + m.subnets[v.subnet].id + ": " +
                                                                  std::string(egress_name(v.egress->verdict)) + " (" +
                                                                  v.egress->reason + ")"});
        if (evidence) d.related.push_back({evidence->loc, evidence->phrase});
    }
}

}  // namespace vpclint::rules::VL107
