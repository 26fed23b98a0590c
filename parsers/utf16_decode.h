// UTF-16 input. Windows PowerShell writes `terraform show -json > plan.json`
// as UTF-16LE with a byte-order mark; such a plan is otherwise fine, so it is
// converted rather than rejected.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace vpclint {

enum class Utf16Bom { None, LittleEndian, BigEndian };

Utf16Bom utf16_bom(std::string_view text);

// Converts UTF-16 text after its byte-order mark to UTF-8. On an unpaired
// surrogate or an odd byte count, returns false and sets `bad` to the
// offset in `out` (the UTF-8 converted so far) where the problem is.
bool utf16_to_utf8(std::string_view text, Utf16Bom bom, std::string& out, size_t& bad);

}  // namespace vpclint
