// The Terraform frontend on the twin fixtures and small plans: link
// resolution, unknown values, target classification, locations.
#include <catch2/catch.hpp>
#include <algorithm>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/analyze_file.h"
#include "core/document.h"
#include "parsers/frontend.h"
#include "parsers/terraform/tf_source_scan.h"

using namespace vpclint;

namespace {

Model load_plan(const std::string& relative) {
    std::string path = std::string(VPCLINT_SOURCE_DIR) + "/" + relative;
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    std::string text = ss.str();
    LoadResult r = load_document(path, text);
    REQUIRE(!r.error);
    InputKind kind = classify_document(*r.doc);
    REQUIRE((kind == InputKind::TerraformPlan || kind == InputKind::TerraformState));
    std::vector<Model> models = build_models(*r.doc, kind, {});
    REQUIRE(models.size() == 1);
    return std::move(models[0]);
}

Model load_text(const std::string& text) {
    LoadResult r = load_document("plan.json", text);
    REQUIRE(!r.error);
    return build_models(*r.doc, classify_document(*r.doc), {})[0];
}

template <class T>
const T& named(const std::vector<T>& v, const std::string& id) {
    for (const T& e : v)
        if (e.id == id) return e;
    FAIL("no entity " << id);
    return v.front();
}

template <class T>
uint32_t index_of(const std::vector<T>& v, const std::string& id) {
    for (uint32_t k = 0; k < v.size(); ++k)
        if (v[k].id == id) return k;
    FAIL("no entity " << id);
    return 0;
}

// The 1-based number of the first line of `relative` that contains `needle`.
uint32_t line_of(const std::string& relative, const std::string& needle) {
    std::ifstream in(std::string(VPCLINT_SOURCE_DIR) + "/" + relative);
    std::string line;
    for (uint32_t n = 1; std::getline(in, line); ++n)
        if (line.find(needle) != std::string::npos) return n;
    return 0;
}

std::vector<std::string> subnet_ids(const Model& m, const LinkList& l) {
    std::vector<std::string> out;
    for (const Link& k : l.items)
        if (k.resolved()) out.push_back(m.subnets[k.index].id);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("module outputs and count instances resolve to the child module's subnets", "[terraform]") {
    Model m = load_plan("fixtures/rules/VL101/tf-module-public-subnets.json");
    REQUIRE(m.functions.size() == 1);
    const Function& f = m.functions[0];
    CHECK(f.has_vpc_config);
    REQUIRE(f.subnets.items.size() == 2);
    for (const Link& l : f.subnets.items) {
        REQUIRE(l.resolved());
        CHECK(m.subnets[l.index].id.rfind("module.vpc.aws_subnet.public[", 0) == 0);
    }
    CHECK(f.subnets.complete);
    // aws_route_table_association.public[i] pairs with aws_subnet.public[i] (count.index).
    for (const SubnetAssociation& a : m.subnet_associations) {
        REQUIRE(a.subnet.resolved());
        std::string idx = a.id.substr(a.id.find('['));
        CHECK(m.subnets[a.subnet.index].id.substr(m.subnets[a.subnet.index].id.find('[')) == idx);
    }
    CHECK(m.gateway_attachments.size() == 1);  // aws_internet_gateway.vpc_id
    // Terraform removes the default allow-all egress.
    for (const SecurityGroup& g : m.security_groups) CHECK_FALSE(g.default_allow_all_egress);
}

TEST_CASE("inline routes, after_unknown and JSON policies", "[terraform]") {
    Model m = load_plan("fixtures/rules/VL201/tf-inline-role-policy.json");
    bool nat_route = false;
    for (const Route& r : m.routes)
        if (r.inline_route && r.target_kind == RouteTarget::NatGateway) {
            nat_route = true;
            CHECK(r.target.resolved());
        }
    CHECK(nat_route);
    REQUIRE(m.roles.size() == 1);
    REQUIRE(m.roles[0].trust_policy.statements.size() == 1);
    CHECK(m.roles[0].trust_policy.statements[0].service_principals[0].value == "lambda.amazonaws.com");
    REQUIRE(m.policies.size() == 1);
    CHECK(m.policies[0].roles.items.at(0).resolved());
    CHECK(m.policies[0].document.statements.at(0).actions.size() == 3);
    REQUIRE(m.roles[0].managed_policies.size() == 1);
    CHECK(m.roles[0].managed_policies[0].arn.value ==
          "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    REQUIRE(m.vpcs.size() == 1);
    CHECK(m.vpcs[0].dns_hostnames.value == Tri::Yes);
}

TEST_CASE("old plans without references leave unknown ids unknown", "[terraform]") {
    Model m = load_plan("fixtures/rules/VL101/tf-old-format-no-references.json");
    const Function& f = m.functions.at(0);
    CHECK(f.subnets.items.empty());
    CHECK_FALSE(f.subnets.complete);
    for (const SubnetAssociation& a : m.subnet_associations) CHECK_FALSE(a.subnet.resolved());
}

TEST_CASE("route targets are classified by id prefix, not by argument name", "[terraform]") {
    Model m = load_text(R"({"format_version": "1.2", "planned_values": {"root_module": {"resources": [
      {"address": "aws_route.a", "mode": "managed", "type": "aws_route", "name": "a",
       "values": {"route_table_id": "rtb-1", "destination_cidr_block": "0.0.0.0/0", "gateway_id": "nat-0123456789abcdef0"}},
      {"address": "aws_route.b", "mode": "managed", "type": "aws_route", "name": "b",
       "values": {"route_table_id": "rtb-1", "destination_cidr_block": "10.0.0.0/8", "gateway_id": "tgw-0123"}},
      {"address": "aws_nat_gateway.r", "mode": "managed", "type": "aws_nat_gateway", "name": "r",
       "values": {"availability_mode": "regional", "connectivity_type": "public"}},
      {"address": "aws_subnet.known", "mode": "managed", "type": "aws_subnet", "name": "known",
       "values": {"id": "subnet-0aaaaaaaaaaaaaaaa", "vpc_id": "vpc-1"}},
      {"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function", "name": "f",
       "values": {"role": "arn:aws:iam::1:role/x", "vpc_config": [{"subnet_ids": ["subnet-0aaaaaaaaaaaaaaaa", "subnet-0bbbbbbbbbbbbbbbb"], "security_group_ids": ["sg-12345678"]}]}}
    ]}}})");
    REQUIRE(m.routes.size() == 2);
    CHECK(m.routes[0].target_kind == RouteTarget::NatGateway);
    CHECK(m.routes[0].target.state == LinkState::External);
    CHECK(m.routes[1].target_kind == RouteTarget::TransitGateway);
    CHECK(m.nat_gateways.at(0).regional);
    const Function& f = m.functions.at(0);
    REQUIRE(f.subnets.items.size() == 2);
    CHECK(f.subnets.items[0].resolved());  // linked by its known id
    CHECK(f.subnets.items[1].state == LinkState::External);
    CHECK(f.role.state == LinkState::External);
    // A plan position: the JSON line of the value.
    CHECK(f.subnets.loc.file == "plan.json");
    CHECK(f.subnets.loc.line == 11);
}

