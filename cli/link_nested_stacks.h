// Nested stacks analysed with their parent: a child template on the local
// disk (AWS::CloudFormation::Stack TemplateURL, AWS::Serverless::Application
// Location) is built with the parameters the parent passes (literals), and
// the parent's Fn::GetAtt Child.Outputs.Name resolves to the child's entity
// (core/model_merge.h). A chain of nested stacks that comes back to a
// template is a VL002 at the TemplateURL, and is not followed.
//
// The other way, the parent into the child: a parameter the parent passes
// as one of its resources (`SubnetIds: !Join [",", [!Ref PublicA, !Ref
// PublicB]]`, `RoleArn: !GetAtt Role.Arn`) or a sibling nested stack's
// output (`!GetAtt Network.Outputs.PrivateSubnets`) resolves, in the child,
// to that entity. The child so deployed is one more file of the run (its
// own path, appended to `files`), whose findings are the child's: the fix
// goes in the template that holds the function, with the parent's subnet
// and route as related locations.
#pragma once
#include <vector>

#include "cli/analyze_file.h"

namespace vpclint {

void link_nested_stacks(std::vector<PreparedFile>& files, const FrontendOptions& fo, const RuleFilter& filter);

// The results from `first` on are nested children as their parents deploy
// them (appended by link_nested_stacks): one whose file is also a result of
// its own (the child scanned too) joins it, without the findings it already
// has; the others stay, at the end.
void merge_nested_instances(std::vector<FileResult>& results, size_t first);

}  // namespace vpclint
