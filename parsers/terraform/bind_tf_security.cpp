// aws_security_group (inline rules; Terraform removes AWS's default allow-all
// egress, provider docs "aws_security_group"), aws_default_security_group,
// aws_security_group_rule, aws_vpc_security_group_ingress_rule/egress_rule.
#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

namespace {

// One IR rule per source or destination: a Terraform rule with two CIDR
// blocks and a group admits each of them (the IR rule has one peer).
void expand(BindContext& c, const Instance& i, const Attr& base, const SecurityGroupRule& proto,
            const char* cidrs, const char* ipv6_cidrs, const char* groups, const char* prefix_lists) {
    Model& m = c.model;
    bool any = false;
    auto emit = [&](SecurityGroupRule r) {
        any = true;
        r.self = false;  // `self` is a source of its own, emitted last
        m.security_group_rules.push_back(std::move(r));
    };
    auto each_text = [&](const char* list, auto set) {
        if (!list) return;
        Attr a = child(base, list);
        const Node* v = c.value(i, a.value);
        if (c.unknown(i, a.value)) {
            SecurityGroupRule r = proto;
            set(r, c.text(i, a));
            emit(std::move(r));
            return;
        }
        if (!v || !v->is_sequence()) return;
        for (size_t k = 0; k < v->items.size(); ++k) {
            SecurityGroupRule r = proto;
            set(r, c.text(i, child(a, std::to_string(k))));
            emit(std::move(r));
        }
    };
    each_text(cidrs, [](SecurityGroupRule& r, Text t) { r.cidr_ipv4 = std::move(t); });
    each_text(ipv6_cidrs, [](SecurityGroupRule& r, Text t) { r.cidr_ipv6 = std::move(t); });
    each_text(prefix_lists, [](SecurityGroupRule& r, Text t) { r.prefix_list = std::move(t); });
    if (groups) {
        LinkList peers = c.links(i, child(base, groups), EntityKind::SecurityGroup);
        for (const Link& l : peers.items) {
            SecurityGroupRule r = proto;
            r.peer_group = l;
            emit(std::move(r));
        }
        if (peers.present && !peers.complete) {
            SecurityGroupRule r = proto;
            r.peer_group.state = LinkState::Unknown;
            r.peer_group.text = peers.reason;
            r.peer_group.loc = peers.loc;
            emit(std::move(r));
        }
    }
    if (proto.self || !any) m.security_group_rules.push_back(proto);  // `self`, or a rule naming no peer at all
}

bool function_or_group_type(std::string_view t) {
    return t == "aws_lambda_function" || t == "aws_security_group" || t == "aws_default_security_group" ||
           t == "aws_security_group_rule" || t == "aws_vpc_security_group_ingress_rule" ||
           t == "aws_vpc_security_group_egress_rule";
}

bool names_group(const std::string& ref, const std::string& token) {
    return ref.compare(0, token.size(), token) == 0 &&
           (ref.size() == token.size() || ref[token.size()] == '.' || ref[token.size()] == '[');
}

// Whether an expression anywhere in the configuration (a resource other than
// a function or a security group or rule, an output, a module input)
// references `token` ("aws_security_group.lambda"). Groups of the same name
// in different modules are not told apart: that only makes it say yes.
bool referenced_outside(const Node* n, const std::string& token, bool skip, int depth) {
    if (!n || depth > 64) return false;
    if (n->is_sequence()) {
        for (const Node* i : n->items)
            if (referenced_outside(i, token, skip, depth + 1)) return true;
        return false;
    }
    if (!n->is_mapping()) return false;
    if (const Node* type = n->get("type"); type && type->is_scalar() && n->get("expressions"))
        skip = function_or_group_type(type->text);  // a configuration resource
    for (const MapEntry& e : n->entries) {
        if (!skip && e.key == "references" && e.value && e.value->is_sequence())
            for (const Node* r : e.value->items)
                if (r->is_scalar() && names_group(r->text, token)) return true;
        if (referenced_outside(e.value, token, skip, depth + 1)) return true;
    }
    return false;
}

}  // namespace

