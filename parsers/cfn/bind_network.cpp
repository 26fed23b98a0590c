// VPCs, subnets, route tables, routes, gateways, NAT gateways and instances.
#include "parsers/aws_ids.h"
#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

RouteTarget target_of_kind(EntityKind k) {
    switch (k) {
        case EntityKind::InternetGateway: return RouteTarget::InternetGateway;
        case EntityKind::EgressOnlyGateway: return RouteTarget::EgressOnlyInternetGateway;
        case EntityKind::NatGateway: return RouteTarget::NatGateway;
        case EntityKind::Instance: return RouteTarget::Instance;
        case EntityKind::TransitGateway: return RouteTarget::TransitGateway;
        case EntityKind::VpnGateway: return RouteTarget::VpnGateway;
        case EntityKind::PeeringConnection: return RouteTarget::PeeringConnection;
        case EntityKind::NetworkInterface: return RouteTarget::NetworkInterface;
        case EntityKind::VpcEndpoint: return RouteTarget::VpcEndpoint;
        case EntityKind::CarrierGateway: return RouteTarget::CarrierGateway;
        default: return RouteTarget::Unknown;
    }
}

EntityKind kind_of_target(RouteTarget t) {
    switch (t) {
        case RouteTarget::InternetGateway: return EntityKind::InternetGateway;
        case RouteTarget::NatGateway: return EntityKind::NatGateway;
        case RouteTarget::Instance: return EntityKind::Instance;
        default: return EntityKind::Other;
    }
}

struct TargetProperty {
    std::string_view name;
    RouteTarget kind;  // Unknown: decided by what it references
};

constexpr TargetProperty kTargets[] = {
    {"GatewayId", RouteTarget::Unknown},
    {"NatGatewayId", RouteTarget::NatGateway},
    {"InstanceId", RouteTarget::Instance},
    {"TransitGatewayId", RouteTarget::TransitGateway},
    {"VpcPeeringConnectionId", RouteTarget::PeeringConnection},
    {"VpcEndpointId", RouteTarget::VpcEndpoint},
    {"EgressOnlyInternetGatewayId", RouteTarget::EgressOnlyInternetGateway},
    {"NetworkInterfaceId", RouteTarget::NetworkInterface},
    {"CarrierGatewayId", RouteTarget::CarrierGateway},
    {"LocalGatewayId", RouteTarget::LocalGateway},
    {"CoreNetworkArn", RouteTarget::CoreNetwork},
};

void bind_route_target(BindContext& c, const ResourceInfo& r, const EValue& props, Route& route) {
    for (const TargetProperty& tp : kTargets) {
        const EValue* v = props.field(tp.name);
        if (!v) continue;
        RouteTarget kind = tp.kind;
        if (v->kind == Kind::ResourceRef) {
            auto it = c.entities.find(v->text);
            if (it != c.entities.end()) kind = target_of_kind(it->second.kind);
        } else if (v->kind == Kind::Scalar) {
            RouteTarget by_id = route_target_of_id(v->text);
            if (by_id != RouteTarget::Unknown) kind = by_id;
        } else if (tp.kind == RouteTarget::Unknown) {
            kind = RouteTarget::Unknown;
        }
        route.target_kind = kind;
        EntityKind ek = kind_of_target(kind);
        route.target = c.link(v, ek == EntityKind::Other ? EntityKind::Other : ek, r.node);
        if (ek == EntityKind::Other && route.target.state == LinkState::Resolved) route.target.state = LinkState::External;
        return;
    }
}

}  // namespace

void bind_network(BindContext& c, const ResourceInfo& r, const EValue& props, EntityRef ref) {
    Model& m = c.model;
    switch (ref.kind) {
        case EntityKind::Vpc: {
            Vpc& v = m.vpcs[ref.index];
            v.cidr = c.text(props.field("CidrBlock"), r.node);
            // CloudFormation defaults: DNS support on, DNS hostnames off
            // (AWS::EC2::VPC reference page).
            v.dns_support = c.flag(props.field("EnableDnsSupport"), Tri::Yes, r.node);
            v.dns_hostnames = c.flag(props.field("EnableDnsHostnames"), Tri::No, r.node);
            v.instance_tenancy = c.text(props.field("InstanceTenancy"), r.node);
            break;
        }
        case EntityKind::Subnet: {
            Subnet& s = m.subnets[ref.index];
            s.vpc = c.link(props.field("VpcId"), EntityKind::Vpc, r.node);
            s.cidr = c.text(props.field("CidrBlock"), r.node);
            const EValue* az = props.field("AvailabilityZone");
            if (!az) az = props.field("AvailabilityZoneId");
            s.availability_zone = c.text(az, r.node);
            s.map_public_ip = c.flag(props.field("MapPublicIpOnLaunch"), Tri::No, r.node);
            break;
        }
        case EntityKind::RouteTable:
            m.route_tables[ref.index].vpc = c.link(props.field("VpcId"), EntityKind::Vpc, r.node);
            break;
        case EntityKind::Route: {
            Route& rt = m.routes[ref.index];
            rt.route_table = c.link(props.field("RouteTableId"), EntityKind::RouteTable, r.node);
            rt.destination_cidr = c.text(props.field("DestinationCidrBlock"), r.node);
            rt.destination_ipv6 = c.text(props.field("DestinationIpv6CidrBlock"), r.node);
            rt.destination_prefix_list = c.text(props.field("DestinationPrefixListId"), r.node);
            bind_route_target(c, r, props, rt);
            break;
        }
        case EntityKind::SubnetAssociation: {
            SubnetAssociation& a = m.subnet_associations[ref.index];
            a.subnet = c.link(props.field("SubnetId"), EntityKind::Subnet, r.node);
            a.route_table = c.link(props.field("RouteTableId"), EntityKind::RouteTable, r.node);
            break;
        }
        case EntityKind::GatewayAttachment: {
            GatewayAttachment& a = m.gateway_attachments[ref.index];
            a.vpc = c.link(props.field("VpcId"), EntityKind::Vpc, r.node);
            a.internet_gateway = c.link(props.field("InternetGatewayId"), EntityKind::InternetGateway, r.node);
            break;
        }
        case EntityKind::NatGateway: {
            NatGateway& n = m.nat_gateways[ref.index];
            n.subnet = c.link(props.field("SubnetId"), EntityKind::Subnet, r.node);
            n.connectivity = c.text(props.field("ConnectivityType"), r.node);
            n.allocation_id = c.text(props.field("AllocationId"), r.node);
            // A regional NAT gateway (AvailabilityMode: regional) has no subnet.
            if (const EValue* mode = props.field("AvailabilityMode"))
                n.regional = mode->kind == Kind::Scalar && mode->text == "regional";
            break;
        }
        case EntityKind::Instance: {
            Instance& i = m.instances[ref.index];
            const EValue* subnet = props.field("SubnetId");
            if (!subnet)
                if (const EValue* nics = props.field("NetworkInterfaces"); nics && nics->kind == Kind::List &&
                                                                         !nics->items.empty())
                    subnet = nics->items[0].field("SubnetId");
            i.subnet = c.link(subnet, EntityKind::Subnet, r.node);
            // SourceDestCheck defaults to true (AWS::EC2::Instance reference).
            i.source_dest_check = c.flag(props.field("SourceDestCheck"), Tri::Yes, r.node);
            break;
        }
        default:
            break;
    }
}

}  // namespace vpclint::cfn
