// Structure-aware mutations for the text harnesses. libFuzzer's byte-level
// mutations seldom build what breaks tree walkers: deep nesting, anchors with
// the aliases and merge keys that reuse them, and JSON documents written as
// JSON strings (IAM policies often are). So one mutation in four does one of
// those on the input's own lines and values; the rest are libFuzzer's.
// Only the libFuzzer binaries define the hook (VPCLINT_LIBFUZZER_MUTATOR);
// the replay executables link without libFuzzer and skip it.
#pragma once

#ifdef VPCLINT_LIBFUZZER_MUTATOR
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

extern "C" size_t LLVMFuzzerMutate(uint8_t* data, size_t size, size_t max_size);

namespace vpclint_fuzz {

enum class Syntax { Yaml, Json };

struct Line {
    size_t begin;
    size_t end;  // before the newline
};

inline std::vector<Line> lines_of(const std::string& s) {
    std::vector<Line> out;
    size_t b = 0;
    for (size_t i = 0; i <= s.size(); ++i)
        if (i == s.size() || s[i] == '\n') {
            out.push_back({b, i});
            b = i + 1;
        }
    return out;
}

// Where a `key: value` line's value starts, or npos.
inline size_t value_start(const std::string& s, const Line& l) {
    size_t p = s.find(": ", l.begin);
    return p == std::string::npos || p >= l.end ? std::string::npos : p + 2;
}

inline size_t indent_of(const std::string& s, const Line& l) {
    size_t i = l.begin;
    while (i < l.end && s[i] == ' ') ++i;
    return i - l.begin;
}

// What opens and closes 1 to 64 flow sequences, or mappings whose key is
// opened by `map_open`, around a value.
inline std::pair<std::string, std::string> nesting(std::minstd_rand& rng, const char* map_open) {
    size_t k = 1 + rng() % 64;
    bool map = rng() % 2;
    std::string open, close;
    for (size_t i = 0; i < k; ++i) {
        open += map ? map_open : "[";
        close += map ? "}" : "]";
    }
    return {open, close};
}

// A line's value wrapped in k flow sequences or mappings.
inline bool yaml_nest(std::string& s, std::minstd_rand& rng) {
    auto ls = lines_of(s);
    const Line& l = ls[rng() % ls.size()];
    size_t v = value_start(s, l);
    if (v == std::string::npos || v >= l.end) return false;
    auto [open, close] = nesting(rng, "{k: ");
    s.insert(l.end, close);
    s.insert(v, open);
    return true;
}

// An anchor on one line's value and, on a later line, an alias of it: as the
// value, or as a merge key when the later line opens a mapping.
inline bool yaml_alias(std::string& s, std::minstd_rand& rng) {
    auto ls = lines_of(s);
    if (ls.size() < 2) return false;
    size_t i = rng() % ls.size(), j = rng() % ls.size();
    if (i == j) return false;
    if (j < i) std::swap(i, j);
    std::string name = "vz" + std::to_string(rng() % 8);
    const Line a = ls[i], b = ls[j];
    bool b_opens = b.end > b.begin && s[b.end - 1] == ':';
    size_t bv = value_start(s, b);
    if (!b_opens && bv == std::string::npos) return false;
    if (b_opens) {
        size_t indent = j + 1 < ls.size() ? indent_of(s, ls[j + 1]) : indent_of(s, b) + 2;
        s.insert(b.end, "\n" + std::string(indent, ' ') + "<<: *" + name);
    } else {
        s.replace(bv, b.end - bv, "*" + name);
    }
    bool a_opens = a.end > a.begin && s[a.end - 1] == ':';
    size_t av = value_start(s, a);
    if (a_opens)
        s.insert(a.end, " &" + name);
    else if (av != std::string::npos)
        s.insert(av, "&" + name + " ");
    else
        return false;
    return true;
}

// The end of the JSON value starting at p (bracket matching, strings skipped),
// or npos when it does not close.
inline size_t json_value_end(const std::string& s, size_t p) {
    int depth = 0;
    bool in_string = false;
    for (size_t i = p; i < s.size(); ++i) {
        char c = s[i];
        if (in_string) {
            if (c == '\\') ++i;
            else if (c == '"') {
                in_string = false;
                if (depth == 0) return i + 1;
            }
        } else if (c == '"') {
            in_string = true;
        } else if (c == '{' || c == '[') {
            ++depth;
        } else if (c == '}' || c == ']') {
            if (--depth <= 0) return depth == 0 ? i + 1 : std::string::npos;
        } else if (depth == 0 && (c == ',' || c == '\n' || c == ' ')) {
            return i;
        }
    }
    return std::string::npos;
}

// A random value start: just after ':' or '[' or ',' (spaces skipped).
inline size_t json_pick_value(const std::string& s, std::minstd_rand& rng) {
    if (s.empty()) return std::string::npos;
    size_t from = rng() % s.size();
    for (size_t n = 0; n < s.size(); ++n) {
        size_t i = (from + n) % s.size();
        if (s[i] == ':' || s[i] == '[' || s[i] == ',') {
            size_t v = i + 1;
            while (v < s.size() && (s[v] == ' ' || s[v] == '\n')) ++v;
            if (v < s.size() && s[v] != ']' && s[v] != '}') return v;
        }
    }
    return std::string::npos;
}

inline bool json_nest(std::string& s, std::minstd_rand& rng) {
    size_t v = json_pick_value(s, rng);
    if (v == std::string::npos) return false;
    size_t e = json_value_end(s, v);
    if (e == std::string::npos || e <= v) return false;
    auto [open, close] = nesting(rng, "{\"k\":");
    s.insert(e, close);
    s.insert(v, open);
    return true;
}

// A value replaced by the JSON string that holds its text.
inline bool json_stringify(std::string& s, std::minstd_rand& rng) {
    size_t v = json_pick_value(s, rng);
    if (v == std::string::npos || (s[v] != '{' && s[v] != '[')) return false;
    size_t e = json_value_end(s, v);
    if (e == std::string::npos) return false;
    std::string quoted = "\"";
    for (size_t i = v; i < e; ++i) {
        if (s[i] == '"' || s[i] == '\\') quoted += '\\';
        if (s[i] == '\n') {
            quoted += "\\n";
            continue;
        }
        quoted += s[i];
    }
    quoted += '"';
    s.replace(v, e - v, quoted);
    return true;
}

inline size_t mutate(Syntax syntax, uint8_t* data, size_t size, size_t max_size, unsigned seed) {
    std::minstd_rand rng(seed);
    if (rng() % 4 != 0 || size == 0) return LLVMFuzzerMutate(data, size, max_size);
    std::string s(reinterpret_cast<const char*>(data), size);
    bool done = false;
    if (syntax == Syntax::Yaml)
        done = rng() % 2 ? yaml_nest(s, rng) : yaml_alias(s, rng);
    else
        done = rng() % 2 ? json_nest(s, rng) : json_stringify(s, rng);
    if (!done || s.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
    std::memcpy(data, s.data(), s.size());
    return s.size();
}

}  // namespace vpclint_fuzz

#define VPCLINT_STRUCTURE_MUTATOR(syntax)                                                          \
    extern "C" size_t LLVMFuzzerCustomMutator(uint8_t* data, size_t size, size_t max_size,      \
                                              unsigned seed) {                                  \
        return vpclint_fuzz::mutate(vpclint_fuzz::Syntax::syntax, data, size, max_size, seed);  \
    }
#else
#define VPCLINT_STRUCTURE_MUTATOR(syntax)
#endif
