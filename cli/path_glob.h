// Path globs for the configuration file (`exclude`, per-template keys) and
// for .gitignore patterns: `*` and `?` stay within one path segment, `**`
// spans segments. Paths are '/'-separated and relative.
#pragma once
#include <string>
#include <string_view>
#include <vector>

namespace vpclint {

bool glob_match(std::string_view pattern, std::string_view path);

// The patterns of the .gitignore files that apply to a walk, read once per
// directory; a later pattern wins, `!` negates (git's rules, without
// character classes).
class GitIgnore {
public:
    // `top`: the repository's top level (patterns of .gitignore files
    // between it and a walked directory apply).
    explicit GitIgnore(std::string top) : top_(std::move(top)) {}
    // `path` is absolute and lexically normal.
    bool ignored(const std::string& path, bool is_dir);

private:
    struct Pattern {
        std::string base;  // the directory of its .gitignore, relative to top ("" for the top)
        std::string glob;
        bool negate = false, dir_only = false, anchored = false;
    };
    void load(const std::string& rel_dir);
    std::string top_;
    std::vector<std::string> loaded_;
    std::vector<Pattern> patterns_;
};

}  // namespace vpclint
