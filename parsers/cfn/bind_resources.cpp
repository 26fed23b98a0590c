// Creates one entity per modelled resource of a scenario, then binds each.
#include "parsers/cfn/bind_resources.h"

#include "parsers/cfn/sam_connectors.h"
#include "parsers/cfn/sam_function.h"

namespace vpclint::cfn {

EntityKind entity_kind_of_type(std::string_view t) {
    static const std::pair<std::string_view, EntityKind> kTypes[] = {
        {"AWS::Lambda::Function", EntityKind::Function},
        {"AWS::Serverless::Function", EntityKind::Function},
        {"AWS::EC2::VPC", EntityKind::Vpc},
        {"AWS::EC2::Subnet", EntityKind::Subnet},
        {"AWS::EC2::RouteTable", EntityKind::RouteTable},
        {"AWS::EC2::Route", EntityKind::Route},
        {"AWS::EC2::SubnetRouteTableAssociation", EntityKind::SubnetAssociation},
        {"AWS::EC2::InternetGateway", EntityKind::InternetGateway},
        {"AWS::EC2::VPCGatewayAttachment", EntityKind::GatewayAttachment},
        {"AWS::EC2::NatGateway", EntityKind::NatGateway},
        {"AWS::EC2::EIP", EntityKind::ElasticIp},
        {"AWS::EC2::Instance", EntityKind::Instance},
        {"AWS::EC2::SecurityGroup", EntityKind::SecurityGroup},
        {"AWS::EC2::SecurityGroupIngress", EntityKind::SecurityGroupRule},
        {"AWS::EC2::SecurityGroupEgress", EntityKind::SecurityGroupRule},
        {"AWS::IAM::Role", EntityKind::Role},
        {"AWS::IAM::Policy", EntityKind::Policy},
        {"AWS::IAM::ManagedPolicy", EntityKind::Policy},
        {"AWS::IAM::RolePolicy", EntityKind::Policy},
        {"AWS::EC2::VPCEndpoint", EntityKind::VpcEndpoint},
        {"AWS::Lambda::EventSourceMapping", EntityKind::EventSourceMapping},
        {"AWS::EC2::VPNGateway", EntityKind::VpnGateway},
        {"AWS::EC2::TransitGateway", EntityKind::TransitGateway},
        {"AWS::EC2::VPCPeeringConnection", EntityKind::PeeringConnection},
        {"AWS::EC2::EgressOnlyInternetGateway", EntityKind::EgressOnlyGateway},
        {"AWS::EC2::NetworkInterface", EntityKind::NetworkInterface},
        {"AWS::EC2::CarrierGateway", EntityKind::CarrierGateway},
    };
    for (const auto& [type, kind] : kTypes)
        if (type == t) return kind;
    return is_data_store_type(t) ? EntityKind::DataStore : EntityKind::Other;
}

namespace {

template <class T>
uint32_t add_entity(std::vector<T>& v, const ResourceInfo& r, const Document& doc) {
    init_entity(v.emplace_back(), r, doc);
    return static_cast<uint32_t>(v.size() - 1);
}

uint32_t create_slot(Model& m, EntityKind k, const ResourceInfo& r, const Document& doc) {
    switch (k) {
        case EntityKind::Function: return add_entity(m.functions, r, doc);
        case EntityKind::Vpc: return add_entity(m.vpcs, r, doc);
        case EntityKind::Subnet: return add_entity(m.subnets, r, doc);
        case EntityKind::RouteTable: return add_entity(m.route_tables, r, doc);
        case EntityKind::Route: return add_entity(m.routes, r, doc);
        case EntityKind::SubnetAssociation: return add_entity(m.subnet_associations, r, doc);
        case EntityKind::InternetGateway: return add_entity(m.internet_gateways, r, doc);
        case EntityKind::GatewayAttachment: return add_entity(m.gateway_attachments, r, doc);
        case EntityKind::NatGateway: return add_entity(m.nat_gateways, r, doc);
        case EntityKind::ElasticIp: return add_entity(m.elastic_ips, r, doc);
        case EntityKind::Instance: return add_entity(m.instances, r, doc);
        case EntityKind::SecurityGroup: return add_entity(m.security_groups, r, doc);
        case EntityKind::SecurityGroupRule: return add_entity(m.security_group_rules, r, doc);
        case EntityKind::Role: return add_entity(m.roles, r, doc);
        case EntityKind::Policy: return add_entity(m.policies, r, doc);
        case EntityKind::VpcEndpoint: return add_entity(m.vpc_endpoints, r, doc);
        case EntityKind::DataStore: return add_entity(m.data_stores, r, doc);
        case EntityKind::EventSourceMapping: return add_entity(m.event_source_mappings, r, doc);
        default: return 0;  // kinds known only as route targets
    }
}

void link_children(Model& m) {
    index_children(m);
    // A group created without SecurityGroupEgress gets AWS's allow-all egress
    // rule (AWS::EC2::SecurityGroup reference).
    for (SecurityGroup& g : m.security_groups) g.default_allow_all_egress = !g.egress_declared;
}

}  // namespace

void bind_resources(const Template& tpl, Evaluator& ev, Model& m) {
    BindContext c{tpl, ev, m, {}};
    std::vector<std::pair<const ResourceInfo*, EntityRef>> todo;
    for (const ResourceInfo& r : tpl.resources) {
        if (!ev.exists(r)) continue;
        EntityRef ref{entity_kind_of_type(r.type), 0};
        ref.index = create_slot(m, ref.kind, r, *tpl.doc);
        c.entities[r.id] = ref;
        todo.emplace_back(&r, ref);
    }
    // SAM generates resources (the implicit role) before anything links.
    expand_sam_functions(c, todo);
    for (const auto& [r, ref] : todo) {
        if (ref.kind == EntityKind::Other) continue;
        if (r->type == "AWS::Serverless::Function") {  // evaluates its properties with Globals merged in
            bind_sam_function(c, *r, m.functions[ref.index]);
            continue;
        }
        EValue props = r->properties ? ev.eval(r->properties) : EValue{};
        switch (ref.kind) {
            case EntityKind::Function: bind_function(c, *r, props, m.functions[ref.index]); break;
            case EntityKind::SecurityGroup:
            case EntityKind::SecurityGroupRule: bind_security_group(c, *r, props, ref); break;
            case EntityKind::Role:
            case EntityKind::Policy: bind_iam(c, *r, props, ref); break;
            case EntityKind::DataStore: bind_data_store(c, *r, props, m.data_stores[ref.index]); break;
            case EntityKind::VpcEndpoint: bind_endpoint(c, *r, props, m.vpc_endpoints[ref.index]); break;
            case EntityKind::EventSourceMapping:
                bind_event_source(c, *r, props, m.event_source_mappings[ref.index]);
                break;
            default: bind_network(c, *r, props, ref); break;
        }
    }
    bind_sam_connectors(c);
    link_children(m);
    mark_group_users(c);
}

}  // namespace vpclint::cfn
