// aws_security_group (inline rules; Terraform removes AWS's default allow-all
// egress), aws_security_group_rule, aws_vpc_security_group_*_rule.
#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

namespace {

Text first_of(const BindContext& c, const Instance& i, const Path& list) {
    Path p = list;
    p.push_back("0");
    return c.text(i, p);
}

}  // namespace

void bind_tf_security(BindContext& c, const Instance& i, EntityRef ref) {
    Model& m = c.model;
    if (ref.kind == EntityKind::SecurityGroup) {
        SecurityGroup& g = m.security_groups[ref.index];
        g.vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
        g.default_allow_all_egress = false;
        for (const char* dir : {"ingress", "egress"}) {
            const Node* rules = c.value(i, {dir});
            if (c.unknown(i, {dir})) g.egress_declared = g.egress_declared || std::string_view(dir) == "egress";
            if (!rules || !rules->is_sequence()) continue;
            if (std::string_view(dir) == "egress" && !rules->items.empty()) g.egress_declared = true;
            for (size_t k = 0; k < rules->items.size(); ++k) {
                Path base{dir, std::to_string(k)};
                auto at = [&](const char* a) {
                    Path p = base;
                    p.push_back(a);
                    return p;
                };
                SecurityGroupRule r;
                r.id = i.address + "." + dir + "[" + std::to_string(k) + "]";
                r.type = i.type;
                r.loc = c.attr_loc(i, base);
                r.direction = std::string_view(dir) == "ingress" ? RuleDirection::Ingress : RuleDirection::Egress;
                r.group.state = LinkState::Resolved;
                r.group.index = ref.index;
                r.protocol = c.text(i, at("protocol"));
                r.from_port = c.text(i, at("from_port"));
                r.to_port = c.text(i, at("to_port"));
                r.cidr_ipv4 = first_of(c, i, at("cidr_blocks"));
                r.cidr_ipv6 = first_of(c, i, at("ipv6_cidr_blocks"));
                LinkList peers = c.links(i, at("security_groups"), EntityKind::SecurityGroup);
                if (!peers.items.empty()) r.peer_group = peers.items.front();
                r.self = c.flag(i, at("self"), Tri::No).value == Tri::Yes;
                m.security_group_rules.push_back(std::move(r));
            }
        }
        return;
    }
    if (ref.kind != EntityKind::SecurityGroupRule) return;
    SecurityGroupRule& r = m.security_group_rules[ref.index];
    r.group = c.link(i, {"security_group_id"}, EntityKind::SecurityGroup);
    if (i.type == "aws_security_group_rule") {
        Text type = c.text(i, {"type"});
        r.direction = type.is("egress") ? RuleDirection::Egress : RuleDirection::Ingress;
        r.protocol = c.text(i, {"protocol"});
        r.cidr_ipv4 = first_of(c, i, {"cidr_blocks"});
        r.cidr_ipv6 = first_of(c, i, {"ipv6_cidr_blocks"});
        r.peer_group = c.link(i, {"source_security_group_id"}, EntityKind::SecurityGroup);
        r.self = c.flag(i, {"self"}, Tri::No).value == Tri::Yes;
    } else {
        r.direction = i.type == "aws_vpc_security_group_egress_rule" ? RuleDirection::Egress : RuleDirection::Ingress;
        r.protocol = c.text(i, {"ip_protocol"});
        r.cidr_ipv4 = c.text(i, {"cidr_ipv4"});
        r.cidr_ipv6 = c.text(i, {"cidr_ipv6"});
        r.peer_group = c.link(i, {"referenced_security_group_id"}, EntityKind::SecurityGroup);
        r.prefix_list = c.text(i, {"prefix_list_id"});
    }
    r.from_port = c.text(i, {"from_port"});
    r.to_port = c.text(i, {"to_port"});
    if (r.direction == RuleDirection::Egress && r.group.resolved()) m.security_groups[r.group.index].egress_declared = true;
}

}  // namespace vpclint::tf
