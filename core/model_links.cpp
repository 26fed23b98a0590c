#include "core/model_links.h"

namespace vpclint {

uint32_t offset_of(const MergeOffsets& o, LinkTarget t) {
    switch (t) {
        case LinkTarget::None: return 0;
        case LinkTarget::Functions: return o.functions;
        case LinkTarget::Vpcs: return o.vpcs;
        case LinkTarget::Subnets: return o.subnets;
        case LinkTarget::RouteTables: return o.route_tables;
        case LinkTarget::Routes: return o.routes;
        case LinkTarget::SubnetAssociations: return o.subnet_associations;
        case LinkTarget::InternetGateways: return o.internet_gateways;
        case LinkTarget::GatewayAttachments: return o.gateway_attachments;
        case LinkTarget::NatGateways: return o.nat_gateways;
        case LinkTarget::ElasticIps: return o.elastic_ips;
        case LinkTarget::Instances: return o.instances;
        case LinkTarget::SecurityGroups: return o.security_groups;
        case LinkTarget::SecurityGroupRules: return o.security_group_rules;
        case LinkTarget::Roles: return o.roles;
        case LinkTarget::Policies: return o.policies;
        case LinkTarget::VpcEndpoints: return o.vpc_endpoints;
        case LinkTarget::DataStores: return o.data_stores;
        case LinkTarget::EventSourceMappings: return o.event_source_mappings;
    }
    return 0;
}

MergeOffsets sizes_of(const Model& m) {
    auto n = [](const auto& v) { return static_cast<uint32_t>(v.size()); };
    MergeOffsets o;
    o.functions = n(m.functions), o.vpcs = n(m.vpcs), o.subnets = n(m.subnets), o.route_tables = n(m.route_tables);
    o.routes = n(m.routes), o.subnet_associations = n(m.subnet_associations);
    o.internet_gateways = n(m.internet_gateways), o.gateway_attachments = n(m.gateway_attachments);
    o.nat_gateways = n(m.nat_gateways), o.elastic_ips = n(m.elastic_ips), o.instances = n(m.instances);
    o.security_groups = n(m.security_groups), o.security_group_rules = n(m.security_group_rules);
    o.roles = n(m.roles), o.policies = n(m.policies), o.vpc_endpoints = n(m.vpc_endpoints);
    o.data_stores = n(m.data_stores), o.event_source_mappings = n(m.event_source_mappings);
    return o;
}

namespace {

template <typename T>
std::optional<uint32_t> find_in(const std::vector<T>& v, uint32_t from, const std::string& id) {
    for (uint32_t i = from; i < v.size(); ++i)
        if (v[i].id == id) return i;
    return std::nullopt;
}

}  // namespace

std::optional<uint32_t> find_entity(const Model& m, LinkTarget t, uint32_t from, const std::string& id) {
    switch (t) {
        case LinkTarget::None: return std::nullopt;
        case LinkTarget::Functions: return find_in(m.functions, from, id);
        case LinkTarget::Vpcs: return find_in(m.vpcs, from, id);
        case LinkTarget::Subnets: return find_in(m.subnets, from, id);
        case LinkTarget::RouteTables: return find_in(m.route_tables, from, id);
        case LinkTarget::Routes: return find_in(m.routes, from, id);
        case LinkTarget::SubnetAssociations: return find_in(m.subnet_associations, from, id);
        case LinkTarget::InternetGateways: return find_in(m.internet_gateways, from, id);
        case LinkTarget::GatewayAttachments: return find_in(m.gateway_attachments, from, id);
        case LinkTarget::NatGateways: return find_in(m.nat_gateways, from, id);
        case LinkTarget::ElasticIps: return find_in(m.elastic_ips, from, id);
        case LinkTarget::Instances: return find_in(m.instances, from, id);
        case LinkTarget::SecurityGroups: return find_in(m.security_groups, from, id);
        case LinkTarget::SecurityGroupRules: return find_in(m.security_group_rules, from, id);
        case LinkTarget::Roles: return find_in(m.roles, from, id);
        case LinkTarget::Policies: return find_in(m.policies, from, id);
        case LinkTarget::VpcEndpoints: return find_in(m.vpc_endpoints, from, id);
        case LinkTarget::DataStores: return find_in(m.data_stores, from, id);
        case LinkTarget::EventSourceMappings: return find_in(m.event_source_mappings, from, id);
    }
    return std::nullopt;
}

}  // namespace vpclint
