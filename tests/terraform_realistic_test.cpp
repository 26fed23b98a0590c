// Plans that Terraform itself wrote (fixtures/terraform/realistic, remade by
// scripts/regen-terraform-fixtures): every one gives exactly the findings of
// its plan.json.expect sidecar, and the shapes real plans have (computed
// attributes, collapsed blocks, module instances, update plans) are bound
// as Terraform means them.
#include <catch2/catch.hpp>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "cli/analyze_file.h"
#include "core/analyses.h"
#include "core/document.h"
#include "core/explain_function.h"
#include "core/rule.h"
#include "parsers/frontend.h"
#include "parsers/terraform/plan_index.h"
#include "reporters/format_writers.h"
#include "tests/fixture_expectations.h"

namespace fs = std::filesystem;
using namespace vpclint;

namespace {

const std::string kRoot = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/realistic";

std::vector<std::string> realistic_plans() {
    std::vector<std::string> out;
    for (const auto& e : fs::directory_iterator(kRoot))
        if (e.is_directory() && fs::exists(e.path() / "plan.json")) out.push_back((e.path() / "plan.json").string());
    std::sort(out.begin(), out.end());
    return out;
}

std::vector<Diagnostic> findings(const std::string& name) {
    FileResult r = analyze_file(kRoot + "/" + name + "/plan.json", {}, {});
    REQUIRE(r.analysed);
    std::vector<Diagnostic> out;
    for (const Diagnostic& d : r.diagnostics)
        if (!d.suppressed) out.push_back(d);
    return out;
}

std::vector<std::string> rules_of(const std::vector<Diagnostic>& ds) {
    std::vector<std::string> out;
    for (const Diagnostic& d : ds) out.push_back(d.rule_id + " " + std::string(severity_name(d.severity)));
    std::sort(out.begin(), out.end());
    return out;
}

Model load_plan(const std::string& name) {
    std::string path = kRoot + "/" + name + "/plan.json";
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    LoadResult r = load_document(path, ss.str());
    REQUIRE(!r.error);
    std::vector<Model> models = build_models(*r.doc, classify_document(*r.doc), {});
    REQUIRE(models.size() == 1);
    return std::move(models[0]);
}

// Everything a finding says: message, path and related locations.
std::string all_text(const Diagnostic& d) {
    std::string s = d.message + "\n";
    for (const RelatedLocation& p : d.path) s += p.message + "\n";
    for (const RelatedLocation& p : d.related) s += p.message + "\n";
    return s;
}

}  // namespace

TEST_CASE("every realistic Terraform plan gives exactly its expected diagnostics", "[terraform][fixtures]") {
    std::vector<std::string> plans = realistic_plans();
    CHECK(plans.size() >= 20);
    for (const std::string& plan : plans) {
        DYNAMIC_SECTION(fs::relative(plan, kRoot).string()) {
            testing::FixtureExpectations want = testing::read_expectations(plan);
            INFO(plan);
            REQUIRE(want.error.empty());
            REQUIRE(want.declared);
            FileResult got = analyze_file(plan, {}, {});
            REQUIRE(got.analysed);
            std::set<testing::Expectation> actual;
            std::string listing;
            for (const Diagnostic& d : got.diagnostics) {
                if (d.suppressed) continue;
                actual.insert({d.loc.line, d.loc.col, d.rule_id, std::string(severity_name(d.severity))});
                listing += d.loc.file + ":" + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " +
                           d.rule_id + " " + std::string(severity_name(d.severity)) + " " + d.message + "\n";
            }
            INFO("actual diagnostics:\n" << listing);
            CHECK(actual == want.expected);
        }
    }
}

TEST_CASE("realistic plans: each wave-1 rule has a bad and a good plan", "[terraform][fixtures]") {
    std::map<std::string, int> bad;
    int good = 0;
    for (const std::string& plan : realistic_plans()) {
        testing::FixtureExpectations e = testing::read_expectations(plan);
        if (e.expected.empty()) ++good;
        for (const auto& x : e.expected) ++bad[std::get<2>(x)];
    }
    for (const char* rule : {"VL101", "VL102", "VL103", "VL104", "VL105", "VL106", "VL107", "VL201", "VL202", "VL501",
                             "VL504", "VL505", "VL506"}) {
        INFO(rule);
        CHECK(bad[rule] >= 1);
    }
    CHECK(good >= 5);  // a clean plan is good for every rule
}

