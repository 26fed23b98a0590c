// Policy statements written as data in the source: the AWS-managed policy
// table (core/managed_policies.cpp) and the SAM policy templates
// (parsers/cfn/sam_policy_templates.cpp) share this shape.
#pragma once
#include <string_view>
#include <vector>

#include "core/location.h"
#include "core/model.h"

namespace vpclint {

struct PolicyStatementData {
    bool allow = true;
    bool not_action = false;                  // the list is NotAction
    std::vector<std::string_view> actions;    // as published, wildcards kept
    std::vector<std::string_view> resources;  // placeholders such as ${bucketName} kept as text
    bool has_condition = false;
};

// The statements as the IR holds them. Every action is known text; a resource
// is known text unless it holds a ${…} placeholder, which only the template
// that uses the data can fill (unknown, with the text as partial rendering).
PolicyDocument to_policy_document(const std::vector<PolicyStatementData>& statements,
                                  const Location& loc);

}  // namespace vpclint
