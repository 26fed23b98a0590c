// Databases, caches and other private resources, with the parts that place
// them (subnet groups, mount targets, access points, proxy targets, secret
// versions naming a database); VPC endpoints.
#include "parsers/endpoint_attrs.h"
#include "parsers/aws_ids.h"
#include "core/aws_services.h"
#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

namespace {

struct TfStoreShape {
    std::string_view type;
    DataStoreKind kind;
    std::string_view default_port;
    // Attributes that address it (provider docs, "Attribute Reference"),
    // separated by spaces; "attr=port" when a client of that attribute uses
    // a port of its own.
    std::string_view endpoint_attrs;
};

constexpr TfStoreShape kTfStores[] = {
    {"aws_db_instance", DataStoreKind::RdsInstance, "", "address endpoint port"},
    {"aws_rds_cluster_instance", DataStoreKind::RdsInstance, "", "endpoint port"},
    {"aws_rds_cluster", DataStoreKind::RdsCluster, "", "endpoint reader_endpoint port"},
    {"aws_db_proxy", DataStoreKind::DbProxy, "", "endpoint"},
    {"aws_elasticache_cluster", DataStoreKind::CacheCluster, "", "cache_nodes cluster_address configuration_endpoint port"},
    {"aws_elasticache_replication_group", DataStoreKind::ReplicationGroup, "6379",
     "primary_endpoint_address reader_endpoint_address configuration_endpoint_address port"},
    {"aws_elasticache_serverless_cache", DataStoreKind::ServerlessCache, "", "endpoint reader_endpoint"},
    {"aws_memorydb_cluster", DataStoreKind::MemoryDbCluster, "6379", "cluster_endpoint port"},
    {"aws_docdb_cluster", DataStoreKind::DocDbCluster, "27017", "endpoint reader_endpoint port"},
    {"aws_neptune_cluster", DataStoreKind::NeptuneCluster, "8182", "endpoint reader_endpoint port"},
    {"aws_efs_file_system", DataStoreKind::EfsFileSystem, "2049", ""},
    {"aws_opensearch_domain", DataStoreKind::OpenSearchDomain, "443", "endpoint"},
    {"aws_elasticsearch_domain", DataStoreKind::OpenSearchDomain, "443", "endpoint"},
    {"aws_lb", DataStoreKind::LoadBalancer, "", "dns_name"},
    {"aws_alb", DataStoreKind::LoadBalancer, "", "dns_name"},
    {"aws_redshift_cluster", DataStoreKind::RedshiftCluster, "5439", "endpoint dns_name port"},
    {"aws_msk_cluster", DataStoreKind::MskCluster, "",
     "bootstrap_brokers=9092 bootstrap_brokers_tls=9094 bootstrap_brokers_sasl_scram=9096 "
     "bootstrap_brokers_sasl_iam=9098"},
    {"aws_mq_broker", DataStoreKind::MqBroker, "", "instances"},
    {"aws_db_subnet_group", DataStoreKind::SubnetGroup, "", ""},
    {"aws_elasticache_subnet_group", DataStoreKind::SubnetGroup, "", ""},
    {"aws_memorydb_subnet_group", DataStoreKind::SubnetGroup, "", ""},
    {"aws_docdb_subnet_group", DataStoreKind::SubnetGroup, "", ""},
    {"aws_neptune_subnet_group", DataStoreKind::SubnetGroup, "", ""},
    {"aws_redshift_subnet_group", DataStoreKind::SubnetGroup, "", ""},
    {"aws_efs_mount_target", DataStoreKind::EfsMountTarget, "", ""},
    {"aws_efs_access_point", DataStoreKind::EfsAccessPoint, "", ""},
    {"aws_db_proxy_target", DataStoreKind::ProxyTargetGroup, "", ""},
    // The provider has no SecretTargetAttachment: a secret version whose
    // secret_string is built from a database's address ties the two.
    {"aws_secretsmanager_secret_version", DataStoreKind::SecretAttachment, "", ""},
};

const TfStoreShape* tf_shape_of(std::string_view type) {
    for (const TfStoreShape& s : kTfStores)
        if (s.type == type) return &s;
    return nullptr;
}

// The first attribute of `names` the configuration or the plan gives.
LinkList links_of_first(BindContext& c, const Instance& i, std::initializer_list<Path> names, EntityKind kind) {
    for (const Path& p : names) {
        if (c.unknown(i, p) && !c.configured(i, p)) continue;  // computed, not written
        LinkList l = c.links(i, p, kind);
        if (l.present) return l;
    }
    return {};
}

}  // namespace

