// SAM connectors (AWS::Serverless::Connector and the Connectors resource
// attribute): a declared connection from a function to a resource is strong
// evidence of the AWS service the function calls.
#pragma once
#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

// Adds a DeclaredNeed for the service of each connector destination to the
// function that is the connector's source.
void bind_sam_connectors(BindContext& c);

// The AWS API service (endpoint name: "dynamodb", "states") a connector
// destination of this resource type is reached through; empty when unknown.
std::string_view connector_service(std::string_view type);

}  // namespace vpclint::cfn
