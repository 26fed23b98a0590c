// Source positions shared by every layer.
#pragma once
#include <cstdint>
#include <string>

namespace vpclint {

// 1-based line and column; 0 means "not known".
struct SourcePos {
    uint32_t line = 0;
    uint32_t col = 0;
};

struct Location {
    std::string file;
    uint32_t line = 0;
    uint32_t col = 0;
    uint32_t end_line = 0;
    uint32_t end_col = 0;
    // The property's normalised path (core/property_path.h), recorded by the
    // frontend with the position; 0 when none was.
    uint32_t path = 0;

    bool known() const { return line != 0; }
};

inline bool operator<(const Location& a, const Location& b) {
    if (a.file != b.file) return a.file < b.file;
    if (a.line != b.line) return a.line < b.line;
    return a.col < b.col;
}

}  // namespace vpclint
