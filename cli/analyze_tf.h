// A Terraform root module directory (.tf files) through the pipeline, as
// analyze_file does for one template or plan.
#pragma once
#include <string>

#include "cli/analyze_file.h"

namespace vpclint {

FileResult analyze_tf_root(const std::string& dir, const FrontendOptions& opts, const RuleFilter& filter);

}  // namespace vpclint
