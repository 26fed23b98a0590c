#include "rules/private_resources.h"

namespace vpclint::rules {

std::string resource_label(const DataStore& d) { return std::string(data_store_kind_name(d.kind)) + " " + d.id; }

SgPeer function_peer(const RuleContext& ctx, uint32_t function) {
    const Function& f = ctx.model.functions[function];
    const FunctionEgress& fe = egress_of_function(ctx.analyses.egress, function);
    SgPeer p = peer_of(ctx.model, f.security_groups, fe.subnets, fe.all_subnets_known);
    // Dual stack: the function may connect over IPv6 when the resource
    // resolves to one; the model does not know subnets' IPv6 ranges.
    p.ipv6 = f.ipv6_dual_stack.value == Tri::No ? Tri::No : Tri::Unknown;
    if (p.name.empty()) p.name = "the function's security groups";
    return p;
}

SgPeer resource_peer(const RuleContext& ctx, uint32_t store) {
    const Placement& pl = ctx.analyses.resources.placement[store];
    SgPeer p = peer_of(ctx.model, pl.groups, pl.subnets, pl.subnets_complete);
    if (!pl.groups.present) p.groups_complete = false;
    p.name = resource_label(ctx.model.data_stores[store]);
    return p;
}

SgTraffic use_traffic(const Text& port) { return SgTraffic{6, port_number_of(port)}; }

int function_vpc(const RuleContext& ctx, uint32_t function) {
    const FunctionEgress& fe = egress_of_function(ctx.analyses.egress, function);
    if (!fe.all_subnets_known || fe.subnets.empty()) return -1;
    int vpc = -1;
    for (uint32_t s : fe.subnets) {
        const Link& v = ctx.model.subnets[s].vpc;
        if (!v.resolved() || (vpc >= 0 && static_cast<uint32_t>(vpc) != v.index)) return -1;
        vpc = static_cast<int>(v.index);
    }
    return vpc;
}

int resource_vpc(const RuleContext& ctx, uint32_t store) {
    const Placement& pl = ctx.analyses.resources.placement[store];
    if (pl.vpc >= 0) return pl.vpc;
    if (!pl.groups.present || !pl.groups.complete || pl.groups.items.empty()) return -1;
    int vpc = -1;
    for (const Link& g : pl.groups.items) {
        if (!g.resolved()) return -1;
        const Link& v = ctx.model.security_groups[g.index].vpc;
        if (!v.resolved() || (vpc >= 0 && static_cast<uint32_t>(vpc) != v.index)) return -1;
        vpc = static_cast<int>(v.index);
    }
    return vpc;
}

bool certainly_outside_vpc(const Function& f) {
    if (!f.has_vpc_config) return true;
    auto empty = [](const LinkList& l) { return !l.present || l.empty_known(); };
    return empty(f.subnets) && empty(f.security_groups);
}

int first_group(const LinkList& groups) {
    for (const Link& g : groups.items)
        if (g.resolved()) return static_cast<int>(g.index);
    return -1;
}

}  // namespace vpclint::rules
