#include "parsers/terraform/tf_bind_context.h"

#include <algorithm>
#include <filesystem>

namespace vpclint::tf {

EntityKind entity_kind_of_tf_type(std::string_view t) {
    static const std::pair<std::string_view, EntityKind> kTypes[] = {
        {"aws_lambda_function", EntityKind::Function},
        {"aws_vpc", EntityKind::Vpc},
        {"aws_subnet", EntityKind::Subnet},
        {"aws_route_table", EntityKind::RouteTable},
        {"aws_default_route_table", EntityKind::RouteTable},
        {"aws_route", EntityKind::Route},
        {"aws_route_table_association", EntityKind::SubnetAssociation},
        {"aws_main_route_table_association", EntityKind::Other},  // applied to the VPC by the frontend
        {"aws_internet_gateway", EntityKind::InternetGateway},
        {"aws_internet_gateway_attachment", EntityKind::GatewayAttachment},
        {"aws_nat_gateway", EntityKind::NatGateway},
        {"aws_eip", EntityKind::ElasticIp},
        {"aws_instance", EntityKind::Instance},
        {"aws_security_group", EntityKind::SecurityGroup},
        {"aws_default_security_group", EntityKind::SecurityGroup},
        {"aws_security_group_rule", EntityKind::SecurityGroupRule},
        {"aws_vpc_security_group_ingress_rule", EntityKind::SecurityGroupRule},
        {"aws_vpc_security_group_egress_rule", EntityKind::SecurityGroupRule},
        {"aws_iam_role", EntityKind::Role},
        {"aws_iam_role_policy", EntityKind::Policy},
        {"aws_iam_policy", EntityKind::Policy},
        {"aws_vpc_endpoint", EntityKind::VpcEndpoint},
        {"aws_lambda_event_source_mapping", EntityKind::EventSourceMapping},
        {"aws_vpn_gateway", EntityKind::VpnGateway},
        {"aws_ec2_transit_gateway", EntityKind::TransitGateway},
        {"aws_vpc_peering_connection", EntityKind::PeeringConnection},
        {"aws_egress_only_internet_gateway", EntityKind::EgressOnlyGateway},
        {"aws_network_interface", EntityKind::NetworkInterface},
        {"aws_ec2_carrier_gateway", EntityKind::CarrierGateway},
        {"aws_db_instance", EntityKind::DataStore},
        {"aws_rds_cluster", EntityKind::DataStore},
        {"aws_db_proxy", EntityKind::DataStore},
        {"aws_elasticache_cluster", EntityKind::DataStore},
        {"aws_elasticache_replication_group", EntityKind::DataStore},
        {"aws_elasticache_serverless_cache", EntityKind::DataStore},
        {"aws_memorydb_cluster", EntityKind::DataStore},
        {"aws_docdb_cluster", EntityKind::DataStore},
        {"aws_neptune_cluster", EntityKind::DataStore},
        {"aws_efs_file_system", EntityKind::DataStore},
        {"aws_opensearch_domain", EntityKind::DataStore},
        {"aws_lb", EntityKind::DataStore},
    };
    for (const auto& [type, kind] : kTypes)
        if (type == t) return kind;
    return EntityKind::Other;
}

bool BindContext::unknown(const Instance& i, const Path& p) const {
    const Node* au = at_path(i.after_unknown, p);
    return au && au->is_scalar() && au->text == "true";
}

const TfBlock* BindContext::block(const Instance& i) const {
    std::string scope;
    for (char c : i.module) scope += c;  // module addresses with indices share a directory
    size_t b;
    while ((b = scope.find('[')) != std::string::npos) scope.erase(b, scope.find(']', b) - b + 1);
    auto dir = tf_blocks.find(scope);
    if (dir == tf_blocks.end()) return nullptr;
    auto it = dir->second.find(i.type + "." + i.name);
    return it == dir->second.end() ? nullptr : &it->second;
}

Location BindContext::loc(const Instance& i) const {
    if (const TfBlock* b = block(i)) return b->header;
    return doc.location(*i.node);
}

Location BindContext::attr_loc(const Instance& i, const Path& p) const {
    if (const TfBlock* b = block(i)) {
        for (auto it = p.rbegin(); it != p.rend(); ++it)
            if (auto a = b->attributes.find(*it); a != b->attributes.end()) return a->second;
        return b->header;
    }
    // A plan has no source lines: the position of the value in the plan JSON.
    Path prefix = p;
    while (!prefix.empty()) {
        if (const Node* n = value(i, prefix)) return doc.location(*n);
        prefix.pop_back();
    }
    return doc.location(*i.node);
}

Text BindContext::text(const Instance& i, const Path& p) const {
    Text t;
    const Node* v = value(i, p);
    if (unknown(i, p)) {
        t.present = true;
        t.reason = "known after apply (" + i.address + ")";
        t.loc = attr_loc(i, p);
        return t;
    }
    if (!v || v->is_null()) return t;
    t.present = true;
    t.loc = attr_loc(i, p);
    if (v->is_scalar()) {
        t.known = true;
        t.value = v->text;
        const Node* expr = plan.expression(i, p);
        t.literal = expr && expr->get("constant_value");
    } else {
        t.reason = "a list or object where text is expected";
    }
    return t;
}

Flag BindContext::flag(const Instance& i, const Path& p, Tri default_value) const {
    Flag f;
    f.value = default_value;
    if (unknown(i, p)) {
        f.present = true;
        f.value = Tri::Unknown;
        f.reason = "known after apply";
        f.loc = attr_loc(i, p);
        return f;
    }
    const Node* v = value(i, p);
    if (!v || !v->is_scalar()) return f;
    f.present = true;
    f.loc = attr_loc(i, p);
    f.value = v->text == "true" ? Tri::Yes : v->text == "false" ? Tri::No : Tri::Unknown;
    return f;
}

namespace {

Link resolved(uint32_t index, const Location& loc) {
    Link l;
    l.state = LinkState::Resolved;
    l.index = index;
    l.loc = loc;
    return l;
}

}  // namespace

Link BindContext::link(const Instance& i, const Path& p, EntityKind expected) const {
    Link l;
    l.loc = attr_loc(i, p);
    Resolution r = plan.resolve(i, plan.expression(i, p));
    std::vector<uint32_t> matches;
    for (size_t inst : r.instances)
        if (entity_of[inst].kind == expected) matches.push_back(entity_of[inst].index);
    if (matches.size() == 1) return resolved(matches[0], l.loc);
    if (matches.size() > 1) {
        l.state = LinkState::Unknown;
        l.text = "one of " + std::to_string(matches.size()) + " instances that cannot be told apart";
        return l;
    }
    const Node* v = value(i, p);
    if (v && v->is_scalar() && !v->text.empty()) {
        if (const Instance* by_id = plan.by_id(v->text)) {
            EntityRef ref = entity_of[plan.index_of(*by_id)];
            if (ref.kind == expected) return resolved(ref.index, l.loc);
        }
        l.state = LinkState::External;
        l.text = v->text;
        const Node* expr = plan.expression(i, p);
        l.literal = expr && expr->get("constant_value");
        return l;
    }
    if (r.unresolved || unknown(i, p) || !r.instances.empty()) {
        l.state = LinkState::Unknown;
        l.text = r.unresolved ? r.reason : !r.instances.empty() ? "refers to a resource of another kind"
                                                                : "known after apply (" + i.address + ")";
    }
    return l;
}

LinkList BindContext::links(const Instance& i, const Path& p, EntityKind expected) const {
    LinkList out;
    out.loc = attr_loc(i, p);
    const Node* v = value(i, p);
    bool whole_unknown = unknown(i, p);
    Resolution r = plan.resolve(i, plan.expression(i, p));
    if (!v && !whole_unknown && r.instances.empty() && !r.unresolved) return out;
    out.present = true;
    std::vector<uint32_t> seen;
    for (size_t inst : r.instances)
        if (entity_of[inst].kind == expected &&
            std::find(seen.begin(), seen.end(), entity_of[inst].index) == seen.end()) {
            seen.push_back(entity_of[inst].index);
            out.items.push_back(resolved(entity_of[inst].index, out.loc));
        }
    if (r.unresolved) {
        out.complete = false;
        out.reason = r.reason;
    }
    // Known ids in the value that references did not explain.
    if (v && v->is_sequence()) {
        const Node* au = at_path(i.after_unknown, p);
        for (size_t k = 0; k < v->items.size(); ++k) {
            const Node* item = v->items[k];
            const Node* item_unknown = au && au->is_sequence() && k < au->items.size() ? au->items[k] : nullptr;
            if (item_unknown && item_unknown->is_scalar() && item_unknown->text == "true") continue;
            if (!item->is_scalar() || item->text.empty()) continue;
            Location loc = doc.location(*item);
            if (block(i)) loc = out.loc;
            if (const Instance* by_id = plan.by_id(item->text)) {
                EntityRef ref = entity_of[plan.index_of(*by_id)];
                if (ref.kind == expected) {
                    if (std::find(seen.begin(), seen.end(), ref.index) == seen.end()) {
                        seen.push_back(ref.index);
                        out.items.push_back(resolved(ref.index, loc));
                    }
                    continue;
                }
            }
            if (!r.instances.empty()) continue;  // the references already said what this is
            Link ext;
            ext.state = LinkState::External;
            ext.text = item->text;
            ext.loc = loc;
            const Node* expr = plan.expression(i, p);
            ext.literal = expr && expr->get("constant_value");
            out.items.push_back(std::move(ext));
        }
    }
    if (out.items.empty() && (whole_unknown || (v && v->is_sequence() && !v->items.empty()) || !r.instances.empty())) {
        // Ids known after apply and no reference to follow (old plan formats).
        out.complete = false;
        if (out.reason.empty()) out.reason = "known after apply (" + i.address + ")";
    }
    if (whole_unknown && !r.instances.empty() && seen.empty()) out.complete = false;
    return out;
}

namespace {

void texts_of(const Node* n, const Location& loc, std::vector<Text>& out) {
    auto add = [&](const Node* s) {
        Text t;
        t.present = true;
        t.known = s->is_scalar();
        if (t.known) t.value = s->text;
        else t.reason = "not a string";
        t.loc = loc;
        out.push_back(std::move(t));
    };
    if (!n) return;
    if (n->is_sequence())
        for (const Node* i : n->items) add(i);
    else
        add(n);
}

}  // namespace

PolicyDocument BindContext::policy(const Instance& i, const Path& p) const {
    PolicyDocument d;
    Text t = text(i, p);
    if (!t.present) return d;
    d.present = true;
    d.loc = t.loc;
    if (!t.known) {
        d.known = false;
        d.reason = t.reason;
        return d;
    }
    // Policies are JSON strings in Terraform (jsonencode or heredocs).
    LoadResult parsed = load_json(doc.path, t.value);
    if (parsed.error || !parsed.doc->root->is_mapping()) {
        d.known = false;
        d.reason = "the policy is not a JSON object";
        return d;
    }
    const Node* stmts = parsed.doc->root->get("Statement");
    std::vector<const Node*> list;
    if (stmts && stmts->is_sequence()) list = stmts->items;
    else if (stmts && stmts->is_mapping()) list.push_back(stmts);
    for (const Node* s : list) {
        PolicyStatement st;
        st.loc = t.loc;
        const Node* effect = s->get("Effect");
        st.allow = effect && effect->is_scalar() && effect->text == "Allow";
        st.effect_known = effect && effect->is_scalar() && (effect->text == "Allow" || effect->text == "Deny");
        const Node* action = s->get("Action");
        if (!action) {
            action = s->get("NotAction");
            st.uses_not_action = action != nullptr;
        }
        texts_of(action, t.loc, st.actions);
        const Node* res = s->get("Resource");
        if (!res) {
            res = s->get("NotResource");
            st.uses_not_resource = res != nullptr;
        }
        texts_of(res, t.loc, st.resources);
        st.has_condition = s->get("Condition") != nullptr;
        if (const Node* pr = s->get("Principal")) {
            if (pr->is_scalar() && pr->text == "*") st.principal_any = true;
            texts_of(pr->get("Service"), t.loc, st.service_principals);
            if (const Node* aws = pr->get("AWS"); aws && aws->is_scalar() && aws->text == "*") st.principal_any = true;
        }
        d.statements.push_back(std::move(st));
    }
    return d;
}

void init_tf_entity(Entity& e, const Instance& i, const BindContext& c) {
    e.id = i.address;
    e.type = i.type;
    e.loc = c.loc(i);
    if (c.block(i)) e.plan_loc = c.doc.location(*i.node);
}

}  // namespace vpclint::tf
