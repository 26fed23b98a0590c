// Databases, caches and other private resources; VPC endpoints.
#include "parsers/aws_ids.h"
#include "core/aws_services.h"
#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

namespace {

DataStoreKind kind_of(std::string_view type) {
    if (type == "aws_db_instance") return DataStoreKind::RdsInstance;
    if (type == "aws_rds_cluster") return DataStoreKind::RdsCluster;
    if (type == "aws_db_proxy") return DataStoreKind::DbProxy;
    if (type == "aws_elasticache_cluster") return DataStoreKind::CacheCluster;
    if (type == "aws_elasticache_replication_group") return DataStoreKind::ReplicationGroup;
    if (type == "aws_elasticache_serverless_cache") return DataStoreKind::ServerlessCache;
    if (type == "aws_memorydb_cluster") return DataStoreKind::MemoryDbCluster;
    if (type == "aws_docdb_cluster") return DataStoreKind::DocDbCluster;
    if (type == "aws_neptune_cluster") return DataStoreKind::NeptuneCluster;
    if (type == "aws_efs_file_system") return DataStoreKind::EfsFileSystem;
    if (type == "aws_opensearch_domain") return DataStoreKind::OpenSearchDomain;
    return DataStoreKind::LoadBalancer;
}

}  // namespace

void bind_tf_data_store(BindContext& c, const Instance& i, EntityRef ref) {
    Model& m = c.model;
    if (ref.kind == EntityKind::VpcEndpoint) {
        VpcEndpoint& e = m.vpc_endpoints[ref.index];
        e.vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
        e.service_name = c.text(i, {"service_name"});
        e.service = endpoint_service(e.service_name);
        Text type = c.text(i, {"vpc_endpoint_type"});
        e.endpoint_type = !type.present || type.is("Gateway") ? EndpointType::Gateway
                          : type.is("Interface")              ? EndpointType::Interface
                          : type.is("GatewayLoadBalancer")    ? EndpointType::GatewayLoadBalancer
                                                              : EndpointType::Unknown;
        // route_table_ids and security_group_ids are computed when not
        // written: then there are none of the endpoint's own (association
        // resources add route tables; an interface endpoint without groups
        // uses the VPC's default group).
        if (!c.computed_unknown(i, {"route_table_ids"})) e.route_tables = c.links(i, {"route_table_ids"}, EntityKind::RouteTable);
        e.subnets = c.links(i, {"subnet_ids"}, EntityKind::Subnet);
        if (!c.computed_unknown(i, {"security_group_ids"}))
            e.security_groups = c.links(i, {"security_group_ids"}, EntityKind::SecurityGroup);
        // Computed in a plan when not written; since provider 5.52
        // (terraform-provider-aws#37715) an unwritten private_dns_enabled is
        // sent as false, not left to the EC2 API's default (true).
        if (c.computed_unknown(i, {"private_dns_enabled"})) e.private_dns.value = Tri::No;
        else e.private_dns = c.flag(i, {"private_dns_enabled"}, Tri::No);
        return;
    }
    DataStore& d = m.data_stores[ref.index];
    d.kind = kind_of(i.type);
    d.security_groups = c.links(i, {"vpc_security_group_ids"}, EntityKind::SecurityGroup);
    if (!d.security_groups.present) d.security_groups = c.links(i, {"security_group_ids"}, EntityKind::SecurityGroup);
    if (!d.security_groups.present) d.security_groups = c.links(i, {"security_groups"}, EntityKind::SecurityGroup);
    for (const char* attr : {"db_subnet_group_name", "subnet_group_name"}) {
        // Computed: a plan marks it unknown when the configuration leaves it
        // out, and then the instance lives in the default VPC (provider
        // docs, aws_db_instance), which the plan does not describe.
        if (c.unknown(i, {attr}) && !c.configured(i, {attr})) continue;
        d.subnet_group = c.text(i, {attr});
        if (d.subnet_group.known && d.subnet_group.value.empty()) d.subnet_group = Text{};
        if (d.subnet_group.present) break;
    }
    d.publicly_accessible = c.flag(i, {"publicly_accessible"}, Tri::No);
    d.engine = c.text(i, {"engine"});
    d.port = c.text(i, {"port"});
    if ((!d.port.present || !d.port.known) && d.engine.known) {
        std::string port = default_engine_port(d.engine.value);
        if (!port.empty()) d.port = Text{true, true, port, "", false, d.engine.loc};
    }
    if (d.kind == DataStoreKind::LoadBalancer) d.internal = c.flag(i, {"internal"}, Tri::No);
}

