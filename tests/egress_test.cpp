// Egress analysis and rules VL101-VL107, VL505, VL506 on hand-built models.
#include <catch2/catch.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "core/egress_analysis.h"
#include "core/explain_function.h"
#include "tests/network_builder.h"

using namespace vpclint;
using namespace vpclint::testing;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

Egress verdict(const Model& m, uint32_t subnet) { return egress_of_subnet(compute_egress(m), subnet).verdict; }

std::vector<uint32_t> path_lines(const std::vector<RelatedLocation>& path) {
    std::vector<uint32_t> lines;
    for (const RelatedLocation& r : path) lines.push_back(r.loc.line);
    return lines;
}

bool mentions_line(const std::vector<RelatedLocation>& rs, uint32_t line) {
    return std::any_of(rs.begin(), rs.end(), [&](const RelatedLocation& r) { return r.loc.line == line; });
}

std::vector<std::string> ids(const std::vector<Diagnostic>& ds) {
    std::vector<std::string> out;
    for (const Diagnostic& d : ds) out.push_back(d.rule_id + " " + std::string(severity_name(d.severity)));
    std::sort(out.begin(), out.end());
    return out;
}

// One VPC with an attached internet gateway, a public subnet with a NAT
// gateway, and a private subnet routed to that NAT.
struct Standard {
    NetworkBuilder b;
    uint32_t vpc, igw, pub, nat, priv;
    Standard() {
        vpc = b.vpc("Vpc");
        igw = b.igw("Igw");
        b.attach(igw, vpc);
        pub = b.public_subnet("PublicSubnetA", vpc, igw);
        nat = b.nat("NatGateway", pub);
        priv = b.nat_subnet("PrivateSubnetA", vpc, nat);
    }
};

}  // namespace

// ------------------------------------------------------------------ verdicts

TEST_CASE("a subnet routed to an attached internet gateway is public, with its chain", "[egress]") {
    Standard s;
    Model m = s.b.build();
    EgressAnalysis e = compute_egress(m);
    const SubnetEgress& pub = egress_of_subnet(e, s.pub);
    CHECK(pub.verdict == Egress::Public);
    CHECK(contains(pub.reason, "Igw"));
    REQUIRE(pub.route_table >= 0);
    CHECK(m.route_tables[pub.route_table].id == "PublicSubnetARouteTable");
    REQUIRE(pub.default_route >= 0);
    CHECK(m.routes[pub.default_route].destination_cidr.value == "0.0.0.0/0");
    CHECK(pub.association >= 0);
    // subnet -> association -> route table -> route -> internet gateway
    CHECK(path_lines(pub.path) == std::vector<uint32_t>{m.subnets[s.pub].loc.line, m.subnet_associations[0].loc.line,
                                                        m.route_tables[pub.route_table].loc.line,
                                                        m.routes[pub.default_route].loc.line,
                                                        m.internet_gateways[s.igw].loc.line});
    CHECK(contains(pub.path.back().message, "attached"));
}

TEST_CASE("a subnet routed to a NAT gateway in a public subnet has internet, through the NAT's chain", "[egress]") {
    Standard s;
    Model m = s.b.build();
    EgressAnalysis e = compute_egress(m);
    const SubnetEgress& priv = egress_of_subnet(e, s.priv);
    CHECK(priv.verdict == Egress::Internet);
    CHECK(contains(priv.reason, "NatGateway"));
    CHECK(contains(priv.reason, "PublicSubnetA"));
    // ... -> route -> NAT -> NAT's subnet -> its association -> route table -> route -> IGW
    std::vector<uint32_t> lines = path_lines(priv.path);
    REQUIRE(lines.size() == 10);
    CHECK(lines[0] == m.subnets[s.priv].loc.line);
    CHECK(lines[4] == m.nat_gateways[s.nat].loc.line);
    CHECK(lines[5] == m.subnets[s.pub].loc.line);
    CHECK(lines[9] == m.internet_gateways[s.igw].loc.line);
    CHECK(run_network_rules(m).empty());
}

TEST_CASE("no default route, or the implicit main route table, gives none", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t isolated = b.isolated_subnet("IsolatedSubnet", vpc);
    uint32_t bare = b.subnet("NoAssociationSubnet", vpc);
    Model m = b.build();
    EgressAnalysis e = compute_egress(m);
    CHECK(egress_of_subnet(e, isolated).verdict == Egress::None);
    CHECK(contains(egress_of_subnet(e, isolated).reason, "no 0.0.0.0/0 route"));
    CHECK(egress_of_subnet(e, bare).verdict == Egress::None);
    CHECK(contains(egress_of_subnet(e, bare).reason, "main route table"));
    CHECK(mentions_line(egress_of_subnet(e, bare).path, m.vpcs[vpc].loc.line));
}

TEST_CASE("the main route table counts only when the VPC and its main table are known", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t igw = b.igw("Igw");
    b.attach(igw, vpc);
    uint32_t s = b.subnet("Subnet", vpc);
    SECTION("main route table unknown") {
        b.m.vpcs[vpc].main_route_table = unknown_link("the default VPC's main route table is not in the plan");
        CHECK(verdict(b.build(), s) == Egress::Unknown);
    }
    SECTION("main route table outside the model") {
        b.m.vpcs[vpc].main_route_table = external("rtb-0123456789abcdef0");
        CHECK(verdict(b.build(), s) == Egress::Unknown);
    }
    SECTION("the subnet's VPC is a parameter") {
        uint32_t p = b.subnet_in("ParamVpcSubnet", unknown_link("parameter VpcId has no value"));
        Model m = b.build();
        CHECK(verdict(m, p) == Egress::Unknown);
        CHECK(contains(egress_of_subnet(compute_egress(m), p).reason, "parameter VpcId has no value"));
    }
    SECTION("the subnet's VPC is outside the model") {
        uint32_t p = b.subnet_in("ExternalVpcSubnet", external("vpc-0123456789abcdef0"));
        CHECK(verdict(b.build(), p) == Egress::Unknown);
    }
    SECTION("main route table in the model (Terraform aws_main_route_table_association)") {
        uint32_t t = b.table("MainTable", vpc);
        b.route(t, "0.0.0.0/0", RouteTarget::InternetGateway, resolved(igw));
        b.m.vpcs[vpc].main_route_table = resolved(t);
        CHECK(verdict(b.build(), s) == Egress::Public);
    }
}

