// Matching the names a request carries (actions, service principals) against
// what a policy statement writes.
//
// IAM action names are case-insensitive and a policy may use the wildcards `*`
// (any run of characters, including none) and `?` (exactly one character) in
// them, e.g. "ec2:*NetworkInterface*".
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_action.html
#pragma once
#include <string_view>

#include "core/model.h"

namespace vpclint {

// Case-insensitive glob match of IAM's `*` and `?`.
bool iam_glob_matches(std::string_view pattern, std::string_view text);

// One Action/NotAction entry against an action name: Yes or No when the entry
// is known; for an unknown entry, No when its known parts already rule the
// action out ("s3:${Suffix}" never names an ec2 action), Unknown otherwise.
Tri action_entry_matches(const Text& entry, std::string_view action);

// Whether a statement's action list names the action (Action: an entry
// matches; NotAction: no entry matches). Unknown entries or an incomplete list
// give Unknown where they could change the answer.
Tri statement_names_action(const PolicyStatement& s, std::string_view action);

// One Principal.Service entry against a service principal ("lambda.amazonaws.com").
// IAM compares principals exactly (no wildcards except a whole "*"), without
// regard to case for service names.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html
Tri service_principal_matches(const Text& entry, std::string_view service);

}  // namespace vpclint
