#include "core/document.h"

namespace vpclint {

const MapEntry* Node::entry(std::string_view key) const {
    if (kind != NodeKind::Mapping) return nullptr;
    for (const MapEntry& e : entries)
        if (e.key == key) return &e;
    return nullptr;
}

const Node* Node::get(std::string_view key) const {
    const MapEntry* e = entry(key);
    return e ? e->value : nullptr;
}

Location Document::location(SourcePos begin, SourcePos end) const {
    return Location{path, begin.line, begin.col, end.line, end.col};
}

Location Document::location(const Node& n) const { return location(n.begin, n.end); }

Location Document::key_location(const MapEntry& e) const { return location(e.key_begin, e.key_end); }

}  // namespace vpclint
