// A VPC's main route table in Terraform. AWS creates it with the VPC, with
// only the local route (VPC User Guide, "Main route table"); aws_vpc exports
// its id as `main_route_table_id` and `default_route_table_id`. Terraform can
// adopt it (aws_default_route_table), add routes to it (aws_route with
// `route_table_id = aws_vpc.x.main_route_table_id`), associate subnets with
// it, or make another table the main one (aws_main_route_table_association).
// A VPC whose main table nothing touches keeps Vpc::main_route_table Absent
// (the implicit table with only the local route), as in CloudFormation.
#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string_view>
#include <unordered_map>

#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

namespace {

constexpr const char* kMainTableAttrs[] = {"main_route_table_id", "default_route_table_id"};

Link resolved_link(uint32_t index, const Location& loc) {
    Link l;
    l.state = LinkState::Resolved;
    l.index = index;
    l.loc = loc;
    return l;
}

void remember_ids(BindContext& c, const Instance& vpc, uint32_t table) {
    for (const char* attr : kMainTableAttrs)
        if (const Node* id = c.value(vpc, {attr}); id && id->is_scalar() && !id->text.empty())
            c.main_table_ids.emplace(id->text, table);
}

// The plan's VPCs, looked up once for every aws_default_route_table (a
// scan of all instances per table was quadratic in large plans).
struct VpcInstances {
    std::vector<const Instance*> of_vpc;                                      // by VPC entity index
    std::unordered_map<std::string_view, std::vector<uint32_t>> by_main_table_id;  // known id -> VPCs
};

VpcInstances index_vpcs(const BindContext& c) {
    VpcInstances v;
    v.of_vpc.assign(c.model.vpcs.size(), nullptr);
    const auto& instances = c.plan.instances();
    for (size_t k = 0; k < instances.size(); ++k) {
        if (c.entity_of[k].kind != EntityKind::Vpc) continue;
        uint32_t vpc = c.entity_of[k].index;
        if (vpc < v.of_vpc.size()) v.of_vpc[vpc] = &instances[k];  // the last instance of a VPC, as before
        for (const char* attr : kMainTableAttrs)
            if (const Node* id = c.value(instances[k], {attr}); id && id->is_scalar() && !id->text.empty()) {
                std::vector<uint32_t>& vpcs = v.by_main_table_id[id->text];
                if (std::find(vpcs.begin(), vpcs.end(), vpc) == vpcs.end()) vpcs.push_back(vpc);
            }
    }
    return v;
}

// aws_default_route_table manages the VPC's original main table itself.
void adopt(BindContext& c, const VpcInstances& known, const Instance& i, EntityRef ref) {
    Model& m = c.model;
    Resolution r = c.plan.resolve(i, c.plan.expression(i, {"default_route_table_id"}));
    std::vector<uint32_t> vpcs = c.entities_of(r, EntityKind::Vpc);
    if (vpcs.empty())
        if (const Node* id = c.value(i, {"default_route_table_id"}); id && id->is_scalar() && !id->text.empty())
            if (auto found = known.by_main_table_id.find(id->text); found != known.by_main_table_id.end())
                vpcs = found->second;
    RouteTable& rt = m.route_tables[ref.index];
    if (vpcs.size() != 1) {
        // The table exports vpc_id once it exists (state, refreshed plans).
        rt.vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
        if (!rt.vpc.resolved()) return;
    } else {
        rt.vpc = resolved_link(vpcs[0], c.attr_loc(i, {"default_route_table_id"}));
    }
    uint32_t vpc = rt.vpc.index;
    c.original_main_table[vpc] = ref.index;
    m.vpcs[vpc].main_route_table = resolved_link(ref.index, rt.loc);
    if (vpc < known.of_vpc.size() && known.of_vpc[vpc]) remember_ids(c, *known.of_vpc[vpc], ref.index);
}

// Whether an expression may lead to a main route table id: it names one,
// or goes through a module output or variable that may.
bool may_name_main_table(const Node* refs) {
    for (const Node* r : refs->items) {
        if (!r->is_scalar()) continue;
        std::string_view t = r->text;
        if (t.rfind("module.", 0) == 0 || t.rfind("var.", 0) == 0 || t.find("main_route_table_id") != std::string::npos ||
            t.find("default_route_table_id") != std::string::npos)
            return true;
    }
    return false;
}

// Every expression of a configuration tree that may name a main route table.
void for_each_expression(const Node* n, const std::function<void(const Node*)>& f, unsigned depth = 0) {
    if (!n || depth > 64) return;
    if (n->is_mapping()) {
        if (const Node* refs = n->get("references"); refs && refs->is_sequence() && may_name_main_table(refs)) f(n);
        for (const MapEntry& e : n->entries) for_each_expression(e.value, f, depth + 1);
    } else if (n->is_sequence()) {
        for (const Node* item : n->items) for_each_expression(item, f, depth + 1);
    }
}

void for_each_scalar(const Node* n, const std::function<void(std::string_view)>& f, unsigned depth = 0) {
    if (!n || depth > 64) return;
    if (n->is_scalar()) f(n->text);
    for (const MapEntry& e : n->entries) for_each_scalar(e.value, f, depth + 1);
    for (const Node* item : n->items) for_each_scalar(item, f, depth + 1);
}

}  // namespace

