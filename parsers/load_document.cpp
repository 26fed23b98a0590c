// Checks every loader needs first: size, binary content, encoding.
#include "core/document.h"
#include "parsers/text_positions.h"

namespace vpclint {

namespace {

// Length of the valid UTF-8 sequence at s[i], or 0.
size_t utf8_sequence(std::string_view s, size_t i) {
    auto c = static_cast<unsigned char>(s[i]);
    size_t len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) return 0;
    for (size_t k = 1; k < len; ++k)
        if (!is_utf8_continuation(static_cast<unsigned char>(s[i + k]))) return 0;
    uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1F : len == 3 ? c & 0x0F : c & 0x07;
    for (size_t k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    // Overlong forms, surrogates and values past U+10FFFF are not UTF-8.
    if ((len == 2 && cp < 0x80) || (len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) ||
        (cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF)
        return 0;
    return len;
}

}  // namespace

LoadResult load_document(std::string path, std::string_view text) {
    auto error = [&](std::string msg, SourcePos pos) { return LoadResult{nullptr, LoadError{std::move(msg), pos}}; };
    if (text.size() > kMaxFileBytes)
        return error("file is larger than 50 MiB (" + std::to_string(text.size()) + " bytes); not analysed", {1, 1});
    if (text.size() >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    if (text.find_first_not_of(" \t\r\n") == std::string_view::npos) return error("file is empty", {1, 1});
    if (size_t nul = text.find('\0'); nul != std::string_view::npos) {
        SourcePos p = LineTable(text).pos_of_offset(nul);
        return error("binary file (NUL byte at line " + std::to_string(p.line) + " column " + std::to_string(p.col) +
                         "), not a template or plan",
                     p);
    }
    for (size_t i = 0; i < text.size();) {
        if (static_cast<unsigned char>(text[i]) < 0x80) {
            ++i;
            continue;
        }
        size_t len = utf8_sequence(text, i);
        if (len == 0) return error("invalid UTF-8 (the file must be UTF-8 encoded)", LineTable(text).pos_of_offset(i));
        i += len;
    }
    size_t first = text.find_first_not_of(" \t\r\n");
    if (text[first] == '{' || text[first] == '[') return load_json(std::move(path), text);
    return load_yaml(std::move(path), text);
}

}  // namespace vpclint
