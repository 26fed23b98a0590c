// A Terraform root module directory (.tf files) through the pipeline, as
// prepare_file/analyze_file do for one template or plan.
#pragma once
#include <string>

#include "cli/analyze_file.h"

namespace vpclint {

PreparedFile prepare_tf_root(const std::string& dir, const FrontendOptions& opts);
FileResult analyze_tf_root(const std::string& dir, const FrontendOptions& opts, const RuleFilter& filter);

}  // namespace vpclint
