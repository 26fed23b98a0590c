// Private resources a function may reach (databases, caches, file systems,
// search domains, internal load balancers, brokers) with the parts that
// place them (subnet groups, mount targets, access points, proxy target
// groups, secret attachments); and VPC endpoints.
#include <string>

#include "parsers/endpoint_attrs.h"
#include "parsers/aws_ids.h"
#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

struct StoreShape {
    std::string_view type;
    DataStoreKind kind;
    std::string_view security_groups;  // property holding the security group ids
    std::string_view subnets;          // property holding subnet ids, if any
    std::string_view subnet_group;     // property naming its subnet group, if any
    std::string_view default_port;     // when neither Port nor the engine says
    // GetAtt attributes that address it on the network (CloudFormation
    // resource reference, "Return values"), separated by spaces.
    std::string_view endpoint_attrs;
};

constexpr StoreShape kStores[] = {
    {"AWS::RDS::DBInstance", DataStoreKind::RdsInstance, "VPCSecurityGroups", "", "DBSubnetGroupName", "",
     "Endpoint.Address Endpoint.Port"},
    {"AWS::RDS::DBCluster", DataStoreKind::RdsCluster, "VpcSecurityGroupIds", "", "DBSubnetGroupName", "",
     "Endpoint.Address Endpoint.Port ReadEndpoint.Address"},
    {"AWS::RDS::DBProxy", DataStoreKind::DbProxy, "VpcSecurityGroupIds", "VpcSubnetIds", "", "", "Endpoint"},
    {"AWS::ElastiCache::CacheCluster", DataStoreKind::CacheCluster, "VpcSecurityGroupIds", "", "CacheSubnetGroupName", "",
     "RedisEndpoint.Address RedisEndpoint.Port ConfigurationEndpoint.Address ConfigurationEndpoint.Port"},
    {"AWS::ElastiCache::ReplicationGroup", DataStoreKind::ReplicationGroup, "SecurityGroupIds", "", "CacheSubnetGroupName",
     "6379",
     "PrimaryEndPoint.Address PrimaryEndPoint.Port ReaderEndPoint.Address ReaderEndPoint.Port "
     "ConfigurationEndPoint.Address ConfigurationEndPoint.Port ReadEndPoint.Addresses ReadEndPoint.Addresses.List"},
    {"AWS::ElastiCache::ServerlessCache", DataStoreKind::ServerlessCache, "SecurityGroupIds", "SubnetIds", "", "",
     "Endpoint.Address Endpoint.Port ReaderEndpoint.Address ReaderEndpoint.Port"},
    {"AWS::MemoryDB::Cluster", DataStoreKind::MemoryDbCluster, "SecurityGroupIds", "", "SubnetGroupName", "6379",
     "ClusterEndpoint.Address ClusterEndpoint.Port"},
    {"AWS::DocDB::DBCluster", DataStoreKind::DocDbCluster, "VpcSecurityGroupIds", "", "DBSubnetGroupName", "27017",
     "Endpoint ReadEndpoint Port"},
    {"AWS::Neptune::DBCluster", DataStoreKind::NeptuneCluster, "VpcSecurityGroupIds", "", "DBSubnetGroupName", "8182",
     "Endpoint ReadEndpoint Port"},
    {"AWS::EFS::FileSystem", DataStoreKind::EfsFileSystem, "", "", "", "2049", ""},
    {"AWS::OpenSearchService::Domain", DataStoreKind::OpenSearchDomain, "", "", "", "443",
     "DomainEndpoint DomainEndpointV2 DomainEndpoints"},
    {"AWS::Elasticsearch::Domain", DataStoreKind::OpenSearchDomain, "", "", "", "443", "DomainEndpoint"},
    {"AWS::ElasticLoadBalancingV2::LoadBalancer", DataStoreKind::LoadBalancer, "SecurityGroups", "Subnets", "", "",
     "DNSName"},
    {"AWS::Redshift::Cluster", DataStoreKind::RedshiftCluster, "VpcSecurityGroupIds", "", "ClusterSubnetGroupName", "5439",
     "Endpoint.Address Endpoint.Port"},
    // Bootstrap brokers are not a GetAtt of AWS::MSK::Cluster: only a
    // declared need names it.
    {"AWS::MSK::Cluster", DataStoreKind::MskCluster, "", "", "", "", ""},
    {"AWS::AmazonMQ::Broker", DataStoreKind::MqBroker, "SecurityGroups", "SubnetIds", "", "",
     "AmqpEndpoints OpenWireEndpoints StompEndpoints MqttEndpoints WssEndpoints IpAddresses"},
    {"AWS::RDS::DBSubnetGroup", DataStoreKind::SubnetGroup, "", "SubnetIds", "", "", ""},
    {"AWS::ElastiCache::SubnetGroup", DataStoreKind::SubnetGroup, "", "SubnetIds", "", "", ""},
    {"AWS::MemoryDB::SubnetGroup", DataStoreKind::SubnetGroup, "", "SubnetIds", "", "", ""},
    {"AWS::DocDB::DBSubnetGroup", DataStoreKind::SubnetGroup, "", "SubnetIds", "", "", ""},
    {"AWS::Neptune::DBSubnetGroup", DataStoreKind::SubnetGroup, "", "SubnetIds", "", "", ""},
    {"AWS::Redshift::ClusterSubnetGroup", DataStoreKind::SubnetGroup, "", "SubnetIds", "", "", ""},
    {"AWS::EFS::MountTarget", DataStoreKind::EfsMountTarget, "SecurityGroups", "SubnetId", "", "", ""},
    {"AWS::EFS::AccessPoint", DataStoreKind::EfsAccessPoint, "", "", "", "", ""},
    {"AWS::RDS::DBProxyTargetGroup", DataStoreKind::ProxyTargetGroup, "", "", "", "", ""},
    {"AWS::SecretsManager::SecretTargetAttachment", DataStoreKind::SecretAttachment, "", "", "", "", ""},
};

