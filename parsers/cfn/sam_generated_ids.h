// Logical ids of the resources SAM generates that a template may reference
// before translation, e.g. `Role: !GetAtt OtherFunctionRole.Arn` or an
// AWS::IAM::Policy with `Roles: [!Ref FunctionRole]` (a common way to add
// permissions to the generated role).
#pragma once
#include <string>

#include "parsers/cfn/template.h"

namespace vpclint::cfn {

// "<Function>Role": the execution role of an AWS::Serverless::Function
// without Role (role_constructor.construct_role_for_resource).
std::string sam_generated_role_id(const std::string& function_id);

// Fills tpl.sam_generated, so that references to those ids evaluate to
// references to resources, which exist when their generator does.
void index_sam_generated_resources(Template& tpl);

}  // namespace vpclint::cfn
