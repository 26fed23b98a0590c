// UTF-16 input. Windows PowerShell writes `terraform show -json > plan.json`
// as UTF-16LE with a byte-order mark; such a plan is otherwise fine, so it is
// converted rather than rejected. UTF-32 with a byte-order mark too (some
// editors save it); without a mark neither is guessed.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>

namespace vpclint {

enum class Utf16Bom { None, LittleEndian, BigEndian, Utf32LittleEndian, Utf32BigEndian };

Utf16Bom utf16_bom(std::string_view text);

// Converts UTF-16 (or UTF-32) text after its byte-order mark to UTF-8. On an
// unpaired surrogate, a code point beyond U+10FFFF or a byte count that is
// not a multiple of the unit size, returns false and sets `bad` to the
// offset in `out` (the UTF-8 converted so far) where the problem is.
bool utf16_to_utf8(std::string_view text, Utf16Bom bom, std::string& out, size_t& bad);

}  // namespace vpclint
