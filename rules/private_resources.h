// What the VL30x rules share: the two ends of a function's connection to a
// private resource as security-group peers, and how to name them.
#pragma once
#include <string>
#include <vector>

#include "core/rule.h"

namespace vpclint::rules {

// "RDS DB instance OrdersDatabase"
std::string resource_label(const DataStore& d);

// A function as one end: its groups, its subnets' addresses, dual stack.
SgPeer function_peer(const RuleContext& ctx, uint32_t function);

// A private resource as one end: its groups (EFS: its mount targets'), its
// subnets' addresses when all are known.
SgPeer resource_peer(const RuleContext& ctx, uint32_t store);

// The traffic of a use: tcp on the use's port (unknown port: any).
SgTraffic use_traffic(const Text& port);

// The VPC a function's subnets are all in, or -1.
int function_vpc(const RuleContext& ctx, uint32_t function);

// The VPC a resource sits in: from its subnets, else from its security
// groups (a resource's groups belong to its VPC), or -1.
int resource_vpc(const RuleContext& ctx, uint32_t store);

// Whether a function is certainly outside any VPC: no VpcConfig, or one
// whose lists are both known to be empty.
bool certainly_outside_vpc(const Function& f);

// The first resolved group of a list, or -1 (the one a fix names).
int first_group(const LinkList& groups);

}  // namespace vpclint::rules
