#include "rules/subnet_verdicts.h"

namespace vpclint::rules {

FunctionSubnets subnet_verdicts(const RuleContext& ctx, uint32_t function_index) {
    const FunctionEgress& fe = egress_of_function(ctx.analyses.egress, function_index);
    FunctionSubnets out;
    out.all_known = fe.all_subnets_known;
    const LinkList& items = ctx.model.functions[function_index].subnets;
    for (uint32_t s : fe.subnets) {
        const Link* item = nullptr;
        for (const Link& l : items.items)
            if (l.resolved() && l.index == s) {
                item = &l;
                break;
            }
        out.known.push_back({s, &egress_of_subnet(ctx.analyses.egress, s), item});
    }
    return out;
}

std::string subnet_names(const RuleContext& ctx, const std::vector<const SubnetVerdict*>& subnets) {
    bool all_inherited = !subnets.empty();
    for (const SubnetVerdict* v : subnets) all_inherited = all_inherited && v->item && !v->item->origin.empty();
    std::vector<std::string> names;
    for (const SubnetVerdict* v : subnets)
        names.push_back(ctx.model.subnets[v->subnet].id + (all_inherited || !v->item ? "" : origin_note(*v->item)));
    return join_names(names) + (all_inherited ? origin_note(*subnets.front()->item) : "");
}

Location subnets_location(const Function& f, const std::vector<const SubnetVerdict*>& subnets) {
    if (subnets.empty() || !subnets.front()->item || subnets.front()->item->origin.empty()) return f.subnets.loc;
    for (const Link& l : f.subnets.items)
        if (l.origin.empty()) return subnets.front()->item->loc;  // mixed
    return f.subnets.loc;
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
