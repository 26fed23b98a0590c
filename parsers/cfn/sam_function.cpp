// AWS::Serverless::Function expanded the way aws-sam-translator expands it:
// Globals.Function merged in (samtranslator/plugins/globals/globals.py), the
// implicit `<Function>Role` when Role is absent (model/sam_resources.py,
// _construct_role), Policies (managed names, ARNs, statements, policy
// templates) and event sources that become event source mappings.
#include "parsers/cfn/sam_function.h"

#include "core/managed_policies.h"
#include "parsers/cfn/sam_policy_templates.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

// SAM does not merge a value written as an intrinsic function: it replaces it.
bool mergeable_map(const EValue& v) { return v.kind == Kind::Map && intrinsic_name(v.node).empty(); }
bool mergeable_list(const EValue& v) { return v.kind == Kind::List && intrinsic_name(v.node).empty(); }

// Globals first: maps merge key by key, lists concatenate (Globals entries
// first), anything else is replaced by the function's value.
EValue merge_globals(const EValue& global, const EValue& local) {
    if (mergeable_map(global) && mergeable_map(local)) {
        EValue out = global;
        for (size_t i = 0; i < local.fields.size(); ++i) {
            const auto& [key, value] = local.fields[i];
            bool merged = false;
            for (size_t j = 0; j < out.fields.size(); ++j)
                if (out.fields[j].first == key) {
                    out.fields[j].second = merge_globals(out.fields[j].second, value);
                    out.field_keys[j] = local.field_keys[i];
                    merged = true;
                }
            if (!merged) {
                out.fields.emplace_back(key, value);
                out.field_keys.push_back(local.field_keys[i]);
            }
        }
        out.node = local.node;
        return out;
    }
    if (mergeable_list(global) && mergeable_list(local)) {
        EValue out = global;
        for (const EValue& item : local.items) out.items.push_back(item);
        return out;
    }
    return local;
}

const EValue* events_of(const EValue& props) { return props.field("Events"); }

bool has_vpc_config(const EValue& props) {
    const EValue* vpc = props.field("VpcConfig");
    return vpc && vpc->kind != Kind::Null && !(vpc->kind == Kind::Map && vpc->fields.empty());
}

Text managed_arn_text(const std::string& name, const Location& loc) {
    Text t;
    t.present = true;
    t.loc = loc;
    if (const ManagedPolicy* p = find_managed_policy(name)) {
        t.value = "arn:${AWS::Partition}:iam::aws:policy/" + std::string(p->path) + name;
    } else {
        t.value = "arn:${AWS::Partition}:iam::aws:policy/" + name;
    }
    t.reason = "the partition is set at deploy time";
    return t;
}

void add_policies(BindContext& c, const EValue& policies, Role& role) {
    std::vector<const EValue*> items;
    if (policies.kind == Kind::List) {
        for (const EValue& p : policies.items) items.push_back(&p);
    } else {
        items.push_back(&policies);
    }
    for (const EValue* p : items) {
        Location loc = c.loc(*p, nullptr);
        if (p->kind == Kind::Scalar) {
            ManagedPolicyRef mp;
            mp.loc = loc;
            // An ARN as written, or the name of an AWS managed policy.
            mp.arn = p->text.rfind("arn:", 0) == 0 ? c.text(p, nullptr) : managed_arn_text(p->text, loc);
            role.managed_policies.push_back(std::move(mp));
        } else if (p->kind == Kind::ResourceRef || p->kind == Kind::Unknown) {
            ManagedPolicyRef mp;
            mp.loc = loc;
            mp.arn = c.text(p, nullptr);
            mp.policy = c.link(p, EntityKind::Policy, nullptr);
            if (!mp.policy.resolved()) mp.policy = Link{};
            role.managed_policies.push_back(std::move(mp));
        } else if (p->kind == Kind::Map && p->field("Statement")) {
            role.inline_policies.push_back(c.policy(p, nullptr));
        } else if (p->kind == Kind::Map && p->fields.size() == 1) {
            if (const SamPolicyTemplate* t = find_sam_policy_template(p->fields[0].first)) {
                role.inline_policies.push_back(sam_policy_document(*t, loc));
            } else {
                PolicyDocument unknown;
                unknown.present = true;
                unknown.known = false;
                unknown.reason = "SAM policy template " + p->fields[0].first + " is not in vpclint's table";
                unknown.loc = loc;
                role.inline_policies.push_back(std::move(unknown));
            }
        } else {
            PolicyDocument unknown;
            unknown.present = true;
            unknown.known = false;
            unknown.reason = "a Policies entry vpclint cannot read";
            unknown.loc = loc;
            role.inline_policies.push_back(std::move(unknown));
        }
    }
}