const StoreShape* shape_of(std::string_view type) {
    for (const StoreShape& s : kStores)
        if (s.type == type) return &s;
    return nullptr;
}

// The first item of a list property (DBClusterIdentifiers: [!Ref Cluster]).
const EValue* first_item(const EValue* v) {
    if (v && v->kind == Kind::List) return v->items.empty() ? nullptr : &v->items.front();
    return v;
}

void bind_port(BindContext& c, const ResourceInfo& r, const EValue& props, const StoreShape& shape, DataStore& d) {
    d.port = c.text(props.field("Port"), r.node);
    if (d.port.present) return;  // a string "5432", a number, or a parameter (unknown)
    std::string port;
    if (d.engine.known) port = default_engine_port(d.engine.value);
    if (port.empty() && d.kind == DataStoreKind::MqBroker && d.engine.known)
        // Amazon MQ: RabbitMQ speaks AMQPS on 5671, ActiveMQ OpenWire over TLS on 61617.
        port = d.engine.value == "RABBITMQ" ? "5671" : d.engine.value == "ACTIVEMQ" ? "61617" : "";
    if (port.empty()) port = std::string(shape.default_port);
    if (port.empty()) return;
    d.port.present = true;
    d.port.known = true;
    d.port.value = port;
    d.port.loc = d.engine.present ? d.engine.loc : c.loc(r.node);
}

}  // namespace

bool is_data_store_type(std::string_view type) { return shape_of(type) != nullptr; }

