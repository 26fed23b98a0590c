#include "parsers/utf8_check.h"

#include <cstdint>
#include <cstring>

namespace vpclint {

namespace {

// Length of the valid UTF-8 sequence at s[i] (a non-ASCII lead byte), or 0.
size_t sequence_length(std::string_view s, size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    uint32_t cp = len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < len; ++k) {
        auto b = static_cast<unsigned char>(s[i + k]);
        if ((b & 0xC0) != 0x80) return 0;
        cp = (cp << 6) | (b & 0x3F);
    }
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    return len;
}

}  // namespace

size_t find_invalid_utf8(std::string_view text) {
    const char* p = text.data();
    size_t n = text.size(), i = 0;
    while (i < n) {
        // Plans are mostly ASCII: test eight bytes at a time.
        if (i + 8 <= n) {
            uint64_t word;
            std::memcpy(&word, p + i, 8);
            if ((word & 0x8080808080808080ull) == 0) {
                i += 8;
                continue;
            }
        }
        if (static_cast<unsigned char>(p[i]) < 0x80) {
            ++i;
            continue;
        }
        size_t len = sequence_length(text, i);
        if (len == 0) return i;
        i += len;
    }
    return std::string_view::npos;
}

}  // namespace vpclint
