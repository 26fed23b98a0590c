// Facts about AWS identifiers and defaults that every frontend needs.
#pragma once
#include <string>
#include <string_view>

#include "core/model.h"

namespace vpclint {

// The kind of route target an id names, by its prefix (igw-, nat-, tgw-, …):
// route APIs accept several kinds in one argument (GatewayId / gateway_id).
RouteTarget route_target_of_id(std::string_view id);

// The default port of a database or cache engine ("" when unknown): RDS
// CreateDBInstance and ElastiCache defaults.
std::string default_engine_port(std::string engine);

// A VPC endpoint's service, normalized from its ServiceName / service_name:
// the part after "com.amazonaws.<region>." ("dynamodb", "ecr.api"), known
// even when the region is not (`!Sub com.amazonaws.${AWS::Region}.dynamodb`).
// A known name of another form (a PrivateLink service, aws.sagemaker.…) is
// kept whole: it serves none of the AWS APIs. Unknown when the service part
// itself is not known.
Text endpoint_service(const Text& service_name);

}  // namespace vpclint