void prepare_main_route_tables(BindContext& c) {
    Model& m = c.model;
    const auto& instances = c.plan.instances();
    std::optional<VpcInstances> known;  // built at the first aws_default_route_table
    for (size_t k = 0; k < instances.size(); ++k)
        if (!instances[k].data && instances[k].type == "aws_default_route_table" &&
            c.entity_of[k].kind == EntityKind::RouteTable) {
            if (!known) known = index_vpcs(c);
            adopt(c, *known, instances[k], c.entity_of[k]);
        }

    // A VPC that exists already reports its current main table: when that
    // table is in the model, it is the main one.
    std::unordered_map<std::string_view, size_t> pending_ids;  // a VPC's main table id -> the VPC's instance
    for (size_t k = 0; k < instances.size(); ++k) {
        if (c.entity_of[k].kind != EntityKind::Vpc) continue;
        uint32_t vpc = c.entity_of[k].index;
        if (c.original_main_table.count(vpc)) continue;
        const Node* id = c.value(instances[k], {"main_route_table_id"});
        if (id && id->is_scalar() && !id->text.empty()) {
            std::vector<uint32_t> tables = c.ids_of(id->text, EntityKind::RouteTable);
            if (tables.size() == 1) {
                c.original_main_table[vpc] = tables[0];
                m.vpcs[vpc].main_route_table = resolved_link(tables[0], c.attr_loc(instances[k], {"main_route_table_id"}));
                continue;
            }
        }
        for (const char* attr : kMainTableAttrs)
            if (const Node* v = c.value(instances[k], {attr}); v && v->is_scalar() && !v->text.empty())
                pending_ids.emplace(v->text, k);
    }

    // VPCs whose main table something names, by reference or by known id.
    std::set<size_t> named;  // VPC instances
    for (size_t k = 0; k < instances.size(); ++k) {
        const Instance& i = instances[k];
        if (i.data) continue;
        if (i.config)
            for_each_expression(i.config->get("expressions"), [&](const Node* expr) {
                for (const Hit& h : c.plan.resolve(i, expr).hits)
                    if (c.entity_of[h.instance].kind == EntityKind::Vpc &&
                        (h.attr == "main_route_table_id" || h.attr == "default_route_table_id"))
                        named.insert(h.instance);
            });
        if (!pending_ids.empty() && c.entity_of[k].kind != EntityKind::Vpc && i.type != "aws_default_route_table")
            for_each_scalar(i.values, [&](std::string_view s) {
                if (auto p = pending_ids.find(s); p != pending_ids.end()) named.insert(p->second);
            });
    }
    for (size_t k : named) {
        uint32_t vpc = c.entity_of[k].index;
        if (c.original_main_table.count(vpc)) continue;
        // Made up: the table AWS creates with the VPC. It has the VPC's
        // position and Terraform's name for it.
        uint32_t t = static_cast<uint32_t>(m.route_tables.size());
        RouteTable& rt = m.route_tables.emplace_back();
        init_tf_entity(rt, instances[k], c);
        rt.id = instances[k].address + ".main_route_table_id";
        rt.vpc = resolved_link(vpc, rt.loc);
        c.original_main_table[vpc] = t;
        m.vpcs[vpc].main_route_table = resolved_link(t, rt.loc);
        remember_ids(c, instances[k], t);
    }
}

// aws_main_route_table_association makes another table the VPC's main one.
void apply_main_route_table_association(BindContext& c, const Instance& i) {
    Link vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
    Link table = c.link(i, {"route_table_id"}, EntityKind::RouteTable);
    if (vpc.resolved()) {
        c.model.vpcs[vpc.index].main_route_table = table;
        return;
    }
    if (vpc.state != LinkState::Unknown) return;  // a VPC outside the model
    // It may be any of these VPCs' main table now.
    std::vector<uint32_t> affected = vpc.candidates;
    if (affected.empty())
        for (uint32_t k = 0; k < c.model.vpcs.size(); ++k) affected.push_back(k);
    for (uint32_t k : affected) {
        Link& main = c.model.vpcs[k].main_route_table;
        if (main.resolved() && table.resolved() && main.index == table.index) continue;
        main = Link{};
        main.state = LinkState::Unknown;
        main.text = "a main route table association (" + i.address + ") may apply to this VPC: " + vpc.text;
        main.loc = vpc.loc;
    }
}

}  // namespace vpclint::tf