TEST_CASE("default routes to targets beyond the model are unknown", "[egress]") {
    auto kind = GENERATE(RouteTarget::TransitGateway, RouteTarget::VpnGateway, RouteTarget::PeeringConnection,
                         RouteTarget::NetworkInterface, RouteTarget::VpcEndpoint, RouteTarget::CarrierGateway,
                         RouteTarget::LocalGateway, RouteTarget::CoreNetwork, RouteTarget::Unknown,
                         RouteTarget::None, RouteTarget::EgressOnlyInternetGateway);
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t s = b.subnet("Subnet", vpc);
    uint32_t t = b.table("Table", vpc);
    b.route(t, "0.0.0.0/0", kind, external("tgw-0123456789abcdef0"));
    b.associate(s, t);
    Model m = b.build();
    INFO(route_target_name(kind));
    CHECK(verdict(m, s) == Egress::Unknown);
}

TEST_CASE("internet gateway targets: attached, not attached, elsewhere, unknown", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t other = b.vpc("OtherVpc");
    uint32_t igw = b.igw("Igw");
    SECTION("not attached at all: a blackhole") {
        uint32_t s = b.public_subnet("Subnet", vpc, igw);
        Model m = b.build();
        CHECK(verdict(m, s) == Egress::None);
        CHECK(contains(egress_of_subnet(compute_egress(m), s).reason, "not attached"));
    }
    SECTION("attached to another VPC") {
        b.attach(igw, other);
        uint32_t s = b.public_subnet("Subnet", vpc, igw);
        CHECK(verdict(b.build(), s) == Egress::None);
    }
    SECTION("attachment whose VPC is unknown") {
        b.attach_links(resolved(igw), unknown_link("parameter VpcId has no value"));
        uint32_t s = b.public_subnet("Subnet", vpc, igw);
        CHECK(verdict(b.build(), s) == Egress::Unknown);
    }
    SECTION("attachment whose gateway is unknown") {
        b.attach_links(unknown_link("imported gateway"), resolved(vpc));
        uint32_t s = b.public_subnet("Subnet", vpc, igw);
        CHECK(verdict(b.build(), s) == Egress::Unknown);
    }
    SECTION("a gateway outside the model") {
        uint32_t s = b.subnet("Subnet", vpc);
        uint32_t t = b.table("Table", vpc);
        b.route(t, "0.0.0.0/0", RouteTarget::InternetGateway, external("igw-0123456789abcdef0"));
        b.associate(s, t);
        CHECK(verdict(b.build(), s) == Egress::Unknown);
    }
    SECTION("a route table whose VPC is a parameter uses its subnet's VPC") {
        b.attach(igw, vpc);
        uint32_t s = b.public_subnet("Subnet", vpc, igw);
        b.m.route_tables.back().vpc = unknown_link("parameter VpcId has no value");
        CHECK(verdict(b.build(), s) == Egress::Public);
    }
}

TEST_CASE("NAT gateways: private, unknown, regional, in a private subnet", "[egress]") {
    Standard s;
    NatGateway& nat = s.b.m.nat_gateways[s.nat];
    SECTION("private connectivity gives none") {
        nat.connectivity = known_text("private");
        CHECK(verdict(s.b.build(), s.priv) == Egress::None);
    }
    SECTION("explicit public connectivity") {
        nat.connectivity = known_text("public");
        CHECK(verdict(s.b.build(), s.priv) == Egress::Internet);
    }
    SECTION("unknown connectivity") {
        nat.connectivity = unknown_text("", "parameter NatType has no value");
        CHECK(verdict(s.b.build(), s.priv) == Egress::Unknown);
    }
    SECTION("regional NAT gateway") {
        nat.regional = true;
        nat.subnet = Link{};
        CHECK(verdict(s.b.build(), s.priv) == Egress::Unknown);
    }
    SECTION("its subnet is a parameter") {
        nat.subnet = unknown_link("parameter NatSubnet has no value");
        CHECK(verdict(s.b.build(), s.priv) == Egress::Unknown);
    }
    SECTION("in an isolated subnet") {
        uint32_t iso = s.b.isolated_subnet("IsolatedSubnet", s.vpc);
        nat.subnet = resolved(iso, nat.subnet.loc);
        Model m = s.b.build();
        CHECK(verdict(m, s.priv) == Egress::None);
        CHECK(contains(egress_of_subnet(compute_egress(m), s.priv).reason, "IsolatedSubnet"));
    }
    SECTION("in a subnet whose egress is unknown (transit gateway)") {
        uint32_t tgw = s.b.subnet("TgwSubnet", s.vpc);
        uint32_t t = s.b.table("TgwTable", s.vpc);
        s.b.route(t, "0.0.0.0/0", RouteTarget::TransitGateway, external("tgw-0123456789abcdef0"));
        s.b.associate(tgw, t);
        nat.subnet = resolved(tgw);
        CHECK(verdict(s.b.build(), s.priv) == Egress::Unknown);
    }
    SECTION("behind another NAT: not asserted") {
        uint32_t second = s.b.nat("SecondNat", s.priv);
        uint32_t behind = s.b.nat_subnet("BehindSubnet", s.vpc, second);
        CHECK(verdict(s.b.build(), behind) == Egress::Unknown);
    }
}

