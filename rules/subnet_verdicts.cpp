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

EndpointServices endpoint_services(const Model& m) {
    EndpointServices eps;
    eps.by_vpc.resize(m.vpcs.size());
    eps.any_in_vpc.assign(m.vpcs.size(), false);
    for (const VpcEndpoint& ep : m.vpc_endpoints) {
        bool vpc_known = ep.vpc.resolved() && ep.vpc.index < m.vpcs.size();
        if (!ep.service.known) {
            if (vpc_known) eps.any_in_vpc[ep.vpc.index] = true;
            else eps.any_anywhere = true;
        } else if (vpc_known) {
            eps.by_vpc[ep.vpc.index].push_back(ep.service.value);
        } else {
            eps.unknown_vpc.push_back(ep.service.value);
        }
    }
    return eps;
}

namespace {

bool contains(const std::vector<std::string>& v, const std::string& s) {
    for (const std::string& x : v)
        if (x == s) return true;
    return false;
}

}  // namespace

const ServiceNeed* service_without_endpoint(const RuleContext& ctx, const EndpointServices& eps,
                                            uint32_t function_index, const Link& vpc) {
    if (eps.any_anywhere) return nullptr;
    for (const ServiceNeed& need : needs_of_function(ctx.analyses.needs, function_index).services) {
        if (!need.strong || !is_aws_api_service(need.service)) continue;
        if (contains(eps.unknown_vpc, need.service)) continue;
        // The subnet's VPC is unknown: whether an endpoint serves it is too.
        if (!vpc.resolved() || vpc.index >= eps.by_vpc.size()) return nullptr;
        if (eps.any_in_vpc[vpc.index] || contains(eps.by_vpc[vpc.index], need.service)) continue;
        return &need;
    }
    return nullptr;
}

}  // namespace vpclint::rules
