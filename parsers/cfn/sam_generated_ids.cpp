#include "parsers/cfn/sam_generated_ids.h"

namespace vpclint::cfn {

std::string sam_generated_role_id(const std::string& function_id) { return function_id + "Role"; }

void index_sam_generated_resources(Template& tpl) {
    for (size_t i = 0; i < tpl.resources.size(); ++i) {
        const ResourceInfo& r = tpl.resources[i];
        if (r.type != "AWS::Serverless::Function") continue;
        std::string id = sam_generated_role_id(r.id);
        // A template resource of that id wins (SAM rejects the template).
        if (!tpl.resource(id)) tpl.sam_generated.emplace(std::move(id), i);
    }
}

}  // namespace vpclint::cfn