TEST_CASE("NAT instances count only with the source/destination check off", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t igw = b.igw("Igw");
    b.attach(igw, vpc);
    uint32_t pub = b.public_subnet("PublicSubnet", vpc, igw);
    auto [check, expected] = GENERATE(std::pair{Tri::No, Egress::Internet}, std::pair{Tri::Yes, Egress::None},
                                      std::pair{Tri::Unknown, Egress::Unknown});
    uint32_t inst = b.instance("NatInstance", pub, check);
    uint32_t priv = b.subnet("PrivateSubnet", vpc);
    uint32_t t = b.table("PrivateTable", vpc);
    b.route(t, "0.0.0.0/0", RouteTarget::Instance, resolved(inst));
    b.associate(priv, t);
    CHECK(verdict(b.build(), priv) == expected);
}

TEST_CASE("two default routes in one table are exposed for VL002 and make the table unknown", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t igw = b.igw("Igw");
    b.attach(igw, vpc);
    uint32_t s = b.public_subnet("Subnet", vpc, igw);
    uint32_t first = static_cast<uint32_t>(b.m.routes.size() - 1);
    uint32_t second = b.route(0, "0.0.0.0/0", RouteTarget::TransitGateway, external("tgw-0123456789abcdef0"));
    Model m = b.build();
    EgressAnalysis e = compute_egress(m);
    REQUIRE(e.duplicate_default_routes.size() == 1);
    CHECK(e.duplicate_default_routes[0].route_table == 0);
    CHECK(e.duplicate_default_routes[0].first_route == first);
    CHECK(e.duplicate_default_routes[0].second_route == second);
    CHECK(egress_of_subnet(e, s).verdict == Egress::Unknown);
}

TEST_CASE("routes the model cannot place make 'no default route' unknown", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t iso = b.isolated_subnet("IsolatedSubnet", vpc);
    uint32_t table = static_cast<uint32_t>(b.m.route_tables.size() - 1);
    SECTION("a route of the table with an unknown destination") {
        b.m.routes.back().destination_cidr = unknown_text("", "parameter Cidr has no value");
        CHECK(verdict(b.build(), iso) == Egress::Unknown);
    }
    SECTION("a route of the table to a prefix list") {
        Route& r = b.m.routes[b.route(table, "", RouteTarget::TransitGateway, external("tgw-0123456789abcdef0"))];
        r.destination_prefix_list = known_text("pl-0123456789abcdef0");
        CHECK(verdict(b.build(), iso) == Egress::Unknown);
    }
    SECTION("a default route whose table cannot be resolved") {
        b.route_in(unknown_link("route table id unknown"), "0.0.0.0/0", RouteTarget::NatGateway, external("nat-0abc"));
        CHECK(verdict(b.build(), iso) == Egress::Unknown);
    }
    SECTION("a default route whose table is one of some candidates") {
        uint32_t other = b.isolated_subnet("OtherSubnet", vpc);
        uint32_t other_table = static_cast<uint32_t>(b.m.route_tables.size() - 1);
        b.route_in(unknown_link("count", {other_table}), "0.0.0.0/0", RouteTarget::NatGateway, external("nat-0abc"));
        Model m = b.build();
        CHECK(verdict(m, iso) == Egress::None);
        CHECK(verdict(m, other) == Egress::Unknown);
    }
    SECTION("a route outside the model's tables does not matter") {
        b.route_in(external("rtb-0123456789abcdef0"), "0.0.0.0/0", RouteTarget::NatGateway, external("nat-0abc"));
        CHECK(verdict(b.build(), iso) == Egress::None);
    }
}

TEST_CASE("associations the model cannot resolve", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t bare = b.subnet("BareSubnet", vpc);
    uint32_t iso = b.isolated_subnet("IsolatedSubnet", vpc);
    uint32_t iso_table = static_cast<uint32_t>(b.m.route_tables.size() - 1);
    SECTION("an association of an unknown subnet may cover a subnet without one") {
        b.associate_links(unknown_link("parameter SubnetId has no value"), resolved(iso_table));
        Model m = b.build();
        CHECK(verdict(m, bare) == Egress::Unknown);
        CHECK(verdict(m, iso) == Egress::None);
    }
    SECTION("candidates narrow it") {
        uint32_t other = b.subnet("OtherSubnet", vpc);
        b.associate_links(unknown_link("count", {other}), resolved(iso_table));
        Model m = b.build();
        CHECK(verdict(m, bare) == Egress::None);
        CHECK(verdict(m, other) == Egress::Unknown);
    }
    SECTION("an association to an unknown route table") {
        b.associate_links(resolved(bare), unknown_link("parameter RouteTableId has no value"));
        CHECK(verdict(b.build(), bare) == Egress::Unknown);
    }
    SECTION("two associations for one subnet") {
        b.associate(iso, iso_table);
        CHECK(verdict(b.build(), iso) == Egress::Unknown);
    }
    SECTION("an association of a subnet outside the model changes nothing") {
        b.associate_links(external("subnet-0123456789abcdef0"), resolved(iso_table));
        CHECK(verdict(b.build(), bare) == Egress::None);
    }
}

