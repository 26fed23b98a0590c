#include "cli/property_path.h"

namespace vpclint {

namespace {

bool before(SourcePos a, uint32_t line, uint32_t col) { return a.line < line || (a.line == line && a.col <= col); }
bool after(SourcePos a, uint32_t line, uint32_t col) { return a.line > line || (a.line == line && a.col >= col); }
bool starts_at(SourcePos a, uint32_t line, uint32_t col) { return a.line == line && a.col == col; }

// Whether node n's text spans line:col (its end is exclusive of nothing we
// need: a position at the end still belongs to it).
bool spans(const Node* n, uint32_t line, uint32_t col) {
    return n && before(n->begin, line, col) && after(n->end, line, col);
}

}  // namespace

std::string property_path(const Document& doc, uint32_t line, uint32_t col) {
    std::string path;
    auto add = [&](const std::string& part) { path += (path.empty() ? "" : "/") + part; };
    const Node* n = doc.root;
    // Iterative and bounded: one step per level of the written tree.
    for (unsigned depth = 0; n && depth <= kMaxDepth; ++depth) {
        if (starts_at(n->begin, line, col) && !n->is_mapping() && !n->is_sequence()) return path;
        const Node* next = nullptr;
        if (n->is_mapping()) {
            for (const MapEntry& e : n->entries) {
                if (starts_at(e.key_begin, line, col)) {
                    add(e.key);
                    return path;
                }
                if (spans(e.value, line, col)) {
                    add(e.key);
                    next = e.value;
                    break;
                }
            }
        } else if (n->is_sequence()) {
            for (size_t i = 0; i < n->items.size(); ++i)
                if (spans(n->items[i], line, col)) {
                    add(std::to_string(i));
                    next = n->items[i];
                    break;
                }
        }
        if (!next) return starts_at(n->begin, line, col) ? path : std::string();
        n = next;
    }
    return {};
}

}  // namespace vpclint
