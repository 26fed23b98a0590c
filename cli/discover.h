// Expands command-line paths into the files to analyse.
#pragma once
#include <string>
#include <vector>

namespace vpclint {

struct InputFile {
    std::string path;       // as reported (relative to the working directory when under it)
    bool explicitly_named;  // named on the command line, not found by walking
};

struct Discovery {
    std::vector<InputFile> files;
    std::vector<std::string> errors;  // paths that do not exist
    std::vector<std::string> notes;   // entries a directory walk skipped, and why (--verbose)
};

// Directories are walked recursively (not following directory symlinks, so
// a symlink loop cannot trap the walk), skipping .git, node_modules,
// .terraform and cdk.out; only files whose names end in .yaml, .yml, .json,
// .template or .tpl are candidates there. Order is sorted and stable.
Discovery discover(const std::vector<std::string>& paths);

// `p` relative to the working directory when it lies under it.
std::string display_path(const std::string& p);

}  // namespace vpclint