TEST_CASE("candidate targets count only when they agree", "[egress]") {
    Standard s;
    uint32_t pub_b = s.b.public_subnet("PublicSubnetB", s.vpc, s.igw, "us-east-1b");
    uint32_t nat_b = s.b.nat("NatGatewayB", pub_b);
    uint32_t iso = s.b.isolated_subnet("IsolatedSubnet", s.vpc);
    uint32_t nat_iso = s.b.nat("NatInIsolated", iso);
    Route& r = s.b.m.routes[s.b.m.route_tables[s.b.m.subnet_associations[1].route_table.index].id == "PrivateSubnetARouteTable"
                                ? 1
                                : 1];
    REQUIRE(r.target_kind == RouteTarget::NatGateway);
    SECTION("all candidates in public subnets") {
        r.target = unknown_link("aws_nat_gateway.nat[*]", {s.nat, nat_b});
        CHECK(verdict(s.b.build(), s.priv) == Egress::Internet);
    }
    SECTION("one candidate in an isolated subnet") {
        r.target = unknown_link("aws_nat_gateway.nat[*]", {s.nat, nat_iso});
        CHECK(verdict(s.b.build(), s.priv) == Egress::Unknown);
    }
    SECTION("no candidates") {
        r.target = unknown_link("nat id unknown");
        CHECK(verdict(s.b.build(), s.priv) == Egress::Unknown);
    }
}

TEST_CASE("NAT loops end as none without recursion trouble", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t a = b.subnet("SubnetA", vpc);
    uint32_t c = b.subnet("SubnetB", vpc);
    uint32_t nat_a = b.nat("NatA", a);
    uint32_t nat_c = b.nat("NatB", c);
    uint32_t ta = b.table("TableA", vpc);
    uint32_t tc = b.table("TableB", vpc);
    b.route(ta, "0.0.0.0/0", RouteTarget::NatGateway, resolved(nat_c));
    b.route(tc, "0.0.0.0/0", RouteTarget::NatGateway, resolved(nat_a));
    b.associate(a, ta);
    b.associate(c, tc);
    Model m = b.build();
    EgressAnalysis e = compute_egress(m);
    CHECK(egress_of_subnet(e, a).verdict == Egress::None);
    CHECK(egress_of_subnet(e, c).verdict == Egress::None);
    CHECK(contains(egress_of_subnet(e, a).reason, "loop"));
    // Both NAT gateways sit in subnets without an internet gateway route.
    CHECK(run_rule(m, "VL103").size() == 2);
}

TEST_CASE("a NAT gateway routed to from its own subnet goes nowhere", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t s = b.subnet("PrivateSubnet", vpc);
    uint32_t nat = b.nat("Nat", s);
    uint32_t t = b.table("Table", vpc);
    b.route(t, "0.0.0.0/0", RouteTarget::NatGateway, resolved(nat));
    b.associate(s, t);
    uint32_t other = b.nat_subnet("OtherSubnet", vpc, nat);
    Model m = b.build();
    CHECK(verdict(m, s) == Egress::None);
    CHECK(verdict(m, other) == Egress::None);
    CHECK(run_rule(m, "VL103").size() == 1);
}

TEST_CASE("paths stay short along long NAT chains (no quadratic copying)", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t igw = b.igw("Igw");
    b.attach(igw, vpc);
    uint32_t prev = b.public_subnet("Subnet0", vpc, igw);
    const int n = 2000;
    for (int i = 1; i < n; ++i) {
        uint32_t nat = b.nat("Nat" + std::to_string(i), prev);
        prev = b.nat_subnet("Subnet" + std::to_string(i), vpc, nat);
    }
    Model m = b.build();
    EgressAnalysis e = compute_egress(m);
    size_t longest = 0;
    for (const SubnetEgress& s : e.subnets) longest = std::max(longest, s.path.size());
    CHECK(longest <= 12);
    CHECK(egress_of_subnet(e, 1).verdict == Egress::Internet);
    CHECK(egress_of_subnet(e, n - 1).verdict == Egress::Unknown);  // NAT behind NAT behind ...
}

TEST_CASE("per function: VPC status and its subnets, deduplicated", "[egress]") {
    Standard s;
    uint32_t both = s.b.function_in("Fn", {s.priv, s.pub, s.priv});
    uint32_t ext = s.b.function("ExtFn", {resolved(s.priv), external("subnet-0123456789abcdef0")});
    uint32_t none = s.b.function("NoVpcFn", {});
    s.b.m.functions[none].security_groups.items.clear();
    uint32_t param = s.b.function("ParamFn", {});
    s.b.m.functions[param].subnets.complete = false;
    s.b.m.functions[param].subnets.reason = "parameter SubnetIds has no value";
    Model m = s.b.build();
    EgressAnalysis e = compute_egress(m);
    CHECK(egress_of_function(e, both).vpc_function);
    CHECK(egress_of_function(e, both).subnets == std::vector<uint32_t>{s.priv, s.pub});
    CHECK(egress_of_function(e, both).all_subnets_known);
    CHECK(egress_of_function(e, ext).subnets == std::vector<uint32_t>{s.priv});
    CHECK_FALSE(egress_of_function(e, ext).all_subnets_known);
    CHECK_FALSE(egress_of_function(e, none).vpc_function);
    CHECK(egress_of_function(e, param).vpc_function);
    CHECK_FALSE(egress_of_function(e, param).all_subnets_known);
}

TEST_CASE("a VPC function needs a subnet and a security group, known or not", "[egress]") {
    Function f;
    f.has_vpc_config = true;
    f.subnets.present = f.security_groups.present = true;
    CHECK_FALSE(is_vpc_function(f));
    f.subnets.items.push_back(external("subnet-0123456789abcdef0"));
    CHECK_FALSE(is_vpc_function(f));
    f.security_groups.complete = false;
    CHECK(is_vpc_function(f));
    f.has_vpc_config = false;
    CHECK_FALSE(is_vpc_function(f));
}

// ------------------------------------------------------------------ VL101

