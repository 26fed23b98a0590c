#include "core/property_path.h"

#include <functional>
#include <mutex>
#include <vector>

namespace vpclint {

namespace {

struct Step {
    PathId parent;
    uint32_t name;  // index into the names
};

// Compact on purpose: a large template or plan records hundreds of
// thousands of paths. Names sit back to back in one buffer, and both
// indexes are open-addressing tables of 4-byte ids (the key is read back
// from the id), about 16 bytes per path and a name's length plus 12 bytes
// per name.
struct Table {
    std::mutex mu;
    std::vector<Step> steps{Step{0, 0}};  // [0]: the empty path
    std::string pool;                     // every name's text
    std::vector<uint32_t> name_begin{0};  // name k is pool[name_begin[k], name_begin[k + 1])
    std::vector<uint32_t> name_slots = std::vector<uint32_t>(64, 0);  // name id + 1; 0: empty
    std::vector<uint32_t> step_slots = std::vector<uint32_t>(64, 0);  // step id; 0: empty

    size_t names() const { return name_begin.size() - 1; }
    std::string_view name(uint32_t k) const {
        return std::string_view(pool).substr(name_begin[k], name_begin[k + 1] - name_begin[k]);
    }
};

uint64_t mix(uint64_t x) {
    x ^= x >> 33;
    x *= 0xff51afd7ed558ccdULL;
    x ^= x >> 33;
    return x;
}
size_t name_hash(std::string_view s) { return std::hash<std::string_view>{}(s); }
size_t step_hash(const Step& s) { return mix((uint64_t{s.parent} << 32) | s.name); }

// Linear probing; the tables stay at most half full.
template <class Hash>
void grow(std::vector<uint32_t>& slots, size_t count, Hash hash_of_slot) {
    if ((count + 1) * 2 <= slots.size()) return;
    std::vector<uint32_t> bigger(slots.size() * 2, 0);
    size_t mask = bigger.size() - 1;
    for (uint32_t v : slots)
        if (v) {
            size_t k = hash_of_slot(v) & mask;
            while (bigger[k]) k = (k + 1) & mask;
            bigger[k] = v;
        }
    slots.swap(bigger);
}

uint32_t name_id(Table& t, std::string_view s) {
    grow(t.name_slots, t.names(), [&t](uint32_t v) { return name_hash(t.name(v - 1)); });
    size_t mask = t.name_slots.size() - 1;
    for (size_t k = name_hash(s) & mask;; k = (k + 1) & mask) {
        uint32_t v = t.name_slots[k];
        if (v == 0) {
            t.pool.append(s);
            t.name_begin.push_back(static_cast<uint32_t>(t.pool.size()));
            t.name_slots[k] = static_cast<uint32_t>(t.names());
            return static_cast<uint32_t>(t.names() - 1);
        }
        if (t.name(v - 1) == s) return v - 1;
    }
}

// With the table's lock held.
PathId step_locked(Table& t, PathId parent, std::string_view step) {
    Step s{parent, name_id(t, step)};
    grow(t.step_slots, t.steps.size() - 1, [&t](uint32_t v) { return step_hash(t.steps[v]); });
    size_t mask = t.step_slots.size() - 1;
    for (size_t k = step_hash(s) & mask;; k = (k + 1) & mask) {
        uint32_t v = t.step_slots[k];
        if (v == 0) {
            t.steps.push_back(s);
            t.step_slots[k] = static_cast<uint32_t>(t.steps.size() - 1);
            return t.step_slots[k];
        }
        if (t.steps[v].parent == s.parent && t.steps[v].name == s.name) return v;
    }
}

Table& table() {
    static Table t;  // constructed on first use, thread-safe (C++11 statics)
    return t;
}

}  // namespace

PathId path_step(PathId parent, std::string_view step) {
    Table& t = table();
    std::lock_guard<std::mutex> lock(t.mu);
    return step_locked(t, parent, step);
}

PathId path_steps(PathId parent, const std::vector<std::string>& steps) {
    Table& t = table();
    std::lock_guard<std::mutex> lock(t.mu);
    for (const std::string& s : steps) parent = step_locked(t, parent, s);
    return parent;
}

std::string path_text(PathId id) {
    Table& t = table();
    std::lock_guard<std::mutex> lock(t.mu);
    std::vector<std::string_view> parts;
    // A step's parent was interned before it, so ids strictly decrease and
    // the walk ends at 0.
    while (id != 0 && id < t.steps.size()) {
        parts.push_back(t.name(t.steps[id].name));
        id = t.steps[id].parent;
    }
    std::string out;
    for (auto it = parts.rbegin(); it != parts.rend(); ++it) {
        if (!out.empty()) out += '/';
        out += *it;
    }
    return out;
}

size_t path_table_size() {
    Table& t = table();
    std::lock_guard<std::mutex> lock(t.mu);
    return t.steps.size() - 1;
}

}  // namespace vpclint
