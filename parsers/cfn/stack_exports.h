// CloudFormation `Outputs` with `Export.Name`: what a stack publishes for
// Fn::ImportValue in other stacks (cli/link_stacks links the stacks of one
// run through them).
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/model.h"

namespace vpclint::cfn {

struct StackExport {
    // The export's name: known, or (not known) a partial rendering with
    // ${AWS::StackName} standing for the stack's name ("" when computed
    // otherwise).
    Text name;
    std::string resource;  // the resource the value references (Ref, a group's GroupId)
    Text value;            // the value when it is a known literal ("subnet-0abc…")
    Location loc;          // the output
};

// The exports of a template whose outputs do not depend on conditions the
// deployer chooses (an output with a Condition that is not always true is
// left out: whether it exists is the deployer's choice).
std::vector<StackExport> stack_exports(const Document& doc, const std::map<std::string, std::string>& parameters);

// The export name an import names, from the reason the frontend gives an
// Fn::ImportValue ("imported from another stack (NAME)"); "" when computed.
std::string imported_export_name(const std::string& reason);

}  // namespace vpclint::cfn
