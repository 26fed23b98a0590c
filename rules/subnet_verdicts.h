// The egress verdicts of a function's subnets, as the VL1xx rules read them.
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

FunctionSubnets subnet_verdicts(const RuleContext& ctx, const Function& f);

// "A, B and C"
std::string join_names(const std::vector<std::string>& names);

// The explanation path: the function's subnet list, then the subnet's path.
std::vector<RelatedLocation> function_path(const RuleContext& ctx, const Function& f, const SubnetVerdict& v);

// The strongest internet evidence phrase, or "" when there is none.
std::string internet_evidence(const RuleContext& ctx, uint32_t function_index, bool strong_only);

}  // namespace vpclint::rules
