// Builds small network models by hand for the egress, needs and VL1xx/VL5xx
// tests: every entity gets its own line in "t.yaml" (10, 20, 30, ...) so a
// test can check which position a finding or a path step points at.
#pragma once
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

#include "core/analyses.h"
#include "core/model.h"
#include "core/rule.h"

namespace vpclint::testing {

inline Location line_at(uint32_t line, uint32_t col = 3) {
    Location l;
    l.file = "t.yaml";
    l.line = line;
    l.col = col;
    return l;
}

inline Link resolved(uint32_t index, Location loc = {}) {
    Link l;
    l.state = LinkState::Resolved;
    l.index = index;
    l.loc = std::move(loc);
    return l;
}

inline Link external(std::string id, Location loc = {}) {
    Link l;
    l.state = LinkState::External;
    l.text = std::move(id);
    l.literal = true;
    l.loc = std::move(loc);
    return l;
}

inline Link unknown_link(std::string reason, std::vector<uint32_t> candidates = {}) {
    Link l;
    l.state = LinkState::Unknown;
    l.text = std::move(reason);
    l.candidates = std::move(candidates);
    return l;
}

inline Text known_text(std::string v, Location loc = {}) {
    Text t;
    t.present = true;
    t.known = true;
    t.literal = true;
    t.value = std::move(v);
    t.loc = std::move(loc);
    return t;
}

inline Text unknown_text(std::string partial, std::string reason = "parameter has no value") {
    Text t;
    t.present = true;
    t.known = false;
    t.value = std::move(partial);
    t.reason = std::move(reason);
    return t;
}

class NetworkBuilder {
public:
    Model m;

    NetworkBuilder() { m.file = "t.yaml"; }

    // A VPC created in the template: its main route table is the implicit one.
    uint32_t vpc(const std::string& id) {
        Vpc v;
        entity(v, id, "AWS::EC2::VPC");
        v.instance_tenancy = known_text("default", v.loc);
        m.vpcs.push_back(v);
        return last(m.vpcs);
    }

    uint32_t igw(const std::string& id) {
        InternetGateway g;
        entity(g, id, "AWS::EC2::InternetGateway");
        m.internet_gateways.push_back(g);
        return last(m.internet_gateways);
    }

    uint32_t attach(uint32_t igw, uint32_t vpc) { return attach_links(resolved(igw), resolved(vpc)); }

    uint32_t attach_links(Link igw, Link vpc) {
        GatewayAttachment a;
        entity(a, "Attach" + std::to_string(m.gateway_attachments.size()), "AWS::EC2::VPCGatewayAttachment");
        a.internet_gateway = std::move(igw);
        a.vpc = std::move(vpc);
        m.gateway_attachments.push_back(a);
        return last(m.gateway_attachments);
    }

    uint32_t subnet(const std::string& id, uint32_t vpc, const std::string& az = "us-east-1a") {
        return subnet_in(id, resolved(vpc), az);
    }

    uint32_t subnet_in(const std::string& id, Link vpc, const std::string& az = "us-east-1a") {
        Subnet s;
        entity(s, id, "AWS::EC2::Subnet");
        s.vpc = std::move(vpc);
        s.vpc.loc = line_at(s.loc.line + 2, 7);
        s.availability_zone = known_text(az);
        m.subnets.push_back(s);
        return last(m.subnets);
    }

    uint32_t table(const std::string& id, uint32_t vpc) {
        RouteTable t;
        entity(t, id, "AWS::EC2::RouteTable");
        t.vpc = resolved(vpc);
        m.route_tables.push_back(t);
        return last(m.route_tables);
    }

    uint32_t route(uint32_t table, const std::string& cidr, RouteTarget kind, Link target) {
        return route_in(resolved(table), cidr, kind, std::move(target));
    }

    uint32_t route_in(Link table, const std::string& cidr, RouteTarget kind, Link target) {
        Route r;
        entity(r, "Route" + std::to_string(m.routes.size()), "AWS::EC2::Route");
        r.route_table = std::move(table);
        if (!cidr.empty()) r.destination_cidr = known_text(cidr);
        r.target_kind = kind;
        r.target = std::move(target);
        r.target.loc = line_at(r.loc.line + 4, 20);
        m.routes.push_back(r);
        return last(m.routes);
    }

    uint32_t associate(uint32_t subnet, uint32_t table) { return associate_links(resolved(subnet), resolved(table)); }

    uint32_t associate_links(Link subnet, Link table) {
        SubnetAssociation a;
        entity(a, "Assoc" + std::to_string(m.subnet_associations.size()), "AWS::EC2::SubnetRouteTableAssociation");
        a.subnet = std::move(subnet);
        a.route_table = std::move(table);
        m.subnet_associations.push_back(a);
        return last(m.subnet_associations);
    }

    uint32_t nat(const std::string& id, uint32_t subnet) {
        NatGateway n;
        entity(n, id, "AWS::EC2::NatGateway");
        n.subnet = resolved(subnet, line_at(n.loc.line + 3, 17));
        n.allocation_id = unknown_text("", "GetAtt NatEip.AllocationId is known after creation");
        m.nat_gateways.push_back(n);
        return last(m.nat_gateways);
    }

    uint32_t instance(const std::string& id, uint32_t subnet, Tri source_dest_check, bool written = true) {
        Instance i;
        entity(i, id, "AWS::EC2::Instance");
        i.subnet = resolved(subnet);
        i.source_dest_check.present = written;
        i.source_dest_check.value = source_dest_check;
        if (written) i.source_dest_check.loc = line_at(i.loc.line + 4, 24);
        m.instances.push_back(i);
        return last(m.instances);
    }

