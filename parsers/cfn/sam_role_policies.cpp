#include "parsers/cfn/sam_role_policies.h"

#include "core/managed_policies.h"
#include "parsers/cfn/sam_policy_templates.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

constexpr std::string_view kAwsPolicyPrefix = "arn:${AWS::Partition}:iam::aws:policy/";

// A Policies entry written as a plain string is a managed policy name (or an
// ARN); one written as an intrinsic function goes into ManagedPolicyArns as it
// evaluates, with no name lookup (ResourcePolicies._get_type; an Fn::If
// branch that is a plain string is looked up like any string).
bool written_as_string(const EValue& v) { return v.kind == Kind::Scalar && v.node && v.node->is_scalar(); }

// _get_managed_policy_arn: a name SAM finds in its bundled map of AWS managed
// policies becomes that policy's ARN; an ARN stays as written.
Text managed_policy_name_arn(const BindContext& c, const EValue& v, const Location& at) {
    if (v.text.rfind("arn:", 0) == 0) return c.text(&v, nullptr);
    if (const ManagedPolicy* p = find_managed_policy(v.text))
        return sam_managed_policy_arn(std::string(p->path) + std::string(p->name), at);
    // SAM knows every AWS managed policy and its path; vpclint's table holds
    // only the ones that matter for Lambda networking, so the ARN (and with it
    // the policy's content) stays unknown.
    Text t;
    t.present = true;
    t.loc = at;
    t.value = std::string(kAwsPolicyPrefix) + v.text;
    t.reason = "SAM resolves the managed policy name " + v.text + " to its ARN; vpclint's table does not hold it";
    return t;
}

void add_policy_entry(const BindContext& c, const EValue& p, const Node* fallback, Role& role) {
    Location at = c.loc(p, fallback);
    if (written_as_string(p)) {
        add_managed_policy(role, managed_policy_name_arn(c, p, at), Link{}, at);
        return;
    }
    switch (p.kind) {
        case Kind::Scalar:
        case Kind::Unknown:
        case Kind::ResourceRef: {
            // An intrinsic function: an ARN, possibly of a managed policy of
            // this template (Ref to an AWS::IAM::ManagedPolicy).
            Link policy;
            if (p.kind == Kind::ResourceRef) {
                policy = c.link(&p, EntityKind::Policy, fallback);
                if (!policy.resolved()) policy = Link{};
            }
            add_managed_policy(role, c.text(&p, fallback), policy, at);
            return;
        }
        case Kind::Map:
            if (p.field_key("Statement")) {
                role.inline_policies.push_back(c.policy(&p, fallback));
                return;
            }
            if (p.fields.size() == 1) {
                const std::string& name = p.fields[0].first;
                if (const SamPolicyTemplate* t = find_sam_policy_template(name)) {
                    role.inline_policies.push_back(sam_policy_document(*t, at));
                    role.inline_policies.back().name = "SAM policy template " + name;
                    return;
                }
                role.inline_policies.push_back(
                    unknown_policy("SAM policy template " + name + " is not in vpclint's table", at));
                return;
            }
            break;
        default:
            break;
    }
    // SAM rejects such an entry ("Policy at index N in the 'Policies' property
    // is not valid"); nothing can be said about the role's permissions.
    role.inline_policies.push_back(unknown_policy("a Policies entry SAM does not accept", at));
}

}  // namespace

Text sam_managed_policy_arn(std::string_view path_and_name, const Location& at) {
    Text t;
    t.present = true;
    t.known = false;
    t.value = std::string(kAwsPolicyPrefix) + std::string(path_and_name);
    t.reason = "the partition is set at deploy time";
    t.loc = at;
    return t;
}

void add_managed_policy(Role& role, Text arn, Link policy, const Location& at) {
    for (const ManagedPolicyRef& m : role.managed_policies)
        if (m.arn.known == arn.known && !arn.value.empty() && m.arn.value == arn.value) return;
    role.managed_policies.push_back({std::move(arn), std::move(policy), at});
}

PolicyDocument sam_service_policy(std::initializer_list<std::string_view> actions, Text resource, const Location& at) {
    PolicyDocument d = sam_inline_policy(actions, std::move(resource), at);
    d.lambda_service_use = true;
    return d;
}

PolicyDocument sam_inline_policy(std::initializer_list<std::string_view> actions, Text resource, const Location& at) {
    PolicyDocument d;
    d.present = true;
    d.loc = at;
    PolicyStatement s;
    s.loc = at;
    for (std::string_view a : actions) s.actions.push_back(Text{true, true, std::string(a), "", true, at});
    if (!resource.present) resource = unknown_resource("no resource written", at);
    if (!resource.loc.known()) resource.loc = at;
    s.resources.push_back(std::move(resource));
    d.statements.push_back(std::move(s));
    return d;
}

Text unknown_resource(std::string reason, const Location& at) {
    Text t;
    t.present = true;
    t.reason = std::move(reason);
    t.loc = at;
    return t;
}

PolicyDocument unknown_policy(std::string reason, const Location& at) {
    PolicyDocument d;
    d.present = true;
    d.known = false;
    d.reason = std::move(reason);
    d.loc = at;
    return d;
}

void add_sam_policies(const BindContext& c, const EValue& policies, const Node* fallback, Role& role) {
    // "Policies can be one of: a managed policy name, a list of them, a policy
    // document, a list of them, a policy template, a list of them."
    if (policies.kind == Kind::NoValue || policies.kind == Kind::Null) return;
    if (policies.kind == Kind::List) {
        for (const EValue& p : policies.items) add_policy_entry(c, p, policies.node ? policies.node : fallback, role);
        return;
    }
    add_policy_entry(c, policies, fallback, role);
}

}  // namespace vpclint::cfn
