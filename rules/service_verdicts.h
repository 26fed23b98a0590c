// The AWS services a VPC function needs and cannot reach, as the VL4xx rules
// read them: one finding per (function, service), classified by what is
// missing, so that exactly one of VL401/VL402/VL403/VL404 reports it.
#pragma once
#include <string>
#include <vector>

#include "core/rule.h"

namespace vpclint::rules {

enum class ServiceGap : uint8_t {
    NoPath,              // VL401: no NAT, no endpoint of the service
    GatewayNotOnTable,   // VL402: a gateway endpoint exists, not on the subnet's route table
    InterfaceBlocked,    // VL403: an interface endpoint would serve it, its groups admit no 443
    InterfaceWithoutDns, // VL404: the only endpoint is an interface endpoint with private DNS off
};

struct ServiceFinding {
    uint32_t function = 0;
    FunctionServiceReach reach;
    ServiceGap gap = ServiceGap::NoPath;
    std::vector<size_t> failing;  // positions in reach.subnets that cannot reach it
};

std::vector<ServiceFinding> service_findings(const RuleContext& ctx);

// "subnet PrivateSubnetA" / "subnets PrivateSubnetA and PrivateSubnetB".
std::string failing_subnets(const Model& m, const ServiceFinding& f);

// The function's subnet placement, the subnet's egress path, the evidence.
void add_service_path(const RuleContext& ctx, const ServiceFinding& f, Diagnostic& d);

// "dynamodb (TABLE_NAME at line 40 references OrdersTable (AWS::DynamoDB::Table))"
std::string need_phrase(const ServiceFinding& f);

// The endpoint service name a fix asks for: "com.amazonaws.<region>.dynamodb".
std::string endpoint_name_for(const AwsService& s);

}  // namespace vpclint::rules
