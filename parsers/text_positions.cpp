#include "parsers/text_positions.h"

#include <algorithm>
#include <cstring>

namespace vpclint {

LineTable::LineTable(std::string_view text) : text_(text) {
    starts_.push_back(0);
    const char* base = text.data();
    size_t begin = 0;
    while (true) {
        const void* nl = begin < text.size() ? std::memchr(base + begin, '\n', text.size() - begin) : nullptr;
        size_t end = nl ? static_cast<size_t>(static_cast<const char*>(nl) - base) : text.size();
        bool ascii = true;
        for (size_t i = begin; i < end && ascii; ++i) ascii = static_cast<unsigned char>(base[i]) < 0x80;
        ascii_.push_back(ascii);
        if (!nl) break;
        begin = end + 1;
        starts_.push_back(begin);
    }
}

size_t LineTable::line_start(size_t line) const { return starts_[std::min(line, starts_.size() - 1)]; }

size_t LineTable::offset_of(size_t line, size_t byte_col) const {
    return std::min(line_start(line) + byte_col, text_.size());
}

SourcePos LineTable::pos_of(size_t line, size_t byte_col) const {
    line = std::min(line, starts_.size() - 1);
    size_t begin = starts_[line];
    byte_col = std::min(byte_col, text_.size() - begin);
    auto line_no = static_cast<uint32_t>(line + 1);
    if (ascii_[line]) return {line_no, static_cast<uint32_t>(byte_col + 1)};
    size_t from = 0;
    uint32_t col = 1;
    if (memo_line_ == line && memo_byte_ <= byte_col) {
        from = memo_byte_;
        col = memo_col_;
    }
    for (size_t i = begin + from; i < begin + byte_col; ++i)
        if (!is_utf8_continuation(static_cast<unsigned char>(text_[i]))) ++col;
    memo_line_ = line;
    memo_byte_ = byte_col;
    memo_col_ = col;
    return {line_no, col};
}

SourcePos LineTable::pos_of_offset(size_t offset) const {
    offset = std::min(offset, text_.size());
    size_t line = static_cast<size_t>(std::upper_bound(starts_.begin(), starts_.end(), offset) - starts_.begin()) - 1;
    return pos_of(line, offset - starts_[line]);
}

}  // namespace vpclint