TEST_CASE("VL101: public subnet without evidence is a note", "[egress]") {
    Standard s;
    uint32_t fn = s.b.function_in("OrdersFunction", {s.pub});
    Model m = s.b.build();
    auto ds = run_rule(m, "VL101");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].severity == Severity::Note);
    CHECK(ds[0].loc.line == m.functions[fn].subnets.loc.line);
    CHECK(ds[0].loc.col == m.functions[fn].subnets.loc.col);
    CHECK(ds[0].resource == "OrdersFunction");
    CHECK(ids(run_network_rules(m)) == std::vector<std::string>{"VL101 note"});
}

TEST_CASE("VL101: public subnet with an external URL is an error with the whole path", "[egress]") {
    Standard s;
    uint32_t fn = s.b.function_in("OrdersFunction", {s.pub});
    s.b.env(fn, "PAYMENTS_API_URL", known_text("https://api.payments.example.com/v1"));
    Model m = s.b.build();
    auto ds = run_rule(m, "VL101");
    REQUIRE(ds.size() == 1);
    const Diagnostic& d = ds[0];
    CHECK(d.severity == Severity::Error);
    CHECK(d.loc.line == m.functions[fn].subnets.loc.line);
    for (const char* part : {"OrdersFunction", "PublicSubnetA", "PublicSubnetARouteTable", "Igw", "public IP",
                             "PAYMENTS_API_URL", "api.payments.example.com"}) {
        INFO(part);
        CHECK(contains(d.message, part));
    }
    // function -> subnet -> association -> route table -> route -> internet gateway
    EgressAnalysis egress = compute_egress(m);  // e refers into it
    const SubnetEgress& e = egress_of_subnet(egress, s.pub);
    std::vector<uint32_t> want{m.functions[fn].subnets.loc.line, m.subnets[s.pub].loc.line,
                               m.subnet_associations[0].loc.line, m.route_tables[e.route_table].loc.line,
                               m.routes[e.default_route].loc.line, m.internet_gateways[s.igw].loc.line};
    CHECK(path_lines(d.path) == want);
    CHECK(mentions_line(d.related, m.internet_gateways[s.igw].loc.line));
    CHECK(mentions_line(d.related, m.route_tables[e.route_table].loc.line));
    CHECK(mentions_line(d.related, m.functions[fn].environment[0].value.loc.line));
    CHECK_FALSE(d.fix.empty());
}

TEST_CASE("VL101: a declared AWS service without an endpoint makes it an error", "[egress]") {
    Standard s;
    uint32_t fn = s.b.function_in("Fn", {s.pub});
    s.b.declare(fn, "dynamodb");
    SECTION("no endpoint") {
        auto ds = run_rule(s.b.build(), "VL101");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].severity == Severity::Error);
        CHECK(contains(ds[0].message, "dynamodb"));
    }
    SECTION("a gateway endpoint for it on the subnet's route table") {
        uint32_t ep = s.b.endpoint(s.vpc, "dynamodb");
        int table = egress_of_subnet(compute_egress(s.b.build()), s.pub).route_table;
        REQUIRE(table >= 0);
        s.b.m.vpc_endpoints[ep].route_tables.present = true;
        s.b.m.vpc_endpoints[ep].route_tables.items.push_back(resolved(static_cast<uint32_t>(table)));
        auto ds = run_rule(s.b.build(), "VL101");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].severity == Severity::Note);
    }
    SECTION("an interface endpoint for it with private DNS") {
        uint32_t ep = s.b.endpoint(s.vpc, "dynamodb");
        s.b.m.vpc_endpoints[ep].endpoint_type = EndpointType::Interface;
        s.b.m.vpc_endpoints[ep].private_dns.value = Tri::Yes;
        CHECK(run_rule(s.b.build(), "VL101").at(0).severity == Severity::Note);
    }
    SECTION("a gateway endpoint on no route table of the subnet does not serve it") {
        s.b.endpoint(s.vpc, "dynamodb");
        CHECK(run_rule(s.b.build(), "VL101").at(0).severity == Severity::Error);
    }
    SECTION("an endpoint whose service is unknown") {
        uint32_t ep = s.b.endpoint(s.vpc, "dynamodb");
        s.b.m.vpc_endpoints[ep].service = unknown_text("", "parameter ServiceName has no value");
        CHECK(run_rule(s.b.build(), "VL101").at(0).severity == Severity::Note);
    }
    SECTION("a word that is not an AWS API stays a note") {
        s.b.m.functions[fn].declared_needs[0].need = "postgres";
        CHECK(run_rule(s.b.build(), "VL101").at(0).severity == Severity::Note);
    }
}

TEST_CASE("VL101 and friends stay silent on subnets they cannot know", "[egress]") {
    Standard s;
    uint32_t fn = 0;
    SECTION("subnets from a parameter without value") {
        fn = s.b.function("Fn", {});
        s.b.m.functions[fn].subnets.complete = false;
        s.b.m.functions[fn].subnets.reason = "parameter SubnetIds has no value";
    }
    SECTION("subnets outside the model") {
        fn = s.b.function("Fn", {external("subnet-0123456789abcdef0"), external("subnet-0123456789abcdef1")});
    }
    SECTION("a default route to a transit gateway") {
        uint32_t sub = s.b.subnet("TgwSubnet", s.vpc);
        uint32_t t = s.b.table("TgwTable", s.vpc);
        s.b.route(t, "0.0.0.0/0", RouteTarget::TransitGateway, external("tgw-0123456789abcdef0"));
        s.b.associate(sub, t);
        fn = s.b.function_in("Fn", {sub});
    }
    SECTION("no explicit association in a VPC whose main route table is unknown") {
        uint32_t v = s.b.vpc("ImportedVpc");
        s.b.m.vpcs[v].main_route_table = unknown_link("imported VPC");
        uint32_t sub = s.b.subnet("Subnet", v);
        fn = s.b.function_in("Fn", {sub});
    }
    s.b.env(fn, "API_URL", known_text("https://api.example.com"));
    CHECK(run_network_rules(s.b.build()).empty());
}

