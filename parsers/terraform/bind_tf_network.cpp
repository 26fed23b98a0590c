// VPCs, subnets, route tables and routes, gateways, NAT gateways, instances.
#include <algorithm>
#include <tuple>

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

// Whether argument `attr` of a route takes a target of `type`. Used to sort
// the references of a collapsed `route` attribute: one expression names the
// targets of every route of the table. gateway_id also takes NAT and
// egress-only gateways (EC2 API CreateRoute), a network interface the
// primary interface of an instance.
bool takes(std::string_view attr, std::string_view type) {
    RouteTarget t = target_of_type(type);
    if (attr == "gateway_id")
        return t == RouteTarget::InternetGateway || t == RouteTarget::VpnGateway || t == RouteTarget::NatGateway ||
               t == RouteTarget::EgressOnlyInternetGateway;
    if (attr == "nat_gateway_id") return t == RouteTarget::NatGateway;
    if (attr == "transit_gateway_id") return t == RouteTarget::TransitGateway;
    if (attr == "vpc_peering_connection_id") return t == RouteTarget::PeeringConnection;
    if (attr == "egress_only_gateway_id") return t == RouteTarget::EgressOnlyInternetGateway;
    if (attr == "network_interface_id") return t == RouteTarget::NetworkInterface || t == RouteTarget::Instance;
    if (attr == "vpc_endpoint_id") return t == RouteTarget::VpcEndpoint;
    if (attr == "carrier_gateway_id") return t == RouteTarget::CarrierGateway;
    if (attr == "instance_id") return t == RouteTarget::Instance;
    return false;
}

constexpr const char* kTargets[] = {"gateway_id", "nat_gateway_id", "instance_id", "transit_gateway_id",
                                    "vpc_peering_connection_id", "vpc_endpoint_id", "egress_only_gateway_id",
                                    "network_interface_id", "carrier_gateway_id", "local_gateway_id",
                                    "core_network_arn"};

// `base` is the route's own attributes (aws_route) or one inline `route`
// item of a route table.
void bind_route_fields(BindContext& c, const Instance& i, const Attr& base, bool inline_route, Route& r) {
    r.destination_cidr = c.text(i, child(base, inline_route ? "cidr_block" : "destination_cidr_block"));
    r.destination_ipv6 = c.text(i, child(base, inline_route ? "ipv6_cidr_block" : "destination_ipv6_cidr_block"));
    r.destination_prefix_list = c.text(i, child(base, "destination_prefix_list_id"));
    for (Text* t : {&r.destination_cidr, &r.destination_ipv6, &r.destination_prefix_list})
        if (t->known && t->value.empty()) *t = Text{};  // the provider writes "" for unset arguments
    for (const char* attr : kTargets) {
        Attr a = child(base, attr);
        const Node* v = c.value(i, a.value);
        Resolution res = c.plan.resolve(i, c.expression(i, a));
        if (a.collapsed && !res.hits.empty()) {
            // The table's one expression: keep what this argument can take.
            std::vector<Hit> kept;
            for (const Hit& h : res.hits)
                if (takes(attr, c.plan.instances()[h.instance].type)) kept.push_back(h);
            // gateway_id names an internet or VPN gateway when the block
            // references one; a NAT gateway beside it is another route's
            // nat_gateway_id.
            auto gateway = [&](const Hit& h) {
                RouteTarget t = target_of_type(c.plan.instances()[h.instance].type);
                return t == RouteTarget::InternetGateway || t == RouteTarget::VpnGateway;
            };
            if (std::string_view(attr) == "gateway_id" && std::any_of(kept.begin(), kept.end(), gateway))
                kept.erase(std::remove_if(kept.begin(), kept.end(), [&](const Hit& h) { return !gateway(h); }), kept.end());
            res.hits = std::move(kept);
            res.instances.clear();
            for (const Hit& h : res.hits) res.instances.push_back(h.instance);
            std::sort(res.instances.begin(), res.instances.end());
            res.instances.erase(std::unique(res.instances.begin(), res.instances.end()), res.instances.end());
        }
        bool set = (v && v->is_scalar() && !v->text.empty()) || !res.instances.empty() ||
                   (c.unknown(i, a.value) && !c.computed_unknown(i, a));
        if (!set) continue;
        RouteTarget kind = RouteTarget::Unknown;
        if (v && v->is_scalar() && !v->text.empty()) kind = route_target_of_id(v->text);
        if (kind == RouteTarget::Unknown && !res.instances.empty()) {
            // Every instance the reference names must be of one kind.
            kind = target_of_type(c.plan.instances()[res.instances.front()].type);
            for (size_t inst : res.instances)
                if (target_of_type(c.plan.instances()[inst].type) != kind) kind = RouteTarget::Unknown;
        }
        // Arguments that accept one kind only.
        std::string_view name(attr);
        if (kind == RouteTarget::Unknown) {
            if (name == "nat_gateway_id") kind = RouteTarget::NatGateway;
            else if (name == "transit_gateway_id") kind = RouteTarget::TransitGateway;
            else if (name == "vpc_peering_connection_id") kind = RouteTarget::PeeringConnection;
            else if (name == "instance_id") kind = RouteTarget::Instance;
            else if (name == "egress_only_gateway_id") kind = RouteTarget::EgressOnlyInternetGateway;
            else if (name == "network_interface_id") kind = RouteTarget::NetworkInterface;
            else if (name == "carrier_gateway_id") kind = RouteTarget::CarrierGateway;
            else if (name == "local_gateway_id") kind = RouteTarget::LocalGateway;
            else if (name == "core_network_arn") kind = RouteTarget::CoreNetwork;
            else if (name == "vpc_endpoint_id") kind = RouteTarget::VpcEndpoint;
        }
        r.target_kind = kind;
        EntityKind ek = kind_of_target(kind);
        if (ek != EntityKind::Other) {
            r.target = c.link(i, a, ek);
            return;
        }
        // Kinds the model keeps no vector for: the id, or why it is unknown.
        r.target = Link{};
        r.target.loc = c.attr_loc(i, a);
        if (v && v->is_scalar() && !v->text.empty() && !c.unknown(i, a.value)) {
            r.target.state = LinkState::External;
            r.target.text = v->text;
        } else {
            r.target.state = LinkState::Unknown;
            r.target.text = res.unresolved ? res.reason : c.unknown_reason(i, a);
        }
        return;
    }
}

