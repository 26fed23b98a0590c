// Terraform plan JSON and state JSON into the IR.
#pragma once
#include <vector>

#include "core/document.h"
#include "core/model.h"
#include "parsers/frontend.h"

namespace vpclint {

std::vector<Model> build_terraform_models(const Document& doc, InputKind kind,
                                          const FrontendOptions& opts);

}  // namespace vpclint
