// One copy of each distinct mapping key in a document's arena: a Terraform
// plan repeats a few hundred keys millions of times (21 MB of a 100 MB
// plan's tree were copies of them). The same text gives the same view, so
// that keys compare by address.
#pragma once
#include <cstdint>
#include <cstring>
#include <string_view>
#include <vector>

#include "core/document.h"

namespace vpclint {

class KeyTable {
public:
    // The arena's copy of `key`. After a probe sequence grew past its bound
    // (keys made to collide), keys are copied each time and distinct() is
    // false from then on: equal texts may then have different addresses.
    std::string_view intern(std::string_view key, NodeArena& arena) {
        if (key.empty()) return {kEmpty, 0};
        if (!distinct_) return arena.intern(key);
        if (2 * (used_ + 1) > slots_.size()) grow();
        uint64_t h = hash(key);
        size_t mask = slots_.size() - 1;
        for (size_t i = h & mask, probes = 0;; i = (i + 1) & mask, ++probes) {
            Slot& s = slots_[i];
            if (!s.data) {
                std::string_view copy = arena.intern(key);
                s = {copy.data(), copy.size(), h};
                ++used_;
                return copy;
            }
            if (s.hash == h && s.size == key.size() && std::memcmp(s.data, key.data(), key.size()) == 0)
                return {s.data, s.size};
            if (probes == kMaxProbes) {
                distinct_ = false;
                return arena.intern(key);
            }
        }
    }
    // Every key interned so far has one address per text.
    bool distinct() const { return distinct_; }

private:
    struct Slot {
        const char* data = nullptr;
        size_t size = 0;
        uint64_t hash = 0;
    };
    static constexpr size_t kMaxProbes = 64;
    static constexpr char kEmpty[1] = "";

    static uint64_t hash(std::string_view s) {
        uint64_t h = 0x9E3779B97F4A7C15ull ^ s.size();
        const char* p = s.data();
        size_t n = s.size();
        for (; n >= 8; p += 8, n -= 8) {
            uint64_t w;
            std::memcpy(&w, p, 8);
            h = (h ^ w) * 0xFF51AFD7ED558CCDull;
            h ^= h >> 32;
        }
        if (n) {
            uint64_t w = 0;
            std::memcpy(&w, p, n);
            h = (h ^ w) * 0xC4CEB9FE1A85EC53ull;
        }
        return h ^ (h >> 29);
    }

    void grow() {
        std::vector<Slot> old(slots_.empty() ? 1024 : 2 * slots_.size());
        old.swap(slots_);
        size_t mask = slots_.size() - 1;
        for (const Slot& s : old) {
            if (!s.data) continue;
            size_t i = s.hash & mask;
            while (slots_[i].data) i = (i + 1) & mask;
            slots_[i] = s;
        }
    }

    std::vector<Slot> slots_;  // open addressing, at most half full
    size_t used_ = 0;
    bool distinct_ = true;
};

}  // namespace vpclint