void bind_data_store(BindContext& c, const ResourceInfo& r, const EValue& props, DataStore& d) {
    const StoreShape* shape = shape_of(r.type);
    if (!shape) return;
    d.kind = shape->kind;
    d.endpoint_attrs = parse_endpoint_attrs(shape->endpoint_attrs);
    if (!shape->security_groups.empty())
        d.security_groups = c.links(props.field(shape->security_groups), EntityKind::SecurityGroup, r.node);
    if (!shape->subnets.empty()) d.subnets = c.links(props.field(shape->subnets), EntityKind::Subnet, r.node);
    if (d.kind == DataStoreKind::OpenSearchDomain)
        if (const EValue* vpc = props.field("VPCOptions"); vpc && vpc->kind != Kind::NoValue) {
            d.vpc_options = true;
            d.security_groups = c.links(vpc->field("SecurityGroupIds"), EntityKind::SecurityGroup, r.node);
            d.subnets = c.links(vpc->field("SubnetIds"), EntityKind::Subnet, r.node);
        }
    if (d.kind == DataStoreKind::MskCluster)
        if (const EValue* brokers = props.field("BrokerNodeGroupInfo")) {
            d.security_groups = c.links(brokers->field("SecurityGroups"), EntityKind::SecurityGroup, r.node);
            d.subnets = c.links(brokers->field("ClientSubnets"), EntityKind::Subnet, r.node);
        }
    if (!shape->subnet_group.empty()) {
        const EValue* group = props.field(shape->subnet_group);
        d.subnet_group = c.text(group, r.node);
        d.subnet_group_ref = c.link(group, EntityKind::DataStore, r.node);
    }
    switch (d.kind) {
        case DataStoreKind::EfsMountTarget:
        case DataStoreKind::EfsAccessPoint:
            d.parent = c.link(props.field("FileSystemId"), EntityKind::DataStore, r.node);
            return;
        case DataStoreKind::ProxyTargetGroup: {
            d.parent = c.link(props.field("DBProxyName"), EntityKind::DataStore, r.node);
            const EValue* target = first_item(props.field("DBClusterIdentifiers"));
            if (!target) target = first_item(props.field("DBInstanceIdentifiers"));
            d.target = c.link(target, EntityKind::DataStore, r.node);
            return;
        }
        case DataStoreKind::SecretAttachment: {
            d.target = c.link(props.field("TargetId"), EntityKind::DataStore, r.node);
            const EValue* secret = props.field("SecretId");
            if (secret && secret->kind == Kind::ResourceRef) d.secret = secret->text;
            return;
        }
        case DataStoreKind::SubnetGroup: return;
        default: break;
    }
    if (d.kind == DataStoreKind::RdsInstance)
        d.parent = c.link(props.field("DBClusterIdentifier"), EntityKind::DataStore, r.node);
    // RDS: PubliclyAccessible defaults to false in a VPC (a DB subnet group
    // given) and to true in the default VPC (CreateDBInstance API reference);
    // a cluster's instance takes the cluster's subnet group (judged by the
    // analysis).
    d.publicly_accessible =
        c.flag(props.field("PubliclyAccessible"), d.subnet_group.present ? Tri::No : Tri::Unknown, r.node);
    d.http_endpoint = c.flag(props.field("EnableHttpEndpoint"), Tri::No, r.node);
    d.engine = c.text(props.field(d.kind == DataStoreKind::DbProxy       ? "EngineFamily"
                                  : d.kind == DataStoreKind::MqBroker    ? "EngineType"
                                                                         : "Engine"),
                      r.node);
    bind_port(c, r, props, *shape, d);
    if (d.kind == DataStoreKind::LoadBalancer) {
        const EValue* scheme = props.field("Scheme");
        d.internal.present = scheme != nullptr;
        d.internal.value = !scheme ? Tri::No
                           : scheme->kind == Kind::Scalar ? (scheme->text == "internal" ? Tri::Yes : Tri::No)
                                                          : Tri::Unknown;
    }
}

void bind_endpoint(BindContext& c, const ResourceInfo& r, const EValue& props, VpcEndpoint& e) {
    e.vpc = c.link(props.field("VpcId"), EntityKind::Vpc, r.node);
    e.service_name = c.text(props.field("ServiceName"), r.node);
    e.service = endpoint_service(e.service_name);
    const EValue* type = props.field("VpcEndpointType");
    if (!type) e.endpoint_type = EndpointType::Gateway;  // the CloudFormation default
    else if (type->kind != Kind::Scalar) e.endpoint_type = EndpointType::Unknown;
    else if (type->text == "Gateway") e.endpoint_type = EndpointType::Gateway;
    else if (type->text == "Interface") e.endpoint_type = EndpointType::Interface;
    else if (type->text == "GatewayLoadBalancer") e.endpoint_type = EndpointType::GatewayLoadBalancer;
    else e.endpoint_type = EndpointType::Unknown;
    e.route_tables = c.links(props.field("RouteTableIds"), EntityKind::RouteTable, r.node);
    e.subnets = c.links(props.field("SubnetIds"), EntityKind::Subnet, r.node);
    e.security_groups = c.links(props.field("SecurityGroupIds"), EntityKind::SecurityGroup, r.node);
    e.private_dns = c.flag(props.field("PrivateDnsEnabled"), Tri::No, r.node);
}

}  // namespace vpclint::cfn
