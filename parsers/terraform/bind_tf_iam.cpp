// aws_iam_role, aws_iam_role_policy, aws_iam_policy and the attachments.
#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

void bind_tf_iam(BindContext& c, const Instance& i, EntityRef ref) {
    Model& m = c.model;
    if (ref.kind == EntityKind::Role) {
        Role& r = m.roles[ref.index];
        r.trust_policy = c.policy(i, {"assume_role_policy"});
        const Node* arns = c.value(i, {"managed_policy_arns"});
        if (c.unknown(i, {"managed_policy_arns"})) {
            r.managed_policies_complete = false;
            r.managed_policies_reason = "known after apply";
        }
        if (arns && arns->is_sequence())
            for (size_t k = 0; k < arns->items.size(); ++k) {
                ManagedPolicyRef mp;
                mp.arn = c.text(i, {"managed_policy_arns", std::to_string(k)});
                mp.loc = mp.arn.loc;
                if (mp.arn.known)
                    if (const Instance* p = c.plan.by_id(mp.arn.value); p && c.entity_of[c.plan.index_of(*p)].kind == EntityKind::Policy) {
                        mp.policy.state = LinkState::Resolved;
                        mp.policy.index = c.entity_of[c.plan.index_of(*p)].index;
                    }
                r.managed_policies.push_back(std::move(mp));
            }
        if (const Node* inl = c.value(i, {"inline_policy"}); inl && inl->is_sequence())
            for (size_t k = 0; k < inl->items.size(); ++k) {
                PolicyDocument d = c.policy(i, {"inline_policy", std::to_string(k), "policy"});
                if (d.present) r.inline_policies.push_back(std::move(d));
            }
        r.permissions_boundary = c.text(i, {"permissions_boundary"});
        if (r.permissions_boundary.known && r.permissions_boundary.value.empty()) r.permissions_boundary.present = false;
        return;
    }
    if (ref.kind != EntityKind::Policy) return;
    Policy& p = m.policies[ref.index];
    p.managed = i.type == "aws_iam_policy";
    p.document = c.policy(i, {"policy"});
    if (i.type == "aws_iam_role_policy") {
        Link role = c.link(i, {"role"}, EntityKind::Role);
        p.roles.present = true;
        p.roles.loc = role.loc;
        p.roles.items.push_back(role);
    }
}

namespace {

void attach_managed(BindContext& c, const Instance& i, const Link& role) {
    if (!role.resolved()) {
        // A policy attached to a role we cannot identify may be this role's:
        // every role of the model loses certainty.
        if (role.state == LinkState::Unknown)
            for (Role& r : c.model.roles) {
                r.managed_policies_complete = false;
                r.managed_policies_reason = "a policy attachment names a role that cannot be resolved (" + i.address + ")";
            }
        return;
    }
    ManagedPolicyRef mp;
    mp.arn = c.text(i, {"policy_arn"});
    mp.loc = c.loc(i);
    mp.policy = c.link(i, {"policy_arn"}, EntityKind::Policy);
    if (!mp.policy.resolved()) mp.policy = Link{};
    c.model.roles[role.index].managed_policies.push_back(std::move(mp));
}

}  // namespace

void apply_policy_attachment(BindContext& c, const Instance& i) {
    if (i.type == "aws_iam_role_policy_attachment") {
        attach_managed(c, i, c.link(i, {"role"}, EntityKind::Role));
        return;
    }
    // aws_iam_policy_attachment: roles = [names]
    LinkList roles = c.links(i, {"roles"}, EntityKind::Role);
    for (const Link& r : roles.items) attach_managed(c, i, r);
    if (!roles.complete) attach_managed(c, i, Link{LinkState::Unknown, 0, roles.reason, false, roles.loc});
}

}  // namespace vpclint::tf
