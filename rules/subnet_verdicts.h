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

// Which AWS services the VPC endpoints of the model may serve, per VPC
// (built once per rule run: no scan of all endpoints per function).
struct EndpointServices {
    std::vector<std::vector<std::string>> by_vpc;  // [vpc] -> services of its endpoints
    std::vector<bool> any_in_vpc;                  // [vpc] an endpoint whose service is unknown
    std::vector<std::string> unknown_vpc;          // services of endpoints whose VPC is unknown
    bool any_anywhere = false;                     // an endpoint with unknown VPC and service
};

EndpointServices endpoint_services(const Model& m);

// A declared AWS API service that no VPC endpoint can serve in `vpc` (an
// endpoint whose VPC or service is unknown may serve it), or nullptr.
const ServiceNeed* service_without_endpoint(const RuleContext& ctx, const EndpointServices& eps,
                                            uint32_t function_index, const Link& vpc);

}  // namespace vpclint::rules
