// Terraform plan JSON and state JSON into the IR.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/document.h"
#include "core/model.h"
#include "parsers/frontend.h"
#include "parsers/terraform/tf_source_scan.h"

namespace vpclint {

std::vector<Model> build_terraform_models(const Document& doc, InputKind kind,
                                          const FrontendOptions& opts);
// The same, with the .tf positions already known (the HCL frontend parses
// them exactly) instead of scanning the module directories.
std::vector<Model> build_terraform_models(const Document& doc, InputKind kind, const FrontendOptions& opts,
                                          std::map<std::string, std::map<std::string, tf::TfBlock>> blocks);

}  // namespace vpclint
