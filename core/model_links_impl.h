// The template body of for_each_link (core/model_links.h).
#pragma once

namespace vpclint {

template <typename Visitor>
void for_each_link(Model& m, const MergeOffsets& from, const MergeOffsets& to, Visitor&& v) {
    using T = LinkTarget;
    auto list = [&](LinkList& ls, T t) {
        v.list(ls, t);
        for (Link& l : ls.items) v.link(l, t);
    };
    for (uint32_t i = from.functions; i < to.functions; ++i) {
        Function& f = m.functions[i];
        list(f.subnets, T::Subnets), list(f.security_groups, T::SecurityGroups), v.link(f.role, T::Roles);
        list(f.file_systems, T::DataStores);
    }
    for (uint32_t i = from.vpcs; i < to.vpcs; ++i) v.link(m.vpcs[i].main_route_table, T::RouteTables);
    for (uint32_t i = from.subnets; i < to.subnets; ++i) v.link(m.subnets[i].vpc, T::Vpcs);
    for (uint32_t i = from.route_tables; i < to.route_tables; ++i) v.link(m.route_tables[i].vpc, T::Vpcs);
    for (uint32_t i = from.routes; i < to.routes; ++i) {
        Route& r = m.routes[i];
        v.link(r.route_table, T::RouteTables);
        v.link(r.target, r.target_kind == RouteTarget::InternetGateway ? T::InternetGateways
                         : r.target_kind == RouteTarget::NatGateway    ? T::NatGateways
                         : r.target_kind == RouteTarget::Instance      ? T::Instances
                                                                       : T::None);
    }
    for (uint32_t i = from.subnet_associations; i < to.subnet_associations; ++i) {
        v.link(m.subnet_associations[i].subnet, T::Subnets);
        v.link(m.subnet_associations[i].route_table, T::RouteTables);
    }
    for (uint32_t i = from.gateway_attachments; i < to.gateway_attachments; ++i) {
        v.link(m.gateway_attachments[i].vpc, T::Vpcs);
        v.link(m.gateway_attachments[i].internet_gateway, T::InternetGateways);
    }
    for (uint32_t i = from.nat_gateways; i < to.nat_gateways; ++i) v.link(m.nat_gateways[i].subnet, T::Subnets);
    for (uint32_t i = from.instances; i < to.instances; ++i) v.link(m.instances[i].subnet, T::Subnets);
    for (uint32_t i = from.security_group_rules; i < to.security_group_rules; ++i) {
        v.link(m.security_group_rules[i].group, T::SecurityGroups);
        v.link(m.security_group_rules[i].peer_group, T::SecurityGroups);
    }
    for (uint32_t i = from.security_groups; i < to.security_groups; ++i) v.link(m.security_groups[i].vpc, T::Vpcs);
    for (uint32_t i = from.roles; i < to.roles; ++i)
        for (ManagedPolicyRef& p : m.roles[i].managed_policies) v.link(p.policy, T::Policies);
    for (uint32_t i = from.policies; i < to.policies; ++i) list(m.policies[i].roles, T::Roles);
    for (uint32_t i = from.vpc_endpoints; i < to.vpc_endpoints; ++i) {
        VpcEndpoint& e = m.vpc_endpoints[i];
        v.link(e.vpc, T::Vpcs), list(e.route_tables, T::RouteTables), list(e.subnets, T::Subnets);
        list(e.security_groups, T::SecurityGroups);
    }
    for (uint32_t i = from.data_stores; i < to.data_stores; ++i) {
        DataStore& d = m.data_stores[i];
        list(d.security_groups, T::SecurityGroups), list(d.subnets, T::Subnets);
        v.link(d.subnet_group_ref, T::DataStores), v.link(d.parent, T::DataStores), v.link(d.target, T::DataStores);
    }
    for (uint32_t i = from.event_source_mappings; i < to.event_source_mappings; ++i)
        v.link(m.event_source_mappings[i].function, T::Functions);
}

}  // namespace vpclint
