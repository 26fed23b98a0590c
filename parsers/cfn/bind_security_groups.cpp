// AWS::EC2::SecurityGroup (inline rules) and the separate ingress/egress rules.
#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

void bind_rule_fields(BindContext& c, const EValue& rule, const Node* fb, SecurityGroupRule& out) {
    out.protocol = c.text(rule.field("IpProtocol"), fb);
    out.from_port = c.text(rule.field("FromPort"), fb);
    out.to_port = c.text(rule.field("ToPort"), fb);
    out.cidr_ipv4 = c.text(rule.field("CidrIp"), fb);
    out.cidr_ipv6 = c.text(rule.field("CidrIpv6"), fb);
    bool ingress = out.direction == RuleDirection::Ingress;
    const EValue* peer = rule.field(ingress ? "SourceSecurityGroupId" : "DestinationSecurityGroupId");
    if (!peer && ingress) peer = rule.field("SourceSecurityGroupName");
    out.peer_group = c.link(peer, EntityKind::SecurityGroup, fb);
    out.prefix_list = c.text(rule.field(ingress ? "SourcePrefixListId" : "DestinationPrefixListId"), fb);
}

}  // namespace

void bind_security_group(BindContext& c, const ResourceInfo& r, const EValue& props, EntityRef ref) {
    Model& m = c.model;
    if (ref.kind == EntityKind::SecurityGroupRule) {
        SecurityGroupRule& rule = m.security_group_rules[ref.index];
        rule.direction = r.type == "AWS::EC2::SecurityGroupEgress" ? RuleDirection::Egress : RuleDirection::Ingress;
        const EValue* group = props.field("GroupId");
        if (!group) group = props.field("GroupName");
        rule.group = c.link(group, EntityKind::SecurityGroup, r.node);
        bind_rule_fields(c, props, r.node, rule);
        if (rule.direction == RuleDirection::Egress && rule.group.resolved())
            m.security_groups[rule.group.index].egress_declared = true;
        return;
    }
    if (ref.kind != EntityKind::SecurityGroup) return;
    m.security_groups[ref.index].vpc = c.link(props.field("VpcId"), EntityKind::Vpc, r.node);
    for (RuleDirection dir : {RuleDirection::Ingress, RuleDirection::Egress}) {
        const char* key = dir == RuleDirection::Ingress ? "SecurityGroupIngress" : "SecurityGroupEgress";
        const EValue* list = props.field(key);
        if (!list) continue;
        if (dir == RuleDirection::Egress) m.security_groups[ref.index].egress_declared = true;
        if (list->kind != Kind::List) continue;
        for (size_t i = 0; i < list->items.size(); ++i) {
            const EValue& item = list->items[i];
            SecurityGroupRule rule;
            rule.id = r.id + "." + key + "[" + std::to_string(i) + "]";
            rule.type = r.type;
            rule.loc = c.loc(item, list->node);
            rule.direction = dir;
            rule.group.state = LinkState::Resolved;
            rule.group.index = ref.index;
            rule.group.loc = rule.loc;
            if (item.kind == Kind::Map) bind_rule_fields(c, item, list->node, rule);
            m.security_group_rules.push_back(std::move(rule));
        }
    }
}

}  // namespace vpclint::cfn