TEST_CASE("VL101 does not fire for a function outside a VPC", "[egress]") {
    Standard s;
    uint32_t fn = s.b.function_in("Fn", {s.pub});
    s.b.m.functions[fn].security_groups.items.clear();
    CHECK(run_rule(s.b.build(), "VL101").empty());
}

// ------------------------------------------------------------------ VL102

TEST_CASE("VL102: a function that needs the internet in subnets with none", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t a = b.isolated_subnet("PrivateSubnetA", vpc);
    uint32_t c = b.subnet("PrivateSubnetB", vpc, "us-east-1b");  // main route table: local only
    uint32_t fn = b.function_in("Fn", {a, c});
    SECTION("strong evidence: error") {
        b.env(fn, "WEBHOOK_URL", known_text("https://hooks.example.com/notify"));
        Model m = b.build();
        auto ds = run_rule(m, "VL102");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].severity == Severity::Error);
        CHECK(ds[0].loc.line == m.functions[fn].subnets.loc.line);
        CHECK(contains(ds[0].message, "PrivateSubnetA and PrivateSubnetB"));
        CHECK(contains(ds[0].message, "WEBHOOK_URL"));
        REQUIRE(ds[0].path.size() >= 3);
        CHECK(ds[0].path[1].loc.line == m.subnets[a].loc.line);
        CHECK(ids(run_network_rules(m)) == std::vector<std::string>{"VL102 error"});
    }
    SECTION("declared need") {
        b.declare(fn, "internet");
        CHECK(run_rule(b.build(), "VL102").size() == 1);
    }
    SECTION("no evidence: silent") { CHECK(run_network_rules(b.build()).empty()); }
    SECTION("one more subnet outside the model: silent") {
        b.env(fn, "WEBHOOK_URL", known_text("https://hooks.example.com/notify"));
        b.m.functions[fn].subnets.items.push_back(external("subnet-0123456789abcdef0"));
        CHECK(run_rule(b.build(), "VL102").empty());
    }
    SECTION("an unknown-egress subnet: silent") {
        b.env(fn, "WEBHOOK_URL", known_text("https://hooks.example.com/notify"));
        b.m.vpcs[vpc].main_route_table = unknown_link("unknown");
        CHECK(run_rule(b.build(), "VL102").empty());
    }
}

// ------------------------------------------------------------------ VL103

TEST_CASE("VL103: a public NAT gateway in a private subnet", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t igw = b.igw("Igw");
    b.attach(igw, vpc);
    uint32_t iso = b.isolated_subnet("PrivateSubnet", vpc);
    uint32_t nat = b.nat("NatGateway", iso);
    SECTION("reported at the NAT's SubnetId") {
        Model m = b.build();
        auto ds = run_rule(m, "VL103");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].loc.line == m.nat_gateways[nat].subnet.loc.line);
        CHECK(ds[0].loc.col == m.nat_gateways[nat].subnet.loc.col);
        CHECK(ds[0].resource == "NatGateway");
        CHECK(contains(ds[0].message, "PrivateSubnet"));
        CHECK(path_lines(ds[0].path).front() == m.nat_gateways[nat].subnet.loc.line);
        CHECK(mentions_line(ds[0].path, m.subnets[iso].loc.line));
    }
    SECTION("private NAT gateway: silent") {
        b.m.nat_gateways[nat].connectivity = known_text("private");
        CHECK(run_rule(b.build(), "VL103").empty());
    }
    SECTION("connectivity unknown: silent") {
        b.m.nat_gateways[nat].connectivity = unknown_text("");
        CHECK(run_rule(b.build(), "VL103").empty());
    }
    SECTION("in a subnet that routes through another NAT whose subnet is unknown") {
        uint32_t elsewhere = b.nat("OtherNat", b.subnet_in("ParamSubnet", unknown_link("parameter")));
        b.m.nat_gateways[elsewhere].subnet = unknown_link("parameter NatSubnet has no value");
        uint32_t behind = b.nat_subnet("BehindSubnet", vpc, elsewhere);
        b.m.nat_gateways[nat].subnet = resolved(behind, b.m.nat_gateways[nat].subnet.loc);
        CHECK(verdict(b.build(), behind) == Egress::Unknown);
        CHECK(run_rule(b.build(), "VL103").size() == 1);
    }
    SECTION("in a subnet whose egress is unknown (transit gateway): silent") {
        uint32_t tgw = b.subnet("TgwSubnet", vpc);
        uint32_t t = b.table("TgwTable", vpc);
        b.route(t, "0.0.0.0/0", RouteTarget::TransitGateway, external("tgw-0123456789abcdef0"));
        b.associate(tgw, t);
        b.m.nat_gateways[nat].subnet = resolved(tgw);
        CHECK(run_rule(b.build(), "VL103").empty());
    }
    SECTION("in a public subnet: silent") {
        b.m.nat_gateways[nat].subnet = resolved(b.public_subnet("PublicSubnet", vpc, igw));
        CHECK(run_rule(b.build(), "VL103").empty());
    }
}

