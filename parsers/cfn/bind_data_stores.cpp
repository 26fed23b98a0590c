// Private resources a function may reach: databases, caches, file systems,
// search domains, load balancers; and VPC endpoints.
#include <string>

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
};

constexpr StoreShape kStores[] = {
    {"AWS::RDS::DBInstance", DataStoreKind::RdsInstance, "VPCSecurityGroups", ""},
    {"AWS::RDS::DBCluster", DataStoreKind::RdsCluster, "VpcSecurityGroupIds", ""},
    {"AWS::RDS::DBProxy", DataStoreKind::DbProxy, "VpcSecurityGroupIds", "VpcSubnetIds"},
    {"AWS::ElastiCache::CacheCluster", DataStoreKind::CacheCluster, "VpcSecurityGroupIds", ""},
    {"AWS::ElastiCache::ReplicationGroup", DataStoreKind::ReplicationGroup, "SecurityGroupIds", ""},
    {"AWS::ElastiCache::ServerlessCache", DataStoreKind::ServerlessCache, "SecurityGroupIds", "SubnetIds"},
    {"AWS::MemoryDB::Cluster", DataStoreKind::MemoryDbCluster, "SecurityGroupIds", ""},
    {"AWS::DocDB::DBCluster", DataStoreKind::DocDbCluster, "VpcSecurityGroupIds", ""},
    {"AWS::Neptune::DBCluster", DataStoreKind::NeptuneCluster, "VpcSecurityGroupIds", ""},
    {"AWS::EFS::FileSystem", DataStoreKind::EfsFileSystem, "", ""},
    {"AWS::OpenSearchService::Domain", DataStoreKind::OpenSearchDomain, "", ""},
    {"AWS::Elasticsearch::Domain", DataStoreKind::OpenSearchDomain, "", ""},
    {"AWS::ElasticLoadBalancingV2::LoadBalancer", DataStoreKind::LoadBalancer, "SecurityGroups", "Subnets"},
};

}  // namespace

bool is_data_store_type(std::string_view type) {
    for (const StoreShape& s : kStores)
        if (s.type == type) return true;
    return false;
}

void bind_data_store(BindContext& c, const ResourceInfo& r, const EValue& props, DataStore& d) {
    const StoreShape* shape = nullptr;
    for (const StoreShape& s : kStores)
        if (s.type == r.type) shape = &s;
    if (!shape) return;
    d.kind = shape->kind;
    if (!shape->security_groups.empty())
        d.security_groups = c.links(props.field(shape->security_groups), EntityKind::SecurityGroup, r.node);
    if (!shape->subnets.empty()) d.subnets = c.links(props.field(shape->subnets), EntityKind::Subnet, r.node);
    if (d.kind == DataStoreKind::OpenSearchDomain)
        if (const EValue* vpc = props.field("VPCOptions")) {
            d.security_groups = c.links(vpc->field("SecurityGroupIds"), EntityKind::SecurityGroup, r.node);
            d.subnets = c.links(vpc->field("SubnetIds"), EntityKind::Subnet, r.node);
        }
    const EValue* group = props.field("DBSubnetGroupName");
    if (!group) group = props.field("CacheSubnetGroupName");
    d.subnet_group = c.text(group, r.node);
    // RDS: PubliclyAccessible defaults to false when the instance is in a VPC
    // with a subnet group (CreateDBInstance API reference).
    d.publicly_accessible = c.flag(props.field("PubliclyAccessible"), Tri::No, r.node);
    d.engine = c.text(props.field("Engine"), r.node);
    d.port = c.text(props.field("Port"), r.node);
    if (!d.port.present && d.engine.known) {
        std::string port = default_engine_port(d.engine.value);
        if (!port.empty()) {
            d.port.present = true;
            d.port.known = true;
            d.port.value = port;
            d.port.loc = d.engine.loc;
        }
    }
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
