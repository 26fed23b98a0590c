// The value of a quoted YAML scalar that spans several lines, decoded from the
// source. yaml-cpp 0.7 folds empty lines before the closing quote wrongly
// (`'x\n\n\n  '` gives "x\n", not "x\n\n"; `'\n\n  '` gives ""), which
// changes UserData scripts built with Fn::Join; PyYAML and cfn-lint follow
// the spec, and so does this.
#pragma once
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace vpclint {

// `content` is the opening quote, `end` just after the closing one. Returns
// nothing when the text is not a well-formed quoted scalar (the caller keeps
// yaml-cpp's value).
std::optional<std::string> decode_yaml_quoted(std::string_view text, size_t content, size_t end);

}  // namespace vpclint
