// aws_iam_role, aws_iam_role_policy, aws_iam_policy and the attachments.
#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

namespace {

// managed_policy_arns and inline_policy are optional and computed on
// aws_iam_role (provider docs; both deprecated since 5.72): a plan marks them
// unknown when the configuration does not write them, because they report
// whatever aws_iam_role_policy(_attachment) resources add, and those are
// bound on their own. Unknown counts only when the configuration sets them.
bool unknown_and_written(const BindContext& c, const Instance& i, const Path& p) {
    return c.unknown(i, p) && c.configured(i, p);
}

}  // namespace

void bind_tf_iam(BindContext& c, const Instance& i, EntityRef ref) {
    Model& m = c.model;
    if (ref.kind == EntityKind::Role) {
        Role& r = m.roles[ref.index];
        r.trust_policy = c.policy(i, {"assume_role_policy"});
        if (unknown_and_written(c, i, {"managed_policy_arns"})) {
            r.managed_policies_complete = false;
            r.managed_policies_reason = c.unknown_reason(i, {"managed_policy_arns"});
        }
        const Node* arns = c.value(i, {"managed_policy_arns"});
        const Node* arns_unknown = at_path(i.after_unknown, {"managed_policy_arns"});
        if (arns && arns->is_sequence())
            for (size_t k = 0; k < arns->items.size(); ++k) {
                ManagedPolicyRef mp;
                Attr a{"managed_policy_arns", std::to_string(k)};
                mp.arn = c.text(i, a);
                if (!mp.arn.present && arns_unknown && arns_unknown->is_sequence()) {
                    // An ARN known after apply: an aws_iam_policy of the plan, by reference.
                    mp.arn.present = true;
                    mp.arn.reason = c.unknown_reason(i, {"managed_policy_arns"});
                }
                if (!mp.arn.present) continue;
                mp.loc = mp.arn.loc.known() ? mp.arn.loc : c.attr_loc(i, {"managed_policy_arns"});
                if (mp.arn.known) {
                    std::vector<uint32_t> ids = c.ids_of(mp.arn.value, EntityKind::Policy);
                    if (ids.size() == 1) {
                        mp.policy.state = LinkState::Resolved;
                        mp.policy.index = ids[0];
                        mp.policy.loc = mp.loc;
                    }
                }
                r.managed_policies.push_back(std::move(mp));
            }
        if (unknown_and_written(c, i, {"inline_policy"})) {
            PolicyDocument d;
            d.present = true;
            d.known = false;
            d.reason = c.unknown_reason(i, {"inline_policy"});
            d.loc = c.attr_loc(i, {"inline_policy"});
            r.inline_policies.push_back(std::move(d));
        }
        if (const Node* inl = c.value(i, {"inline_policy"}); inl && inl->is_sequence())
            for (size_t k = 0; k < inl->items.size(); ++k) {
                PolicyDocument d = c.policy(i, {"inline_policy", std::to_string(k), "policy"});
                if (d.present) r.inline_policies.push_back(std::move(d));
            }
        r.permissions_boundary = c.text(i, {"permissions_boundary"});
        if (r.permissions_boundary.known && r.permissions_boundary.value.empty()) r.permissions_boundary = Text{};
        return;
    }
    if (ref.kind != EntityKind::Policy) return;
    Policy& p = m.policies[ref.index];
    p.managed = i.type == "aws_iam_policy";
    p.document = c.policy(i, {"policy"});
    if (i.type == "aws_iam_role_policy") {
        // role takes the role's name (or id, which is its name).
        Link role = c.link(i, {"role"}, EntityKind::Role);
        p.roles.present = true;
        p.roles.loc = role.loc;
        if (role.absent()) {
            p.roles.complete = false;
            p.roles.reason = "the role is not set";
        } else {
            p.roles.items.push_back(std::move(role));
        }
    }
}

namespace {

void attach_managed(BindContext& c, const Instance& i, const Link& role) {
    if (!role.resolved()) {
        // A policy attached to a role we cannot identify may be any
        // candidate's (or, with no candidates, any role's): they lose
        // certainty, never gain permissions.
        if (role.state != LinkState::Unknown) return;
        std::vector<uint32_t> affected = role.candidates;
        if (affected.empty())
            for (uint32_t k = 0; k < c.model.roles.size(); ++k) affected.push_back(k);
        for (uint32_t k : affected) {
            Role& r = c.model.roles[k];
            r.managed_policies_complete = false;
            if (r.managed_policies_reason.empty())
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
    if (roles.present && !roles.complete) {
        Link unknown;
        unknown.state = LinkState::Unknown;
        unknown.text = roles.reason;
        unknown.loc = roles.loc;
        attach_managed(c, i, unknown);
    }
}

}  // namespace vpclint::tf