    uint32_t security_group(const std::string& id, Link vpc) {
        SecurityGroup g;
        entity(g, id, "AWS::EC2::SecurityGroup");
        g.vpc = std::move(vpc);
        g.default_allow_all_egress = true;
        m.security_groups.push_back(g);
        return last(m.security_groups);
    }

    uint32_t endpoint(uint32_t vpc, const std::string& service) {
        VpcEndpoint e;
        entity(e, "Endpoint" + std::to_string(m.vpc_endpoints.size()), "AWS::EC2::VPCEndpoint");
        e.vpc = resolved(vpc);
        e.service_name = known_text("com.amazonaws.us-east-1." + service);
        e.service = known_text(service);
        m.vpc_endpoints.push_back(e);
        return last(m.vpc_endpoints);
    }

    // A VPC function in `subnets` with one security group outside the model.
    uint32_t function(const std::string& id, std::vector<Link> subnets) {
        Function f;
        entity(f, id, "AWS::Lambda::Function");
        f.has_vpc_config = true;
        f.vpc_config_loc = line_at(f.loc.line + 2, 7);
        f.subnets.present = true;
        f.subnets.loc = line_at(f.loc.line + 3, 20);
        uint32_t col = 22;
        for (Link& l : subnets) {
            if (!l.loc.known()) l.loc = line_at(f.loc.line + 3, col);
            col += 20;
            f.subnets.items.push_back(std::move(l));
        }
        f.security_groups.present = true;
        f.security_groups.loc = line_at(f.loc.line + 4, 27);
        f.security_groups.items.push_back(external("sg-0123456789abcdef0", line_at(f.loc.line + 4, 28)));
        m.functions.push_back(f);
        return last(m.functions);
    }

    uint32_t function_in(const std::string& id, std::vector<uint32_t> subnets) {
        std::vector<Link> links;
        for (uint32_t s : subnets) links.push_back(resolved(s));
        return function(id, std::move(links));
    }

    void env(uint32_t function, const std::string& name, Text value) {
        Function& f = m.functions[function];
        EnvVar v;
        v.name = name;
        v.loc = line_at(f.loc.line + 6 + static_cast<uint32_t>(f.environment.size()), 9);
        v.value = std::move(value);
        if (!v.value.loc.known()) v.value.loc = line_at(v.loc.line, 9 + static_cast<uint32_t>(name.size()) + 2);
        f.environment.push_back(std::move(v));
    }

    void declare(uint32_t function, const std::string& need) {
        Function& f = m.functions[function];
        f.declared_needs_present = true;
        f.declared_needs.push_back({need, line_at(f.loc.line + 1, 30)});
    }

    // Common shapes --------------------------------------------------------

    // A subnet whose own route table sends 0.0.0.0/0 to `igw`.
    uint32_t public_subnet(const std::string& id, uint32_t vpc, uint32_t igw, const std::string& az = "us-east-1a") {
        uint32_t s = subnet(id, vpc, az);
        uint32_t t = table(id + "RouteTable", vpc);
        route(t, "0.0.0.0/0", RouteTarget::InternetGateway, resolved(igw));
        associate(s, t);
        return s;
    }

    // A subnet whose own route table sends 0.0.0.0/0 to NAT gateway `nat`.
    uint32_t nat_subnet(const std::string& id, uint32_t vpc, uint32_t nat, const std::string& az = "us-east-1a") {
        uint32_t s = subnet(id, vpc, az);
        uint32_t t = table(id + "RouteTable", vpc);
        route(t, "0.0.0.0/0", RouteTarget::NatGateway, resolved(nat));
        associate(s, t);
        return s;
    }

    // A subnet whose own route table has no default route.
    uint32_t isolated_subnet(const std::string& id, uint32_t vpc, const std::string& az = "us-east-1a") {
        uint32_t s = subnet(id, vpc, az);
        uint32_t t = table(id + "RouteTable", vpc);
        route(t, "10.1.0.0/16", RouteTarget::PeeringConnection, external("pcx-0123456789abcdef0"));
        associate(s, t);
        return s;
    }

    Model build() {
        index_children(m);
        return m;
    }

private:
    template <class E>
    void entity(E& e, const std::string& id, const std::string& type) {
        e.id = id;
        e.type = type;
        e.loc = line_at(next_line_);
        next_line_ += 10;
    }

    template <class V>
    static uint32_t last(const V& v) {
        return static_cast<uint32_t>(v.size() - 1);
    }

    uint32_t next_line_ = 10;
};

// The diagnostics one rule gives on `m`.
inline std::vector<Diagnostic> run_rule(const Model& m, std::string_view id) {
    const Rule* rule = find_rule(id);
    if (!rule) throw std::runtime_error("no rule " + std::string(id));
    Analyses a = compute_analyses(m);
    std::vector<Diagnostic> out;
    RuleContext ctx(m, a, *rule->descriptor, out);
    rule->check(ctx);
    return out;
}

// Every diagnostic of the network and lambda rules this issue owns.
inline std::vector<Diagnostic> run_network_rules(const Model& m) {
    std::vector<Diagnostic> all;
    for (std::string_view id : {"VL101", "VL102", "VL103", "VL104", "VL105", "VL106", "VL107", "VL505", "VL506"})
        for (Diagnostic& d : run_rule(m, id)) all.push_back(std::move(d));
    return all;
}

}  // namespace vpclint::testing
