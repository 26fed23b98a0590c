// Copies one model's entities into another, so that stacks analysed as one
// system (an application stack importing a network stack's subnets) share a
// model: every resolved link of the copied entities is shifted to the
// entities' new indices.
#pragma once
#include <cstdint>

#include "core/model.h"

namespace vpclint {

// Where the copied entities start in each of `into`'s vectors.
struct MergeOffsets {
    uint32_t functions = 0, vpcs = 0, subnets = 0, route_tables = 0, routes = 0, subnet_associations = 0,
             internet_gateways = 0, gateway_attachments = 0, nat_gateways = 0, elastic_ips = 0, instances = 0,
             security_groups = 0, security_group_rules = 0, roles = 0, policies = 0, vpc_endpoints = 0,
             data_stores = 0, event_source_mappings = 0;
};

// Appends `from`'s entities (not its problems, suppressions or exports: those
// are reported with `from`'s own file) and re-derives the child indices.
MergeOffsets append_model(Model& into, const Model& from);

}  // namespace vpclint
