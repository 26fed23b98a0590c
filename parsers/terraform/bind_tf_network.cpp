// VPCs, subnets, route tables and routes, gateways, NAT gateways, instances.
#include "parsers/aws_ids.h"
#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

namespace {

// The API accepts NAT and egress-only ids in gateway_id: classify a target
// by what it references, else by its id prefix, never by the argument name.
RouteTarget target_of_type(std::string_view type) {
    if (type == "aws_internet_gateway") return RouteTarget::InternetGateway;
    if (type == "aws_nat_gateway") return RouteTarget::NatGateway;
    if (type == "aws_instance") return RouteTarget::Instance;
    if (type == "aws_ec2_transit_gateway") return RouteTarget::TransitGateway;
    if (type == "aws_vpn_gateway") return RouteTarget::VpnGateway;
    if (type == "aws_vpc_peering_connection") return RouteTarget::PeeringConnection;
    if (type == "aws_egress_only_internet_gateway") return RouteTarget::EgressOnlyInternetGateway;
    if (type == "aws_network_interface") return RouteTarget::NetworkInterface;
    if (type == "aws_vpc_endpoint") return RouteTarget::VpcEndpoint;
    if (type == "aws_ec2_carrier_gateway") return RouteTarget::CarrierGateway;
    return RouteTarget::Unknown;
}

EntityKind kind_of_target(RouteTarget t) {
    switch (t) {
        case RouteTarget::InternetGateway: return EntityKind::InternetGateway;
        case RouteTarget::NatGateway: return EntityKind::NatGateway;
        case RouteTarget::Instance: return EntityKind::Instance;
        default: return EntityKind::Other;
    }
}

constexpr const char* kTargets[] = {"gateway_id", "nat_gateway_id", "instance_id", "transit_gateway_id",
                                    "vpc_peering_connection_id", "vpc_endpoint_id", "egress_only_gateway_id",
                                    "network_interface_id", "carrier_gateway_id", "local_gateway_id",
                                    "core_network_arn"};

void bind_route_fields(BindContext& c, const Instance& i, const Path& base, Route& r) {
    auto path = [&](const char* attr) {
        Path p = base;
        p.push_back(attr);
        return p;
    };
    bool inline_route = !base.empty();
    r.destination_cidr = c.text(i, path(inline_route ? "cidr_block" : "destination_cidr_block"));
    r.destination_ipv6 = c.text(i, path(inline_route ? "ipv6_cidr_block" : "destination_ipv6_cidr_block"));
    r.destination_prefix_list = c.text(i, path("destination_prefix_list_id"));
    if (r.destination_cidr.known && r.destination_cidr.value.empty()) r.destination_cidr.present = false;
    for (const char* attr : kTargets) {
        Path p = path(attr);
        const Node* v = c.value(i, p);
        Resolution res = c.plan.resolve(i, c.plan.expression(i, p));
        bool set = (v && v->is_scalar() && !v->text.empty()) || c.unknown(i, p) || !res.instances.empty();
        if (!set) continue;
        RouteTarget kind = RouteTarget::Unknown;
        if (!res.instances.empty()) kind = target_of_type(c.plan.instances()[res.instances.front()].type);
        else if (v && v->is_scalar()) kind = route_target_of_id(v->text);
        if (kind == RouteTarget::Unknown && std::string_view(attr) == "nat_gateway_id") kind = RouteTarget::NatGateway;
        if (kind == RouteTarget::Unknown && std::string_view(attr) == "transit_gateway_id") kind = RouteTarget::TransitGateway;
        if (kind == RouteTarget::Unknown && std::string_view(attr) == "vpc_peering_connection_id")
            kind = RouteTarget::PeeringConnection;
        if (kind == RouteTarget::Unknown && std::string_view(attr) == "instance_id") kind = RouteTarget::Instance;
        r.target_kind = kind;
        EntityKind ek = kind_of_target(kind);
        r.target = c.link(i, p, ek);
        if (ek == EntityKind::Other && r.target.resolved()) r.target.state = LinkState::External;
        return;
    }
}

}  // namespace