EntityKind tf_data_store_kind(std::string_view type) {
    return tf_shape_of(type) ? EntityKind::DataStore : EntityKind::Other;
}

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
    const TfStoreShape* shape = tf_shape_of(i.type);
    if (!shape) return;
    d.kind = shape->kind;
    d.endpoint_attrs = parse_endpoint_attrs(shape->endpoint_attrs);
    switch (d.kind) {
        case DataStoreKind::SubnetGroup: d.subnets = c.links(i, {"subnet_ids"}, EntityKind::Subnet); return;
        case DataStoreKind::EfsMountTarget:
            d.parent = c.link(i, {"file_system_id"}, EntityKind::DataStore);
            d.subnets = c.links(i, {"subnet_id"}, EntityKind::Subnet);
            if (!c.computed_unknown(i, {"security_groups"}))
                d.security_groups = c.links(i, {"security_groups"}, EntityKind::SecurityGroup);
            return;
        case DataStoreKind::EfsAccessPoint: d.parent = c.link(i, {"file_system_id"}, EntityKind::DataStore); return;
        case DataStoreKind::ProxyTargetGroup:
            d.parent = c.link(i, {"db_proxy_name"}, EntityKind::DataStore);
            d.target = c.link(i, {"db_cluster_identifier"}, EntityKind::DataStore);
            if (d.target.absent()) d.target = c.link(i, {"db_instance_identifier"}, EntityKind::DataStore);
            return;
        case DataStoreKind::SecretAttachment: {
            // secret_string = jsonencode({host = aws_db_instance.main.address, ...})
            Resolution r = c.plan.resolve(i, c.plan.expression(i, {"secret_string"}));
            for (const Hit& h : r.hits) {
                if (h.attr.empty()) continue;
                std::vector<uint32_t> dbs = c.entities_of(Resolution{{h.instance}, {h}, false, ""}, EntityKind::DataStore);
                if (dbs.size() != 1) continue;
                const DataStore& db = m.data_stores[dbs[0]];
                bool addresses = false;
                // From the type, not db.endpoint_attrs: the database may be bound after this secret.
                const TfStoreShape* db_shape = tf_shape_of(db.type);
                for (const EndpointAttr& a : parse_endpoint_attrs(db_shape ? db_shape->endpoint_attrs : ""))
                    addresses = addresses || a.attr == h.attr;
                if (!addresses) continue;
                d.target.state = LinkState::Resolved;
                d.target.index = dbs[0];
                d.target.loc = c.attr_loc(i, {"secret_string"});
                break;
            }
            Resolution s = c.plan.resolve(i, c.plan.expression(i, {"secret_id"}));
            if (s.instances.size() == 1) d.secret = c.plan.instances()[s.instances[0]].address;
            return;
        }
        default: break;
    }
    d.security_groups = links_of_first(c, i, {{"vpc_security_group_ids"}, {"security_group_ids"}, {"security_groups"}},
                                       EntityKind::SecurityGroup);
    d.subnets = links_of_first(c, i, {{"subnet_ids"}, {"vpc_subnet_ids"}, {"subnets"}}, EntityKind::Subnet);
    if (d.kind == DataStoreKind::OpenSearchDomain)
        if (const Node* vpc = c.value(i, {"vpc_options"}); vpc && vpc->is_sequence() && !vpc->items.empty()) {
            d.vpc_options = true;
            d.security_groups = c.links(i, {"vpc_options", "0", "security_group_ids"}, EntityKind::SecurityGroup);
            d.subnets = c.links(i, {"vpc_options", "0", "subnet_ids"}, EntityKind::Subnet);
        }
    if (d.kind == DataStoreKind::MskCluster) {
        d.security_groups = c.links(i, {"broker_node_group_info", "0", "security_groups"}, EntityKind::SecurityGroup);
        d.subnets = c.links(i, {"broker_node_group_info", "0", "client_subnets"}, EntityKind::Subnet);
    }
    for (const char* attr : {"db_subnet_group_name", "subnet_group_name", "neptune_subnet_group_name",
                             "cluster_subnet_group_name"}) {
        // Computed: a plan marks it unknown when the configuration leaves it
        // out, and then the instance lives in the default VPC (provider
        // docs, aws_db_instance), which the plan does not describe.
        if (c.unknown(i, {attr}) && !c.configured(i, {attr})) continue;
        d.subnet_group = c.text(i, {attr});
        if (d.subnet_group.known && d.subnet_group.value.empty()) d.subnet_group = Text{};
        if (!d.subnet_group.present) continue;
        d.subnet_group_ref = c.link(i, {attr}, EntityKind::DataStore);
        break;
    }
    if (d.kind == DataStoreKind::RdsInstance && i.type == "aws_rds_cluster_instance")
        d.parent = c.link(i, {"cluster_identifier"}, EntityKind::DataStore);
    // publicly_accessible defaults to false in Terraform (provider docs).
    d.publicly_accessible = c.flag(i, {"publicly_accessible"}, Tri::No);
    d.http_endpoint = c.flag(i, {"enable_http_endpoint"}, Tri::No);
    const char* engine = d.kind == DataStoreKind::DbProxy     ? "engine_family"
                         : d.kind == DataStoreKind::MqBroker  ? "engine_type"
                                                              : "engine";
    d.engine = c.text(i, {engine});
    // port is optional and computed: unknown in a create plan when not
    // written (then the engine's default); a variable without a value stays
    // unknown.
    if (!(c.unknown(i, {"port"}) && !c.configured(i, {"port"}))) d.port = c.text(i, {"port"});
    if (d.port.known && (d.port.value.empty() || d.port.value == "0")) d.port = Text{};
    if (!d.port.present) {
        std::string port = d.engine.known ? default_engine_port(d.engine.value) : "";
        if (port.empty() && d.kind == DataStoreKind::MqBroker && d.engine.known)
            port = d.engine.value == "RabbitMQ" || d.engine.value == "RABBITMQ" ? "5671" : "61617";
        if (port.empty()) port = std::string(shape->default_port);
        if (!port.empty()) d.port = Text{true, true, port, "", false, d.engine.present ? d.engine.loc : d.loc};
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
