#include "parsers/frontend.h"

#include "parsers/cfn/cfn_frontend.h"
#include "parsers/terraform/terraform_frontend.h"

namespace vpclint {

InputKind classify_document(const Document& doc) {
    const Node* root = doc.root;
    if (!root || !root->is_mapping()) return InputKind::Unknown;
    if (root->get("format_version")) {
        if (root->get("planned_values") || root->get("resource_changes")) return InputKind::TerraformPlan;
        if (root->get("values")) return InputKind::TerraformState;
        return InputKind::Unknown;
    }
    if (root->get("AWSTemplateFormatVersion")) return InputKind::CloudFormation;
    const Node* res = root->get("Resources");
    if (res && res->is_mapping())
        for (const MapEntry& e : res->entries) {
            const Node* type = e.value->is_mapping() ? e.value->get("Type") : nullptr;
            if (type && type->is_scalar() &&
                (type->text.rfind("AWS::", 0) == 0 || type->text.rfind("Custom::", 0) == 0 ||
                 type->text.rfind("Alexa::", 0) == 0))
                return InputKind::CloudFormation;
        }
    return InputKind::Unknown;
}

std::vector<Model> build_models(const Document& doc, InputKind kind, const FrontendOptions& opts) {
    switch (kind) {
        case InputKind::CloudFormation: return build_cfn_models(doc, opts);
        case InputKind::TerraformPlan:
        case InputKind::TerraformState: return build_terraform_models(doc, kind, opts);
        case InputKind::Unknown: break;
    }
    Model m;
    m.file = doc.path;
    return {std::move(m)};
}

}  // namespace vpclint
