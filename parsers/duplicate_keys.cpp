#include "parsers/duplicate_keys.h"

namespace vpclint {

namespace {
// Up to this many entries a scan beats building a hash index of copied keys
// (a plan resource's values have 30-60 keys: 8 % of a 100 MB plan's CPU time
// went to those indexes with a limit of 16). Still linear: at most 64
// compares per key.
constexpr size_t kScanLimit = 64;
}

uint32_t DuplicateKeyCheck::first_line(const MapEntry* entries, size_t count, std::string_view key) {
    if (count <= kScanLimit) {
        for (size_t k = 0; k < count; ++k)
            if (entries[k].key == key) return entries[k].key_begin.line;
        return 0;
    }
    for (; indexed_ < count; ++indexed_)
        index_.emplace(entries[indexed_].key, entries[indexed_].key_begin.line);
    auto it = index_.find(key);
    return it == index_.end() ? 0 : it->second;
}

std::string duplicate_key_message(std::string_view key, uint32_t first_line) {
    return "duplicate key '" + std::string(key) + "' (first at line " + std::to_string(first_line) + ")";
}

}  // namespace vpclint
