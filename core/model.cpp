#include "core/model.h"

namespace vpclint {

std::string_view route_target_name(RouteTarget t) {
    switch (t) {
        case RouteTarget::None: return "no target";
        case RouteTarget::InternetGateway: return "internet gateway";
        case RouteTarget::EgressOnlyInternetGateway: return "egress-only internet gateway";
        case RouteTarget::NatGateway: return "NAT gateway";
        case RouteTarget::Instance: return "instance";
        case RouteTarget::TransitGateway: return "transit gateway";
        case RouteTarget::VpnGateway: return "VPN gateway";
        case RouteTarget::PeeringConnection: return "VPC peering connection";
        case RouteTarget::NetworkInterface: return "network interface";
        case RouteTarget::VpcEndpoint: return "VPC endpoint";
        case RouteTarget::CarrierGateway: return "carrier gateway";
        case RouteTarget::LocalGateway: return "local gateway";
        case RouteTarget::CoreNetwork: return "core network";
        case RouteTarget::Local: return "local";
        case RouteTarget::Unknown: return "target of unknown kind";
    }
    return "target";
}

bool is_data_store_part(DataStoreKind k) {
    switch (k) {
        case DataStoreKind::SubnetGroup:
        case DataStoreKind::EfsMountTarget:
        case DataStoreKind::EfsAccessPoint:
        case DataStoreKind::ProxyTargetGroup:
        case DataStoreKind::SecretAttachment: return true;
        default: return false;
    }
}

std::string_view data_store_kind_name(DataStoreKind k) {
    switch (k) {
        case DataStoreKind::RdsInstance: return "RDS DB instance";
        case DataStoreKind::RdsCluster: return "RDS DB cluster";
        case DataStoreKind::DbProxy: return "RDS proxy";
        case DataStoreKind::CacheCluster: return "ElastiCache cluster";
        case DataStoreKind::ReplicationGroup: return "ElastiCache replication group";
        case DataStoreKind::ServerlessCache: return "ElastiCache serverless cache";
        case DataStoreKind::MemoryDbCluster: return "MemoryDB cluster";
        case DataStoreKind::DocDbCluster: return "DocumentDB cluster";
        case DataStoreKind::NeptuneCluster: return "Neptune cluster";
        case DataStoreKind::EfsFileSystem: return "EFS file system";
        case DataStoreKind::OpenSearchDomain: return "OpenSearch domain";
        case DataStoreKind::LoadBalancer: return "load balancer";
        case DataStoreKind::RedshiftCluster: return "Redshift cluster";
        case DataStoreKind::MskCluster: return "MSK cluster";
        case DataStoreKind::MqBroker: return "Amazon MQ broker";
        case DataStoreKind::SubnetGroup: return "subnet group";
        case DataStoreKind::EfsMountTarget: return "EFS mount target";
        case DataStoreKind::EfsAccessPoint: return "EFS access point";
        case DataStoreKind::ProxyTargetGroup: return "RDS proxy target group";
        case DataStoreKind::SecretAttachment: return "secret target attachment";
    }
    return "private resource";
}

void index_children(Model& m) {
    for (RouteTable& t : m.route_tables) t.routes.clear();
    for (SecurityGroup& g : m.security_groups) g.rules.clear();
    for (uint32_t i = 0; i < m.routes.size(); ++i)
        if (m.routes[i].route_table.resolved()) m.route_tables[m.routes[i].route_table.index].routes.push_back(i);
    for (uint32_t i = 0; i < m.security_group_rules.size(); ++i)
        if (m.security_group_rules[i].group.resolved())
            m.security_groups[m.security_group_rules[i].group.index].rules.push_back(i);
}

}  // namespace vpclint
