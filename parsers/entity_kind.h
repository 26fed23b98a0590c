// The kinds of IR entity a resource of any input format becomes; binders of
// both frontends create one entity slot per resource before linking.
#pragma once
#include <cstdint>

namespace vpclint {

enum class EntityKind : uint8_t {
    Function, Vpc, Subnet, RouteTable, Route, SubnetAssociation, InternetGateway, GatewayAttachment,
    NatGateway, ElasticIp, Instance, SecurityGroup, SecurityGroupRule, Role, Policy, VpcEndpoint,
    DataStore, EventSourceMapping, VpnGateway, TransitGateway, PeeringConnection, EgressOnlyGateway,
    NetworkInterface, CarrierGateway, Other,
};

struct EntityRef {
    EntityKind kind = EntityKind::Other;
    uint32_t index = 0;
};

}  // namespace vpclint
