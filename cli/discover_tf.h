// Terraform root modules among directories of .tf files (cli/discover.cpp).
#pragma once
#include <set>
#include <string>
#include <vector>

namespace vpclint {

bool is_tf_file(const std::string& path);
// The local module directories `dir` uses, at any depth (normalised paths).
std::set<std::string> local_module_dirs(const std::string& dir);
// Of `dirs` (normalised), those no other one uses as a module.
std::vector<std::string> tf_roots(const std::set<std::string>& dirs);
// A Terraform plan JSON directly in `dir`: in a directory walk, it stands
// for the .tf files beside it (both would report the same findings twice).
bool has_plan_beside(const std::string& dir);
// Directories under `top` that hold .tf files (skipping .terraform, .git ...).
std::set<std::string> tf_dirs_under(const std::string& top);

}  // namespace vpclint
