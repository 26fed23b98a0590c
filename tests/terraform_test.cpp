// The Terraform frontend on the twin fixtures and small plans: link
// resolution, unknown values, target classification, locations.
#include <catch2/catch.hpp>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/analyze_file.h"
#include "core/document.h"
#include "parsers/frontend.h"

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
        CHECK(findings(tf) == findings(cfn));
        ++pairs;
    }
    CHECK(pairs >= 15);
}
