// Expands command-line paths into the files to analyse.
#pragma once
#include <functional>
#include <string>
#include <vector>

namespace vpclint {

struct InputFile {
    std::string path;       // as reported (relative to the working directory when under it)
    bool explicitly_named;  // named on the command line, not found by walking
    bool tf_root = false;   // a Terraform root module directory (its .tf files), not a file
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
//
// Terraform configuration: a directory holding .tf (or .tf.json) files is one
// root module, unless another such directory uses it as a local module
// (`source = "./modules/vpc"`): then it is analysed through that root only.
// A .tf file named on the command line (a pre-commit hook) stands for the
// root modules it affects: the roots under the working directory that use
// its directory as a module at any depth, else its own directory. In a
// directory walk, a root module with a plan JSON beside it is analysed
// through that plan only (the same findings would be reported twice).
//
// `skip` (optional) leaves out a walked file or directory (by its absolute,
// normal path): the configuration's `exclude` and .gitignore.
using SkipFn = std::function<bool(const std::string& abs_path, bool is_dir)>;
Discovery discover(const std::vector<std::string>& paths, const SkipFn& skip = {});

// `p` relative to the working directory when it lies under it.
std::string display_path(const std::string& p);

}  // namespace vpclint
