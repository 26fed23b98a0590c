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

SecurityGroupRule unknown_rule(BindContext& c, const ResourceInfo& r, uint32_t group, RuleDirection dir,
                               const char* key, const EValue& v) {
    SecurityGroupRule rule;
    rule.id = r.id + "." + key;
    rule.type = r.type;
    rule.loc = c.loc(v, r.node);
    rule.direction = dir;
    rule.group.state = LinkState::Resolved;
    rule.group.index = group;
    rule.group.loc = rule.loc;
    rule.protocol.present = true;
    rule.protocol.loc = rule.loc;
    rule.protocol.reason = v.kind == Kind::Unknown ? v.text : std::string(key) + " is computed";
    return rule;
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
        if (list->kind == Kind::NoValue) continue;
        // Only a rule removes the default egress: an empty list keeps it
        // (AWS::EC2::SecurityGroup, SecurityGroupEgress).
        size_t before = m.security_group_rules.size();
        if (list->kind != Kind::List) {
            // A computed list (a parameter, an If of unknowns): one rule of
            // unknown content, so the analysis never reads "no rules" here.
            m.security_group_rules.push_back(unknown_rule(c, r, ref.index, dir, key, *list));
        }
        for (size_t i = 0; list->kind == Kind::List && i < list->items.size(); ++i) {
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
            else if (item.kind == Kind::NoValue) continue;
            else rule = unknown_rule(c, r, ref.index, dir, key, item);
            m.security_group_rules.push_back(std::move(rule));
        }
        if (dir == RuleDirection::Egress && m.security_group_rules.size() > before)
            m.security_groups[ref.index].egress_declared = true;
    }
}

}  // namespace vpclint::cfn
