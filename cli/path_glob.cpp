#include "cli/path_glob.h"

#include <algorithm>
#include <filesystem>
#include <fstream>

namespace vpclint {

bool glob_match(std::string_view p, std::string_view s) {
    // Iterative matching with one backtrack point per kind of star: linear
    // in practice, and no recursion to bound.
    size_t pi = 0, si = 0;
    size_t star_p = std::string_view::npos, star_s = 0;      // last `*` (within a segment)
    size_t dstar_p = std::string_view::npos, dstar_s = 0;    // last `**` (across segments)
    while (si < s.size()) {
        if (pi + 1 < p.size() && p[pi] == '*' && p[pi + 1] == '*') {
            // `**/` also matches nothing: "a/**/b" matches "a/b".
            size_t next = pi + 2;
            if (next < p.size() && p[next] == '/') ++next;
            dstar_p = next, dstar_s = si, star_p = std::string_view::npos;
            pi = next;
            continue;
        }
        if (pi < p.size() && p[pi] == '*') {
            star_p = ++pi, star_s = si;
            continue;
        }
        if (pi < p.size() && (p[pi] == s[si] || (p[pi] == '?' && s[si] != '/'))) {
            ++pi, ++si;
            continue;
        }
        if (star_p != std::string_view::npos && s[star_s] != '/') {
            pi = star_p, si = ++star_s;
            continue;
        }
        if (dstar_p != std::string_view::npos) {
            pi = dstar_p, si = ++dstar_s;
            star_p = std::string_view::npos;
            continue;
        }
        return false;
    }
    while (pi < p.size() && p[pi] == '*') ++pi;
    return pi == p.size();
}

void GitIgnore::load(const std::string& rel_dir) {
    if (std::find(loaded_.begin(), loaded_.end(), rel_dir) != loaded_.end()) return;
    loaded_.push_back(rel_dir);
    std::ifstream in(std::filesystem::path(top_) / rel_dir / ".gitignore");
    for (std::string line; std::getline(in, line);) {
        if (!line.empty() && line.back() == '\r') line.pop_back();
        while (!line.empty() && line.back() == ' ') line.pop_back();
        if (line.empty() || line[0] == '#') continue;
        Pattern pat;
        pat.base = rel_dir;
        if (line[0] == '!') pat.negate = true, line.erase(0, 1);
        if (!line.empty() && line[0] == '\\') line.erase(0, 1);
        if (!line.empty() && line.back() == '/') pat.dir_only = true, line.pop_back();
        // A slash at the start or in the middle anchors the pattern to its
        // .gitignore's directory; otherwise it matches a name at any depth.
        pat.anchored = line.find('/') != std::string::npos;
        if (!line.empty() && line[0] == '/') line.erase(0, 1);
        if (line.empty()) continue;
        pat.glob = pat.anchored ? line : "**/" + line;
        patterns_.push_back(std::move(pat));
    }
}

bool GitIgnore::ignored(const std::string& path, bool is_dir) {
    std::filesystem::path rel = std::filesystem::path(path).lexically_relative(top_);
    if (rel.empty() || *rel.begin() == "..") return false;
    std::string r = rel.generic_string();
    // The .gitignore files of every directory from the top down to this one.
    std::string dir;
    load("");
    for (auto it = rel.begin(); std::next(it) != rel.end(); ++it) {
        dir += (dir.empty() ? "" : "/") + it->string();
        load(dir);
    }
    bool ignored = false;
    for (const Pattern& pat : patterns_) {
        if (pat.dir_only && !is_dir) continue;
        std::string_view sub = r;
        if (!pat.base.empty()) {
            if (r.rfind(pat.base + "/", 0) != 0) continue;
            sub.remove_prefix(pat.base.size() + 1);
        }
        if (glob_match(pat.glob, sub)) ignored = !pat.negate;
    }
    return ignored;
}

}  // namespace vpclint
