// AWS::EC2::SecurityGroup (inline rules) and the separate ingress/egress rules.
#include <unordered_set>

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

namespace {

// The logical ids a template value references: Ref, Fn::GetAtt, ${X} in
// Fn::Sub (written long or short form: the loader gives both one tree).
void referenced_ids(const Node* n, std::unordered_set<std::string>& out, int depth) {
    if (!n || depth > 64) return;
    if (n->is_sequence())
        for (const Node* i : n->items) referenced_ids(i, out, depth + 1);
    if (!n->is_mapping()) return;
    for (const MapEntry& e : n->entries) {
        const Node* v = e.value;
        if (e.key == "Ref" && v && v->is_scalar()) out.insert(v->text);
        if (e.key == "Fn::GetAtt" && v) {
            if (v->is_scalar()) out.insert(v->text.substr(0, v->text.find('.')));
            if (v->is_sequence() && !v->items.empty() && v->items[0]->is_scalar()) out.insert(v->items[0]->text);
        }
        if (e.key == "Fn::Sub" && v) {
            const Node* text = v->is_sequence() && !v->items.empty() ? v->items[0] : v;
            if (text && text->is_scalar())
                for (size_t at = text->text.find("${"); at != std::string::npos; at = text->text.find("${", at + 2)) {
                    size_t end = text->text.find_first_of(".}", at + 2);
                    if (end != std::string::npos) out.insert(text->text.substr(at + 2, end - at - 2));
                }
        }
        referenced_ids(v, out, depth + 1);
    }
}

bool function_or_group_type(std::string_view t) {
    return t == "AWS::Lambda::Function" || t == "AWS::Serverless::Function" || t == "AWS::EC2::SecurityGroup" ||
           t == "AWS::EC2::SecurityGroupIngress" || t == "AWS::EC2::SecurityGroupEgress";
}

}  // namespace

void mark_group_users(BindContext& c) {
    // A macro may add resources this template does not show.
    if (c.tpl.other_transform) return;
    std::unordered_set<std::string> ids;
    for (const ResourceInfo& r : c.tpl.resources)
        if (c.entities.count(r.id) && !function_or_group_type(r.type)) referenced_ids(r.node, ids, 0);
    // An output may hand the group to another stack.
    if (c.tpl.root && c.tpl.root->is_mapping()) referenced_ids(c.tpl.root->get("Outputs"), ids, 0);
    for (SecurityGroup& g : c.model.security_groups) g.used_by_non_functions = ids.count(g.id) ? Tri::Yes : Tri::No;
}

}  // namespace vpclint::cfn
