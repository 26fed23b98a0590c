// The egress verdicts of a function's subnets and the evidence of its needs,
// as the VL1xx rules read them.
#pragma once
#include <string>
#include <vector>

#include "core/rule.h"

namespace vpclint::rules {

struct SubnetVerdict {
    uint32_t subnet;
    const SubnetEgress* egress;
    const Link* item = nullptr;  // the first item of the function's list naming it
};

struct FunctionSubnets {
    std::vector<SubnetVerdict> known;  // resolved subnets, in list order, without duplicates
    bool all_known = true;             // every subnet resolved and the list complete
};

FunctionSubnets subnet_verdicts(const RuleContext& ctx, uint32_t function_index);

// "A, B and C"
std::string join_names(const std::vector<std::string>& names);

// The subnets' ids joined, saying which were inherited (SAM Globals): once
// after the list when every one was ("A and B (inherited from Globals)"),
// else after each inherited one.
std::string subnet_names(const RuleContext& ctx, const std::vector<const SubnetVerdict*>& subnets);

// Where a finding about these subnets points: the function's list, or the
// first one's own item when that was inherited and the list mixes inherited
// and own items (the inherited item is written in Globals, not in the list).
Location subnets_location(const Function& f, const std::vector<const SubnetVerdict*>& subnets);

// The explanation path: the function's subnet list, then the subnet's path.
std::vector<RelatedLocation> function_path(const RuleContext& ctx, const Function& f, const SubnetVerdict& v);

// The first strong piece of internet evidence, or nullptr.
const Evidence* strong_internet_evidence(const RuleContext& ctx, uint32_t function_index);

// A service the function needs with strong evidence that subnet `subnet`
// cannot reach: nothing but the internet would serve it there (no endpoint
// of the service in its VPC serves it). nullptr when there is none or the
// model cannot tell.
const ServiceNeed* service_without_endpoint(const RuleContext& ctx, uint32_t function_index, uint32_t subnet);

}  // namespace vpclint::rules
