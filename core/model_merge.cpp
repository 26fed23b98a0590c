#include "core/model_merge.h"

namespace vpclint {

namespace {

void shift(Link& l, uint32_t by) {
    if (l.state == LinkState::Resolved) l.index += by;
    for (uint32_t& c : l.candidates) c += by;
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

    // Every link of the copied entities, into the vector it points into.
    struct Shift {
        const MergeOffsets& by;
        void list(LinkList&, LinkTarget) {}
        void link(Link& l, LinkTarget t) { shift(l, offset_of(by, t)); }
    };
    for_each_link(m, o, sizes_of(m), Shift{o});
    index_children(m);
    return o;
}

}  // namespace vpclint
