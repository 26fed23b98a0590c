#include "parsers/cfn/sam_function.h"

namespace vpclint::cfn {

void expand_sam_functions(BindContext&, std::vector<std::pair<const ResourceInfo*, EntityRef>>&) {}

void bind_sam_function(BindContext& c, const ResourceInfo& r, const EValue& props, Function& f) {
    // Until SAM expansion lands, a serverless function's role is unknown
    // (SAM may generate it), so IAM rules stay silent on it.
    bind_function(c, r, props, f);
    if (f.role.absent()) {
        f.role.state = LinkState::Unknown;
        f.role.text = "the role SAM generates";
    }
    if (const EValue* code = props.field("InlineCode")) f.inline_code = c.text(code, r.node);
}

}  // namespace vpclint::cfn
