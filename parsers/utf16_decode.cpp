#include "parsers/utf16_decode.h"

#include <cstdint>

namespace vpclint {

namespace {

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

}  // namespace

Utf16Bom utf16_bom(std::string_view text) {
    // FF FE 00 00 starts UTF-32LE, not UTF-16LE text whose first character is NUL.
    if (text.substr(0, 4) == std::string_view("\xFF\xFE\0\0", 4)) return Utf16Bom::Utf32LittleEndian;
    if (text.substr(0, 4) == std::string_view("\0\0\xFE\xFF", 4)) return Utf16Bom::Utf32BigEndian;
    if (text.substr(0, 2) == "\xFF\xFE") return Utf16Bom::LittleEndian;
    if (text.substr(0, 2) == "\xFE\xFF") return Utf16Bom::BigEndian;
    return Utf16Bom::None;
}

namespace {

bool utf32_to_utf8(std::string_view text, bool le, std::string& out, size_t& bad) {
    size_t i = 4;
    for (; i + 3 < text.size(); i += 4) {
        uint32_t cp = 0;
        for (size_t k = 0; k < 4; ++k) {
            auto byte = static_cast<uint32_t>(static_cast<unsigned char>(text[i + (le ? 3 - k : k)]));
            cp = (cp << 8) | byte;
        }
        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
            bad = out.size();
            return false;
        }
        append_utf8(out, cp);
    }
    if (i != text.size()) {
        bad = out.size();
        return false;
    }
    return true;
}

}  // namespace

bool utf16_to_utf8(std::string_view text, Utf16Bom bom, std::string& out, size_t& bad) {
    out.clear();
    if (bom == Utf16Bom::Utf32LittleEndian || bom == Utf16Bom::Utf32BigEndian) {
        out.reserve(text.size() / 4);
        return utf32_to_utf8(text, bom == Utf16Bom::Utf32LittleEndian, out, bad);
    }
    out.reserve(text.size() / 2);
    bool le = bom == Utf16Bom::LittleEndian;
    auto unit = [&](size_t i) -> uint32_t {
        auto a = static_cast<unsigned char>(text[i]), b = static_cast<unsigned char>(text[i + 1]);
        return le ? static_cast<uint32_t>(a | (b << 8)) : static_cast<uint32_t>((a << 8) | b);
    };
    size_t i = bom == Utf16Bom::None ? 0 : 2;
    for (; i + 1 < text.size(); i += 2) {
        uint32_t cp = unit(i);
        if (cp >= 0xD800 && cp <= 0xDBFF) {
            uint32_t lo = i + 3 < text.size() ? unit(i + 2) : 0;
            if (lo < 0xDC00 || lo > 0xDFFF) {
                bad = out.size();
                return false;
            }
            cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
            i += 2;
        } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
            bad = out.size();
            return false;
        }
        append_utf8(out, cp);
    }
    if (i != text.size()) {
        bad = out.size();
        return false;
    }
    return true;
}

}  // namespace vpclint
