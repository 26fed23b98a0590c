#include "parsers/duplicate_keys.h"

namespace vpclint {

namespace {
constexpr size_t kScanLimit = 16;
}

uint32_t DuplicateKeyCheck::first_line(const MapEntry* entries, size_t count, const std::string& key) {
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

std::string duplicate_key_message(const std::string& key, uint32_t first_line) {
    return "duplicate key '" + key + "' (first at line " + std::to_string(first_line) + ")";
}

}  // namespace vpclint
