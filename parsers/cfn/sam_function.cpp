#include "parsers/cfn/sam_function.h"

#include "parsers/cfn/sam_events.h"
#include "parsers/cfn/sam_generated_ids.h"
#include "parsers/cfn/sam_globals.h"
#include "parsers/cfn/sam_implicit_role.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

// SamFunction.to_cloudformation generates the role when Role is absent, and
// for `Role: !If [Cond, !Ref AWS::NoValue, arn]` in the scenarios where the
// If gives AWS::NoValue (_make_lambda_role). Globals cannot hold Role.
bool role_is_generated(BindContext& c, const ResourceInfo& r) {
    const Node* props = r.properties && !r.properties->is_null() ? r.properties : nullptr;
    if (!props) return true;
    if (!props->is_mapping()) return false;  // computed Properties: the role cannot be told
    const Node* role = props->get("Role");
    if (!role) return true;
    return c.ev.eval(role).kind == Kind::NoValue;
}

}  // namespace

void expand_sam_functions(BindContext& c, const std::vector<std::pair<const ResourceInfo*, EntityRef>>& todo) {
    for (const auto& [r, ref] : todo) {
        if (r->type != "AWS::Serverless::Function" || !role_is_generated(c, *r)) continue;
        std::string id = sam_generated_role_id(r->id);
        // SAM rejects a template that defines the id itself
        // (DuplicateLogicalIdException); the template's resource stays.
        if (c.entities.count(id)) continue;
        Role& generated = c.model.roles.emplace_back();
        generated.id = id;
        generated.type = "AWS::IAM::Role";
        generated.loc = c.entry_loc(*r->entry);  // the function's declaration
        generated.generated_from = r->id;
        c.entities[id] = EntityRef{EntityKind::Role, static_cast<uint32_t>(c.model.roles.size() - 1)};
    }
}

void bind_sam_function(BindContext& c, const ResourceInfo& r, Function& f) {
    EValue props = sam_function_properties(c.tpl, c.ev, r);
    bind_function(c, r, props, f);
    if (const EValue* code = props.field("InlineCode")) f.inline_code = c.text(code, r.node);
    if (f.role.absent()) {
        auto it = c.entities.find(sam_generated_role_id(r.id));
        if (it != c.entities.end() && it->second.kind == EntityKind::Role &&
            c.model.roles[it->second.index].generated_from == r.id) {
            f.role.state = LinkState::Resolved;
            f.role.index = it->second.index;
            f.role.loc = c.entry_loc(*r.entry);
            fill_sam_implicit_role(c, r, props, c.model.roles[it->second.index]);
            f.generated_from = "the role SAM generates for " + r.id;
        }
    }
    add_sam_event_source_mappings(c, r, props, static_cast<uint32_t>(&f - c.model.functions.data()));
}

}  // namespace vpclint::cfn
