#include "rules/subnet_verdicts.h"

namespace vpclint::rules {

FunctionSubnets subnet_verdicts(const RuleContext& ctx, uint32_t function_index) {
    const FunctionEgress& fe = egress_of_function(ctx.analyses.egress, function_index);
    FunctionSubnets out;
    out.all_known = fe.all_subnets_known;
    for (uint32_t s : fe.subnets) out.known.push_back({s, &egress_of_subnet(ctx.analyses.egress, s)});
    return out;
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

std::vector<RelatedLocation> function_path(const RuleContext& ctx, const Function& f, const SubnetVerdict& v) {
    std::vector<RelatedLocation> path;
    path.push_back({f.subnets.loc, "function " + f.id + " is placed in subnet " + ctx.model.subnets[v.subnet].id});
    for (const RelatedLocation& r : v.egress->path) path.push_back(r);
    return path;
}

const Evidence* strong_internet_evidence(const RuleContext& ctx, uint32_t function_index) {
    for (const Evidence& e : needs_of_function(ctx.analyses.needs, function_index).internet)
        if (e.strong) return &e;
    return nullptr;
}

const ServiceNeed* service_without_endpoint(const RuleContext& ctx, uint32_t function_index, uint32_t subnet) {
    const FunctionEgress& fe = egress_of_function(ctx.analyses.egress, function_index);
    ServiceClient client;
    client.groups = &ctx.analyses.groups;
    client.peer = peer_of(ctx.model, ctx.model.functions[function_index].security_groups, fe.subnets, fe.all_subnets_known);
    for (const ServiceNeed& need : needs_of_function(ctx.analyses.needs, function_index).services) {
        if (!need.strong || need.custom_endpoint) continue;
        const AwsService* service = find_service(need.service);
        if (!service || service->key != need.service) continue;
        SubnetServiceReach r = subnet_reaches_service(ctx.model, ctx.analyses.egress, ctx.analyses.endpoints, subnet,
                                                      *service, &need, &client);
        if (r.reachable == Tri::No) return &need;
    }
    return nullptr;
}

}  // namespace vpclint::rules
