#include "core/document.h"

#include <sys/mman.h>

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

namespace {

// A 100 MB plan's tree is 250 MB of fresh memory, and a fault per 4 KiB page
// was a fifth of the loader's time: blocks this large ask for 2 MiB pages.
constexpr size_t kHugeBlock = size_t{8} << 20;

void use_huge_pages([[maybe_unused]] std::byte* block, [[maybe_unused]] size_t bytes) {
#if defined(MADV_HUGEPAGE)
    constexpr uintptr_t huge = uintptr_t{2} << 20;
    uintptr_t begin = (reinterpret_cast<uintptr_t>(block) + huge - 1) & ~(huge - 1);
    uintptr_t end = (reinterpret_cast<uintptr_t>(block) + bytes) & ~(huge - 1);
    // Advice only: where it is refused, the block has small pages.
    if (end > begin) madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
#endif
}

}  // namespace

void* NodeArena::allocate(size_t bytes, size_t align) {
    size_t pad = (align - reinterpret_cast<uintptr_t>(next_) % align) % align;
    if (bytes + pad > left_) {
        // Blocks from 64 KiB (a small template uses one) doubling to 32 MiB. A
        // large request gets a block of its own, and the current block goes on
        // being filled. (new[] aligns every block for any type kept here.)
        size_t block = size_t{64 << 10} << std::min<size_t>(blocks_.size(), 9);
        if (bytes > block / 4) {
            blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(bytes));
            return blocks_.back().get();
        }
        blocks_.push_back(std::make_unique_for_overwrite<std::byte[]>(block));
        if (block >= kHugeBlock) use_huge_pages(blocks_.back().get(), block);
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
