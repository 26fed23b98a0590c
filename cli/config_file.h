// The configuration file `.vpclint.yaml`: where it is found, what it holds.
// Problems in it (unknown key, wrong type, unknown rule id) are kept with
// their position and reported as VL005; the valid parts still apply.
#pragma once
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/location.h"

namespace vpclint {

struct ConfigProblem {
    std::string message;
    Location loc;
};

// A value that applies to the files a glob matches (relative to the
// configuration file's directory).
template <typename T>
struct PerGlob {
    std::string glob;
    T value;
    Location loc;
};

struct ConfigNeeds {
    std::string function_glob;  // logical id or Terraform address; globs allowed
    std::vector<std::string> needs;
    Location loc;
};

// A rule's level from `rules:`; `off` disables it.
struct RuleLevel {
    bool off = false;
    Severity severity = Severity::Error;
    Location loc;
};

struct Config {
    std::string path;  // empty: no configuration file
    std::string dir;   // its directory (absolute), what globs are relative to
    std::vector<std::string> select, ignore;  // canonical ids or prefixes
    bool has_select = false, has_ignore = false;
    std::map<std::string, RuleLevel> levels;  // canonical id (or prefix) -> level
    std::optional<std::string> fail_on, format;
    std::vector<std::string> exclude;
    std::vector<PerGlob<std::map<std::string, std::string>>> parameters;
    std::vector<PerGlob<std::string>> stacks;
    std::vector<ConfigNeeds> functions;
    std::map<std::string, std::string> tf_remote_state;  // workspace -> state file (relative to `dir`)
    std::vector<ConfigProblem> problems;
};

// `.vpclint.yaml` (or `.vpclint.yml`) in `start` or the nearest parent, not
// above the git top level (the directory holding `.git`); nullopt if none.
std::optional<std::string> find_config(const std::string& start);

// Reads and checks a configuration file. A file that cannot be read or
// parsed gives one problem at the error's position.
Config read_config(const std::string& path);
Config parse_config(const std::string& path, const std::string& text);

// The file's path relative to the configuration file's directory, as globs
// match it ('/'-separated).
std::string config_relative(const Config& c, const std::string& file);

}  // namespace vpclint
