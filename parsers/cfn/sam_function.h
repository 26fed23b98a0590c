// AWS::Serverless::Function: expanded here so rules see the same IR as for
// plain CloudFormation (issue 6 completes Globals, policy templates, events).
#pragma once
#include <utility>
#include <vector>

#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

// Creates the resources SAM generates (the implicit `<Function>Role`) so that
// links resolve; called before any binder runs.
void expand_sam_functions(BindContext& c, std::vector<std::pair<const ResourceInfo*, EntityRef>>& todo);
void bind_sam_function(BindContext& c, const ResourceInfo& r, const EValue& props, Function& f);

}  // namespace vpclint::cfn
