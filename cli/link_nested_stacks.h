// Nested stacks analysed with their parent: a child template on the local
// disk (AWS::CloudFormation::Stack TemplateURL, AWS::Serverless::Application
// Location) is built with the parameters the parent passes (literals), and
// the parent's Fn::GetAtt Child.Outputs.Name resolves to the child's entity
// (core/model_merge.h). A chain of nested stacks that comes back to a
// template is a VL002 at the TemplateURL, and is not followed.
#pragma once
#include <vector>

#include "cli/analyze_file.h"

namespace vpclint {

void link_nested_stacks(std::vector<PreparedFile>& files, const FrontendOptions& fo, const RuleFilter& filter);

}  // namespace vpclint
