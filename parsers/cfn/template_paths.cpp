#include "parsers/cfn/template_paths.h"

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace vpclint::cfn {

namespace {

bool le(SourcePos a, SourcePos b) { return a.line < b.line || (a.line == b.line && a.col <= b.col); }
bool same(SourcePos a, SourcePos b) { return a.line == b.line && a.col == b.col; }
// A position at a node's end still belongs to it.
bool spans(const Node* n, SourcePos p) { return n && le(n->begin, p) && le(p, n->end); }

// The entry whose key starts at `p` or whose value spans it. Entries are in
// source order, so a binary search finds it; entries a YAML merge key
// (`<<: *base`) brought in sit out of order, and then the scan in order
// decides, as it always did.
const MapEntry* entry_at(const Node& n, SourcePos p, bool& key_hit) {
    auto it = std::upper_bound(n.entries.begin(), n.entries.end(), p,
                               [](SourcePos pos, const MapEntry& e) { return !le(e.key_begin, pos); });
    if (it != n.entries.begin()) {
        const MapEntry& e = *std::prev(it);
        if (same(e.key_begin, p)) return key_hit = true, &e;
        if (spans(e.value, p)) return key_hit = false, &e;
    }
    for (const MapEntry& e : n.entries) {
        if (same(e.key_begin, p)) return key_hit = true, &e;
        if (spans(e.value, p)) return key_hit = false, &e;
    }
    return nullptr;
}

// The item spanning `p` (items are in source order), by index.
size_t item_at(const Node& n, SourcePos p) {
    auto it = std::upper_bound(n.items.begin(), n.items.end(), p,
                               [](SourcePos pos, const Node* i) { return !le(i->begin, pos); });
    if (it != n.items.begin() && spans(*std::prev(it), p)) return static_cast<size_t>(std::prev(it) - n.items.begin());
    for (size_t k = 0; k < n.items.size(); ++k)
        if (spans(n.items[k], p)) return k;
    return n.items.size();
}

}  // namespace

PathId position_path(const Document& doc, uint32_t line, uint32_t col) {
    SourcePos p{line, col};
    if (line == 0) return 0;
    // The steps first, interned at the end: a position that leads nowhere
    // leaves nothing in the table.
    struct StepRef {
        const NodeText* key;  // nullptr: the sequence index
        size_t index;
    };
    std::vector<StepRef> steps;
    auto done = [&steps]() {
        PathId id = 0;
        for (const StepRef& s : steps) id = s.key ? path_step(id, *s.key) : path_step(id, std::to_string(s.index));
        return id;
    };
    const Node* n = doc.root;
    // One step per level of the written tree, bounded like the loaders.
    for (unsigned depth = 0; n && depth <= kMaxDepth; ++depth) {
        bool collection = n->is_mapping() || n->is_sequence();
        if (same(n->begin, p) && !collection) return done();
        const Node* next = nullptr;
        if (n->is_mapping()) {
            bool key_hit = false;
            if (const MapEntry* e = entry_at(*n, p, key_hit)) {
                steps.push_back({&e->key, 0});
                if (key_hit) return done();
                next = e->value;
            }
        } else if (n->is_sequence()) {
            size_t k = item_at(*n, p);
            if (k < n->items.size()) {
                steps.push_back({nullptr, k});
                next = n->items[k];
            }
        }
        if (!next) return same(n->begin, p) ? done() : 0;
        n = next;
    }
    return 0;
}

Location with_path(Location l, const Document& doc) {
    if (l.known() && l.file == doc.path) l.path = position_path(doc, l.line, l.col);
    return l;
}

}  // namespace vpclint::cfn
