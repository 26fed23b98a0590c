// Line/column arithmetic over UTF-8 text shared by the loaders: columns count
// code points (what editors show), not bytes.
#pragma once
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/location.h"

namespace vpclint {

class LineTable {
public:
    explicit LineTable(std::string_view text);
    // Byte offset of the start of 0-based line `line` (clamped).
    size_t line_start(size_t line) const;
    size_t line_count() const { return starts_.size(); }
    // 1-based position of byte `offset`.
    SourcePos pos_of_offset(size_t offset) const;
    // 1-based position of 0-based line and byte column.
    SourcePos pos_of(size_t line, size_t byte_col) const;
    // Byte offset of 0-based line and byte column (clamped to the text).
    size_t offset_of(size_t line, size_t byte_col) const;

private:
    std::string_view text_;
    std::vector<size_t> starts_;
    // Lines holding only ASCII map byte columns to columns directly; the
    // others count code points, resuming from the last answer on the same
    // line so that a long single-line file is not rescanned for every node.
    std::vector<bool> ascii_;
    mutable size_t memo_line_ = SIZE_MAX, memo_byte_ = 0;
    mutable uint32_t memo_col_ = 1;
};

inline bool is_utf8_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

}  // namespace vpclint
