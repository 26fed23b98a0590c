// Terraform workspaces analysed as one system: a plan whose functions use
// ids read through `data.terraform_remote_state.X` is linked to the state of
// workspace X given in the same run (--tf-remote-state X=state.json, or the
// configuration's `tf-remote-state`): the state's entities are copied into
// the plan's model (core/model_merge.h) and the ids resolve to them. Runs,
// like cli/link_stacks, after every frontend and before any rule.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cli/analyze_file.h"

namespace vpclint {

// workspace name -> the state file's absolute, normal path
using RemoteStates = std::map<std::string, std::string>;

void link_workspaces(std::vector<PreparedFile>& files, const RemoteStates& states);

}  // namespace vpclint
