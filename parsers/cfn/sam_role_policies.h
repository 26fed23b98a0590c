// The policies of the execution role SAM generates for a function: the
// managed policies SAM attaches itself, the inline statements it writes, and
// the function's Policies property (managed policy names and ARNs, policy
// statements, policy templates).
// Sources: samtranslator model/resource_policies.py (how a Policies entry is
// classified), model/role_utils/role_constructor.py (how it becomes part of
// the role), translator/arn_generator.py (managed policy ARNs).
#pragma once
#include <initializer_list>
#include <string_view>

#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

// The ARN SAM writes for an AWS managed policy it attaches itself:
// "arn:<partition>:iam::aws:policy/<path_and_name>" (the partition is known
// only at deploy time, so the text is a partial rendering).
Text sam_managed_policy_arn(std::string_view path_and_name, const Location& at);

// Appends `arn` unless the role already has it: SAM de-duplicates
// ManagedPolicyArns (a Policies entry naming AWSLambdaBasicExecutionRole).
void add_managed_policy(Role& role, Text arn, Link policy, const Location& at);

// A one-statement Allow policy of `actions` on `resource`, as SAM writes the
// policies it generates (IAMRolePolicies in samtranslator/model/iam.py).
PolicyDocument sam_inline_policy(std::initializer_list<std::string_view> actions, Text resource, const Location& at);
// The same, for a statement only the Lambda service uses (dead-letter queue,
// destinations, event source polling): PolicyDocument::lambda_service_use.
PolicyDocument sam_service_policy(std::initializer_list<std::string_view> actions, Text resource, const Location& at);

// A Resource that is not known: a resource SAM creates, an ARN it builds.
Text unknown_resource(std::string reason, const Location& at);

// An inline policy whose content SAM computes in a way vpclint does not model:
// the role's permissions become partly unknown rather than wrong.
PolicyDocument unknown_policy(std::string reason, const Location& at);

// The function's Policies property (already merged and evaluated).
void add_sam_policies(const BindContext& c, const EValue& policies, const Node* fallback, Role& role);

}  // namespace vpclint::cfn
