// VL002 checks that do not depend on a scenario: Refs and GetAtts to names
// the template does not define, unknown intrinsic functions, undefined
// conditions. Never on a template CloudFormation accepts.
#pragma once
#include <vector>

#include "core/model.h"
#include "parsers/cfn/template.h"

namespace vpclint::cfn {

void check_references(const Template& tpl, std::vector<Problem>& problems);

}  // namespace vpclint::cfn
