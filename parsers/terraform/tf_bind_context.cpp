#include "parsers/terraform/tf_bind_context.h"

#include <algorithm>
#include <optional>
#include <unordered_set>

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
    return tf_data_store_kind(t);  // the private resources and their parts (bind_tf_data_stores.cpp)
}

namespace {

bool is_index(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// {"vpc_config", "0", "subnet_ids"} -> "vpc_config[0].subnet_ids", for messages.
std::string render(const Path& p) {
    std::string out;
    for (const std::string& s : p) out += is_index(s) ? "[" + s + "]" : (out.empty() ? "" : ".") + s;
    return out;
}

// {"environment", "0", "variables", "URL"} -> "environment#0.variables#0.URL",
// the keys tf_source_scan gives nested lines.
std::string scan_key(const Path& p) {
    std::string out;
    for (size_t k = 0; k < p.size(); ++k) {
        if (is_index(p[k])) continue;
        if (!out.empty()) out += ".";
        out += p[k];
        if (k + 1 < p.size()) out += "#" + (is_index(p[k + 1]) ? p[k + 1] : std::string("0"));
    }
    return out;
}

bool is_true(const Node* n) { return n && n->is_scalar() && n->text == "true"; }

// A configuration constant and a planned value hold the same thing.
bool same_value(const Node* constant, const Node* value) {
    if (!value) return false;
    if (constant->is_scalar() && value->is_scalar()) return constant->text == value->text;
    if (constant->is_sequence() && value->is_sequence()) {
        if (constant->items.size() != value->items.size()) return false;
        for (size_t k = 0; k < constant->items.size(); ++k)
            if (!same_value(constant->items[k], value->items[k])) return false;
        return true;
    }
    return false;
}

Link resolved(uint32_t index, const Location& loc) {
    Link l;
    l.state = LinkState::Resolved;
    l.index = index;
    l.loc = loc;
    return l;
}

}  // namespace

Attr child(const Attr& a, const std::string& name) {
    Attr out = a;
    out.value.push_back(name);
    if (out.has_expr) out.expr.push_back(name);
    return out;
}

const Node* BindContext::expression(const Instance& i, const Attr& a) const {
    if (a.has_expr) return plan.expression(i, a.expr);
    // Only a value the plan does not know comes from the collapsed
    // expression: known values are what they are.
    if (a.collapsed && unknown(i, a.value)) return a.collapsed;
    return nullptr;
}

bool BindContext::unknown(const Instance& i, const Path& p) const { return is_true(at_path(i.after_unknown, p)); }

std::string BindContext::unknown_reason(const Instance& i, const Attr& a) const {
    const Node* expr = expression(i, a);
    const Node* refs = expr && expr->is_mapping() ? expr->get("references") : nullptr;
    if (refs && refs->is_sequence() && !refs->items.empty() && refs->items[0]->is_scalar())
        return "known after apply (" + refs->items[0]->text + ")";
    return "known after apply (" + i.address + "." + render(a.value) + ")";
}

bool BindContext::configured(const Instance& i, const Path& p) const {
    if (!i.config) return true;
    return plan.expression(i, p) != nullptr;
}

bool BindContext::computed_unknown(const Instance& i, const Attr& a) const {
    return unknown(i, a.value) && i.config && a.has_expr && !plan.expression(i, a.expr);
}

std::vector<uint32_t> BindContext::entities_of(const Resolution& r, EntityKind kind) const {
    std::vector<uint32_t> out;
    std::unordered_set<uint32_t> seen;  // count = 1000 must not be quadratic
    auto add = [&](uint32_t x) {
        if (seen.insert(x).second) out.push_back(x);
    };
    for (const Hit& h : r.hits) {
        if (h.instance >= entity_of.size()) continue;
        EntityRef ref = entity_of[h.instance];
        if (ref.kind == kind) {
            add(ref.index);
        } else if (kind == EntityKind::RouteTable && ref.kind == EntityKind::Vpc &&
                   (h.attr == "main_route_table_id" || h.attr == "default_route_table_id")) {
            if (auto t = original_main_table.find(ref.index); t != original_main_table.end()) add(t->second);
        }
    }
    return out;
}

std::vector<uint32_t> BindContext::ids_of(const std::string& id, EntityKind kind) const {
    Resolution r;
    for (size_t inst : plan.by_id(id)) r.hits.push_back({inst, ""});
    std::vector<uint32_t> out = entities_of(r, kind);
    if (kind == EntityKind::RouteTable)
        if (auto t = main_table_ids.find(id); t != main_table_ids.end() &&
                                              std::find(out.begin(), out.end(), t->second) == out.end())
            out.push_back(t->second);
    return out;
}

const TfBlock* BindContext::block(const Instance& i) const {
    auto dir = tf_blocks.find(scope_name(*i.module_path));  // instances of one module call share its source
    if (dir == tf_blocks.end()) return nullptr;
    auto it = dir->second.find(i.type + "." + i.name);
    return it == dir->second.end() ? nullptr : &it->second;
}

PathId BindContext::address_path(const Instance& i) const {
    const auto& all = plan.instances();
    if (all.empty() || &i < all.data() || &i >= all.data() + all.size()) return path_step(0, i.address);
    size_t k = static_cast<size_t>(&i - all.data());
    if (address_paths.size() != all.size()) address_paths.assign(all.size(), 0);
    if (!address_paths[k]) address_paths[k] = path_step(0, i.address);
    return address_paths[k];
}

// The configuration's steps: they are in source order for the items of
// set-typed blocks (`route`, `ingress`), where the plan's values are in hash
// order, so a plan and its .tf files give the same path. An item whose
// configuration block is not known keeps the block's name only.
PathId BindContext::attr_path(const Instance& i, const Attr& a) const {
    if (a.has_expr) return path_steps(address_path(i), a.expr);
    Path named;
    for (const std::string& s : a.value)
        if (!is_index(s)) named.push_back(s);
    return path_steps(address_path(i), named);
}

Location BindContext::loc(const Instance& i) const {
    Location l = block(i) ? block(i)->header : doc.location(*i.node);
    l.path = address_path(i);
    return l;
}

Location BindContext::attr_loc(const Instance& i, const Attr& a) const {
    Location l = attr_position(i, a);
    l.path = attr_path(i, a);
    return l;
}

Location BindContext::attr_position(const Instance& i, const Attr& a) const {
    if (const TfBlock* b = block(i)) {
        auto find = [&](const std::string& key) {
            auto it = b->attributes.find(key);
            return it == b->attributes.end() ? nullptr : &it->second;
        };
        if (!a.has_expr) {
            // A set item whose source block is not known: the first block of its kind.
            if (const Location* l = a.value.empty() ? nullptr : find(a.value.front())) return *l;
            return b->header;
        }
        for (Path p = a.expr; !p.empty(); p.pop_back())
            if (const Location* l = find(scan_key(p))) return *l;
        for (auto it = a.expr.rbegin(); it != a.expr.rend(); ++it)
            if (const Location* l = is_index(*it) ? nullptr : find(*it)) return *l;
        return b->header;
    }
    // A plan has no source lines: the position of the value in the plan JSON.
    for (Path p = a.value; !p.empty(); p.pop_back())
        if (const Node* n = value(i, p)) return doc.location(*n);
    return doc.location(*i.node);
}

Text BindContext::text(const Instance& i, const Attr& a) const {
    Text t;
    if (unknown(i, a.value)) {
        t.present = true;
        t.reason = unknown_reason(i, a);
        t.loc = attr_loc(i, a);
        return t;
    }
    const Node* v = value(i, a.value);
    if (!v || v->is_null()) return t;
    t.present = true;
    t.loc = attr_loc(i, a);
    if (v->is_scalar()) {
        t.known = true;
        t.value = v->text;
        const Node* expr = expression(i, a);
        t.literal = expr && expr->is_mapping() && expr->get("constant_value");
    } else {
        t.reason = "a list or object where text is expected";
    }
    return t;
}

Flag BindContext::flag(const Instance& i, const Attr& a, Tri default_value) const {
    Flag f;
    f.value = default_value;
    if (unknown(i, a.value)) {
        f.present = true;
        f.value = Tri::Unknown;
        f.reason = unknown_reason(i, a);
        f.loc = attr_loc(i, a);
        return f;
    }
    const Node* v = value(i, a.value);
    if (!v || !v->is_scalar()) return f;
    f.present = true;
    f.loc = attr_loc(i, a);
    f.value = v->text == "true" ? Tri::Yes : v->text == "false" ? Tri::No : Tri::Unknown;
    if (f.value == Tri::Unknown) f.reason = "not a boolean: " + v->text;
    return f;
}

namespace {

// Several instances one reference names (count/for_each) and no way to
// tell which: every one is a candidate; the link stays unknown.
Link ambiguous(std::vector<uint32_t> candidates, const Location& loc, const std::string& what) {
    Link l;
    l.state = LinkState::Unknown;
    l.text = "one of " + std::to_string(candidates.size()) + " instances that cannot be told apart (" + what + ")";
    l.candidates = std::move(candidates);
    l.loc = loc;
    return l;
}

std::string first_address(const PlanIndex& plan, const Resolution& r) {
    return r.instances.empty() ? std::string() : plan.instances()[r.instances.front()].address;
}

}  // namespace

Link BindContext::link(const Instance& i, const Attr& a, EntityKind expected) const {
    Link l;
    l.loc = attr_loc(i, a);
    const Node* v = value(i, a.value);
    bool unk = unknown(i, a.value);
    const Node* expr = expression(i, a);
    Resolution r = plan.resolve(i, expr);
    std::vector<uint32_t> refs = entities_of(r, expected);
    if (!unk && v && v->is_scalar() && !v->text.empty()) {
        // A known id says which one, whatever the references say.
        std::vector<uint32_t> ids = ids_of(v->text, expected);
        if (ids.size() > 1) {
            std::vector<uint32_t> both;
            for (uint32_t x : ids)
                if (std::find(refs.begin(), refs.end(), x) != refs.end()) both.push_back(x);
            if (both.size() == 1) return resolved(both[0], l.loc);
            return ambiguous(ids, l.loc, "several resources have the id " + v->text);
        }
        if (ids.size() == 1) return resolved(ids[0], l.loc);
        if (refs.size() == 1) return resolved(refs[0], l.loc);
        if (refs.size() > 1) return ambiguous(refs, l.loc, first_address(plan, r));
        l.state = LinkState::External;
        l.text = v->text;
        l.literal = expr && expr->is_mapping() && expr->get("constant_value");
        return l;
    }
    if (!unk) {
        if (!v || v->is_null() || (v->is_scalar() && v->text.empty())) return l;  // not set
        l.state = LinkState::Unknown;
        l.text = "a list or object where one id is expected";
        return l;
    }
    if (refs.size() == 1) return resolved(refs[0], l.loc);
    if (refs.size() > 1) return ambiguous(refs, l.loc, first_address(plan, r));
    l.state = LinkState::Unknown;
    l.text = r.unresolved ? r.reason
             : !r.instances.empty() ? "refers to " + first_address(plan, r) + ", not the kind of resource expected here"
                                    : unknown_reason(i, a);
    return l;
}

std::optional<uint32_t> BindContext::read_from(const Resolution& r, const std::string& text, EntityKind kind) const {
    for (const Hit& h : r.hits) {
        if (h.attr.empty() || h.instance >= entity_of.size() || entity_of[h.instance].kind != kind) continue;
        const Node* v = value(plan.instances()[h.instance], {h.attr});
        if (v && v->is_scalar() && v->text == text) return entity_of[h.instance].index;
    }
    return std::nullopt;
}

LinkList BindContext::links(const Instance& i, const Attr& a, EntityKind expected) const {
    LinkList out;
    out.loc = attr_loc(i, a);
    const Node* v = value(i, a.value);
    const Node* au = at_path(i.after_unknown, a.value);
    const Node* expr = expression(i, a);
    Resolution r = plan.resolve(i, expr);
    std::vector<uint32_t> refs = entities_of(r, expected);
    bool literal = expr && expr->is_mapping() && expr->get("constant_value");
    if (is_true(au)) {
        // The whole list is known after apply, even its length: the
        // references are all there is.
        out.present = true;
        out.items.reserve(refs.size());
        for (uint32_t x : refs) out.items.push_back(resolved(x, out.loc));
        if (refs.empty() || r.unresolved) {
            out.complete = false;
            out.reason = r.unresolved ? r.reason
                         : !r.instances.empty() ? "refers to " + first_address(plan, r) + ", not the kind of resource expected here"
                                                : unknown_reason(i, a);
        }
        return out;
    }
    bool listed_unknowns = au && au->is_sequence();
    if ((!v || v->is_null()) && !listed_unknowns) return out;  // not set
    out.present = true;
    if (v && !v->is_null() && !v->is_sequence()) {
        out.complete = false;
        out.reason = "not a list";
        return out;
    }
    size_t n = std::max(v && v->is_sequence() ? v->items.size() : 0, listed_unknowns ? au->items.size() : 0);
    out.items.reserve(std::max(n, refs.size()));
    std::vector<uint32_t> matched;  // entities already in the list
    std::unordered_set<uint32_t> matched_set;
    size_t unknown_items = 0;
    for (size_t k = 0; k < n; ++k) {
        const Node* item = v && v->is_sequence() && k < v->items.size() ? v->items[k] : nullptr;
        if (listed_unknowns && k < au->items.size() && is_true(au->items[k])) {
            ++unknown_items;
            continue;
        }
        if (!item || !item->is_scalar() || item->text.empty()) continue;
        Location loc = block(i) ? out.loc : doc.location(*item);
        loc.path = path_step(out.loc.path, std::to_string(k));
        std::vector<uint32_t> ids = ids_of(item->text, expected);
        if (ids.size() == 1) {
            if (matched_set.insert(ids[0]).second) {
                matched.push_back(ids[0]);
                out.items.push_back(resolved(ids[0], loc));
            }
            continue;
        }
        if (ids.size() > 1) {
            out.items.push_back(ambiguous(ids, loc, "several resources have the id " + item->text));
            continue;
        }
        // A known value the references read from a resource here: roles =
        // [aws_iam_role.x.name] holds the role's name, known while its id is not.
        if (std::optional<uint32_t> via = read_from(r, item->text, expected)) {
            if (matched_set.insert(*via).second) {
                matched.push_back(*via);
                out.items.push_back(resolved(*via, loc));
            }
            continue;
        }
        Link ext;
        ext.state = LinkState::External;
        ext.text = item->text;
        ext.loc = loc;
        ext.literal = literal;
        out.items.push_back(std::move(ext));
    }
    if (unknown_items == 0) return out;
    std::vector<uint32_t> remaining;
    for (uint32_t x : refs)
        if (!matched_set.count(x)) remaining.push_back(x);
    if (remaining.size() == unknown_items) {
        // As many candidates as unknown items: they are the items.
        for (uint32_t x : remaining) out.items.push_back(resolved(x, out.loc));
        return out;
    }
    if (!remaining.empty() && !r.unresolved && remaining.size() > unknown_items) {
        // aws_subnet.private[*] has 3 instances, the list 2 unknown items.
        for (size_t k = 0; k < unknown_items; ++k) out.items.push_back(ambiguous(remaining, out.loc, first_address(plan, r)));
        return out;
    }
    out.complete = false;
    out.reason = r.unresolved ? r.reason : unknown_reason(i, a);
    return out;
}

Attr BindContext::set_item(const Instance& i, const std::string& block_name, size_t k,
                           const std::vector<std::string>& keys) const {
    Path vp{block_name, std::to_string(k)};
    const Node* cfg = i.config ? at_path(i.config->get("expressions"), {block_name}) : nullptr;
    if (cfg && cfg->is_mapping() && cfg->get("references")) {
        Attr a(vp, {}, false);
        a.collapsed = cfg;
        return a;
    }
    if (!cfg || !cfg->is_sequence()) return Attr(vp, {}, false);
    const Node* vals = value(i, {block_name});
    size_t nvals = vals && vals->is_sequence() ? vals->items.size() : 0;
    if (cfg->items.size() == 1 && nvals == 1) return Attr(vp, {block_name, "0"}, true);
    std::vector<size_t> fits;
    for (size_t j = 0; j < cfg->items.size(); ++j) {
        const Node* item = cfg->items[j];
        if (!item->is_mapping()) continue;
        bool ok = true, compared = false;
        for (const std::string& key : keys) {
            const Node* e = item->get(key);
            const Node* constant = e && e->is_mapping() ? e->get("constant_value") : nullptr;
            if (!constant || constant->is_null()) continue;
            compared = true;
            if (!same_value(constant, value(i, {block_name, std::to_string(k), key}))) ok = false;
        }
        if (ok && compared) fits.push_back(j);
    }
    if (fits.size() == 1) return Attr(vp, {block_name, std::to_string(fits[0])}, true);
    return Attr(vp, {}, false);
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

bool names_anyone(const Node* n) {
    if (!n) return false;
    if (n->is_scalar()) return n->text == "*";
    if (n->is_sequence())
        return std::any_of(n->items.begin(), n->items.end(), [](const Node* x) { return x->is_scalar() && x->text == "*"; });
    return false;
}

}  // namespace

PolicyDocument BindContext::policy(const Instance& i, const Attr& a) const {
    PolicyDocument d;
    Text t = text(i, a);
    if (!t.present || (t.known && t.value.empty())) return d;  // the provider writes "" for no policy
    d.present = true;
    d.loc = t.loc;
    if (!t.known) {
        d.known = false;
        d.reason = t.reason;
        return d;
    }
    // Policies are JSON strings in Terraform (jsonencode, heredocs, data
    // aws_iam_policy_document's json): parse them here.
    LoadResult parsed = load_json(doc.path, t.value);
    if (parsed.error || !parsed.doc->root || !parsed.doc->root->is_mapping()) {
        d.known = false;
        d.reason = "the policy is not a JSON object";
        return d;
    }
    const Node* stmts = parsed.doc->root->get("Statement");
    std::vector<const Node*> list;
    if (stmts && stmts->is_sequence()) list.assign(stmts->items.begin(), stmts->items.end());
    else if (stmts && stmts->is_mapping()) list.push_back(stmts);
    for (const Node* s : list) {
        if (!s->is_mapping()) continue;
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
            if (pr->is_mapping()) {
                texts_of(pr->get("Service"), t.loc, st.service_principals);
                if (names_anyone(pr->get("AWS"))) st.principal_any = true;
            }
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
    e.plan_path = c.plan.json_path(i);
}

}  // namespace vpclint::tf
