// Stacks scanned in one run, analysed as one system: an application stack's
// Fn::ImportValue resolves against another scanned template's Outputs
// Export.Name (the exporting template's entities are copied into the
// importing one's models, core/model_merge.h), or against an offline
// exports table (`aws cloudformation list-exports`) for stacks not scanned.
// Runs after every frontend and before any rule: the one step that sees
// several files' models.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cli/analyze_file.h"

namespace vpclint {

struct StackLinkOptions {
    // Stack names (AWS::StackName) by file, as given (--stack-name,
    // `stacks:`); a template without one is named after its file
    // (network.yaml -> network) when no other scanned template has that name.
    std::map<std::string, std::string> stack_names;  // absolute normal path -> name
    std::map<std::string, std::string> exports;      // export name -> value (--exports)
};

// False with a message when the exports file cannot be read or is not the
// JSON of `aws cloudformation list-exports`.
bool read_exports_file(const std::string& path, std::map<std::string, std::string>& out, std::string& error);

// Links the imports of every CloudFormation file in `files`.
void link_stacks(std::vector<PreparedFile>& files, const StackLinkOptions& opts);

}  // namespace vpclint
