// AWS::IAM::Role, AWS::IAM::Policy, AWS::IAM::ManagedPolicy, AWS::IAM::RolePolicy.
#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

void bind_iam(BindContext& c, const ResourceInfo& r, const EValue& props, EntityRef ref) {
    Model& m = c.model;
    if (ref.kind == EntityKind::Role) {
        Role& role = m.roles[ref.index];
        role.trust_policy = c.policy(props.field("AssumeRolePolicyDocument"), r.node);
        if (const EValue* pols = props.field("Policies")) {
            if (pols->kind == Kind::List) {
                for (const EValue& p : pols->items) {
                    const EValue* doc = p.field("PolicyDocument");
                    PolicyDocument d = c.policy(doc, p.node ? p.node : r.node);
                    if (!doc) {
                        d.present = true;
                        d.known = p.kind == Kind::Map;
                        d.reason = p.kind == Kind::Unknown ? p.text : "policy without a document";
                        d.loc = c.loc(p, r.node);
                    }
                    if (const EValue* name = p.field("PolicyName"); name && name->known_scalar()) d.name = "inline policy " + name->text;
                    role.inline_policies.push_back(std::move(d));
                }
            } else {
                PolicyDocument d;
                d.present = true;
                d.known = false;
                d.reason = pols->kind == Kind::Unknown ? pols->text : "the policy list is computed";
                d.loc = c.loc(*pols, r.node);
                role.inline_policies.push_back(std::move(d));
            }
        }
        if (const EValue* arns = props.field("ManagedPolicyArns")) {
            if (arns->kind == Kind::List) {
                for (const EValue& a : arns->items) {
                    ManagedPolicyRef mp;
                    mp.loc = c.loc(a, arns->node);
                    if (a.kind == Kind::ResourceRef) {
                        mp.policy = c.link(&a, EntityKind::Policy, arns->node);
                        mp.arn = c.text(&a, arns->node);
                    } else {
                        mp.arn = c.text(&a, arns->node);
                    }
                    role.managed_policies.push_back(std::move(mp));
                }
            } else {
                role.managed_policies_complete = false;
                role.managed_policies_reason = arns->kind == Kind::Unknown ? arns->text : "the list is computed";
            }
        }
        role.permissions_boundary = c.text(props.field("PermissionsBoundary"), r.node);
        return;
    }
    if (ref.kind != EntityKind::Policy) return;
    Policy& p = m.policies[ref.index];
    p.managed = r.type == "AWS::IAM::ManagedPolicy";
    p.document = c.policy(props.field("PolicyDocument"), r.node);
    if (r.type == "AWS::IAM::RolePolicy") {
        const EValue* role = props.field("RoleName");
        p.roles.present = role != nullptr;
        if (role) {
            p.roles.loc = c.loc(*role, r.node);
            p.roles.items.push_back(c.link(role, EntityKind::Role, r.node));
        }
    } else {
        p.roles = c.links(props.field("Roles"), EntityKind::Role, r.node);
    }
}

}  // namespace vpclint::cfn
