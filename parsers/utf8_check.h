// UTF-8 validation for loaded files: templates and plans must be UTF-8, and a
// Latin-1 file would otherwise load with garbled names and wrong columns.
#pragma once
#include <cstddef>
#include <string_view>

namespace vpclint {

// Offset of the first byte that does not start a valid UTF-8 sequence
// (truncated, overlong, surrogate or past U+10FFFF), or npos.
size_t find_invalid_utf8(std::string_view text);

}  // namespace vpclint
