// aws_lambda_function and aws_lambda_event_source_mapping.
#include <sstream>

#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

namespace {

// The resources a whole `variables` map references: Terraform's configuration
// gives one expression for the map, not one per key.
std::vector<ResourceMention> map_mentions(const BindContext& c, const Instance& i, const Path& p) {
    std::vector<ResourceMention> out;
    Resolution r = c.plan.resolve(i, c.plan.expression(i, p));
    for (size_t inst : r.instances) {
        const Instance& ref = c.plan.instances()[inst];
        out.push_back({ref.address, ref.type, ""});
    }
    return out;
}

}  // namespace

void bind_tf_lambda(BindContext& c, const Instance& i, EntityRef ref) {
    Model& m = c.model;
    if (ref.kind == EntityKind::EventSourceMapping) {
        EventSourceMapping& e = m.event_source_mappings[ref.index];
        e.function = c.link(i, {"function_name"}, EntityKind::Function);
        e.event_source = c.text(i, {"event_source_arn"});
        return;
    }
    Function& f = m.functions[ref.index];
    const Node* vpc = c.value(i, {"vpc_config"});
    if ((vpc && vpc->is_sequence() && !vpc->items.empty()) || c.unknown(i, {"vpc_config"})) {
        f.has_vpc_config = true;
        f.vpc_config_loc = c.attr_loc(i, {"vpc_config"});
        f.subnets = c.links(i, {"vpc_config", "0", "subnet_ids"}, EntityKind::Subnet);
        f.security_groups = c.links(i, {"vpc_config", "0", "security_group_ids"}, EntityKind::SecurityGroup);
        f.ipv6_dual_stack = c.flag(i, {"vpc_config", "0", "ipv6_allowed_for_dual_stack"}, Tri::No);
        // vpc_config requires both lists (provider docs): an unknown block
        // still makes a VPC function.
        for (LinkList* l : {&f.subnets, &f.security_groups})
            if (!l->present && c.unknown(i, {"vpc_config"})) {
                l->present = true;
                l->complete = false;
                l->reason = "known after apply";
                l->loc = f.vpc_config_loc;
            }
    }
    f.role = c.link(i, {"role"}, EntityKind::Role);
    const Path vars_path{"environment", "0", "variables"};
    if (const Node* vars = c.value(i, vars_path); vars && vars->is_mapping()) {
        std::vector<ResourceMention> mentions = map_mentions(c, i, vars_path);
        for (const MapEntry& e : vars->entries) {
            EnvVar ev;
            ev.name = e.key;
            Path p = vars_path;
            p.push_back(e.key);
            ev.value = c.text(i, p);
            if (!ev.value.known) ev.refs = mentions;
            ev.loc = c.attr_loc(i, p);
            f.environment.push_back(std::move(ev));
        }
    }
    // Tag vpclint:needs = "internet dynamodb" declares what the function needs.
    if (const Node* needs = c.value(i, {"tags", "vpclint:needs"}); needs && needs->is_scalar()) {
        f.declared_needs_present = true;
        std::string s = needs->text;
        for (char& ch : s)
            if (ch == ',') ch = ' ';
        std::istringstream in(s);
        for (std::string w; in >> w;) f.declared_needs.push_back({w, c.attr_loc(i, {"tags", "vpclint:needs"})});
    }
}

}  // namespace vpclint::tf