TEST_CASE("a new role with only AWSLambdaBasicExecutionRole attached: VL201 on the VPC function", "[terraform]") {
    // managed_policy_arns and inline_policy are known after apply and not in
    // the configuration: their content is what the plan attaches.
    Model m = load_plan("vl201-basic-execution-only");
    REQUIRE(m.roles.size() == 1);
    const Role& r = m.roles[0];
    CHECK(r.managed_policies_complete);
    REQUIRE(r.managed_policies.size() == 1);
    CHECK(r.managed_policies[0].arn.value == "arn:aws:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    CHECK(r.inline_policies.empty());
    CHECK(rules_of(findings("vl201-basic-execution-only")) == std::vector<std::string>{"VL201 error"});
    // The same shape with AWSLambdaVPCAccessExecutionRole is clean.
    CHECK(findings("module-vpc-private-function").empty());
}

TEST_CASE("update plan over a module VPC with aws_route resources: no VL002, VL101 in its public subnets",
          "[terraform]") {
    std::vector<Diagnostic> got = findings("module-vpc-update-public");
    CHECK(rules_of(got) == std::vector<std::string>{"VL101 error"});
    Model m = load_plan("module-vpc-update-public");
    // The existing public table reads back the route of
    // aws_route.public_internet_gateway[0]: one route, not two.
    uint32_t table = 0;
    for (uint32_t k = 0; k < m.route_tables.size(); ++k)
        if (m.route_tables[k].id == "module.vpc.aws_route_table.public[0]") table = k;
    std::vector<std::string> routes;
    for (const Route& r : m.routes)
        if (r.route_table.resolved() && r.route_table.index == table) routes.push_back(r.id);
    CHECK(routes == std::vector<std::string>{"module.vpc.aws_route.public_internet_gateway[0]"});
    CHECK(findings("module-vpc-update-private").empty());
}

TEST_CASE("for_each module instances resolve within their instance", "[terraform]") {
    std::vector<Diagnostic> got = findings("module-vpc-for-each");
    CHECK(rules_of(got) == std::vector<std::string>{"VL101 error"});  // no VL505 across instances
    REQUIRE(got.size() == 1);
    CHECK(got[0].resource == "aws_lambda_function.staging_api");
    std::string text = all_text(got[0]);
    CHECK(text.find("module.vpc[\"staging\"].aws_subnet.public[0]") != std::string::npos);
    CHECK(text.find("prod") == std::string::npos);
    Model m = load_plan("module-vpc-for-each");
    for (const Function& f : m.functions) {
        std::string instance = f.id == "aws_lambda_function.prod_api" ? "module.vpc[\"prod\"]" : "module.vpc[\"staging\"]";
        INFO(f.id);
        REQUIRE(f.subnets.complete);
        REQUIRE(f.subnets.items.size() == 2);
        for (const Link& l : f.subnets.items) {
            REQUIRE(l.resolved());
            CHECK(m.subnets[l.index].id.rfind(instance + ".aws_subnet.", 0) == 0);
        }
        REQUIRE(f.security_groups.items.size() == 1);
        REQUIRE(f.security_groups.items[0].resolved());
        CHECK(m.security_groups[f.security_groups.items[0].index].id == instance + ".aws_security_group.lambda");
    }
}

TEST_CASE("a collapsed inline route names its target by its one reference", "[terraform]") {
    for (const char* name : {"inline-routes-public", "default-route-table-public"}) {
        INFO(name);
        Model m = load_plan(name);
        int defaults = 0;
        for (const Route& r : m.routes) {
            if (!r.destination_cidr.is("0.0.0.0/0")) continue;
            ++defaults;
            CHECK(r.target_kind == RouteTarget::InternetGateway);
            REQUIRE(r.target.resolved());
            CHECK(m.internet_gateways[r.target.index].id == "aws_internet_gateway.main");
        }
        CHECK(defaults == 1);
        CHECK(rules_of(findings(name)) == std::vector<std::string>{"VL101 error"});
    }
}

TEST_CASE("an internet gateway whose vpc_id the configuration leaves out is attached by its attachment only",
          "[terraform]") {
    CHECK(rules_of(findings("vl104-igw-not-attached")) == std::vector<std::string>{"VL104 error"});
    CHECK(findings("vl104-igw-attachment-good").empty());
}

TEST_CASE("text output shows at most ~160 characters of a minified plan's line, around the column", "[terraform]") {
    // terraform show -json writes one line; a caret under column 9000 of it
    // is of no use to anyone.
    std::string line = "{\"format_version\":\"1.2\"";
    while (line.size() < 9000) line += ",\"k\":\"v\"";
    line.replace(8990, 12, "\"vpc_id\":\"x\"");
    ReportInput in;
    Diagnostic d;
    d.rule_id = "VL505";
    d.message = "m";
    d.loc = {"plan.json", 1, 8991, 1, 8999};
    in.diagnostics.push_back(d);
    in.quiet = true;
    in.source_line = [&](const std::string&, uint32_t) { return line; };
    std::ostringstream out;
    write_text(in, out);
    std::istringstream lines(out.str());
    std::string head, shown, caret;
    std::getline(lines, head);
    std::getline(lines, shown);
    std::getline(lines, caret);
    CHECK(head.rfind("plan.json:1:8991: error[VL505] m", 0) == 0);
    CHECK(shown.size() < 180);
    CHECK(shown.find("\"vpc_id\":\"x\"") != std::string::npos);
    CHECK(shown.rfind("    …", 0) == 0);
    // The caret still stands under the value: "    …" is 5 columns wide.
    size_t caret_at = caret.find('^');
    REQUIRE(caret_at != std::string::npos);
    size_t value_at = shown.find("\"vpc_id\"");
    CHECK(caret_at + 2 == value_at);  // "…" is 3 bytes and one column
    CHECK(caret.substr(caret_at) == std::string(8, '^'));
    // Short lines are printed whole.
    line = "  vpc_id = aws_vpc.other.id";
    in.diagnostics[0].loc = {"main.tf", 3, 12, 3, 30};
    std::ostringstream short_out;
    write_text(in, short_out);
    CHECK(short_out.str().find("\n    " + line + "\n") != std::string::npos);
}

TEST_CASE("collapsed ingress/egress: a group named inside the block comes from its references", "[terraform]") {
    Model m = load_plan("security-group-collapsed-rules");
    int from_lambda = 0, egress = 0;
    for (const SecurityGroupRule& r : m.security_group_rules) {
        REQUIRE(r.group.resolved());
        const std::string& group = m.security_groups[r.group.index].id;
        if (group == "aws_security_group.db" && r.direction == RuleDirection::Ingress) {
            CHECK(r.from_port.is("5432"));
            if (r.peer_group.absent()) continue;  // the block's empty cidr_blocks
            REQUIRE(r.peer_group.resolved());
            CHECK(m.security_groups[r.peer_group.index].id == "aws_security_group.lambda");
            ++from_lambda;
        }
        if (group == "aws_security_group.lambda" && r.direction == RuleDirection::Egress && r.cidr_ipv4.present) {
            // Known values stay what they are, even in a collapsed block.
            CHECK(r.cidr_ipv4.known);
            ++egress;
        }
    }
    CHECK(from_lambda == 1);
    CHECK(egress == 2);
    CHECK(findings("security-group-collapsed-rules").empty());
}

TEST_CASE("for_each over a resource: each.value is the instance with the same key", "[terraform]") {
    Model m = load_plan("for-each-subnets-no-nat");
    REQUIRE(m.subnet_associations.size() == 2);
    for (const SubnetAssociation& a : m.subnet_associations) {
        INFO(a.id);
        REQUIRE(a.subnet.resolved());
        std::string key = a.id.substr(a.id.find('['));  // ["a"]
        CHECK(m.subnets[a.subnet.index].id == "aws_subnet.private" + key);
    }
    CHECK(rules_of(findings("for-each-subnets-no-nat")) == std::vector<std::string>{"VL102 error"});
}

TEST_CASE("explain on plans: inline routes by destination, groups outside the model have unknown rules",
          "[terraform]") {
    Model m = load_plan("inline-routes-public");
    Analyses a = compute_analyses(m);
    std::string s = explain_function(m, a, "aws_lambda_function.api");
    CHECK(s.find("inline route 0.0.0.0/0 of aws_route_table.public: 0.0.0.0/0 -> internet gateway") != std::string::npos);
    CHECK(s.find(".route[") == std::string::npos);
    Function& f = m.functions[0];
    f.security_groups.items[0] = Link{};
    f.security_groups.items[0].state = LinkState::External;
    f.security_groups.items[0].text = "sg-0123456789abcdef0";
    s = explain_function(m, a, "aws_lambda_function.api");
    CHECK(s.find("sg-0123456789abcdef0 (a security group outside the model): its rules are unknown") != std::string::npos);
}

TEST_CASE("candidates that agree decide: a subnet whose association may name either NAT-routed table",
          "[terraform]") {
    Model m = load_plan("module-vpc-three-subnets-two-azs");
    Analyses a = compute_analyses(m);
    uint32_t third = 0;
    for (uint32_t k = 0; k < m.subnets.size(); ++k)
        if (m.subnets[k].id == "module.vpc.aws_subnet.private[2]") third = k;
    for (const SubnetAssociation& s : m.subnet_associations)
        if (s.id == "module.vpc.aws_route_table_association.private[2]") {
            CHECK(s.route_table.state == LinkState::Unknown);
            CHECK(s.route_table.candidates.size() == 2);
        }
    const SubnetEgress& e = egress_of_subnet(a.egress, third);
    CHECK(e.verdict == Egress::Internet);
    CHECK(e.reason.find("candidate route tables agree") != std::string::npos);
    CHECK(findings("module-vpc-three-subnets-two-azs").empty());
}

TEST_CASE("variables whose values cannot be ids name no resource; others say what they are", "[terraform]") {
    const char* text = R"({"format_version": "1.2", "terraform_version": "1.11.0",
      "variables": {"cidr": {"value": "10.0.0.0/16"}, "enable": {"value": true}},
      "planned_values": {"root_module": {"resources": [
        {"address": "aws_vpc.a", "mode": "managed", "type": "aws_vpc", "name": "a", "values": {"cidr_block": "10.0.0.0/16"}}],
        "child_modules": [{"address": "module.m", "resources": [
          {"address": "module.m.aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s", "values": {}}]}]}},
      "resource_changes": [],
      "configuration": {"root_module": {
        "resources": [{"address": "aws_vpc.a", "mode": "managed", "type": "aws_vpc", "name": "a",
                       "expressions": {"cidr_block": {"references": ["var.cidr"]},
                                       "enable_dns_support": {"references": ["var.enable"]}}}],
        "module_calls": {"m": {"source": "./m", "expressions": {"vpc_id": {"references": ["aws_vpc.a.id", "aws_vpc.a"]}},
          "module": {"variables": {"vpc_id": {}, "az": {"default": "eu-west-1a"}, "count": {"default": 2}, "required": {}},
            "resources": [{"address": "aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s",
              "expressions": {"vpc_id": {"references": ["var.vpc_id", "var.count"]},
                              "availability_zone": {"references": ["var.az"]},
                              "tags": {"references": ["var.required"]}}}]}}}}}})";
    LoadResult r = load_document("plan.json", text);
    REQUIRE(!r.error);
    tf::PlanIndex plan(*r.doc, InputKind::TerraformPlan);
    const tf::Instance* vpc = plan.find("aws_vpc.a");
    const tf::Instance* subnet = plan.find("module.m.aws_subnet.s");
    REQUIRE(vpc);
    REQUIRE(subnet);
    // A boolean in variables.X.value is no resource; a string may be an id.
    CHECK_FALSE(plan.resolve(*vpc, plan.expression(*vpc, {"enable_dns_support"})).unresolved);
    tf::Resolution root = plan.resolve(*vpc, plan.expression(*vpc, {"cidr_block"}));
    CHECK(root.unresolved);
    CHECK(root.reason == "variable cidr is a value set outside the plan's resources");
    tf::Resolution child = plan.resolve(*subnet, plan.expression(*subnet, {"vpc_id"}));
    CHECK_FALSE(child.unresolved);  // var.count takes the module's default, a number
    REQUIRE(child.instances.size() == 1);
    CHECK(plan.instances()[child.instances[0]].address == "aws_vpc.a");
    tf::Resolution def = plan.resolve(*subnet, plan.expression(*subnet, {"availability_zone"}));
    CHECK(def.unresolved);
    CHECK(def.reason == "variable az takes its default value, not a resource");
    tf::Resolution missing = plan.resolve(*subnet, plan.expression(*subnet, {"tags"}));
    CHECK(missing.unresolved);
    CHECK(missing.reason == "variable required has no value in the plan");
}

