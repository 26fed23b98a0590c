#include "parsers/terraform/terraform_frontend.h"

namespace vpclint {

std::vector<Model> build_terraform_models(const Document& doc, InputKind kind, const FrontendOptions&) {
    Model m;
    m.file = doc.path;
    m.format = kind == InputKind::TerraformState ? InputFormat::TerraformState : InputFormat::TerraformPlan;
    return {std::move(m)};
}

}  // namespace vpclint
