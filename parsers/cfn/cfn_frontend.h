// CloudFormation (and SAM) templates into models, one per condition scenario.
#pragma once
#include <vector>

#include "core/document.h"
#include "core/model.h"
#include "parsers/frontend.h"

namespace vpclint {

std::vector<Model> build_cfn_models(const Document& doc, const FrontendOptions& opts);

}  // namespace vpclint