namespace {

// The endpoint an association resource names; when it cannot be resolved,
// every endpoint of the model may be the one it adds to, so each list the
// association would extend becomes incomplete.
VpcEndpoint* associated_endpoint(BindContext& c, const Instance& i, LinkList VpcEndpoint::*list) {
    Link endpoint = c.link(i, {"vpc_endpoint_id"}, EntityKind::VpcEndpoint);
    if (endpoint.resolved() && endpoint.index < c.model.vpc_endpoints.size()) return &c.model.vpc_endpoints[endpoint.index];
    for (VpcEndpoint& e : c.model.vpc_endpoints) {
        LinkList& l = e.*list;
        l.complete = false;
        if (l.reason.empty()) l.reason = i.address + " may add to it (its vpc_endpoint_id is not known)";
    }
    return nullptr;
}

void append(BindContext& c, const Instance& i, LinkList& l, const char* attr, EntityKind kind) {
    if (!l.present) l.loc = c.loc(i);
    l.present = true;
    l.items.push_back(c.link(i, {attr}, kind));
}

}  // namespace

void apply_endpoint_route_table_association(BindContext& c, const Instance& i) {
    if (VpcEndpoint* e = associated_endpoint(c, i, &VpcEndpoint::route_tables))
        append(c, i, e->route_tables, "route_table_id", EntityKind::RouteTable);
}

void apply_endpoint_subnet_association(BindContext& c, const Instance& i) {
    if (VpcEndpoint* e = associated_endpoint(c, i, &VpcEndpoint::subnets))
        append(c, i, e->subnets, "subnet_id", EntityKind::Subnet);
}

// aws_vpc_endpoint_security_group_association: the group joins the
// endpoint's groups; the VPC's default group stays unless
// replace_default_association is true (provider docs), and its rules are
// not in the model.
void apply_endpoint_security_group_association(BindContext& c, const Instance& i) {
    VpcEndpoint* e = associated_endpoint(c, i, &VpcEndpoint::security_groups);
    if (!e) return;
    bool had_own = e->security_groups.present;
    append(c, i, e->security_groups, "security_group_id", EntityKind::SecurityGroup);
    Flag replace = c.flag(i, {"replace_default_association"}, Tri::No);
    if (!had_own && replace.value != Tri::Yes) {
        e->security_groups.complete = false;
        e->security_groups.reason = "the VPC's default security group stays associated";
    }
}

// aws_vpc_endpoint_private_dns (provider 5.52+) sets private DNS apart from
// the endpoint and takes precedence over its private_dns_enabled.
void apply_endpoint_private_dns(BindContext& c, const Instance& i) {
    Link endpoint = c.link(i, {"vpc_endpoint_id"}, EntityKind::VpcEndpoint);
    Flag dns = c.flag(i, {"private_dns_enabled"}, Tri::Unknown);
    if (endpoint.resolved() && endpoint.index < c.model.vpc_endpoints.size()) {
        c.model.vpc_endpoints[endpoint.index].private_dns = dns;
        return;
    }
    for (VpcEndpoint& e : c.model.vpc_endpoints)
        if (e.private_dns.value != dns.value) e.private_dns = Flag{true, Tri::Unknown, i.address + " may set it", dns.loc};
}

}  // namespace vpclint::tf