TEST_CASE("NAT gateway in a public subnet of another AZ is fine", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t igw = b.igw("Igw");
    b.attach(igw, vpc);
    uint32_t pub = b.public_subnet("PublicSubnetB", vpc, igw, "us-east-1b");
    uint32_t nat = b.nat("NatGateway", pub);
    uint32_t pa = b.nat_subnet("PrivateSubnetA", vpc, nat, "us-east-1a");
    uint32_t pc = b.nat_subnet("PrivateSubnetC", vpc, nat, "us-east-1c");
    uint32_t fn = b.function_in("Fn", {pa, pc});
    b.env(fn, "API_URL", known_text("https://api.example.com"));
    Model m = b.build();
    CHECK(verdict(m, pa) == Egress::Internet);
    CHECK(run_network_rules(m).empty());
}

// ------------------------------------------------------------------ VL104

TEST_CASE("VL104: a route to an internet gateway that is not attached", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t other = b.vpc("OtherVpc");
    uint32_t igw = b.igw("Igw");
    uint32_t pub = b.public_subnet("PublicSubnet", vpc, igw);
    (void)pub;
    SECTION("not attached") {
        Model m = b.build();
        auto ds = run_rule(m, "VL104");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].loc.line == m.routes[0].target.loc.line);
        CHECK(ds[0].loc.col == m.routes[0].target.loc.col);
        CHECK(contains(ds[0].message, "Igw"));
        CHECK(contains(ds[0].message, "not attached to any VPC"));
        CHECK(path_lines(ds[0].path).back() == m.internet_gateways[igw].loc.line);
    }
    SECTION("attached to another VPC") {
        b.attach(igw, other);
        auto ds = run_rule(b.build(), "VL104");
        REQUIRE(ds.size() == 1);
        CHECK(contains(ds[0].message, "OtherVpc"));
    }
    SECTION("attached: silent") {
        b.attach(igw, vpc);
        CHECK(run_rule(b.build(), "VL104").empty());
    }
    SECTION("attachment unknown: silent") {
        b.attach_links(resolved(igw), unknown_link("parameter VpcId has no value"));
        CHECK(run_rule(b.build(), "VL104").empty());
    }
}

// ------------------------------------------------------------------ VL105

TEST_CASE("VL105: a public NAT gateway without an allocation", "[egress]") {
    Standard s;
    NatGateway& nat = s.b.m.nat_gateways[s.nat];
    nat.allocation_id = Text{};
    SECTION("reported at the NAT gateway") {
        Model m = s.b.build();
        auto ds = run_rule(m, "VL105");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].loc.line == m.nat_gateways[s.nat].loc.line);
        CHECK(contains(ds[0].message, "NatGateway"));
        CHECK(contains(ds[0].message, "PublicSubnetA"));
        CHECK_FALSE(ds[0].path.empty());
    }
    SECTION("explicit public") {
        nat.connectivity = known_text("public");
        CHECK(run_rule(s.b.build(), "VL105").size() == 1);
    }
    SECTION("private: silent") {
        nat.connectivity = known_text("private");
        CHECK(run_rule(s.b.build(), "VL105").empty());
    }
    SECTION("connectivity unknown: silent") {
        nat.connectivity = unknown_text("");
        CHECK(run_rule(s.b.build(), "VL105").empty());
    }
    SECTION("allocation from a parameter: silent") {
        nat.allocation_id = unknown_text("", "parameter EipAllocation has no value");
        CHECK(run_rule(s.b.build(), "VL105").empty());
    }
}

// ------------------------------------------------------------------ VL106

TEST_CASE("VL106: a route to an instance with its source/destination check on", "[egress]") {
    NetworkBuilder b;
    uint32_t vpc = b.vpc("Vpc");
    uint32_t igw = b.igw("Igw");
    b.attach(igw, vpc);
    uint32_t pub = b.public_subnet("PublicSubnet", vpc, igw);
    auto [check, written, findings] = GENERATE(std::tuple{Tri::Yes, false, 1}, std::tuple{Tri::Yes, true, 1},
                                               std::tuple{Tri::No, true, 0}, std::tuple{Tri::Unknown, true, 0});
    uint32_t inst = b.instance("NatInstance", pub, check, written);
    uint32_t t = b.table("PrivateTable", vpc);
    uint32_t r = b.route(t, "0.0.0.0/0", RouteTarget::Instance, resolved(inst));
    Model m = b.build();
    auto ds = run_rule(m, "VL106");
    REQUIRE(ds.size() == static_cast<size_t>(findings));
    if (findings) {
        CHECK(ds[0].loc.line == m.routes[r].target.loc.line);
        CHECK(contains(ds[0].message, written ? "is on" : "on by default"));
        CHECK(contains(ds[0].message, "NatInstance"));
        CHECK(path_lines(ds[0].path).back() == (written ? m.instances[inst].source_dest_check.loc.line
                                                        : m.instances[inst].loc.line));
    }
}

// ------------------------------------------------------------------ VL107

TEST_CASE("VL107: subnets that disagree on internet egress", "[egress]") {
    Standard s;
    uint32_t iso = s.b.isolated_subnet("IsolatedSubnetB", s.vpc, "us-east-1b");
    SECTION("internet and none, no evidence: warning") {
        uint32_t fn = s.b.function_in("Fn", {s.priv, iso});
        Model m = s.b.build();
        auto ds = run_rule(m, "VL107");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].severity == Severity::Warning);
        CHECK(ds[0].loc.line == m.functions[fn].subnets.loc.line);
        CHECK(contains(ds[0].message, "from subnet PrivateSubnetA but not from IsolatedSubnetB"));
        CHECK(ds[0].path.at(1).loc.line == m.subnets[iso].loc.line);
        CHECK(ids(run_network_rules(m)) == std::vector<std::string>{"VL107 warning"});
    }
    SECTION("internet and public, with evidence: error (and VL101)") {
        uint32_t fn = s.b.function_in("Fn", {s.priv, s.pub});
        s.b.env(fn, "API_URL", known_text("https://api.example.com"));
        CHECK(ids(run_network_rules(s.b.build())) == std::vector<std::string>{"VL101 error", "VL107 error"});
    }
    SECTION("internet and unknown: silent") {
        uint32_t fn = s.b.function("Fn", {resolved(s.priv), external("subnet-0123456789abcdef0")});
        s.b.env(fn, "API_URL", known_text("https://api.example.com"));
        CHECK(run_network_rules(s.b.build()).empty());
    }
    SECTION("internet, none and unknown: the known disagreement is still certain") {
        s.b.function("Fn", {resolved(s.priv), resolved(iso), external("subnet-0123456789abcdef0")});
        CHECK(run_rule(s.b.build(), "VL107").size() == 1);
    }
}