void bind_tf_security(BindContext& c, const Instance& i, EntityRef ref) {
    Model& m = c.model;
    if (ref.kind == EntityKind::SecurityGroup) {
        SecurityGroup& g = m.security_groups[ref.index];
        g.vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
        g.default_allow_all_egress = false;
        // A state has no configuration to tell who else uses the group.
        if (const Node* config = c.doc.root ? c.doc.root->get("configuration") : nullptr)
            g.used_by_non_functions = referenced_outside(config, i.type + "." + i.name, false, 0) ? Tri::Yes : Tri::No;
        Location group_plan_loc = g.plan_loc;
        for (const char* dir : {"ingress", "egress"}) {
            bool egress = std::string_view(dir) == "egress";
            // ingress/egress are optional and computed: a plan marks them
            // unknown when the configuration writes no such blocks (the
            // rules are then separate resources). Written blocks known only
            // after apply give one rule whose every field is unknown.
            if (c.unknown(i, {dir}) && !c.configured(i, {dir})) continue;
            if (c.unknown(i, {dir})) {
                if (egress) m.security_groups[ref.index].egress_declared = true;
                SecurityGroupRule r;
                r.id = i.address + "." + dir;
                r.type = i.type;
                r.loc = c.attr_loc(i, {dir});
                r.plan_loc = group_plan_loc;
                r.direction = egress ? RuleDirection::Egress : RuleDirection::Ingress;
                r.group.state = LinkState::Resolved;
                r.group.index = ref.index;
                r.protocol.present = true;
                r.protocol.reason = c.unknown_reason(i, {dir});
                m.security_group_rules.push_back(std::move(r));
                continue;
            }
            const Node* rules = c.value(i, {dir});
            if (!rules || !rules->is_sequence()) continue;
            if (egress && !rules->items.empty()) m.security_groups[ref.index].egress_declared = true;
            for (size_t k = 0; k < rules->items.size(); ++k) {
                // ingress/egress are sets: pair each with its source block.
                Attr base = c.set_item(i, dir, k,
                                       {"from_port", "to_port", "protocol", "cidr_blocks", "ipv6_cidr_blocks", "self",
                                        "description"});
                SecurityGroupRule r;
                r.id = i.address + "." + dir + "[" + std::to_string(k) + "]";
                r.type = i.type;
                r.loc = c.attr_loc(i, base);
                r.plan_loc = group_plan_loc;
                r.direction = egress ? RuleDirection::Egress : RuleDirection::Ingress;
                r.group.state = LinkState::Resolved;
                r.group.index = ref.index;
                r.group.loc = r.loc;
                r.protocol = c.text(i, child(base, "protocol"));
                r.from_port = c.text(i, child(base, "from_port"));
                r.to_port = c.text(i, child(base, "to_port"));
                r.self = c.flag(i, child(base, "self"), Tri::No).value == Tri::Yes;
                expand(c, i, base, r, "cidr_blocks", "ipv6_cidr_blocks", "security_groups", "prefix_list_ids");
            }
        }
        return;
    }
    if (ref.kind != EntityKind::SecurityGroupRule) return;
    // The slot made for this resource takes the first expansion; further
    // sources become rules of their own.
    SecurityGroupRule proto = m.security_group_rules[ref.index];
    proto.group = c.link(i, {"security_group_id"}, EntityKind::SecurityGroup);
    proto.from_port = c.text(i, {"from_port"});
    proto.to_port = c.text(i, {"to_port"});
    size_t before = m.security_group_rules.size();
    if (i.type == "aws_security_group_rule") {
        Text type = c.text(i, {"type"});
        proto.direction = type.is("egress") ? RuleDirection::Egress : RuleDirection::Ingress;
        proto.protocol = c.text(i, {"protocol"});
        proto.self = c.flag(i, {"self"}, Tri::No).value == Tri::Yes;
        // source_security_group_id is optional and computed: unknown in a
        // plan whenever the configuration gives CIDR blocks instead.
        Link peer;
        if (!c.unknown(i, {"source_security_group_id"}) || c.configured(i, {"source_security_group_id"}))
            peer = c.link(i, {"source_security_group_id"}, EntityKind::SecurityGroup);
        bool has_other = false;
        for (const char* list : {"cidr_blocks", "ipv6_cidr_blocks", "prefix_list_ids"})
            if (const Node* v = c.value(i, {list}); (v && v->is_sequence() && !v->items.empty()) || c.unknown(i, {list}))
                has_other = true;
        if (!peer.absent()) {
            SecurityGroupRule r = proto;
            r.peer_group = peer;
            m.security_group_rules.push_back(std::move(r));
        }
        if (has_other || proto.self || peer.absent())
            expand(c, i, Attr(Path{}), proto, "cidr_blocks", "ipv6_cidr_blocks", nullptr, "prefix_list_ids");
    } else {
        proto.direction = i.type == "aws_vpc_security_group_egress_rule" ? RuleDirection::Egress : RuleDirection::Ingress;
        proto.protocol = c.text(i, {"ip_protocol"});
        proto.cidr_ipv4 = c.text(i, {"cidr_ipv4"});
        proto.cidr_ipv6 = c.text(i, {"cidr_ipv6"});
        proto.peer_group = c.link(i, {"referenced_security_group_id"}, EntityKind::SecurityGroup);
        proto.prefix_list = c.text(i, {"prefix_list_id"});
        for (Text* t : {&proto.cidr_ipv4, &proto.cidr_ipv6, &proto.prefix_list})
            if (t->known && t->value.empty()) *t = Text{};
        m.security_group_rules.push_back(proto);
    }
    // Move the first new rule into the resource's own slot.
    if (m.security_group_rules.size() > before) {
        m.security_group_rules[ref.index] = std::move(m.security_group_rules[before]);
        m.security_group_rules.erase(m.security_group_rules.begin() + static_cast<std::ptrdiff_t>(before));
    } else {
        m.security_group_rules[ref.index] = proto;
    }
    const SecurityGroupRule& r = m.security_group_rules[ref.index];
    if (r.direction == RuleDirection::Egress && r.group.resolved()) m.security_groups[r.group.index].egress_declared = true;
}

}  // namespace vpclint::tf
