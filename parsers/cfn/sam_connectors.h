// SAM connectors (AWS::Serverless::Connector and the Connectors resource
// attribute): a declared connection from a function to a resource is strong
// evidence of the AWS service the function calls.
#pragma once
#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

// For each connector whose source is a function: a DeclaredNeed for the
// service of each destination, and the managed policy SAM attaches to the
// function's role with the statements of the connector's profile.
void bind_sam_connectors(BindContext& c);

}  // namespace vpclint::cfn
