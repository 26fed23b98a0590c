#include "core/iam_analysis.h"

#include <algorithm>
#include <cctype>
#include <unordered_map>
#include <unordered_set>

#include "core/iam_action_match.h"
#include "core/managed_policies.h"

namespace vpclint {

namespace {

Tri min_tri(Tri a, Tri b) {
    if (a == Tri::No || b == Tri::No) return Tri::No;
    if (a == Tri::Unknown || b == Tri::Unknown) return Tri::Unknown;
    return Tri::Yes;
}

bool iequals_prefix(std::string_view s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

// EC2's Describe* actions support no resource-level permissions: only a
// statement with Resource "*" grants them ("DescribeNetworkInterfaces only
// works with Resource: *", Service Authorization Reference, Amazon EC2, where
// these actions list no resource type).
// https://docs.aws.amazon.com/service-authorization/latest/reference/list_amazonec2.html
bool needs_all_resources(std::string_view action) { return iequals_prefix(action, "ec2:Describe"); }

// Does the statement's Resource cover every resource, i.e. hold "*"?
Tri resource_is_all(const PolicyStatement& s) {
    // NotResource names what the statement excludes: whether that leaves the
    // resources a call needs is not something this analysis decides.
    if (s.uses_not_resource || s.resources.empty()) return Tri::Unknown;
    Tri any = Tri::No;
    for (const Text& r : s.resources) {
        if (r.known && r.value == "*") return Tri::Yes;
        // Unknown text could still be "*" unless its known parts rule it out.
        if (!r.known && action_entry_matches(r, "*") != Tri::No) any = Tri::Unknown;
    }
    return any;
}

// What the statements seen so far say about one request.
struct Verdict {
    bool allowed = false;          // some statement certainly allows
    Location allow_loc;
    bool maybe_allowed = false;    // some statement or unknown policy might allow
    std::string maybe_allow_reason;
    bool denied = false;           // some statement certainly denies
    Location deny_loc;
    std::string deny_name;
    bool maybe_denied = false;     // some statement or unknown policy might deny
    std::string maybe_deny_reason;
    std::string scoped_note;       // an Allow that names the action but not Resource "*"

    void maybe_allow(std::string why) {
        if (!maybe_allowed) maybe_allow_reason = std::move(why);
        maybe_allowed = true;
    }
    void maybe_deny(std::string why) {
        if (!maybe_denied) maybe_deny_reason = std::move(why);
        maybe_denied = true;
    }
    void unknown_content(const std::string& why) {
        maybe_allow(why);
        maybe_deny(why);
    }

    IamAnswer answer(std::string_view what) const {
        IamAnswer a;
        if (denied) {
            a.value = Tri::No;
            a.reason = "an explicit Deny" + (deny_name.empty() ? std::string() : " in " + deny_name) +
                       " overrides any Allow";
            a.loc = deny_loc;
        } else if (allowed && !maybe_denied) {
            a.value = Tri::Yes;
            a.loc = allow_loc;
        } else if (allowed) {
            a.value = Tri::Unknown;
            a.reason = maybe_deny_reason;
        } else if (maybe_allowed) {
            a.value = Tri::Unknown;
            a.reason = maybe_allow_reason;
        } else {
            a.value = Tri::No;
            a.reason = scoped_note.empty() ? "no statement allows " + std::string(what) : scoped_note;
        }
        return a;
    }
};

// One statement of an identity-based policy (or boundary) against an action.
// `certain`: the policy surely applies to the role; a policy that only may be
// attached contributes at most "maybe".
void add_statement(Verdict& v, const PolicyStatement& s, std::string_view action, const std::string& name,
                   bool certain) {
    Tri names = statement_names_action(s, action);
    if (names == Tri::No) return;
    std::string where = name.empty() ? std::string("a policy") : name;
    if (!s.effect_known) {
        v.unknown_content("a statement in " + where + " has an unknown Effect");
        return;
    }
    if (s.allow) {
        Tri res = resource_is_all(s);
        if (res == Tri::No && needs_all_resources(action)) {
            if (v.scoped_note.empty() && certain)
                v.scoped_note = where + " allows " + std::string(action) +
                                " only on specific resources, but that action needs Resource \"*\"";
            return;
        }
        Tri grant = min_tri(names, res == Tri::Yes ? Tri::Yes : Tri::Unknown);
        if (s.has_condition) grant = min_tri(grant, Tri::Unknown);
        if (grant == Tri::Yes && certain) {
            if (!v.allowed) v.allow_loc = s.loc;
            v.allowed = true;
            return;
        }
        std::string why;
        if (!certain) why = where + " may be attached to the role";
        else if (names != Tri::Yes) why = "an action entry in " + where + " is unknown";
        else if (s.has_condition) why = "the Allow in " + where + " has a Condition";
        else why = "the Allow in " + where + " is limited to resources that may not cover the call";
        v.maybe_allow(std::move(why));
        return;
    }
    bool sure = certain && names == Tri::Yes && !s.has_condition && resource_is_all(s) == Tri::Yes;
    if (sure) {
        if (!v.denied) {
            v.deny_loc = s.loc;
            v.deny_name = name;
        }
        v.denied = true;
        return;
    }
    v.maybe_deny(s.has_condition ? "a Deny with a Condition in " + where + " may apply"
                                 : "a Deny in " + where + " may apply");
}

void add_document(Verdict& v, const PolicyDocument* doc, const std::string& name, const std::string& unknown_reason,
                  std::string_view action, bool certain) {
    if (!doc) {
        v.unknown_content("the content of " + (name.empty() ? std::string("a policy") : name) + " is unknown" +
                          (unknown_reason.empty() ? std::string() : " (" + unknown_reason + ")"));
        return;
    }
    for (const PolicyStatement& s : doc->statements) add_statement(v, s, action, name, certain);
}

const PolicyDocument* known_document(const PolicyDocument& d) { return d.present && d.known ? &d : nullptr; }

std::string document_reason(const PolicyDocument& d) {
    if (!d.present) return "no policy document";
    return d.reason;
}

struct RoleBuilder {
    const Model& model;
    std::unordered_map<std::string, uint32_t> policy_by_id;

    explicit RoleBuilder(const Model& m) : model(m) {
        for (uint32_t i = 0; i < m.policies.size(); ++i) policy_by_id.emplace(m.policies[i].id, i);
    }

    // A Text that is exactly a reference to a policy of the model ("${Id}").
    const Policy* referenced_policy(const Text& t) const {
        if (t.known || t.value.size() < 4 || t.value.rfind("${", 0) != 0 || t.value.back() != '}') return nullptr;
        auto it = policy_by_id.find(t.value.substr(2, t.value.size() - 3));
        return it == policy_by_id.end() ? nullptr : &model.policies[it->second];
    }

    void add_managed(RoleIam& out, const ManagedPolicyRef& ref, std::unordered_set<uint32_t>& linked) const {
        AppliedPolicy ap;
        ap.loc = ref.loc.known() ? ref.loc : ref.arn.loc;
        if (ref.policy.resolved() && ref.policy.index < model.policies.size()) {
            const Policy& p = model.policies[ref.policy.index];
            linked.insert(ref.policy.index);
            ap.name = p.id;
            ap.document = known_document(p.document);
            ap.unknown_reason = document_reason(p.document);
        } else if (const ManagedPolicy* mp = find_managed_policy_by_arn(ref.arn)) {
            ap.name = std::string(mp->name);
            ap.document = &mp->document;
        } else {
            ap.name = ref.arn.value.empty() ? std::string("a managed policy") : "managed policy " + ref.arn.value;
            if (ref.arn.known)
                ap.unknown_reason = "not an AWS-managed policy this tool knows";
            else
                ap.unknown_reason = ref.arn.reason.empty() ? ref.policy.text : ref.arn.reason;
        }
        out.policies.push_back(std::move(ap));
    }

    RoleIam build(uint32_t index, const std::vector<std::vector<uint32_t>>& attached,
                  const std::vector<uint32_t>& maybe_attached) const {
        const Role& role = model.roles[index];
        RoleIam out;
        for (size_t k = 0; k < role.inline_policies.size(); ++k) {
            const PolicyDocument& d = role.inline_policies[k];
            AppliedPolicy ap;
            ap.name = d.name.empty() ? "inline policy " + std::to_string(k + 1) + " of " + role.id
                                     : d.name + " of " + role.id;
            ap.document = known_document(d);
            ap.unknown_reason = document_reason(d);
            ap.loc = d.loc;
            out.policies.push_back(std::move(ap));
        }
        std::unordered_set<uint32_t> linked;
        for (const ManagedPolicyRef& ref : role.managed_policies) add_managed(out, ref, linked);
        if (!role.managed_policies_complete)
            out.unknown_attachments.push_back("the managed policy list of " + role.id + " is unknown" +
                                              (role.managed_policies_reason.empty()
                                                   ? std::string()
                                                   : " (" + role.managed_policies_reason + ")"));
        for (uint32_t pi : attached[index]) {
            if (linked.count(pi)) continue;
            const Policy& p = model.policies[pi];
            AppliedPolicy ap;
            ap.name = p.id;
            ap.document = known_document(p.document);
            ap.unknown_reason = document_reason(p.document);
            ap.loc = p.loc;
            out.policies.push_back(std::move(ap));
        }
        for (uint32_t pi : maybe_attached) {
            const Policy& p = model.policies[pi];
            if (linked.count(pi) || std::find(attached[index].begin(), attached[index].end(), pi) !=
                                        attached[index].end())
                continue;
            AppliedPolicy ap;
            ap.name = p.id;
            ap.document = known_document(p.document);
            ap.unknown_reason = document_reason(p.document);
            ap.loc = p.loc;
            out.maybe_attached.push_back(std::move(ap));
        }
        if (role.permissions_boundary.present) {
            out.boundary_present = true;
            if (const ManagedPolicy* mp = find_managed_policy_by_arn(role.permissions_boundary)) {
                out.boundary = &mp->document;
                out.boundary_name = std::string(mp->name);
            } else if (const Policy* p = referenced_policy(role.permissions_boundary)) {
                out.boundary = known_document(p->document);
                out.boundary_name = p->id;
            } else {
                out.boundary_name = role.permissions_boundary.known ? role.permissions_boundary.value
                                                                    : std::string("the permissions boundary");
            }
        }
        out.trust = &role.trust_policy;
        return out;
    }
};

}  // namespace

std::vector<std::string_view> RoleIam::missing_eni_actions() const {
    std::vector<std::string_view> out;
    for (size_t i = 0; i < kLambdaEniActions.size(); ++i)
        if (eni[i].value == Tri::No) out.push_back(kLambdaEniActions[i]);
    return out;
}

IamAnswer evaluate_allows(const RoleIam& role, std::string_view action) {
    Verdict v;
    for (const AppliedPolicy& p : role.policies) add_document(v, p.document, p.name, p.unknown_reason, action, true);
    for (const std::string& why : role.unknown_attachments) v.unknown_content(why);
    for (const AppliedPolicy& p : role.maybe_attached)
        add_document(v, p.document, p.name, p.unknown_reason, action, false);
    IamAnswer identity = v.answer(action);
    if (!role.boundary_present || identity.value == Tri::No) return identity;

    // A permissions boundary caps what identity policies grant.
    // https://docs.aws.amazon.com/IAM/latest/UserGuide/access_policies_boundaries.html
    Verdict b;
    add_document(b, role.boundary, "permissions boundary " + role.boundary_name, "", action, true);
    IamAnswer capped = b.answer(action);
    if (capped.value == Tri::No) {
        capped.reason = "the permissions boundary " + role.boundary_name + " does not allow it (" + capped.reason + ")";
        return capped;
    }
    if (identity.value == Tri::Yes && capped.value == Tri::Yes) return identity;
    IamAnswer out;
    out.value = Tri::Unknown;
    out.reason = identity.value == Tri::Unknown ? identity.reason : capped.reason;
    return out;
}

IamAnswer evaluate_trust(const PolicyDocument& trust, std::string_view service) {
    IamAnswer out;
    if (!trust.present || !trust.known) {
        out.reason = trust.present ? "the trust policy is unknown" : "the role has no trust policy";
        if (!trust.reason.empty()) out.reason += " (" + trust.reason + ")";
        return out;
    }
    Verdict v;
    for (const PolicyStatement& s : trust.statements) {
        Tri names = statement_names_action(s, "sts:AssumeRole");
        Tri principal = s.principal_any ? Tri::Yes : Tri::No;
        for (const Text& p : s.service_principals) {
            Tri m = service_principal_matches(p, service);
            if (m == Tri::Yes) {
                principal = Tri::Yes;
                break;
            }
            if (m == Tri::Unknown) principal = Tri::Unknown;
        }
        Tri applies = min_tri(names, principal);
        if (applies == Tri::No) continue;
        if (!s.effect_known) {
            v.unknown_content("a trust statement has an unknown Effect");
            continue;
        }
        if (s.allow) {
            if (applies == Tri::Yes && !s.has_condition) {
                if (!v.allowed) v.allow_loc = s.loc;
                v.allowed = true;
            } else {
                v.maybe_allow(s.has_condition ? "the trust statement has a Condition"
                                              : "a principal or action entry of the trust statement is unknown");
            }
        } else if (applies == Tri::Yes && !s.has_condition) {
            if (!v.denied) v.deny_loc = s.loc;
            v.denied = true;
            v.deny_name = "the trust policy";
        } else {
            v.maybe_deny("a Deny in the trust policy may apply");
        }
    }
    out = v.answer("");
    if (out.value == Tri::No && !v.denied)
        out.reason = "no statement allows " + std::string(service) + " to call sts:AssumeRole";
    if (out.value == Tri::No && !out.loc.known()) out.loc = trust.loc;
    return out;
}

IamAnswer IamAnalysis::allows(uint32_t role, std::string_view action) const {
    if (role >= roles.size()) return IamAnswer{Tri::Unknown, "no such role", {}};
    return evaluate_allows(roles[role], action);
}

IamAnswer IamAnalysis::can_assume(uint32_t role, std::string_view service) const {
    if (role >= roles.size()) return IamAnswer{Tri::Unknown, "no such role", {}};
    if (!roles[role].trust) return IamAnswer{Tri::Unknown, "no trust policy recorded", {}};
    return evaluate_trust(*roles[role].trust, service);
}

IamAnalysis compute_iam(const Model& model) {
    IamAnalysis out;
    RoleBuilder builder(model);

    // Policies that name roles (AWS::IAM::Policy Roles, aws_iam_role_policy):
    // certainly attached to the roles they resolve to; possibly attached to
    // every role when part of the list is unknown.
    std::vector<std::vector<uint32_t>> attached(model.roles.size());
    std::vector<uint32_t> maybe_attached;
    for (uint32_t pi = 0; pi < model.policies.size(); ++pi) {
        const Policy& p = model.policies[pi];
        if (!p.roles.present) continue;
        bool unknown = !p.roles.complete;
        for (const Link& l : p.roles.items) {
            if (l.resolved() && l.index < model.roles.size())
                attached[l.index].push_back(pi);
            else if (l.state == LinkState::Unknown)
                unknown = true;
            // External: a role outside the model, by name or ARN.
        }
        if (unknown) maybe_attached.push_back(pi);
    }

    out.roles.reserve(model.roles.size());
    for (uint32_t i = 0; i < model.roles.size(); ++i) {
        RoleIam r = builder.build(i, attached, maybe_attached);
        for (size_t k = 0; k < kLambdaEniActions.size(); ++k) r.eni[k] = evaluate_allows(r, kLambdaEniActions[k]);
        r.lambda_trust = evaluate_trust(*r.trust, kLambdaServicePrincipal);
        out.roles.push_back(std::move(r));
    }
    return out;
}

}  // namespace vpclint
