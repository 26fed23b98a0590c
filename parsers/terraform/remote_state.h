// Terraform workspaces that read each other's state: what a plan's
// `data.terraform_remote_state.X` read (its outputs' known ids), and which
// resource of a state holds an id (cli/link_workspaces links them).
#pragma once
#include <map>
#include <set>
#include <string>

#include "core/document.h"

namespace vpclint::tf {

// Workspace name X of each `data "terraform_remote_state" "X"` in the plan
// (any module) -> every string its `outputs` hold (the values Terraform read
// at plan time; unknown ones are absent).
std::map<std::string, std::set<std::string>> remote_state_outputs(const Document& plan);

// A state's (or plan's prior state's) managed resources: `id` -> address.
std::map<std::string, std::string> resource_ids(const Document& state);

}  // namespace vpclint::tf
