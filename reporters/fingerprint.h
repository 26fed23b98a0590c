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

// The fingerprint of a finding, shared by SARIF (primaryLocationLineHash) and
// GitLab Code Quality: stable when unrelated lines move, since it hashes no
// line number, only the rule, the file, the resource and the text of the
// flagged line (trimmed); `occurrence` (1, 2, …, counted per identical base
// in report order) keeps findings on identical lines apart.
inline std::string finding_fingerprint(const std::string& rule, const std::string& file, const std::string& resource,
                                       const std::string& line_text, int occurrence) {
    size_t b = line_text.find_first_not_of(" \t"), e = line_text.find_last_not_of(" \t\r");
    std::string trimmed = b == std::string::npos ? std::string() : line_text.substr(b, e - b + 1);
    return fingerprint_hex(rule + "\n" + file + "\n" + resource + "\n" + trimmed) + ":" + std::to_string(occurrence);
}

// The part of finding_fingerprint that occurrences are counted by.
inline std::string finding_fingerprint_base(const std::string& rule, const std::string& file,
                                            const std::string& resource, const std::string& line_text) {
    return finding_fingerprint(rule, file, resource, line_text, 0);
}

}  // namespace vpclint
