// The bracket nesting of JSON text, found without recursion: a check to run
// before handing text from the input (a policy written as a JSON string, a
// parameters file) to a parser or tree walk that recurses.
#pragma once
#include <cstddef>
#include <string_view>

namespace vpclint {

// Byte offset of the first '[' or '{' (outside strings) that opens level
// `limit + 1`, or npos when the text nests at most `limit` levels.
size_t json_too_deep(std::string_view text, unsigned limit);

}  // namespace vpclint
