// CloudFormation `Outputs` with `Export.Name`: what a stack publishes for
// Fn::ImportValue in other stacks (cli/link_stacks links the stacks of one
// run through them).
#pragma once
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/model.h"

namespace vpclint::cfn {

struct StackExport {
    std::string output;  // the output's logical name
    // Absent when the output is not exported (a nested stack's outputs are
    // read by its parent through Fn::GetAtt Stack.Outputs.Name). The export's name: known, or (not known) a partial rendering with
    // ${AWS::StackName} standing for the stack's name ("" when computed
    // otherwise).
    Text name;
    // The resource the value references: Ref, or the attribute that is its id
    // or ARN (a group's GroupId, a role's Arn).
    std::string resource;
    Text value;            // the value when it is a known literal ("subnet-0abc…")
    Location loc;          // the output
    // A list joined into one value, `!Join [",", [!Ref SubnetA, !Ref SubnetB]]`
    // (what an importer splits again): the delimiter and the items, each a
    // resource or a known literal (both empty: unknown).
    struct Item {
        std::string resource;
        std::string value;
    };
    std::string joined_with;
    std::vector<Item> items;
};

// The outputs (exported or not) of a template whose outputs do not depend on conditions the
// deployer chooses (an output with a Condition that is not always true is
// left out: whether it exists is the deployer's choice).
std::vector<StackExport> stack_exports(const Document& doc, const std::map<std::string, std::string>& parameters);


}  // namespace vpclint::cfn

namespace vpclint::cfn {

// A nested stack with a template on the local disk: AWS::CloudFormation::Stack
// with a relative TemplateURL (what `aws cloudformation package` uploads), or
// AWS::Serverless::Application with a local Location.
struct NestedStackRef {
    std::string id;        // the parent's logical id of the stack resource
    std::string location;  // as written, relative to the parent template's directory
    Location loc;          // TemplateURL / Location
    // Parameters passed in whose values the parent knows: literals, and
    // values computed from the parent's parameters (`!Ref Env`,
    // `!Sub "${Env}-orders"`, a list joined with commas for a list parameter).
    std::map<std::string, std::string> parameters;
    // The other parameters passed in: their values are unknown in the child.
    std::set<std::string> unknown_parameters;
    // Of those, the ones whose value is something the parent publishes to
    // the child: one of its resources (`!Ref PublicSubnet`,
    // `!GetAtt Sg.GroupId`), a list of them joined (`!Join [",", [...]]`),
    // or a sibling nested stack's output (`!GetAtt Network.Outputs.X`).
    // Written as an export of the parent, so that the child's links that read
    // the parameter resolve the way imports do (cli/link_nested_stacks).
    struct Passed {
        StackExport value;    // `resource`/`items`/`value` name the parent's resources or literals
        std::string sibling;  // a sibling stack's logical id: `value.output` is its output
    };
    std::map<std::string, Passed> passed;
};

// `parameters`: the parent's parameter values (--parameter), as for the frontend.
std::vector<NestedStackRef> nested_stacks(const Document& doc, const std::map<std::string, std::string>& parameters);


}  // namespace vpclint::cfn