// ------------------------------------------------------------------ VL505

TEST_CASE("VL505: subnets and security groups in different VPCs", "[egress]") {
    Standard s;
    uint32_t other = s.b.vpc("SharedVpc");
    uint32_t fn = s.b.function_in("Fn", {s.priv});
    SECTION("a group in another VPC: at the security group list") {
        uint32_t g = s.b.security_group("SharedSecurityGroup", resolved(other));
        s.b.m.functions[fn].security_groups.items = {resolved(g, line_at(999, 30))};
        Model m = s.b.build();
        auto ds = run_rule(m, "VL505");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].loc.line == m.functions[fn].security_groups.loc.line);
        CHECK(contains(ds[0].message, "SharedSecurityGroup"));
        CHECK(contains(ds[0].message, "SharedVpc"));
        CHECK(contains(ds[0].message, "PrivateSubnetA"));
        CHECK(mentions_line(ds[0].path, 999));
    }
    SECTION("subnets in two VPCs: at the subnet list") {
        uint32_t far = s.b.isolated_subnet("FarSubnet", other);
        s.b.m.functions[fn].subnets.items.push_back(resolved(far));
        Model m = s.b.build();
        auto ds = run_rule(m, "VL505");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].loc.line == m.functions[fn].subnets.loc.line);
    }
    SECTION("two different VPC ids outside the model") {
        uint32_t sub = s.b.subnet_in("ExtSubnet", external("vpc-0aaaaaaaaaaaaaaaa"));
        uint32_t g = s.b.security_group("ExtGroup", external("vpc-0bbbbbbbbbbbbbbbb"));
        s.b.m.functions[fn].subnets.items = {resolved(sub)};
        s.b.m.functions[fn].security_groups.items = {resolved(g)};
        CHECK(run_rule(s.b.build(), "VL505").size() == 1);
    }
    SECTION("same VPC: silent") {
        uint32_t g = s.b.security_group("Sg", resolved(s.vpc));
        s.b.m.functions[fn].security_groups.items = {resolved(g)};
        CHECK(run_rule(s.b.build(), "VL505").empty());
    }
    SECTION("a group outside the model or with an unknown VPC: silent") {
        uint32_t g = s.b.security_group("ParamVpcGroup", unknown_link("parameter VpcId has no value"));
        s.b.m.functions[fn].security_groups.items = {resolved(g), external("sg-0123456789abcdef0")};
        CHECK(run_rule(s.b.build(), "VL505").empty());
    }
    SECTION("a VPC of the model against an outside id: not compared") {
        uint32_t g = s.b.security_group("ExtVpcGroup", external("vpc-0bbbbbbbbbbbbbbbb"));
        s.b.m.functions[fn].security_groups.items = {resolved(g)};
        CHECK(run_rule(s.b.build(), "VL505").empty());
    }
}

// ------------------------------------------------------------------ VL506

TEST_CASE("VL506: a function in a dedicated-tenancy VPC", "[egress]") {
    Standard s;
    uint32_t fn = s.b.function_in("Fn", {s.priv});
    SECTION("dedicated") {
        s.b.m.vpcs[s.vpc].instance_tenancy = known_text("dedicated", line_at(15, 24));
        Model m = s.b.build();
        auto ds = run_rule(m, "VL506");
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].loc.line == m.functions[fn].subnets.loc.line);
        CHECK(contains(ds[0].message, "Vpc"));
        CHECK(contains(ds[0].message, "dedicated"));
        CHECK(path_lines(ds[0].path).back() == 15);
    }
    SECTION("unknown tenancy: silent") {
        s.b.m.vpcs[s.vpc].instance_tenancy = unknown_text("", "parameter Tenancy has no value");
        CHECK(run_rule(s.b.build(), "VL506").empty());
    }
    SECTION("default: silent") { CHECK(run_rule(s.b.build(), "VL506").empty()); }
}

// ------------------------------------------------------------------ explain

TEST_CASE("explain prints the VPC config, each subnet's verdict and path, and the needs", "[egress]") {
    Standard s;
    uint32_t fn = s.b.function("Fn", {resolved(s.pub), resolved(s.priv), external("subnet-0123456789abcdef0")});
    s.b.env(fn, "PAYMENTS_API_URL", known_text("https://api.payments.example.com"));
    Model m = s.b.build();
    Analyses a = compute_analyses(m);
    std::string text = explain_function(m, a, "Fn");
    for (const std::string& part :
         {std::string("function Fn"), std::string("VPC function"), std::string("PublicSubnetA (VPC Vpc): public"),
          std::string("PrivateSubnetA (VPC Vpc): internet"), std::string("subnet-0123456789abcdef0"),
          std::string("t.yaml:" + std::to_string(m.internet_gateways[s.igw].loc.line) + ":3"),
          std::string("internet egress: reaches the internet from some subnets only"),
          std::string("internet (strong): PAYMENTS_API_URL")}) {
        INFO(part);
        CHECK(contains(text, part));
    }
    CHECK(contains(explain_function(m, a, "Nope"), "no function Nope"));
}