TEST_CASE("findings in a plan without .tf sources name the resource's JSON path, in the message and SARIF",
          "[terraform]") {
    // A line and column in `terraform show -json` output (one line) cannot be
    // found by people; planned_values.root_module.resources[N] can.
    const std::string plan = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/rules/VL101/tf-public-subnet-external-api.json";
    FileResult r = analyze_file(plan, {}, {});
    REQUIRE(r.analysed);
    REQUIRE(r.diagnostics.size() == 1);
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.plan_path.rfind("planned_values.root_module", 0) == 0);
    CHECK(d.plan_path.find(".resources[") != std::string::npos);
    CHECK(d.message.find("(plan entry " + d.plan_path + ").") != std::string::npos);

    ReportInput in;
    in.diagnostics = r.diagnostics;
    std::ostringstream sarif;
    write_sarif(in, sarif);
    auto doc = nlohmann::json::parse(sarif.str());
    const auto& logical = doc["runs"][0]["results"][0]["locations"][0]["logicalLocations"];
    REQUIRE(logical.size() == 2);
    CHECK(logical[1]["fullyQualifiedName"] == d.plan_path);
    CHECK(logical[1]["kind"] == "element");

    // With the .tf files found, the finding points there: the message stays
    // as it is and the plan entry is a related location.
    FileResult with_tf = analyze_file(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/with-source/plan.json", {}, {});
    REQUIRE(with_tf.analysed);
    for (const Diagnostic& t : with_tf.diagnostics) {
        if (t.loc.file.size() < 3 || t.loc.file.compare(t.loc.file.size() - 3, 3, ".tf") != 0) continue;
        CHECK(t.message.find("(plan entry ") == std::string::npos);
        CHECK_FALSE(t.plan_path.empty());
    }
}