void bind_tf_network(BindContext& c, const Instance& i, EntityRef ref) {
    Model& m = c.model;
    switch (ref.kind) {
        case EntityKind::Vpc: {
            Vpc& v = m.vpcs[ref.index];
            v.cidr = c.text(i, {"cidr_block"});
            v.dns_support = c.flag(i, {"enable_dns_support"}, Tri::Yes);
            v.dns_hostnames = c.flag(i, {"enable_dns_hostnames"}, Tri::No);
            v.instance_tenancy = c.text(i, {"instance_tenancy"});
            break;
        }
        case EntityKind::Subnet: {
            Subnet& s = m.subnets[ref.index];
            s.vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
            s.cidr = c.text(i, {"cidr_block"});
            s.availability_zone = c.text(i, {"availability_zone"});
            if (!s.availability_zone.present) s.availability_zone = c.text(i, {"availability_zone_id"});
            s.map_public_ip = c.flag(i, {"map_public_ip_on_launch"}, Tri::No);
            break;
        }
        case EntityKind::RouteTable: {
            RouteTable& rt = m.route_tables[ref.index];
            if (i.type == "aws_default_route_table") {
                // The VPC's default (main) route table, adopted by Terraform.
                Link vpc_link;
                Resolution r = c.plan.resolve(i, c.plan.expression(i, {"default_route_table_id"}));
                for (size_t inst : r.instances)
                    if (c.entity_of[inst].kind == EntityKind::Vpc) {
                        vpc_link.state = LinkState::Resolved;
                        vpc_link.index = c.entity_of[inst].index;
                    }
                if (!vpc_link.resolved())
                    if (const Node* id = c.value(i, {"default_route_table_id"}); id && id->is_scalar())
                        for (size_t k = 0; k < c.plan.instances().size(); ++k) {
                            const Instance& cand = c.plan.instances()[k];
                            const Node* main = cand.type == "aws_vpc" ? c.value(cand, {"default_route_table_id"}) : nullptr;
                            if (main && main->is_scalar() && main->text == id->text) {
                                vpc_link.state = LinkState::Resolved;
                                vpc_link.index = c.entity_of[k].index;
                            }
                        }
                rt.vpc = vpc_link;
                if (vpc_link.resolved()) {
                    Link self;
                    self.state = LinkState::Resolved;
                    self.index = ref.index;
                    self.loc = rt.loc;
                    m.vpcs[vpc_link.index].main_route_table = self;
                }
            } else {
                rt.vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
            }
            const Node* routes = c.value(i, {"route"});
            if (c.unknown(i, {"route"})) {
                // Routes known only after apply: the table's default route is unknown.
                Route& r = m.routes.emplace_back();
                r.id = i.address + ".route";
                r.type = i.type;
                r.loc = c.attr_loc(i, {"route"});
                r.route_table.state = LinkState::Resolved;
                r.route_table.index = ref.index;
                r.destination_cidr.present = true;
                r.destination_cidr.reason = "known after apply";
            }
            if (routes && routes->is_sequence())
                for (size_t k = 0; k < routes->items.size(); ++k) {
                    Route r;
                    r.id = i.address + ".route[" + std::to_string(k) + "]";
                    r.type = i.type;
                    r.loc = c.attr_loc(i, {"route", std::to_string(k)});
                    r.inline_route = true;
                    r.route_table.state = LinkState::Resolved;
                    r.route_table.index = ref.index;
                    r.route_table.loc = r.loc;
                    bind_route_fields(c, i, {"route", std::to_string(k)}, r);
                    m.routes.push_back(std::move(r));
                }
            break;
        }
        case EntityKind::Route: {
            Route& r = m.routes[ref.index];
            r.route_table = c.link(i, {"route_table_id"}, EntityKind::RouteTable);
            bind_route_fields(c, i, {}, r);
            break;
        }
        case EntityKind::SubnetAssociation: {
            SubnetAssociation& a = m.subnet_associations[ref.index];
            a.subnet = c.link(i, {"subnet_id"}, EntityKind::Subnet);
            a.route_table = c.link(i, {"route_table_id"}, EntityKind::RouteTable);
            break;
        }
        case EntityKind::InternetGateway: {
            // aws_internet_gateway's vpc_id attaches it.
            Link vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
            if (vpc.absent()) break;
            GatewayAttachment& a = m.gateway_attachments.emplace_back();
            a.id = i.address + ".vpc_id";
            a.type = i.type;
            a.loc = vpc.loc;
            a.vpc = vpc;
            a.internet_gateway.state = LinkState::Resolved;
            a.internet_gateway.index = ref.index;
            break;
        }
        case EntityKind::GatewayAttachment: {
            GatewayAttachment& a = m.gateway_attachments[ref.index];
            a.vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
            a.internet_gateway = c.link(i, {"internet_gateway_id"}, EntityKind::InternetGateway);
            break;
        }
        case EntityKind::NatGateway: {
            NatGateway& n = m.nat_gateways[ref.index];
            n.subnet = c.link(i, {"subnet_id"}, EntityKind::Subnet);
            n.connectivity = c.text(i, {"connectivity_type"});
            n.allocation_id = c.text(i, {"allocation_id"});
            if (n.allocation_id.known && n.allocation_id.value.empty()) n.allocation_id.present = false;
            if (const Node* mode = c.value(i, {"availability_mode"}); mode && mode->is_scalar())
                n.regional = mode->text == "regional";
            break;
        }
        case EntityKind::Instance: {
            vpclint::Instance& in = m.instances[ref.index];
            in.subnet = c.link(i, {"subnet_id"}, EntityKind::Subnet);
            in.source_dest_check = c.flag(i, {"source_dest_check"}, Tri::Yes);
            break;
        }
        default:
            break;
    }
}

// A VPC's main route table set by aws_main_route_table_association.
void apply_main_route_table_association(BindContext& c, const tf::Instance& i) {
    Link vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
    if (!vpc.resolved()) return;
    c.model.vpcs[vpc.index].main_route_table = c.link(i, {"route_table_id"}, EntityKind::RouteTable);
}

}  // namespace vpclint::tf
