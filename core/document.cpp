#include "core/document.h"

#include <algorithm>
#include <cstdint>

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

void* NodeArena::allocate(size_t bytes, size_t align) {
    size_t pad = (align - reinterpret_cast<uintptr_t>(next_) % align) % align;
    if (bytes + pad > left_) {
        // Blocks from 64 KiB (a small template uses one) doubling to 4 MiB. A
        // large request gets a block of its own, and the current block goes on
        // being filled. (new[] aligns every block for any type kept here.)
        size_t block = size_t{64 << 10} << std::min<size_t>(blocks_.size(), 6);
        if (bytes > block / 4) {
            blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(bytes));
            return blocks_.back().get();
        }
        blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(block));
        next_ = blocks_.back().get();
        left_ = block;
        pad = 0;
    }
    std::byte* p = next_ + pad;
    next_ = p + bytes;
    left_ -= bytes + pad;
    return p;
}

Location Document::location(SourcePos begin, SourcePos end) const {
    return Location{path, begin.line, begin.col, end.line, end.col};
}

Location Document::location(const Node& n) const { return location(n.begin, n.end); }

Location Document::key_location(const MapEntry& e) const { return location(e.key_begin, e.key_end); }

}  // namespace vpclint
