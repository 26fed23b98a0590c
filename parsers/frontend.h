// From a loaded document to models: classification and the format frontends.
#pragma once
#include <map>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"
#include "core/model.h"

namespace vpclint {

enum class InputKind : uint8_t { Unknown, CloudFormation, TerraformPlan, TerraformState };

// CloudFormation/SAM: a mapping with AWSTemplateFormatVersion, or Resources
// whose entries have `Type: AWS::…`. Terraform plan: format_version plus
// planned_values or resource_changes. Terraform state: format_version + values.
InputKind classify_document(const Document& doc);

struct FrontendOptions {
    // Values the user supplied (--parameter, --parameters-file): they are
    // fixed; parameters not listed here are condition switches.
    std::map<std::string, std::string> parameters;
    // Parameters a parent stack passes with a value vpclint cannot work out
    // (an attribute, an unresolved import): CloudFormation uses the passed
    // value, so the child's Default does not apply and they have no value.
    std::set<std::string> unknown_parameters;
    std::string tf_root;  // where .tf files live (Terraform locations)
    // Terraform configuration (.tf directories): --tf-var-file and --tf-var K=V, in order.
    std::vector<std::string> tf_var_files;
    std::vector<std::pair<std::string, std::string>> tf_vars;
    size_t max_file_bytes = kMaxFileBytes;  // --max-file-size: larger files are VL001, not read
};

// One model per feasible condition scenario (at least one). Problems
// (VL002) are recorded in the models.
std::vector<Model> build_models(const Document& doc, InputKind kind, const FrontendOptions& opts);

}  // namespace vpclint
