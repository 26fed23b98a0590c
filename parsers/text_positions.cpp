#include "parsers/text_positions.h"

#include <algorithm>

namespace vpclint {

LineTable::LineTable(std::string_view text) : text_(text) {
    starts_.push_back(0);
    for (size_t i = 0; i < text.size(); ++i)
        if (text[i] == '\n') starts_.push_back(i + 1);
}

size_t LineTable::line_start(size_t line) const { return starts_[std::min(line, starts_.size() - 1)]; }

SourcePos LineTable::pos_of(size_t line, size_t byte_col) const {
    line = std::min(line, starts_.size() - 1);
    size_t begin = starts_[line];
    size_t end = std::min(begin + byte_col, text_.size());
    uint32_t col = 1;
    for (size_t i = begin; i < end; ++i)
        if (!is_utf8_continuation(static_cast<unsigned char>(text_[i]))) ++col;
    return {static_cast<uint32_t>(line + 1), col};
}

SourcePos LineTable::pos_of_offset(size_t offset) const {
    offset = std::min(offset, text_.size());
    size_t line = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
    return pos_of(line, offset - starts_[line]);
}

}  // namespace vpclint