PolicyDocument lambda_trust_policy(const Location& loc) {
    PolicyDocument d;
    d.present = true;
    d.loc = loc;
    PolicyStatement s;
    s.loc = loc;
    s.actions.push_back(Text{true, true, "sts:AssumeRole", "", true, loc});
    s.service_principals.push_back(Text{true, true, "lambda.amazonaws.com", "", true, loc});
    d.statements.push_back(std::move(s));
    return d;
}

void fill_implicit_role(BindContext& c, const ResourceInfo& r, const EValue& props, Role& role) {
    role.generated_from = r.id;
    Location at = role.loc;
    role.trust_policy = props.field("AssumeRolePolicyDocument") ? c.policy(props.field("AssumeRolePolicyDocument"), r.node)
                                                                 : lambda_trust_policy(at);
    role.managed_policies.push_back({managed_arn_text("AWSLambdaBasicExecutionRole", at), Link{}, at});
    if (has_vpc_config(props))
        role.managed_policies.push_back({managed_arn_text("AWSLambdaVPCAccessExecutionRole", at), Link{}, at});
    if (const EValue* policies = props.field("Policies")) add_policies(c, *policies, role);
    role.permissions_boundary = c.text(props.field("PermissionsBoundary"), r.node);
}

// Event sources the Lambda service polls: each becomes an event source mapping.
bool is_polled_event(const std::string& type) {
    return type == "SQS" || type == "Kinesis" || type == "DynamoDB" || type == "MSK" || type == "MQ" ||
           type == "SelfManagedKafka" || type == "DocumentDB";
}

void add_event_source_mappings(BindContext& c, const ResourceInfo& r, const EValue& props, uint32_t function_index) {
    const EValue* events = events_of(props);
    if (!events || events->kind != Kind::Map) return;
    for (size_t i = 0; i < events->fields.size(); ++i) {
        const auto& [name, ev] = events->fields[i];
        const EValue* type = ev.field("Type");
        if (!type || type->kind != Kind::Scalar || !is_polled_event(type->text)) continue;
        EventSourceMapping& e = c.model.event_source_mappings.emplace_back();
        e.id = r.id + name;
        e.type = "AWS::Lambda::EventSourceMapping";
        e.loc = events->field_keys[i] ? c.tpl.doc->key_location(*events->field_keys[i]) : c.loc(ev, r.node);
        e.function.state = LinkState::Resolved;
        e.function.index = function_index;
        if (const EValue* p = ev.field("Properties")) {
            const EValue* src = p->field("Queue");
            if (!src) src = p->field("Stream");
            if (!src) src = p->field("Broker");
            e.event_source = c.text(src, r.node);
        }
    }
}

}  // namespace

void expand_sam_functions(BindContext& c, std::vector<std::pair<const ResourceInfo*, EntityRef>>& todo) {
    for (auto& [r, ref] : todo) {
        if (r->type != "AWS::Serverless::Function") continue;
        const Node* role = r->properties ? r->properties->get("Role") : nullptr;
        if (role) continue;
        std::string id = r->id + "Role";
        if (c.entities.count(id)) continue;  // the template defines it itself
        Role& generated = c.model.roles.emplace_back();
        generated.id = id;
        generated.type = "AWS::IAM::Role";
        generated.loc = c.tpl.doc->key_location(*r->entry);
        generated.generated_from = r->id;
        c.entities[id] = EntityRef{EntityKind::Role, static_cast<uint32_t>(c.model.roles.size() - 1)};
    }
}

void bind_sam_function(BindContext& c, const ResourceInfo& r, const EValue& local, Function& f) {
    EValue props = local;
    if (c.tpl.globals)
        if (const Node* g = c.tpl.globals->get("Function")) {
            EValue global = c.ev.eval(g);
            // A function without Properties takes the Globals as they are.
            props = local.kind == Kind::Null ? global : merge_globals(global, local);
        }
    bind_function(c, r, props, f);
    if (const EValue* code = props.field("InlineCode")) f.inline_code = c.text(code, r.node);
    if (f.role.absent()) {
        auto it = c.entities.find(r.id + "Role");
        if (it != c.entities.end() && it->second.kind == EntityKind::Role) {
            f.role.state = LinkState::Resolved;
            f.role.index = it->second.index;
            f.role.loc = c.tpl.doc->key_location(*r.entry);
            Role& role = c.model.roles[it->second.index];
            if (role.generated_from == r.id) fill_implicit_role(c, r, props, role);
            f.generated_from = "the role SAM generates for " + r.id;
        }
    }
    add_event_source_mappings(c, r, props, static_cast<uint32_t>(&f - c.model.functions.data()));
}

}  // namespace vpclint::cfn
