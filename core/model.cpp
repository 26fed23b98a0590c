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
