// Duplicate mapping keys, shared by the YAML and JSON loaders so that both
// report them alike. CloudFormation rejects a template with a duplicate key,
// and a parser that silently kept one of the two would hide what it analysed.
#pragma once
#include <cstdint>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"

namespace vpclint {

// Finds an earlier entry of one mapping with the same key. Most mappings are
// small, so it scans them; once one grows (Resources, a plan's resource
// list), it switches to a hash index so that loading stays linear.
class DuplicateKeyCheck {
public:
    // Line of an entry of `entries` whose key is `key`, or 0.
    uint32_t first_line(const std::vector<MapEntry>& entries, std::string_view key) {
        return first_line(entries.data(), entries.size(), key);
    }
    // The same for the `count` entries from `entries` (the JSON loader keeps
    // an object's entries on a stack until it closes). The first `indexed_`
    // must be the same entries as on the previous call.
    uint32_t first_line(const MapEntry* entries, size_t count, std::string_view key);

private:
    std::unordered_map<std::string_view, uint32_t> index_;  // views of the entries' keys
    size_t indexed_ = 0;  // entries[0, indexed_) are in index_
};

std::string duplicate_key_message(std::string_view key, uint32_t first_line);

}  // namespace vpclint
