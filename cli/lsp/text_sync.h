// Document text as the client edits it. LSP positions are 0-based lines and
// UTF-16 code units within the line; vpclint's locations are 1-based lines
// and code-point columns. Both conversions live here and nowhere else.
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vpclint::lsp {

struct Position {
    uint32_t line = 0;       // 0-based
    uint32_t character = 0;  // UTF-16 code units
};

// Where each line of a text starts, so that converting the hundreds of
// locations of one analysis does not rescan the text from its start each time.
// Views `text`: it must outlive the index and not change.
class LineIndex {
public:
    explicit LineIndex(std::string_view text);
    std::string_view text() const { return text_; }
    // Byte offset where 0-based `line` starts; text.size() past the last line.
    size_t line_start(uint32_t line) const { return line < starts_.size() ? starts_[line] : text_.size(); }
    uint32_t line_of_offset(size_t offset) const;

private:
    std::string_view text_;
    std::vector<size_t> starts_;
};

// Byte offset of an LSP position. A character past the end of its line is the
// line's end, a line past the last line is the end of the text (LSP 3.17:
// "defaults back to the line length").
size_t offset_of(std::string_view text, Position p);
size_t offset_of(const LineIndex& index, Position p);

// LSP position of a vpclint location (1-based line, 1-based code-point column;
// 0 means unknown and gives the start of the line or text).
Position position_of(std::string_view text, uint32_t line, uint32_t col);
Position position_of(const LineIndex& index, uint32_t line, uint32_t col);

// LSP position of a byte offset.
Position position_of_offset(std::string_view text, size_t offset);
Position position_of_offset(const LineIndex& index, size_t offset);

// Replaces [start, end) of `text` with `replacement`; a reversed range is
// taken in order. Positions are converted against the text before the edit.
void apply_edit(std::string& text, Position start, Position end, std::string_view replacement);

}  // namespace vpclint::lsp
