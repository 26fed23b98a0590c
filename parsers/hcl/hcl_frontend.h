// A Terraform root module directory (.tf files) into the IR: parsed,
// evaluated, written as the document a plan is, and bound by the same
// Terraform binders as plans.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "parsers/frontend.h"

namespace vpclint {

// Syntax errors become VL001 problems (and nothing else is analysed then:
// a half-read module would give findings the files do not say).
// TF_VAR_* come from `environ` when `read_env`.
// `texts`, when given, receives every .tf file read and its text.
std::vector<Model> build_hcl_models(const std::string& dir, const FrontendOptions& opts, bool read_env = true,
                                    std::map<std::string, std::string>* texts = nullptr);

}  // namespace vpclint
