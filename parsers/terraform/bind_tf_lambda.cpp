// aws_lambda_function and aws_lambda_event_source_mapping.
#include <algorithm>
#include <sstream>

#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

namespace {

// The attribute of `ref` whose known value is `value` ("endpoint",
// "address", "arn", ...), or "" when none is.
std::string attribute_with_value(const Instance& ref, const std::string& value) {
    if (!ref.values || value.empty()) return {};
    for (const MapEntry& e : ref.values->entries)
        if (e.value->is_scalar() && e.value->text == value) return e.key;
    return {};
}

// The resources the `variables` map references. Terraform's configuration
// gives one expression for the whole map, not one per key: a known value is
// matched to the resource attribute it equals; an unknown value may come
// from any of them.
std::vector<ResourceMention> mentions_of(const BindContext& c, const Resolution& r, const Text& value) {
    std::vector<ResourceMention> out;
    for (size_t inst : r.instances) {
        const Instance& ref = c.plan.instances()[inst];
        if (ref.data) continue;  // data sources live outside the plan
        if (value.known) {
            std::string attr = attribute_with_value(ref, value.value);
            if (attr.empty()) {
                // A URL or connection string built around the value.
                for (const char* a : {"endpoint", "address", "arn", "name", "id", "url", "invoke_url"}) {
                    const Node* v = ref.values ? ref.values->get(a) : nullptr;
                    if (v && v->is_scalar() && v->text.size() >= 8 && value.value.find(v->text) != std::string::npos) {
                        attr = a;
                        break;
                    }
                }
            }
            if (attr.empty()) continue;
            out.push_back({ref.address, ref.type, attr});
        } else {
            // Unknown until apply: the attributes the expression reads say
            // what the value is built from ("address", "arn").
            bool any = false;
            for (const Hit& h : r.hits)
                if (h.instance == inst && !h.attr.empty()) {
                    out.push_back({ref.address, ref.type, h.attr});
                    any = true;
                }
            if (!any) out.push_back({ref.address, ref.type, ""});
        }
    }
    return out;
}

}  // namespace

void bind_tf_lambda(BindContext& c, const Instance& i, EntityRef ref) {
    Model& m = c.model;
    if (ref.kind == EntityKind::EventSourceMapping) {
        EventSourceMapping& e = m.event_source_mappings[ref.index];
        // function_name takes a name or an ARN.
        e.function = c.link(i, {"function_name"}, EntityKind::Function);
        e.event_source = c.text(i, {"event_source_arn"});
        return;
    }
    Function& f = m.functions[ref.index];
    const Node* vpc = c.value(i, {"vpc_config"});
    bool vpc_unknown = c.unknown(i, {"vpc_config"});
    if ((vpc && vpc->is_sequence() && !vpc->items.empty()) || vpc_unknown) {
        f.has_vpc_config = true;
        f.vpc_config_loc = c.attr_loc(i, {"vpc_config"});
        f.subnets = c.links(i, {"vpc_config", "0", "subnet_ids"}, EntityKind::Subnet);
        f.security_groups = c.links(i, {"vpc_config", "0", "security_group_ids"}, EntityKind::SecurityGroup);
        f.ipv6_dual_stack = c.flag(i, {"vpc_config", "0", "ipv6_allowed_for_dual_stack"}, Tri::No);
        // vpc_config requires both lists (provider docs): an unknown block
        // still makes a VPC function.
        for (LinkList* l : {&f.subnets, &f.security_groups})
            if (!l->present && vpc_unknown) {
                l->present = true;
                l->complete = false;
                l->reason = c.unknown_reason(i, {"vpc_config"});
                l->loc = f.vpc_config_loc;
            }
    }
    f.role = c.link(i, {"role"}, EntityKind::Role);
    const Path vars_path{"environment", "0", "variables"};
    // A plan leaves variables known only after apply out of the value and
    // marks them in after_unknown: both name the variables.
    std::vector<std::string> names;
    if (const Node* vars = c.value(i, vars_path); vars && vars->is_mapping())
        for (const MapEntry& e : vars->entries) names.push_back(e.key);
    if (const Node* au = at_path(i.after_unknown, vars_path); au && au->is_mapping())
        for (const MapEntry& e : au->entries)
            if (std::find(names.begin(), names.end(), e.key) == names.end()) names.push_back(e.key);
    if (names.empty() && c.unknown(i, vars_path) && c.configured(i, vars_path)) {
        // The whole map is known only after apply (it reads an attribute
        // computed at apply): one variable without a name stands for it, with
        // what the map references.
        Resolution r = c.plan.resolve(i, c.plan.expression(i, vars_path));
        EnvVar ev;
        ev.value = c.text(i, vars_path);
        ev.value.known = false;
        ev.refs = mentions_of(c, r, ev.value);
        ev.loc = c.attr_loc(i, vars_path);
        f.environment.push_back(std::move(ev));
    }
    if (!names.empty()) {
        Resolution r = c.plan.resolve(i, c.plan.expression(i, vars_path));
        for (const std::string& name : names) {
            EnvVar ev;
            ev.name = name;
            Path p = vars_path;
            p.push_back(name);
            ev.value = c.text(i, p);
            ev.refs = mentions_of(c, r, ev.value);
            ev.loc = c.attr_loc(i, p);
            f.environment.push_back(std::move(ev));
        }
    } else if (c.unknown(i, vars_path)) {
        // The whole map is "known after apply" when a value in it is (a queue
        // URL, a table ARN of the same plan): its references still say which
        // resources the environment names.
        Resolution r = c.plan.resolve(i, c.plan.expression(i, vars_path));
        EnvVar ev;
        ev.name = "environment.variables";
        ev.value.present = true;
        ev.value.reason = c.unknown_reason(i, vars_path);
        ev.value.loc = c.attr_loc(i, vars_path);
        ev.refs = mentions_of(c, r, ev.value);
        ev.loc = ev.value.loc;
        if (!ev.refs.empty()) f.environment.push_back(std::move(ev));
    }
    // file_system_config { arn = aws_efs_access_point.x.arn }
    if (const Node* fs = c.value(i, {"file_system_config"}); fs && fs->is_sequence() && !fs->items.empty()) {
        f.file_systems.present = true;
        f.file_systems.loc = c.attr_loc(i, {"file_system_config"});
        for (size_t k = 0; k < fs->items.size(); ++k)
            f.file_systems.items.push_back(
                c.link(i, {"file_system_config", std::to_string(k), "arn"}, EntityKind::DataStore));
    }
    // Tag vpclint:needs = "internet dynamodb" declares what the function
    // needs; provider default_tags reach tags_all only.
    for (const char* tags : {"tags", "tags_all"}) {
        const Node* needs = c.value(i, {tags, "vpclint:needs"});
        if (!needs || !needs->is_scalar()) continue;
        f.declared_needs_present = true;
        std::string s = needs->text;
        for (char& ch : s)
            if (ch == ',') ch = ' ';
        std::istringstream in(s);
        Location loc = c.attr_loc(i, {tags, "vpclint:needs"});
        for (std::string w; in >> w;) f.declared_needs.push_back({w, loc});
        break;
    }
}

}  // namespace vpclint::tf
