// The execution role SAM generates for an AWS::Serverless::Function without
// Role: `<Function>Role`, trusted by lambda.amazonaws.com, with
// AWSLambdaBasicExecutionRole, AWSLambdaVPCAccessExecutionRole when VpcConfig
// is set, the function's Policies and what its events need.
// Source: samtranslator model/sam_resources.py (SamFunction._construct_role).
#pragma once
#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

// Fills `role` (already created with its id and position) from the
// function's merged, evaluated properties.
void fill_sam_implicit_role(const BindContext& c, const ResourceInfo& function, const EValue& props, Role& role);

}  // namespace vpclint::cfn
