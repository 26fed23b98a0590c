// Every link field of every entity kind (core/model.h), with the vector it
// points into: one enumeration that copying models (core/model_merge) and
// resolving imports and nested-stack outputs (cli/link_stacks,
// cli/link_nested_stacks) share, so that a new link field is added in one place.
#pragma once
#include <cstdint>
#include <optional>
#include <string>

#include "core/model.h"

namespace vpclint {

// The vector of Model a link points into; None for a link that can only be
// External or Unknown (a route to a transit gateway).
enum class LinkTarget : uint8_t {
    None, Functions, Vpcs, Subnets, RouteTables, Routes, SubnetAssociations, InternetGateways,
    GatewayAttachments, NatGateways, ElasticIps, Instances, SecurityGroups, SecurityGroupRules, Roles,
    Policies, VpcEndpoints, DataStores, EventSourceMappings,
};

// Where each of a model's vectors starts (the entities from there on are
// visited; all zero: every entity).
struct MergeOffsets {
    uint32_t functions = 0, vpcs = 0, subnets = 0, route_tables = 0, routes = 0, subnet_associations = 0,
             internet_gateways = 0, gateway_attachments = 0, nat_gateways = 0, elastic_ips = 0, instances = 0,
             security_groups = 0, security_group_rules = 0, roles = 0, policies = 0, vpc_endpoints = 0,
             data_stores = 0, event_source_mappings = 0;
};

// The entry of `o` for target `t` (0 for None).
uint32_t offset_of(const MergeOffsets& o, LinkTarget t);

// The sizes of m's vectors: visiting `[from, to)` covers the entities a step
// has not copied in yet.
MergeOffsets sizes_of(const Model& m);

// The index of the entity with `id` in m's vector for `t`, searching the
// entities at and after `from` (a copied model's part).
std::optional<uint32_t> find_entity(const Model& m, LinkTarget t, uint32_t from, const std::string& id);

// Calls `v.list(LinkList&, LinkTarget)` for every link list and
// `v.link(Link&, LinkTarget)` for every link (list items included) of the
// entities in [from, to) of each vector.
template <typename Visitor>
void for_each_link(Model& m, const MergeOffsets& from, const MergeOffsets& to, Visitor&& v);

}  // namespace vpclint

#include "core/model_links_impl.h"
