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
};

struct FunctionSubnets {
    std::vector<SubnetVerdict> known;  // resolved subnets, in list order, without duplicates
    bool all_known = true;             // every subnet resolved and the list complete
};

FunctionSubnets subnet_verdicts(const RuleContext& ctx, uint32_t function_index);

// "A, B and C"
std::string join_names(const std::vector<std::string>& names);

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
