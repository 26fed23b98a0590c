#include "core/model_merge.h"

namespace vpclint {

namespace {

void shift(Link& l, uint32_t by) {
    if (l.state == LinkState::Resolved) l.index += by;
    for (uint32_t& c : l.candidates) c += by;
}

void shift(LinkList& ls, uint32_t by) {
    for (Link& l : ls.items) shift(l, by);
}

template <typename T>
uint32_t append(std::vector<T>& into, const std::vector<T>& from) {
    uint32_t at = static_cast<uint32_t>(into.size());
    into.insert(into.end(), from.begin(), from.end());
    return at;
}

}  // namespace

MergeOffsets append_model(Model& m, const Model& from) {
    MergeOffsets o;
    o.functions = append(m.functions, from.functions);
    o.vpcs = append(m.vpcs, from.vpcs);
    o.subnets = append(m.subnets, from.subnets);
    o.route_tables = append(m.route_tables, from.route_tables);
    o.routes = append(m.routes, from.routes);
    o.subnet_associations = append(m.subnet_associations, from.subnet_associations);
    o.internet_gateways = append(m.internet_gateways, from.internet_gateways);
    o.gateway_attachments = append(m.gateway_attachments, from.gateway_attachments);
    o.nat_gateways = append(m.nat_gateways, from.nat_gateways);
    o.elastic_ips = append(m.elastic_ips, from.elastic_ips);
    o.instances = append(m.instances, from.instances);
    o.security_groups = append(m.security_groups, from.security_groups);
    o.security_group_rules = append(m.security_group_rules, from.security_group_rules);
    o.roles = append(m.roles, from.roles);
    o.policies = append(m.policies, from.policies);
    o.vpc_endpoints = append(m.vpc_endpoints, from.vpc_endpoints);
    o.data_stores = append(m.data_stores, from.data_stores);
    o.event_source_mappings = append(m.event_source_mappings, from.event_source_mappings);

    // Every link field of every entity kind (core/model.h), into the vector
    // it points into.
    for (size_t i = o.functions; i < m.functions.size(); ++i) {
        Function& f = m.functions[i];
        shift(f.subnets, o.subnets), shift(f.security_groups, o.security_groups), shift(f.role, o.roles);
        shift(f.file_systems, o.data_stores);
    }
    for (size_t i = o.vpcs; i < m.vpcs.size(); ++i) shift(m.vpcs[i].main_route_table, o.route_tables);
    for (size_t i = o.subnets; i < m.subnets.size(); ++i) shift(m.subnets[i].vpc, o.vpcs);
    for (size_t i = o.route_tables; i < m.route_tables.size(); ++i) shift(m.route_tables[i].vpc, o.vpcs);
    for (size_t i = o.routes; i < m.routes.size(); ++i) {
        Route& r = m.routes[i];
        shift(r.route_table, o.route_tables);
        switch (r.target_kind) {
            case RouteTarget::InternetGateway: shift(r.target, o.internet_gateways); break;
            case RouteTarget::NatGateway: shift(r.target, o.nat_gateways); break;
            case RouteTarget::Instance: shift(r.target, o.instances); break;
            default: break;  // External or Unknown only
        }
    }
    for (size_t i = o.subnet_associations; i < m.subnet_associations.size(); ++i) {
        shift(m.subnet_associations[i].subnet, o.subnets);
        shift(m.subnet_associations[i].route_table, o.route_tables);
    }
    for (size_t i = o.gateway_attachments; i < m.gateway_attachments.size(); ++i) {
        shift(m.gateway_attachments[i].vpc, o.vpcs);
        shift(m.gateway_attachments[i].internet_gateway, o.internet_gateways);
    }
    for (size_t i = o.nat_gateways; i < m.nat_gateways.size(); ++i) shift(m.nat_gateways[i].subnet, o.subnets);
    for (size_t i = o.instances; i < m.instances.size(); ++i) shift(m.instances[i].subnet, o.subnets);
    for (size_t i = o.security_group_rules; i < m.security_group_rules.size(); ++i) {
        shift(m.security_group_rules[i].group, o.security_groups);
        shift(m.security_group_rules[i].peer_group, o.security_groups);
    }
    for (size_t i = o.security_groups; i < m.security_groups.size(); ++i) shift(m.security_groups[i].vpc, o.vpcs);
    for (size_t i = o.roles; i < m.roles.size(); ++i)
        for (ManagedPolicyRef& p : m.roles[i].managed_policies) shift(p.policy, o.policies);
    for (size_t i = o.policies; i < m.policies.size(); ++i) shift(m.policies[i].roles, o.roles);
    for (size_t i = o.vpc_endpoints; i < m.vpc_endpoints.size(); ++i) {
        VpcEndpoint& e = m.vpc_endpoints[i];
        shift(e.vpc, o.vpcs), shift(e.route_tables, o.route_tables), shift(e.subnets, o.subnets);
        shift(e.security_groups, o.security_groups);
    }
    for (size_t i = o.data_stores; i < m.data_stores.size(); ++i) {
        DataStore& d = m.data_stores[i];
        shift(d.security_groups, o.security_groups), shift(d.subnets, o.subnets);
        shift(d.subnet_group_ref, o.data_stores), shift(d.parent, o.data_stores), shift(d.target, o.data_stores);
    }
    for (size_t i = o.event_source_mappings; i < m.event_source_mappings.size(); ++i)
        shift(m.event_source_mappings[i].function, o.functions);
    index_children(m);
    return o;
}

}  // namespace vpclint
