// Which private resources each function connects to over the network, and
// where each resource sits (subnets, VPC, security groups, port). Only strong
// evidence counts (issue 12, "Which resources a function uses"): an
// environment value built from an attribute that addresses the resource
// (its endpoint, not its ARN or name), a Secrets Manager secret in the
// environment that a SecretTargetAttachment ties to a database, an EFS access
// point in FileSystemConfigs, a declared need naming the resource. Not uses:
// the Aurora Data API (HTTPS to a public AWS endpoint), event source mappings
// (the Lambda service polls), a reference in an IAM policy only.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "core/model.h"

namespace vpclint {

struct ResourceUse {
    uint32_t resource = 0;  // -> Model::data_stores: what the function connects to
    std::string evidence;   // "environment variable DB_HOST is Database.Endpoint.Address"
    Location loc;           // where the evidence is written
    // The port this use connects on when the evidence says (an MSK bootstrap
    // attribute); otherwise the resource's port.
    Text port;
};

// Where a private resource sits.
struct Placement {
    std::vector<uint32_t> subnets;  // resolved, without duplicates
    bool subnets_complete = false;  // every subnet known (own list, subnet group, mount targets)
    LinkList groups;                // its security groups (EFS: those of its mount targets)
    int vpc = -1;                   // -> Model::vpcs, when certain
    std::string vpc_reason;         // why not certain
    // Whether it is reachable only from inside its VPC (VL301's list):
    // Yes for private kinds and non-public databases, Unknown when a
    // database's public accessibility is not known.
    Tri private_only = Tri::No;
    std::string private_reason;     // "not publicly accessible", "an internal load balancer"
};

// An RDS proxy some function uses, and a database behind it: the second hop.
struct ProxyHop {
    uint32_t proxy = 0;         // -> data_stores
    uint32_t database = 0;      // -> data_stores
    uint32_t target_group = 0;  // -> data_stores (ProxyTargetGroup)
};

struct ResourceUses {
    std::vector<std::vector<ResourceUse>> functions;  // by function index
    std::vector<Placement> placement;                 // by data store index (parts: empty)
    std::vector<ProxyHop> proxy_hops;
};

ResourceUses compute_resource_uses(const Model& model);

// The resource's port as a number, when known.
std::optional<uint32_t> port_number_of(const Text& port);

}  // namespace vpclint