std::string text_at(const BindContext& c, const Instance& i, const Path& p) {
    const Node* n = c.value(i, p);
    return n && n->is_scalar() ? n->text : std::string();
}

// Whether item `k` of a table's `route` attribute is a route that a separate
// aws_route resource of the plan manages: the provider reads every route of
// the table back into `route` when the configuration writes no route blocks
// (existing tables in update plans). Same table (by known id or by
// reference) and same destination.
bool read_back_of_route_resource(const BindContext& c, const Instance& table, size_t k) {
    std::vector<size_t> routes;
    if (auto it = c.routes_by_table_id.find(text_at(c, table, {"id"})); it != c.routes_by_table_id.end())
        routes = it->second;
    if (auto it = c.routes_by_table_instance.find(c.plan.index_of(table)); it != c.routes_by_table_instance.end())
        routes.insert(routes.end(), it->second.begin(), it->second.end());
    const std::pair<const char*, const char*> kDest[] = {{"cidr_block", "destination_cidr_block"},
                                                          {"ipv6_cidr_block", "destination_ipv6_cidr_block"},
                                                          {"destination_prefix_list_id", "destination_prefix_list_id"}};
    for (size_t x : routes) {
        const Instance& r = c.plan.instances()[x];
        bool same_dest = true, compared = false;
        for (auto [item_key, route_key] : kDest) {
            std::string a = text_at(c, table, {"route", std::to_string(k), item_key});
            std::string b = text_at(c, r, {route_key});
            if (a.empty() && b.empty()) continue;
            compared = true;
            if (a != b && !c.unknown(r, {route_key})) same_dest = false;
        }
        if (same_dest && compared) return true;
    }
    return false;
}

}  // namespace

void index_route_resources(BindContext& c) {
    const auto& instances = c.plan.instances();
    for (size_t k = 0; k < instances.size(); ++k) {
        const Instance& r = instances[k];
        if (r.data || r.type != "aws_route") continue;
        if (std::string id = text_at(c, r, {"route_table_id"}); !id.empty()) {
            c.routes_by_table_id[id].push_back(k);
            continue;
        }
        for (size_t t : c.plan.resolve(r, c.plan.expression(r, {"route_table_id"})).instances)
            c.routes_by_table_instance[t].push_back(k);
    }
}

