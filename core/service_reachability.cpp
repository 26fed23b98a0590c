#include "core/service_reachability.h"

#include <algorithm>

namespace vpclint {

namespace {

// The endpoint's VPC: written, else the VPC of its first resolved route
// table (a gateway endpoint's tables all belong to its VPC).
int endpoint_vpc(const Model& m, const VpcEndpoint& ep) {
    if (ep.vpc.resolved() && ep.vpc.index < m.vpcs.size()) return static_cast<int>(ep.vpc.index);
    if (ep.vpc.state == LinkState::Unknown || ep.vpc.state == LinkState::External) {
        for (const Link& l : ep.route_tables.items)
            if (l.resolved() && l.index < m.route_tables.size() && m.route_tables[l.index].vpc.resolved())
                return static_cast<int>(m.route_tables[l.index].vpc.index);
    }
    return -1;
}

// Whether the endpoint's service is `service`: Yes, No, or Unknown when its
// service name is not known.
Tri serves_service(const VpcEndpoint& ep, const AwsService& service) {
    if (!ep.service.known) return Tri::Unknown;
    const AwsService* s = service_of_endpoint_service(ep.service.value);
    return s == &service ? Tri::Yes : Tri::No;
}

// Whether gateway endpoint `ep` is associated with route table `rt` (-1: the
// VPC's implicit main route table, which nothing in a template can name).
Tri on_route_table(const VpcEndpoint& ep, int rt) {
    bool unknown = !ep.route_tables.complete;
    for (const Link& l : ep.route_tables.items) {
        if (l.resolved()) {
            if (rt >= 0 && l.index == static_cast<uint32_t>(rt)) return Tri::Yes;
        } else if (l.state == LinkState::Unknown) {
            if (l.candidates.empty() ||
                (rt >= 0 && std::find(l.candidates.begin(), l.candidates.end(), static_cast<uint32_t>(rt)) !=
                                l.candidates.end()))
                unknown = true;
        }
        // External: an existing route table's literal id, not one this
        // template or plan creates.
    }
    return unknown ? Tri::Unknown : Tri::No;
}

std::string table_name(const Model& m, int rt) {
    return rt >= 0 ? m.route_tables[static_cast<size_t>(rt)].id : std::string("the VPC's main route table");
}

}  // namespace

EndpointIndex index_endpoints(const Model& m) {
    EndpointIndex idx;
    idx.by_vpc.resize(m.vpcs.size());
    for (uint32_t i = 0; i < m.vpc_endpoints.size(); ++i) {
        int vpc = endpoint_vpc(m, m.vpc_endpoints[i]);
        if (vpc >= 0) idx.by_vpc[static_cast<size_t>(vpc)].push_back(i);
        else idx.unknown_vpc.push_back(i);
    }
    return idx;
}

const Link& vpc_of_subnet(const Model& m, const SubnetEgress& e, uint32_t subnet) {
    if (e.route_table >= 0 && m.route_tables[static_cast<size_t>(e.route_table)].vpc.resolved())
        return m.route_tables[static_cast<size_t>(e.route_table)].vpc;
    return m.subnets[subnet].vpc;
}

SubnetServiceReach subnet_reaches_service(const Model& m, const EgressAnalysis& egress, const EndpointIndex& eps,
                                          uint32_t subnet, const AwsService& service, const ServiceNeed* need,
                                          const ServiceClient* client) {
    SubnetServiceReach out;
    const SubnetEgress& e = egress_of_subnet(egress, subnet);
    if (e.verdict == Egress::Internet) {
        out.reachable = Tri::Yes;
        out.reason = "through the internet (" + e.reason + ")";
        return out;
    }
    if (e.verdict == Egress::Unknown) {
        out.reason = "its egress is unknown (" + e.reason + ")";
        return out;
    }
    const Link& vpc = vpc_of_subnet(m, e, subnet);
    if (!vpc.resolved() || vpc.index >= eps.by_vpc.size()) {
        out.reason = "its VPC is not in the model";
        return out;
    }
    bool own_names = need && need->endpoint_dns;
    Tri verdict = Tri::No;
    auto unknown = [&](uint32_t i, std::string why) {
        if (verdict == Tri::No) {
            verdict = Tri::Unknown;
            out.endpoint = static_cast<int>(i);
            out.reason = std::move(why);
        }
    };
    auto judge = [&](uint32_t i, bool same_vpc) {
        const VpcEndpoint& ep = m.vpc_endpoints[i];
        Tri serves = serves_service(ep, service);
        if (serves == Tri::No) return;
        if (serves == Tri::Unknown) {
            unknown(i, "endpoint " + ep.id + "'s service is not known (" + ep.service_name.reason + ")");
            return;
        }
        if (ep.endpoint_type == EndpointType::Gateway) {
            Tri on = on_route_table(ep, e.route_table);
            if (on == Tri::Yes) {
                verdict = Tri::Yes;
                out.endpoint = static_cast<int>(i);
                out.reason = "gateway endpoint " + ep.id + " is on its route table " + table_name(m, e.route_table);
            } else if (on == Tri::Unknown) {
                unknown(i, "gateway endpoint " + ep.id + "'s route tables are not all known" +
                               (ep.route_tables.reason.empty() ? "" : " (" + ep.route_tables.reason + ")"));
            } else if (same_vpc) {
                out.gateway_elsewhere.push_back(i);
            }
        } else if (ep.endpoint_type == EndpointType::Interface) {
            if (!same_vpc) {
                unknown(i, "interface endpoint " + ep.id + "'s VPC is not known");
            } else if (ep.private_dns.value == Tri::Yes || own_names) {
                // HTTPS to the endpoint's interfaces must pass its groups
                // (VPC user guide: interface endpoint security groups).
                SgAnswer admits;
                admits.verdict = Tri::Yes;
                if (client && client->groups)
                    admits = sg_allows(*client->groups, m, ep.security_groups, RuleDirection::Ingress, client->peer,
                                       SgTraffic{6, 443});
                std::string what = "interface endpoint " + ep.id + (own_names ? " (by its own DNS name)" : " with private DNS");
                if (admits.verdict == Tri::Yes) {
                    verdict = Tri::Yes;
                    out.endpoint = static_cast<int>(i);
                    out.reason = what;
                } else if (admits.verdict == Tri::Unknown) {
                    unknown(i, "whether " + what + " admits HTTPS from the function is not known (" + admits.reason + ")");
                } else {
                    out.interface_blocked.push_back(i);
                    out.blocked_answers.push_back(std::move(admits));
                }
            } else if (ep.private_dns.value == Tri::Unknown) {
                unknown(i, "whether interface endpoint " + ep.id + " has private DNS is not known");
            } else {
                out.interface_without_dns.push_back(i);
            }
        } else if (ep.endpoint_type == EndpointType::Unknown) {
            unknown(i, "endpoint " + ep.id + "'s type is not known");
        }
    };
    for (uint32_t i : eps.by_vpc[vpc.index]) {
        judge(i, true);
        if (verdict == Tri::Yes) break;
    }
    if (verdict != Tri::Yes)
        for (uint32_t i : eps.unknown_vpc) {
            judge(i, false);
            if (verdict == Tri::Yes) break;
        }
    out.reachable = verdict;
    if (verdict == Tri::No && !out.interface_blocked.empty()) {
        out.reason = "interface endpoint " + m.vpc_endpoints[out.interface_blocked.front()].id +
                     " would serve it, but " + out.blocked_answers.front().reason;
    } else if (verdict == Tri::No) {
        out.reason = std::string(e.verdict == Egress::Public ? "a public subnet gives a function no internet"
                                                             : "its subnet has no internet egress") +
                     " (" + e.reason + ") and no VPC endpoint for " + std::string(service.key) + " serves it";
    }
    return out;
}

std::vector<FunctionServiceReach> function_service_reach(const Model& m, const EgressAnalysis& egress,
                                                         const NeedsAnalysis& needs, const EndpointIndex& eps,
                                                         uint32_t function, const SecurityGroupAnalysis* groups) {
    std::vector<FunctionServiceReach> out;
    const FunctionEgress& fe = egress_of_function(egress, function);
    ServiceClient client;
    client.groups = groups;
    if (groups) client.peer = peer_of(m, m.functions[function].security_groups, fe.subnets, fe.all_subnets_known);
    for (const ServiceNeed& need : needs_of_function(needs, function).services) {
        const AwsService* service = find_service(need.service);
        if (!service || service->key != need.service) continue;
        FunctionServiceReach r;
        r.need = &need;
        r.service = service;
        r.subnets = fe.subnets;
        if (!fe.vpc_function) r.why_not_judged = "not a VPC function";
        else if (!fe.all_subnets_known || fe.subnets.empty()) r.why_not_judged = "not all its subnets are known";
        else if (need.custom_endpoint) r.why_not_judged = "it sets its own SDK endpoint for " + need.service;
        for (uint32_t s : fe.subnets) {
            Egress v = egress_of_subnet(egress, s).verdict;
            if (r.why_not_judged.empty() && (v == Egress::Internet || v == Egress::Unknown))
                r.why_not_judged = "subnet " + m.subnets[s].id + "'s egress is " + std::string(egress_name(v));
            r.per_subnet.push_back(subnet_reaches_service(m, egress, eps, s, *service, &need, &client));
        }
        r.judged = r.why_not_judged.empty();
        bool any_no = false, any_unknown = false;
        for (const SubnetServiceReach& s : r.per_subnet) {
            any_no = any_no || s.reachable == Tri::No;
            any_unknown = any_unknown || s.reachable == Tri::Unknown;
        }
        r.reachable = any_no ? Tri::No : any_unknown || r.per_subnet.empty() ? Tri::Unknown : Tri::Yes;
        out.push_back(std::move(r));
    }
    return out;
}

}  // namespace vpclint
