// The JSON loader's hook for readers that know a format's layout: which
// members are built, which are checked but not built, and the role of what
// is built, asked per object member. The loader knows no format; the
// Terraform plan reader (parsers/terraform/plan_reader.h) is one such reader.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>

#include "core/document.h"

namespace vpclint {

class JsonMemberPolicy {
public:
    // Where a container sits in the format, as the reader numbers it. Role 0
    // is a part the reader has no interest in: nothing inside it is asked
    // about (most of a document, so the loader asks nothing there).
    using Role = uint8_t;
    static constexpr Role kNone = 0;

    struct Member {
        // Checked as strictly as a built value (the same errors at the same
        // positions), kept as a null node with the value's extent.
        bool skip = false;
        Role role = kNone;  // of the value, when built and a container
    };

    virtual ~JsonMemberPolicy() = default;
    virtual Role root() = 0;
    // The member `key` of an object with role `object` (`first`: its first key).
    virtual Member member(Role object, std::string_view key, bool first) = 0;
    virtual Role items(Role array) = 0;
    // After the first member of an object with role `object`: true to check
    // the rest without building it, the object becoming a null node.
    virtual bool skip_rest(Role object, const MapEntry& first) = 0;
    // An object with role `object` was built with these entries.
    virtual void closed(Role object, const MapEntry* entries, size_t count) = 0;
};

// load_json (core/document.h), asking `policy` as it goes.
LoadResult load_json(std::string path, std::string_view text, JsonMemberPolicy& policy);

}  // namespace vpclint