void bind_tf_network(BindContext& c, const Instance& i, EntityRef ref) {
    Model& m = c.model;
    switch (ref.kind) {
        case EntityKind::Vpc: {
            Vpc& v = m.vpcs[ref.index];
            v.cidr = c.text(i, {"cidr_block"});
            // Provider defaults: enable_dns_support true, enable_dns_hostnames false.
            for (auto [flag, attr, fallback] : {std::tuple{&v.dns_support, "enable_dns_support", Tri::Yes},
                                                std::tuple{&v.dns_hostnames, "enable_dns_hostnames", Tri::No}}) {
                // Computed when not written: AWS applies the default.
                if (c.computed_unknown(i, {attr})) flag->value = fallback;
                else *flag = c.flag(i, {attr}, fallback);
            }
            v.instance_tenancy = c.text(i, {"instance_tenancy"});
            break;  // main_route_table: prepare_main_route_tables
        }
        case EntityKind::Subnet: {
            Subnet& s = m.subnets[ref.index];
            s.vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
            s.cidr = c.text(i, {"cidr_block"});
            s.availability_zone = c.text(i, {"availability_zone"});
            if (!s.availability_zone.present || (s.availability_zone.known && s.availability_zone.value.empty()))
                s.availability_zone = c.text(i, {"availability_zone_id"});
            s.map_public_ip = c.flag(i, {"map_public_ip_on_launch"}, Tri::No);
            break;
        }
        case EntityKind::RouteTable: {
            RouteTable& rt = m.route_tables[ref.index];
            // aws_default_route_table's VPC is set by prepare_main_route_tables.
            if (i.type != "aws_default_route_table") rt.vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
            std::vector<Route> inline_routes;
            // `route` is optional and computed: a plan marks it unknown when
            // the configuration writes no route blocks, and then the routes
            // are the aws_route resources bound on their own. Written routes
            // known only after apply make the default route unknown.
            if (c.unknown(i, {"route"}) && c.configured(i, {"route"})) {
                Route& r = inline_routes.emplace_back();
                r.id = i.address + ".route";
                r.type = i.type;
                r.loc = c.attr_loc(i, {"route"});
                r.inline_route = true;
                r.destination_cidr.present = true;
                r.destination_cidr.reason = c.unknown_reason(i, {"route"});
            }
            const Node* routes = c.value(i, {"route"});
            // Without route blocks in the configuration, `route` is what the
            // provider read back: routes of aws_route resources are bound
            // as those resources, not twice.
            // A state (no configuration at all) is read back entirely.
            bool read_back = !i.config || !c.configured(i, {"route"});
            if (routes && routes->is_sequence())
                for (size_t k = 0; k < routes->items.size(); ++k) {
                    if (read_back && read_back_of_route_resource(c, i, k)) continue;
                    // `route` is a set: its items are in hash order, its
                    // blocks in the configuration in source order.
                    Attr item = c.set_item(i, "route", k, {"cidr_block", "ipv6_cidr_block", "destination_prefix_list_id"});
                    Route r;
                    r.id = i.address + ".route[" + std::to_string(k) + "]";
                    r.type = i.type;
                    r.loc = c.attr_loc(i, item);
                    r.inline_route = true;
                    bind_route_fields(c, i, item, true, r);
                    inline_routes.push_back(std::move(r));
                }
            for (Route& r : inline_routes) {
                r.route_table.state = LinkState::Resolved;
                r.route_table.index = ref.index;
                r.route_table.loc = r.loc;
                if (i.node) r.plan_loc = m.route_tables[ref.index].plan_loc;
                m.routes.push_back(std::move(r));
            }
            break;
        }
        case EntityKind::Route: {
            Route& r = m.routes[ref.index];
            r.route_table = c.link(i, {"route_table_id"}, EntityKind::RouteTable);
            bind_route_fields(c, i, Attr(Path{}), false, r);
            break;
        }
        case EntityKind::SubnetAssociation: {
            SubnetAssociation& a = m.subnet_associations[ref.index];
            a.subnet = c.link(i, {"subnet_id"}, EntityKind::Subnet);
            a.route_table = c.link(i, {"route_table_id"}, EntityKind::RouteTable);
            // gateway_id associations (edge associations) name no subnet.
            break;
        }
        case EntityKind::InternetGateway: {
            // aws_internet_gateway's vpc_id attaches it (provider docs). It
            // is optional and computed: left out of the configuration, the
            // plan marks it unknown and it reports what an
            // aws_internet_gateway_attachment of the plan (bound on its own)
            // attaches.
            if (c.computed_unknown(i, {"vpc_id"})) break;
            Link vpc = c.link(i, {"vpc_id"}, EntityKind::Vpc);
            if (vpc.absent()) break;
            GatewayAttachment a;
            a.id = i.address + ".vpc_id";
            a.type = i.type;
            a.loc = vpc.loc;
            a.plan_loc = m.internet_gateways[ref.index].plan_loc;
            a.vpc = vpc;
            a.internet_gateway.state = LinkState::Resolved;
            a.internet_gateway.index = ref.index;
            a.internet_gateway.loc = vpc.loc;
            m.gateway_attachments.push_back(std::move(a));
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
            n.connectivity = c.text(i, {"connectivity_type"});
            if (n.connectivity.known && n.connectivity.value.empty()) n.connectivity = Text{};
            n.allocation_id = c.text(i, {"allocation_id"});
            if (n.allocation_id.known && n.allocation_id.value.empty()) n.allocation_id = Text{};
            // availability_mode = "regional": the NAT gateway spans the
            // VPC's zones and has no subnet_id.
            Text mode = c.text(i, {"availability_mode"});
            n.regional = mode.is("regional");
            if (!n.regional) n.subnet = c.link(i, {"subnet_id"}, EntityKind::Subnet);
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

}  // namespace vpclint::tf
