// AWS::Serverless::Function expanded the way aws-sam-translator expands it,
// so that rules see the same IR as for the translated template: Globals
// merged in (sam_globals), the implicit `<Function>Role` when Role is absent
// (sam_implicit_role), and polled events as event source mappings
// (sam_events).
#pragma once
#include <utility>
#include <vector>

#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

// Creates the roles SAM generates (`<Function>Role` for each function whose
// Role is absent in this scenario) so that links to them resolve; called
// after every resource has its entity slot and before any binder runs.
void expand_sam_functions(BindContext& c, const std::vector<std::pair<const ResourceInfo*, EntityRef>>& todo);

// Binds one serverless function: its merged properties, its role (given or
// generated) and its event source mappings.
void bind_sam_function(BindContext& c, const ResourceInfo& r, Function& f);

}  // namespace vpclint::cfn
