#include "rules/service_verdicts.h"

#include "rules/subnet_verdicts.h"

namespace vpclint::rules {

std::vector<ServiceFinding> service_findings(const RuleContext& ctx) {
    const Model& m = ctx.model;
    std::vector<ServiceFinding> out;
    for (uint32_t i = 0; i < m.functions.size(); ++i) {
        if (!egress_of_function(ctx.analyses.egress, i).vpc_function) continue;
        for (FunctionServiceReach& r :
             function_service_reach(m, ctx.analyses.egress, ctx.analyses.needs, ctx.analyses.endpoints, i,
                                    &ctx.analyses.groups)) {
            if (!r.judged || r.reachable != Tri::No) continue;
            ServiceFinding f;
            f.function = i;
            bool gateway = false, no_dns = false, blocked = false;
            for (size_t k = 0; k < r.per_subnet.size(); ++k) {
                const SubnetServiceReach& s = r.per_subnet[k];
                if (s.reachable != Tri::No) continue;
                f.failing.push_back(k);
                gateway = gateway || !s.gateway_elsewhere.empty();
                no_dns = no_dns || !s.interface_without_dns.empty();
                blocked = blocked || !s.interface_blocked.empty();
            }
            // The endpoint that would serve it is the one to fix first.
            f.gap = blocked   ? ServiceGap::InterfaceBlocked
                    : gateway ? ServiceGap::GatewayNotOnTable
                    : no_dns ? ServiceGap::InterfaceWithoutDns
                             : ServiceGap::NoPath;
            f.reach = std::move(r);
            out.push_back(std::move(f));
        }
    }
    return out;
}

std::string failing_subnets(const Model& m, const ServiceFinding& f) {
    std::vector<std::string> names;
    for (size_t k : f.failing) names.push_back(m.subnets[f.reach.subnets[k]].id);
    return std::string(names.size() > 1 ? "subnets " : "subnet ") + join_names(names);
}

void add_service_path(const RuleContext& ctx, const ServiceFinding& f, Diagnostic& d) {
    const Model& m = ctx.model;
    const Function& fn = m.functions[f.function];
    uint32_t first = f.reach.subnets[f.failing.front()];
    d.path = function_path(ctx, fn, {first, &egress_of_subnet(ctx.analyses.egress, first)});
    d.path.push_back({f.reach.need->loc, fn.id + " needs " + f.reach.need->service + ": " + f.reach.need->phrase});
    for (size_t k : f.failing) {
        uint32_t s = f.reach.subnets[k];
        d.related.push_back({m.subnets[s].loc, "subnet " + m.subnets[s].id + ": " + f.reach.per_subnet[k].reason});
    }
    d.related.push_back({f.reach.need->loc, f.reach.need->phrase});
}

std::string need_phrase(const ServiceFinding& f) {
    return f.reach.need->service + " (" + f.reach.need->phrase + ")";
}

std::string endpoint_name_for(const AwsService& s) {
    return "com.amazonaws.<region>." + std::string(s.endpoint_services.front());
}

}  // namespace vpclint::rules
