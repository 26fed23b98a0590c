#include "core/resource_uses.h"

#include <algorithm>
#include <charconv>
#include <unordered_map>

namespace vpclint {

std::optional<uint32_t> port_number_of(const Text& port) {
    if (!port.known || port.value.empty() || port.value.size() > 5) return std::nullopt;
    uint32_t v = 0;
    auto [p, ec] = std::from_chars(port.value.data(), port.value.data() + port.value.size(), v);
    if (ec != std::errc{} || p != port.value.data() + port.value.size() || v == 0 || v > 65535) return std::nullopt;
    return v;
}

namespace {

bool has(const std::vector<uint32_t>& v, uint32_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

const DataStore* resolved_store(const Model& m, const Link& l) {
    return l.resolved() && l.index < m.data_stores.size() ? &m.data_stores[l.index] : nullptr;
}

// Subnets of a list, appended once each; false when the list is not all known.
bool add_subnets(const LinkList& l, std::vector<uint32_t>& out) {
    bool complete = l.present && l.complete;
    for (const Link& s : l.items) {
        if (!s.resolved()) complete = false;
        else if (!has(out, s.index)) out.push_back(s.index);
    }
    return complete;
}

void add_groups(const LinkList& l, LinkList& out) {
    if (!l.present || !l.complete) {
        out.complete = false;
        if (out.reason.empty()) out.reason = l.present ? l.reason : "a mount target names no security groups";
    }
    if (!out.loc.known()) out.loc = l.loc;
    for (const Link& g : l.items) out.items.push_back(g);
}

// The VPC of a set of subnets (or groups), when they agree and all resolve.
int vpc_of(const Model& m, const std::vector<uint32_t>& subnets, std::string& why) {
    int vpc = -1;
    for (uint32_t s : subnets) {
        const Link& v = m.subnets[s].vpc;
        if (!v.resolved()) {
            why = "the VPC of subnet " + m.subnets[s].id + " is not known";
            return -1;
        }
        if (vpc >= 0 && static_cast<uint32_t>(vpc) != v.index) {
            why = "its subnets are in several VPCs";
            return -1;
        }
        vpc = static_cast<int>(v.index);
    }
    if (vpc < 0) why = "its subnets are not known";
    return vpc;
}

Placement place(const Model& m, uint32_t index, const std::vector<std::vector<uint32_t>>& mount_targets,
                const std::vector<std::vector<uint32_t>>& members) {
    const DataStore& d = m.data_stores[index];
    Placement p;
    if (is_data_store_part(d.kind)) return p;
    if (d.kind == DataStoreKind::EfsFileSystem) {
        // An EFS file system is reached through a mount target in the
        // function's subnets' AZ: its subnets and groups are those of the
        // mount targets.
        p.subnets_complete = !mount_targets[index].empty();
        p.groups.present = true;
        if (mount_targets[index].empty()) {
            p.groups.complete = false;
            p.groups.reason = "no mount target of " + d.id + " is in the model";
        }
        for (uint32_t mt : mount_targets[index]) {
            const DataStore& t = m.data_stores[mt];
            p.subnets_complete = add_subnets(t.subnets, p.subnets) && p.subnets_complete;
            add_groups(t.security_groups, p.groups);
        }
    } else {
        p.groups = d.security_groups;
        const DataStore* group = resolved_store(m, d.subnet_group_ref);
        const DataStore* parent = resolved_store(m, d.parent);
        if (!group && parent) group = resolved_store(m, parent->subnet_group_ref);  // a cluster's instance
        if (d.subnets.present) p.subnets_complete = add_subnets(d.subnets, p.subnets);
        else if (group && group->kind == DataStoreKind::SubnetGroup) p.subnets_complete = add_subnets(group->subnets, p.subnets);
    }
    std::string why;
    p.vpc = p.subnets_complete ? vpc_of(m, p.subnets, why) : -1;
    if (!p.subnets_complete) why = "its subnets are not all known";
    p.vpc_reason = why;

    switch (d.kind) {
        case DataStoreKind::RdsInstance:
        case DataStoreKind::RdsCluster: {
            Tri pub = d.publicly_accessible.value;
            // Aurora: public accessibility is set on the cluster's instances.
            if (d.kind == DataStoreKind::RdsCluster && !d.publicly_accessible.present) {
                pub = members[index].empty() ? Tri::Unknown : Tri::No;
                for (uint32_t i : members[index]) {
                    Tri v = m.data_stores[i].publicly_accessible.value;
                    if (v == Tri::Yes) pub = Tri::Yes;
                    else if (v == Tri::Unknown && pub == Tri::No) pub = Tri::Unknown;
                }
            }
            p.private_only = pub == Tri::No ? Tri::Yes : pub == Tri::Yes ? Tri::No : Tri::Unknown;
            p.private_reason = "not publicly accessible";
            break;
        }
        case DataStoreKind::CacheCluster:
        case DataStoreKind::ReplicationGroup:
        case DataStoreKind::ServerlessCache:
        case DataStoreKind::MemoryDbCluster:
        case DataStoreKind::DocDbCluster:
        case DataStoreKind::NeptuneCluster:
        case DataStoreKind::EfsFileSystem:
            p.private_only = Tri::Yes;
            p.private_reason = "reachable only from inside its VPC";
            break;
        case DataStoreKind::LoadBalancer:
            p.private_only = d.internal.value;
            p.private_reason = "an internal load balancer";
            break;
        case DataStoreKind::OpenSearchDomain:
            p.private_only = d.vpc_options ? Tri::Yes : Tri::No;
            p.private_reason = "a VPC-only domain";
            break;
        default: p.private_only = Tri::No; break;  // not in VL301's list
    }
    return p;
}

const EndpointAttr* endpoint_attr(const DataStore& d, const std::string& attr) {
    for (const EndpointAttr& a : d.endpoint_attrs)
        if (a.attr == attr) return &a;
    return nullptr;
}

// The Data API may be what the function uses instead of a connection.
bool data_api_possible(const DataStore& d) {
    return d.kind == DataStoreKind::RdsCluster && d.http_endpoint.value != Tri::No;
}

}  // namespace

ResourceUses compute_resource_uses(const Model& m) {
    ResourceUses u;
    const size_t n = m.data_stores.size();
    std::unordered_map<std::string, uint32_t> by_id;
    std::unordered_map<std::string, std::vector<uint32_t>> secret_targets;  // secret id -> attachments
    std::vector<std::vector<uint32_t>> mount_targets(n), members(n), target_groups(n);
    for (uint32_t i = 0; i < n; ++i) {
        const DataStore& d = m.data_stores[i];
        by_id.emplace(d.id, i);
        const DataStore* parent = resolved_store(m, d.parent);
        if (d.kind == DataStoreKind::EfsMountTarget && parent) mount_targets[d.parent.index].push_back(i);
        if (d.kind == DataStoreKind::RdsInstance && parent) members[d.parent.index].push_back(i);
        if (d.kind == DataStoreKind::ProxyTargetGroup && parent) target_groups[d.parent.index].push_back(i);
        if (d.kind == DataStoreKind::SecretAttachment && !d.secret.empty()) secret_targets[d.secret].push_back(i);
    }
    u.placement.reserve(n);
    for (uint32_t i = 0; i < n; ++i) u.placement.push_back(place(m, i, mount_targets, members));

    std::vector<bool> proxy_used(n, false);
    u.functions.resize(m.functions.size());
    for (uint32_t fi = 0; fi < m.functions.size(); ++fi) {
        const Function& f = m.functions[fi];
        std::vector<ResourceUse>& uses = u.functions[fi];
        auto add = [&](uint32_t store, std::string evidence, Location loc, Text port) {
            for (const ResourceUse& x : uses)
                if (x.resource == store) return;
            if (m.data_stores[store].kind == DataStoreKind::DbProxy) proxy_used[store] = true;
            uses.push_back({store, std::move(evidence), std::move(loc), std::move(port)});
        };
        for (const EnvVar& ev : f.environment)
            for (const ResourceMention& mention : ev.refs) {
                auto it = by_id.find(mention.id);
                if (it != by_id.end()) {
                    const DataStore& d = m.data_stores[it->second];
                    if (is_data_store_part(d.kind)) continue;
                    const EndpointAttr* a = mention.attr.empty() ? nullptr : endpoint_attr(d, mention.attr);
                    if (!a && !(mention.attr.empty() && d.ref_is_endpoint)) continue;  // an ARN or a name: not a connection
                    Text port = d.port;
                    if (a && !a->port.empty()) port = Text{true, true, a->port, "", false, ev.loc};
                    add(it->second,
                        (ev.name.empty() ? "the environment variables use " : "environment variable " + ev.name + " is ") +
                            mention.id +
                            (mention.attr.empty() ? "" : "." + mention.attr),
                        ev.loc, port);
                    continue;
                }
                auto st = secret_targets.find(mention.id);
                if (st == secret_targets.end()) continue;
                for (uint32_t att : st->second) {
                    const DataStore* db = resolved_store(m, m.data_stores[att].target);
                    if (!db || is_data_store_part(db->kind) || data_api_possible(*db)) continue;
                    add(m.data_stores[att].target.index,
                        (ev.name.empty() ? "the environment variables name" : "environment variable " + ev.name + " names") +
                            " secret " + mention.id + ", which " +
                            m.data_stores[att].id + " ties to " + db->id,
                        ev.loc, db->port);
                }
            }
        for (const Link& l : f.file_systems.items) {
            const DataStore* ap = resolved_store(m, l);
            if (!ap) continue;
            uint32_t fs = l.index;
            if (ap->kind == DataStoreKind::EfsAccessPoint) {
                if (!resolved_store(m, ap->parent)) continue;
                fs = ap->parent.index;
            }
            if (m.data_stores[fs].kind != DataStoreKind::EfsFileSystem) continue;
            add(fs,
                "FileSystemConfigs mounts " + m.data_stores[fs].id +
                    (fs != l.index ? " through access point " + ap->id : std::string()),
                l.loc, m.data_stores[fs].port);
        }
        for (const DeclaredNeed& need : f.declared_needs) {
            auto it = by_id.find(need.need);
            if (it == by_id.end() || is_data_store_part(m.data_stores[it->second].kind)) continue;
            add(it->second, "the function declares it needs " + need.need, need.loc, m.data_stores[it->second].port);
        }
    }
    for (uint32_t p = 0; p < n; ++p) {
        if (!proxy_used[p]) continue;
        for (uint32_t tg : target_groups[p]) {
            const DataStore* db = resolved_store(m, m.data_stores[tg].target);
            if (db && !is_data_store_part(db->kind)) u.proxy_hops.push_back({p, m.data_stores[tg].target.index, tg});
        }
    }
    return u;
}

}  // namespace vpclint