TEST_CASE("state JSON links by known ids", "[terraform]") {
    Model m = load_text(R"({"format_version": "1.0", "values": {"root_module": {"resources": [
      {"address": "aws_vpc.v", "mode": "managed", "type": "aws_vpc", "name": "v", "values": {"id": "vpc-1", "instance_tenancy": "dedicated"}},
      {"address": "aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s", "values": {"id": "subnet-1", "vpc_id": "vpc-1"}}
    ]}}})");
    REQUIRE(m.subnets.size() == 1);
    CHECK(m.subnets[0].vpc.resolved());
    CHECK(m.format == InputFormat::TerraformState);
}

TEST_CASE("a .tf file next to the plan gives source locations", "[terraform]") {
    Model m = load_plan("fixtures/terraform/with-source/plan.json");
    const Function& f = m.functions.at(0);
    CHECK(f.loc.file.find("main.tf") != std::string::npos);
    CHECK(f.loc.line == 26);
    CHECK(f.subnets.loc.line == 33);
}

TEST_CASE("each Terraform twin gives the same (rule, level) as its CloudFormation original", "[terraform]") {
    std::ifstream table(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/twins.tsv");
    std::string line;
    int pairs = 0;
    std::set<std::string> covered;
    auto findings = [](const std::string& rel) {
        FileResult r = analyze_file(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/" + rel, {}, {});
        std::set<std::pair<std::string, std::string>> out;
        for (const Diagnostic& d : r.diagnostics) out.insert({d.rule_id, std::string(severity_name(d.severity))});
        return out;
    };
    while (std::getline(table, line)) {
        if (line.empty() || line[0] == '#') continue;
        size_t tab = line.find('\t');
        std::string tf = line.substr(0, tab), cfn = line.substr(tab + 1);
        INFO(tf << " vs " << cfn);
        auto tf_findings = findings(tf);
        CHECK(tf_findings == findings(cfn));
        for (const auto& f : tf_findings) covered.insert(f.first);
        ++pairs;
    }
    CHECK(pairs >= 15);
    // The private-resource rules have twins that find them.
    for (const char* id : {"VL301", "VL302", "VL303", "VL304", "VL502", "VL503"}) {
        INFO(id);
        CHECK(covered.count(id) == 1);
    }
}

TEST_CASE("module outputs two levels deep and for_each keys resolve to the right instances", "[terraform]") {
    Model m = load_plan("fixtures/terraform/modules-for-each/plan.json");
    REQUIRE(m.functions.size() == 2);
    const Function& fn = named(m.functions, "aws_lambda_function.fn");
    // module.network.private_subnets -> module.subnets.ids -> aws_subnet.this (for_each).
    CHECK(fn.subnets.complete);
    CHECK(subnet_ids(m, fn.subnets) == std::vector<std::string>{"module.network.module.subnets.aws_subnet.this[\"a\"]",
                                                                 "module.network.module.subnets.aws_subnet.this[\"b\"]"});
    // module.edge[0].subnet_id: only the first instance of the module call.
    const Function& edge = named(m.functions, "aws_lambda_function.edge");
    CHECK(subnet_ids(m, edge.subnets) == std::vector<std::string>{"module.edge[0].aws_subnet.edge"});
    // var.vpc_id inside module.edge[1] comes from module.network.vpc_id.
    CHECK(named(m.subnets, "module.edge[1].aws_subnet.edge").vpc.resolved());
    CHECK(named(m.security_groups, "aws_security_group.fn").vpc.resolved());
    // aws_subnet.this[each.key]: each association takes the subnet of its own key.
    REQUIRE(m.subnet_associations.size() == 2);
    for (const SubnetAssociation& a : m.subnet_associations) {
        REQUIRE(a.subnet.resolved());
        std::string key = a.id.substr(a.id.find('['));
        CHECK(m.subnets[a.subnet.index].id.substr(m.subnets[a.subnet.index].id.find('[')) == key);
        CHECK(a.route_table.resolved());
    }
    // A route table without route blocks: the plan says "known after apply",
    // and its routes would be aws_route resources (there are none).
    REQUIRE(m.route_tables.size() == 1);
    CHECK(m.route_tables[0].routes.empty());
    // managed_policy_arns / inline_policy are unknown in the plan because they
    // are computed, not because the configuration sets them.
    const Role& role = m.roles.at(0);
    CHECK(role.managed_policies_complete);
    CHECK(role.inline_policies.empty());
    REQUIRE(role.managed_policies.size() == 1);
    CHECK(fn.role.resolved());
    CHECK(fn.declared_needs.at(0).need == "internet");
}

TEST_CASE(".tf files of child modules give locations from the module source", "[terraform]") {
    Model m = load_plan("fixtures/terraform/modules-for-each/plan.json");
    const std::string dir = "fixtures/terraform/modules-for-each/";
    const Function& fn = named(m.functions, "aws_lambda_function.fn");
    CHECK(fn.loc.file.find("modules-for-each/main.tf") != std::string::npos);
    CHECK(fn.loc.line == line_of(dir + "main.tf", "resource \"aws_lambda_function\" \"fn\""));
    // subnet_ids inside vpc_config, not another function's subnet_ids line.
    CHECK(fn.subnets.loc.line == line_of(dir + "main.tf", "module.network.private_subnets"));
    // The plan position stays available beside the source one.
    CHECK(fn.plan_loc.file.find("plan.json") != std::string::npos);
    CHECK(fn.plan_loc.line > 0);
    const RouteTable& rt = m.route_tables.at(0);
    CHECK(rt.loc.file.find("modules/network/subnets/main.tf") != std::string::npos);
    CHECK(rt.loc.line == line_of(dir + "modules/network/subnets/main.tf", "resource \"aws_route_table\""));
    // Both instances of module.edge share the module's source.
    const Subnet& e1 = named(m.subnets, "module.edge[1].aws_subnet.edge");
    CHECK(e1.loc.file.find("modules/edge/main.tf") != std::string::npos);
}

TEST_CASE("count instances: paired by count.index, candidates when they cannot be told apart", "[terraform]") {
    Model m = load_plan("fixtures/terraform/nat-count-main-table.json");
    // aws_route_table.private[i] routes 0.0.0.0/0 to aws_nat_gateway.nat[i].
    for (int k = 0; k < 2; ++k) {
        std::string n = std::to_string(k);
        const RouteTable& rt = named(m.route_tables, "aws_route_table.private[" + n + "]");
        REQUIRE(rt.routes.size() == 2);
        int defaults = 0;
        for (uint32_t r : rt.routes) {
            const Route& route = m.routes[r];
            CHECK(route.inline_route);
            if (route.destination_cidr.is("0.0.0.0/0")) {
                ++defaults;
                CHECK(route.target_kind == RouteTarget::NatGateway);
                REQUIRE(route.target.resolved());
                CHECK(m.nat_gateways[route.target.index].id == "aws_nat_gateway.nat[" + n + "]");
            } else {
                // `route` is a set: the transit route is paired with its own
                // block by its CIDR, not by position.
                CHECK(route.destination_cidr.is("10.1.0.0/16"));
                CHECK(route.target_kind == RouteTarget::TransitGateway);
                CHECK(route.target.state == LinkState::External);
            }
        }
        CHECK(defaults == 1);
        // aws_nat_gateway.nat[i] sits in aws_subnet.public[i].
        const NatGateway& nat = named(m.nat_gateways, "aws_nat_gateway.nat[" + n + "]");
        REQUIRE(nat.subnet.resolved());
        CHECK(m.subnets[nat.subnet.index].id == "aws_subnet.public[" + n + "]");
        CHECK(nat.allocation_id.present);
        CHECK_FALSE(nat.allocation_id.known);
        CHECK(nat.allocation_id.reason == "known after apply (aws_eip.nat)");
    }
    // element(aws_nat_gateway.nat[*].id, 0): both NAT gateways are candidates.
    const RouteTable& shared = named(m.route_tables, "aws_route_table.shared");
    const Route* def = nullptr;
    for (uint32_t r : shared.routes)
        if (m.routes[r].destination_cidr.is("0.0.0.0/0")) def = &m.routes[r];
    REQUIRE(def);
    CHECK(def->target_kind == RouteTarget::NatGateway);
    CHECK(def->target.state == LinkState::Unknown);
    std::vector<uint32_t> cands = def->target.candidates;
    std::sort(cands.begin(), cands.end());
    CHECK(cands == std::vector<uint32_t>{index_of(m.nat_gateways, "aws_nat_gateway.nat[0]"),
                                         index_of(m.nat_gateways, "aws_nat_gateway.nat[1]")});
    // aws_subnet.private[*].id: both, complete.
    const Function& fn = named(m.functions, "aws_lambda_function.fn");
    CHECK(fn.subnets.complete);
    CHECK(subnet_ids(m, fn.subnets) == std::vector<std::string>{"aws_subnet.private[0]", "aws_subnet.private[1]"});
    // aws_subnet.private[0].id: only that one.
    CHECK(subnet_ids(m, named(m.functions, "aws_lambda_function.shared").subnets) ==
          std::vector<std::string>{"aws_subnet.private[0]"});
}

TEST_CASE("gateway_id is classified by id prefix; a regional NAT gateway has no subnet", "[terraform]") {
    Model m = load_plan("fixtures/terraform/nat-count-main-table.json");
    const Route& by_prefix = named(m.routes, "aws_route.by_prefix");
    CHECK(by_prefix.target_kind == RouteTarget::NatGateway);
    CHECK(by_prefix.target.state == LinkState::External);
    CHECK(by_prefix.target.text == "nat-0123456789abcdef0");
    const NatGateway& regional = named(m.nat_gateways, "aws_nat_gateway.regional");
    CHECK(regional.regional);
    CHECK(regional.subnet.absent());
}

TEST_CASE("routes and associations on aws_vpc.main_route_table_id reach the VPC's main table", "[terraform]") {
    Model m = load_plan("fixtures/terraform/nat-count-main-table.json");
    REQUIRE(m.vpcs.size() == 1);
    const Vpc& vpc = m.vpcs[0];
    REQUIRE(vpc.main_route_table.resolved());
    const RouteTable& main = m.route_tables[vpc.main_route_table.index];
    CHECK(main.id == "aws_vpc.main.main_route_table_id");
    REQUIRE(main.routes.size() == 1);
    const Route& igw = m.routes[main.routes[0]];
    CHECK(igw.id == "aws_route.main_igw");
    CHECK(igw.target_kind == RouteTarget::InternetGateway);
    CHECK(igw.target.resolved());
    const SubnetAssociation& a = named(m.subnet_associations, "aws_route_table_association.public[0]");
    REQUIRE(a.route_table.resolved());
    CHECK(a.route_table.index == vpc.main_route_table.index);
}

TEST_CASE("a VPC whose main table nothing names keeps the implicit one", "[terraform]") {
    Model m = load_plan("fixtures/rules/VL101/tf-private-subnets-nat.json");
    for (const Vpc& v : m.vpcs) CHECK(v.main_route_table.absent());
}

TEST_CASE("security groups: no default egress, one rule per source", "[terraform]") {
    Model m = load_plan("fixtures/terraform/nat-count-main-table.json");
    const SecurityGroup& none = named(m.security_groups, "aws_security_group.noegress");
    CHECK_FALSE(none.default_allow_all_egress);
    CHECK_FALSE(none.egress_declared);
    REQUIRE(none.rules.size() == 1);
    CHECK(m.security_group_rules[none.rules[0]].direction == RuleDirection::Ingress);
    const SecurityGroup& multi = named(m.security_groups, "aws_security_group.multi");
    CHECK(multi.egress_declared);
    REQUIRE(multi.rules.size() == 3);  // two CIDR blocks and one group
    std::set<std::string> cidrs;
    int peers = 0;
    for (uint32_t r : multi.rules) {
        const SecurityGroupRule& rule = m.security_group_rules[r];
        CHECK(rule.direction == RuleDirection::Egress);
        CHECK(rule.from_port.is("5432"));
        if (rule.cidr_ipv4.known) cidrs.insert(rule.cidr_ipv4.value);
        if (rule.peer_group.resolved()) {
            ++peers;
            CHECK(m.security_groups[rule.peer_group.index].id == "aws_security_group.noegress");
        }
    }
    CHECK(cidrs == std::set<std::string>{"10.0.10.0/24", "10.0.11.0/24"});
    CHECK(peers == 1);
}

TEST_CASE("known ids link across prior_state; data sources stay outside; destroyed resources are gone",
          "[terraform]") {
    Model m = load_plan("fixtures/terraform/nat-count-main-table.json");
    const Function& fn = named(m.functions, "aws_lambda_function.fn");
    std::set<std::string> groups;
    for (const Link& l : fn.security_groups.items) {
        REQUIRE(l.resolved());
        groups.insert(m.security_groups[l.index].id);
    }
    // One id known in the plan (an existing group), one known after apply.
    CHECK(groups == std::set<std::string>{"aws_security_group.existing", "aws_security_group.multi"});
    CHECK(fn.security_groups.complete);
    const Function& shared = named(m.functions, "aws_lambda_function.shared");
    REQUIRE(shared.security_groups.items.size() == 1);
    CHECK(shared.security_groups.items[0].state == LinkState::External);
    CHECK(shared.security_groups.items[0].text == "sg-0fedcba9876543210");
    CHECK(m.subnets.size() == 4);
    for (const Subnet& s : m.subnets) CHECK(s.id != "aws_subnet.old");
    CHECK(fn.declared_needs.size() == 2);
    REQUIRE(fn.environment.size() == 1);
    CHECK(fn.environment[0].value.is("https://api.payments.example.com/v1"));
}

TEST_CASE("IAM: attachments, JSON-string policies, computed policy lists", "[terraform]") {
    Model m = load_plan("fixtures/terraform/nat-count-main-table.json");
    REQUIRE(m.roles.size() == 1);
    const Role& role = m.roles[0];
    CHECK(role.managed_policies_complete);
    CHECK(role.inline_policies.empty());
    REQUIRE(role.managed_policies.size() == 1);
    CHECK(role.managed_policies[0].arn.is("arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole"));
    REQUIRE(m.policies.size() == 1);
    const Policy& eni = m.policies[0];
    CHECK_FALSE(eni.managed);
    REQUIRE(eni.roles.items.size() == 1);
    CHECK(eni.roles.items[0].resolved());
    REQUIRE(eni.document.statements.size() == 1);
    std::vector<std::string> actions;
    for (const Text& t : eni.document.statements[0].actions) actions.push_back(t.value);
    CHECK(actions == std::vector<std::string>{"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                                              "ec2:DeleteNetworkInterface"});
    CHECK(role.trust_policy.statements.at(0).service_principals.at(0).is("lambda.amazonaws.com"));
}

TEST_CASE("entity locations are the resource entry in planned_values when no .tf file is found", "[terraform]") {
    const std::string file = "fixtures/terraform/nat-count-main-table.json";
    Model m = load_plan(file);
    const Function& fn = named(m.functions, "aws_lambda_function.fn");
    CHECK(fn.loc.file.find("nat-count-main-table.json") != std::string::npos);
    // Written with indent 2: the entry's `{` is the line before its "address".
    CHECK(fn.loc.line == line_of(file, "\"address\": \"aws_lambda_function.fn\"") - 1);
    CHECK(fn.loc.end_line > fn.loc.line);
    CHECK_FALSE(fn.plan_loc.known());  // only set when loc points at a .tf file
    // A property: its value's own position.
    CHECK(fn.declared_needs.at(0).loc.line == line_of(file, "\"vpclint:needs\": \"internet dynamodb\""));
}

TEST_CASE("state JSON: ids link everything; the main table from main_route_table_id", "[terraform]") {
    Model m = load_plan("fixtures/terraform/state-private-nat.json");
    CHECK(m.format == InputFormat::TerraformState);
    CHECK(m.functions.size() == 1);
    CHECK(m.subnets.size() == 3);
    CHECK(m.route_tables.size() == 2);
    const Function& fn = m.functions[0];
    CHECK(fn.subnets.complete);
    CHECK(subnet_ids(m, fn.subnets) == std::vector<std::string>{"module.vpc.aws_subnet.private[\"a\"]",
                                                                 "module.vpc.aws_subnet.private[\"b\"]"});
    CHECK(fn.role.resolved());  // by its ARN
    REQUIRE(fn.security_groups.items.size() == 1);
    CHECK(fn.security_groups.items[0].resolved());
    // aws_main_route_table_association made the private table the main one.
    const Vpc& vpc = m.vpcs.at(0);
    REQUIRE(vpc.main_route_table.resolved());
    CHECK(m.route_tables[vpc.main_route_table.index].id == "aws_route_table.private");
    const NatGateway& nat = m.nat_gateways.at(0);
    REQUIRE(nat.subnet.resolved());
    CHECK(m.subnets[nat.subnet.index].id == "module.vpc.aws_subnet.public");
    const Route& priv = m.routes[m.route_tables[vpc.main_route_table.index].routes.at(0)];
    CHECK(priv.target_kind == RouteTarget::NatGateway);
    CHECK(priv.target.resolved());
    REQUIRE(m.gateway_attachments.size() == 1);
    CHECK(m.gateway_attachments[0].vpc.resolved());
}

TEST_CASE("computed blocks the configuration does not write are not unknown rules or routes", "[terraform]") {
    // The shape terraform show -json gives groups and tables without blocks.
    Model m = load_text(R"({"format_version": "1.2",
      "planned_values": {"root_module": {"resources": [
        {"address": "aws_security_group.g", "mode": "managed", "type": "aws_security_group", "name": "g", "values": {"name": "g"}},
        {"address": "aws_security_group.w", "mode": "managed", "type": "aws_security_group", "name": "w", "values": {"name": "w"}},
        {"address": "aws_route_table.t", "mode": "managed", "type": "aws_route_table", "name": "t", "values": {}}]}},
      "resource_changes": [
        {"address": "aws_security_group.g", "type": "aws_security_group", "name": "g", "change": {"actions": ["create"],
         "after_unknown": {"id": true, "ingress": true, "egress": true}}},
        {"address": "aws_security_group.w", "type": "aws_security_group", "name": "w", "change": {"actions": ["create"],
         "after_unknown": {"id": true, "ingress": true, "egress": true}}},
        {"address": "aws_route_table.t", "type": "aws_route_table", "name": "t", "change": {"actions": ["create"],
         "after_unknown": {"id": true, "route": true}}}],
      "configuration": {"root_module": {"resources": [
        {"address": "aws_security_group.g", "mode": "managed", "type": "aws_security_group", "name": "g",
         "expressions": {"name": {"constant_value": "g"}}},
        {"address": "aws_security_group.w", "mode": "managed", "type": "aws_security_group", "name": "w",
         "expressions": {"name": {"constant_value": "w"}, "egress": {"references": ["var.rules"]}}},
        {"address": "aws_route_table.t", "mode": "managed", "type": "aws_route_table", "name": "t", "expressions": {}}]}}})");
    const SecurityGroup& g = named(m.security_groups, "aws_security_group.g");
    CHECK(g.rules.empty());
    CHECK_FALSE(g.egress_declared);
    // Written but unknown: one rule whose fields are unknown.
    const SecurityGroup& w = named(m.security_groups, "aws_security_group.w");
    CHECK(w.egress_declared);
    REQUIRE(w.rules.size() == 1);
    CHECK_FALSE(m.security_group_rules[w.rules[0]].protocol.known);
    CHECK(m.route_tables.at(0).routes.empty());
}

TEST_CASE("after_unknown without references gives unknown links with the reason, never a guess", "[terraform]") {
    Model m = load_text(R"({"format_version": "0.1",
      "planned_values": {"root_module": {"resources": [
        {"address": "aws_subnet.a", "mode": "managed", "type": "aws_subnet", "name": "a", "values": {"cidr_block": "10.0.0.0/24"}},
        {"address": "aws_nat_gateway.n", "mode": "managed", "type": "aws_nat_gateway", "name": "n", "values": {}}]}},
      "resource_changes": [
        {"address": "aws_subnet.a", "type": "aws_subnet", "name": "a", "change": {"actions": ["create"],
         "after_unknown": {"id": true, "vpc_id": true}}},
        {"address": "aws_nat_gateway.n", "type": "aws_nat_gateway", "name": "n", "change": {"actions": ["create"],
         "after_unknown": {"subnet_id": true}}}]})");
    const NatGateway& n = m.nat_gateways.at(0);
    CHECK(n.subnet.state == LinkState::Unknown);
    CHECK(n.subnet.candidates.empty());
    CHECK(n.subnet.text == "known after apply (aws_nat_gateway.n.subnet_id)");
    CHECK(m.subnets.at(0).vpc.state == LinkState::Unknown);
}

TEST_CASE("the .tf scan finds nested attribute lines and skips strings, comments and heredocs", "[terraform]") {
    std::map<std::string, tf::TfBlock> blocks;
    tf::scan_tf_text(R"(# resource "aws_vpc" "commented" {
resource "aws_security_group" "g" {
  description = "not a { brace"
  ingress {
    from_port = 443
  }
  ingress {
    from_port = 5432
  }
  tags = {
    "vpclint:needs" = "internet"
  }
}

resource "aws_iam_role" "r" {
  assume_role_policy = <<POLICY
{ "Statement": [ {
POLICY
  name = "r"
}
)",
                     "main.tf", blocks);
    CHECK_FALSE(blocks.count("aws_vpc.commented"));
    REQUIRE(blocks.count("aws_security_group.g"));
    const tf::TfBlock& g = blocks["aws_security_group.g"];
    CHECK(g.header.line == 2);
    CHECK(g.attributes.at("ingress#1").line == 7);
    CHECK(g.attributes.at("ingress#1.from_port").line == 8);
    CHECK(g.attributes.at("from_port").line == 5);  // the first occurrence, by bare name
    CHECK(g.attributes.at("tags#0.vpclint:needs").line == 11);
    REQUIRE(blocks.count("aws_iam_role.r"));
    CHECK(blocks["aws_iam_role.r"].attributes.at("name").line == 19);
}

TEST_CASE("optional computed arguments left out of the configuration take AWS's behaviour", "[terraform]") {
    Model m = load_text(R"({"format_version": "1.2",
      "planned_values": {"root_module": {"resources": [
        {"address": "aws_vpc.v", "mode": "managed", "type": "aws_vpc", "name": "v", "values": {"cidr_block": "10.0.0.0/16"}},
        {"address": "aws_route.p", "mode": "managed", "type": "aws_route", "name": "p",
         "values": {"destination_cidr_block": "10.1.0.0/16", "vpc_peering_connection_id": "pcx-0123456789abcdef0"}}]}},
      "resource_changes": [
        {"address": "aws_vpc.v", "type": "aws_vpc", "name": "v", "change": {"actions": ["create"],
         "after_unknown": {"id": true, "enable_dns_hostnames": true, "main_route_table_id": true}}},
        {"address": "aws_route.p", "type": "aws_route", "name": "p", "change": {"actions": ["create"],
         "after_unknown": {"id": true, "route_table_id": true, "instance_id": true, "network_interface_id": true}}}],
      "configuration": {"root_module": {"resources": [
        {"address": "aws_vpc.v", "mode": "managed", "type": "aws_vpc", "name": "v",
         "expressions": {"cidr_block": {"constant_value": "10.0.0.0/16"}}},
        {"address": "aws_route.p", "mode": "managed", "type": "aws_route", "name": "p",
         "expressions": {"destination_cidr_block": {"constant_value": "10.1.0.0/16"},
                         "route_table_id": {"references": ["var.table"]},
                         "vpc_peering_connection_id": {"constant_value": "pcx-0123456789abcdef0"}}}]}}})");
    const Vpc& v = m.vpcs.at(0);
    CHECK(v.dns_hostnames.value == Tri::No);  // AWS's default for a new VPC
    CHECK(v.dns_support.value == Tri::Yes);
    // instance_id and network_interface_id are computed, not the target.
    const Route& r = m.routes.at(0);
    CHECK(r.target_kind == RouteTarget::PeeringConnection);
    CHECK(r.target.text == "pcx-0123456789abcdef0");
    CHECK(r.route_table.state == LinkState::Unknown);
}

TEST_CASE("aws_default_route_table is the VPC's main table; a main association replaces it", "[terraform]") {
    auto plan = [](bool with_main_association) {
        std::string assoc_value = with_main_association
            ? R"(,{"address": "aws_main_route_table_association.m", "mode": "managed", "type": "aws_main_route_table_association", "name": "m", "values": {}})"
            : "";
        std::string assoc_change = with_main_association
            ? R"(,{"address": "aws_main_route_table_association.m", "type": "aws_main_route_table_association", "name": "m",
                   "change": {"actions": ["create"], "after_unknown": {"id": true, "vpc_id": true, "route_table_id": true}}})"
            : "";
        std::string assoc_config = with_main_association
            ? R"(,{"address": "aws_main_route_table_association.m", "mode": "managed", "type": "aws_main_route_table_association", "name": "m",
                   "expressions": {"vpc_id": {"references": ["aws_vpc.v.id", "aws_vpc.v"]},
                                   "route_table_id": {"references": ["aws_route_table.other.id", "aws_route_table.other"]}}})"
            : "";
        return load_text(std::string(R"({"format_version": "1.2",
          "planned_values": {"root_module": {"resources": [
            {"address": "aws_vpc.v", "mode": "managed", "type": "aws_vpc", "name": "v", "values": {"cidr_block": "10.0.0.0/16"}},
            {"address": "aws_default_route_table.d", "mode": "managed", "type": "aws_default_route_table", "name": "d", "values": {"route": []}},
            {"address": "aws_route_table.other", "mode": "managed", "type": "aws_route_table", "name": "other", "values": {}},
            {"address": "aws_route.r", "mode": "managed", "type": "aws_route", "name": "r", "values": {"destination_cidr_block": "0.0.0.0/0", "gateway_id": "igw-0123456789abcdef0"}})") +
                         assoc_value + R"(]}},
          "resource_changes": [
            {"address": "aws_vpc.v", "type": "aws_vpc", "name": "v", "change": {"actions": ["create"],
             "after_unknown": {"id": true, "main_route_table_id": true, "default_route_table_id": true}}},
            {"address": "aws_default_route_table.d", "type": "aws_default_route_table", "name": "d", "change": {"actions": ["create"],
             "after_unknown": {"id": true, "default_route_table_id": true, "vpc_id": true}}},
            {"address": "aws_route.r", "type": "aws_route", "name": "r", "change": {"actions": ["create"],
             "after_unknown": {"id": true, "route_table_id": true}}})" +
                         assoc_change + R"(],
          "configuration": {"root_module": {"resources": [
            {"address": "aws_vpc.v", "mode": "managed", "type": "aws_vpc", "name": "v", "expressions": {}},
            {"address": "aws_default_route_table.d", "mode": "managed", "type": "aws_default_route_table", "name": "d",
             "expressions": {"default_route_table_id": {"references": ["aws_vpc.v.default_route_table_id", "aws_vpc.v"]}, "route": {"constant_value": []}}},
            {"address": "aws_route_table.other", "mode": "managed", "type": "aws_route_table", "name": "other",
             "expressions": {"vpc_id": {"references": ["aws_vpc.v.id", "aws_vpc.v"]}}},
            {"address": "aws_route.r", "mode": "managed", "type": "aws_route", "name": "r",
             "expressions": {"route_table_id": {"references": ["aws_vpc.v.main_route_table_id", "aws_vpc.v"]},
                             "gateway_id": {"constant_value": "igw-0123456789abcdef0"}}})" +
                         assoc_config + R"(]}}})");
    };
    Model m = plan(false);
    REQUIRE(m.route_tables.size() == 2);  // no made-up table: aws_default_route_table is it
    const Vpc& v = m.vpcs.at(0);
    REQUIRE(v.main_route_table.resolved());
    CHECK(m.route_tables[v.main_route_table.index].id == "aws_default_route_table.d");
    CHECK(m.route_tables[v.main_route_table.index].vpc.resolved());
    REQUIRE(m.routes.at(0).route_table.resolved());
    CHECK(m.routes[0].route_table.index == v.main_route_table.index);
    CHECK(m.routes[0].target_kind == RouteTarget::InternetGateway);

    Model a = plan(true);
    REQUIRE(a.vpcs.at(0).main_route_table.resolved());
    CHECK(a.route_tables[a.vpcs[0].main_route_table.index].id == "aws_route_table.other");
}

TEST_CASE("endpoint associations and aws_vpc_endpoint_private_dns extend the endpoint", "[terraform]") {
    Model m = load_text(R"({"format_version": "1.0", "values": {"root_module": {"resources": [
      {"address": "aws_vpc.v", "mode": "managed", "type": "aws_vpc", "name": "v", "values": {"id": "vpc-1"}},
      {"address": "aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s", "values": {"id": "subnet-1", "vpc_id": "vpc-1"}},
      {"address": "aws_route_table.r", "mode": "managed", "type": "aws_route_table", "name": "r", "values": {"id": "rtb-1", "vpc_id": "vpc-1"}},
      {"address": "aws_security_group.g", "mode": "managed", "type": "aws_security_group", "name": "g", "values": {"id": "sg-1", "vpc_id": "vpc-1"}},
      {"address": "aws_vpc_endpoint.sqs", "mode": "managed", "type": "aws_vpc_endpoint", "name": "sqs", "values": {"id": "vpce-1",
        "vpc_id": "vpc-1", "service_name": "com.amazonaws.eu-west-1.sqs", "vpc_endpoint_type": "Interface", "private_dns_enabled": false}},
      {"address": "aws_vpc_endpoint.s3", "mode": "managed", "type": "aws_vpc_endpoint", "name": "s3", "values": {"id": "vpce-2",
        "vpc_id": "vpc-1", "service_name": "com.amazonaws.eu-west-1.s3", "vpc_endpoint_type": "Gateway"}},
      {"address": "aws_vpc_endpoint_subnet_association.a", "mode": "managed", "type": "aws_vpc_endpoint_subnet_association", "name": "a",
        "values": {"vpc_endpoint_id": "vpce-1", "subnet_id": "subnet-1"}},
      {"address": "aws_vpc_endpoint_security_group_association.a", "mode": "managed", "type": "aws_vpc_endpoint_security_group_association", "name": "a",
        "values": {"vpc_endpoint_id": "vpce-1", "security_group_id": "sg-1", "replace_default_association": false}},
      {"address": "aws_vpc_endpoint_private_dns.a", "mode": "managed", "type": "aws_vpc_endpoint_private_dns", "name": "a",
        "values": {"vpc_endpoint_id": "vpce-1", "private_dns_enabled": true}},
      {"address": "aws_vpc_endpoint_route_table_association.a", "mode": "managed", "type": "aws_vpc_endpoint_route_table_association", "name": "a",
        "values": {"vpc_endpoint_id": "vpce-2", "route_table_id": "rtb-1"}}
    ]}}})");
    REQUIRE(m.vpc_endpoints.size() == 2);
    const VpcEndpoint& sqs = named(m.vpc_endpoints, "aws_vpc_endpoint.sqs");
    CHECK(sqs.service.is("sqs"));
    REQUIRE(sqs.subnets.items.size() == 1);
    CHECK(sqs.subnets.items[0].resolved());
    REQUIRE(sqs.security_groups.items.size() == 1);
    CHECK(sqs.security_groups.items[0].resolved());
    CHECK_FALSE(sqs.security_groups.complete);  // the VPC's default group stays
    CHECK(sqs.private_dns.value == Tri::Yes);
    const VpcEndpoint& s3 = named(m.vpc_endpoints, "aws_vpc_endpoint.s3");
    REQUIRE(s3.route_tables.items.size() == 1);
    CHECK(s3.route_tables.items[0].resolved());
}
