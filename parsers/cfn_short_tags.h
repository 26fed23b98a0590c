// CloudFormation's short-form intrinsic tags (`!Ref X`, `!Sub ...`) and the
// long-form key each one stands for, so that the loader can give both forms
// the same tree.
// https://docs.aws.amazon.com/AWSCloudFormation/latest/UserGuide/intrinsic-function-reference.html
#pragma once
#include <string>
#include <string_view>

namespace vpclint {

// A local tag `!Name` (not `!!str`, not a `tag:` URI, not the bare `!` that
// yaml-cpp gives quoted scalars).
bool is_cfn_short_tag(std::string_view tag);

// `!Ref` -> "Ref", `!Condition` -> "Condition", any other `!Name` ->
// "Fn::Name". Unknown names are kept too (`!Foo` -> "Fn::Foo"), so that an
// unsupported intrinsic reaches the frontend as such instead of vanishing.
std::string cfn_long_form_key(std::string_view tag);

}  // namespace vpclint
