#include "cli/lsp/text_sync.h"

#include <algorithm>
#include <utility>

namespace vpclint::lsp {

namespace {

// End of the line starting at `start`, before "\n" or "\r\n".
size_t line_end(std::string_view text, size_t start) {
    size_t nl = text.find('\n', start);
    if (nl == std::string_view::npos) nl = text.size();
    if (nl > start && text[nl - 1] == '\r') --nl;
    return nl;
}

// Length in bytes of the UTF-8 sequence led by `c` (1 for a stray byte, so
// that invalid text still advances).
size_t sequence_length(unsigned char c) {
    if (c >= 0xF0 && c < 0xF8) return 4;
    if (c >= 0xE0) return 3;
    if (c >= 0xC0) return 2;
    return 1;
}

}  // namespace

LineIndex::LineIndex(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t nl; (nl = text.find('\n', starts_.back())) != std::string_view::npos;) starts_.push_back(nl + 1);
}

uint32_t LineIndex::line_of_offset(size_t offset) const {
    auto it = std::upper_bound(starts_.begin(), starts_.end(), offset);
    return static_cast<uint32_t>(it - starts_.begin() - 1);
}

size_t offset_of(const LineIndex& index, Position p) {
    std::string_view text = index.text();
    size_t start = index.line_start(p.line);
    if (start >= text.size()) return text.size();
    size_t end = line_end(text, start);
    size_t pos = start;
    for (uint32_t units = 0; pos < end && units < p.character;) {
        size_t n = std::min(sequence_length(static_cast<unsigned char>(text[pos])), end - pos);
        units += n == 4 ? 2 : 1;  // a code point above U+FFFF is a surrogate pair
        pos += n;
    }
    return pos;
}

Position position_of(const LineIndex& index, uint32_t line, uint32_t col) {
    if (line == 0) return {};
    std::string_view text = index.text();
    size_t start = index.line_start(line - 1);
    Position p{line - 1, 0};
    if (start >= text.size() || col <= 1) return p;
    size_t end = line_end(text, start);
    size_t pos = start;
    for (uint32_t cp = 1; pos < end && cp < col; ++cp) {
        size_t n = std::min(sequence_length(static_cast<unsigned char>(text[pos])), end - pos);
        p.character += n == 4 ? 2 : 1;
        pos += n;
    }
    return p;
}

Position position_of_offset(const LineIndex& index, size_t offset) {
    std::string_view text = index.text();
    offset = std::min(offset, text.size());
    Position p{index.line_of_offset(offset), 0};
    for (size_t pos = index.line_start(p.line); pos < offset;) {
        size_t n = sequence_length(static_cast<unsigned char>(text[pos]));
        p.character += n == 4 ? 2 : 1;
        pos += n;
    }
    return p;
}

// One-off conversions (an edit, a hover): a single scan either way.
size_t offset_of(std::string_view text, Position p) { return offset_of(LineIndex(text), p); }
Position position_of(std::string_view text, uint32_t line, uint32_t col) { return position_of(LineIndex(text), line, col); }
Position position_of_offset(std::string_view text, size_t offset) { return position_of_offset(LineIndex(text), offset); }

void apply_edit(std::string& text, Position start, Position end, std::string_view replacement) {
    size_t a = offset_of(text, start), b = offset_of(text, end);
    if (b < a) std::swap(a, b);
    text.replace(a, b - a, replacement);
}

}  // namespace vpclint::lsp
