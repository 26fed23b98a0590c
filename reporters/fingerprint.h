// A stable 64-bit hash (FNV-1a) as 16 hex digits: the same on every platform
// and run, for SARIF partial fingerprints and GitLab issue fingerprints.
#pragma once
#include <cstdint>
#include <string>

namespace vpclint {

inline std::string fingerprint_hex(const std::string& s) {
    uint64_t h = 1469598103934665603ull;
    for (unsigned char c : s) {
        h ^= c;
        h *= 1099511628211ull;
    }
    static const char* digits = "0123456789abcdef";
    std::string out(16, '0');
    for (int i = 15; i >= 0; --i, h >>= 4) out[static_cast<size_t>(i)] = digits[h & 15];
    return out;
}

}  // namespace vpclint
