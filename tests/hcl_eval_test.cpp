// Evaluation of root module directories: instance addresses as Terraform
// writes them, every variable source in Terraform's order of precedence,
// modules (local, installed, missing), unknown counts, policy documents.
#include <catch2/catch.hpp>
#include <unistd.h>
#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "core/model.h"
#include "parsers/hcl/hcl_frontend.h"
#include "parsers/hcl/tf_eval.h"
#include "parsers/hcl/tf_plan_doc.h"

namespace fs = std::filesystem;
using namespace vpclint;
using namespace vpclint::hcl;

namespace {

struct TempDir {
    fs::path path;
    // CTest runs each test case in its own process, in parallel: the
    // process id keeps their directories apart.
    TempDir() {
        path = fs::temp_directory_path() / ("vpclint-hcl-" + std::to_string(::getpid()) + "-" + std::to_string(counter()++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    static int& counter() {
        static int n = 0;
        return n;
    }
    void write(const std::string& rel, const std::string& text) const {
        fs::create_directories((path / rel).parent_path());
        std::ofstream(path / rel) << text;
    }
    std::string str() const { return path.string(); }
};

std::vector<std::string> addresses(const Evaluation& ev) {
    std::vector<std::string> out;
    std::vector<const ModuleInst*> todo{ev.root.get()};
    while (!todo.empty()) {
        const ModuleInst* m = todo.back();
        todo.pop_back();
        for (const auto& [k, r] : m->resources)
            for (const std::string& a : r.addresses) out.push_back(a);
        for (const auto& [n, c] : m->calls)
            for (const auto& [key, child] : c.instances) todo.push_back(child.get());
    }
    std::sort(out.begin(), out.end());
    return out;
}

const Value& values_of(const Evaluation& ev, const std::string& key, size_t k = 0) {
    auto it = ev.root->resources.find(key);
    REQUIRE(it != ev.root->resources.end());
    REQUIRE(k < it->second.values.size());
    return it->second.values[k];
}

std::string text_of(const Value& v, const std::string& field) {
    const Value* f = v.field(field);
    REQUIRE(f);
    return f->k == Value::K::String ? f->s : to_json(*f);
}

}  // namespace

TEST_CASE("count and for_each instances are addressed as Terraform addresses them", "[hcl][eval]") {
    TempDir d;
    d.write("main.tf", R"(
variable "azs" { default = ["a", "b"] }
resource "aws_subnet" "private" {
  count      = length(var.azs)
  cidr_block = cidrsubnet("10.0.0.0/16", 8, count.index)
}
resource "aws_subnet" "this" {
  for_each   = { a = 1, "b c" = 2 }
  cidr_block = cidrsubnet("10.0.0.0/16", 8, each.value + 10)
  tags       = { key = each.key }
}
resource "aws_eip" "set" {
  for_each = toset(["x"])
}
module "m" {
  source = "./m"
  count  = 2
  n      = count.index
}
)");
    d.write("m/main.tf", R"(
variable "n" {}
resource "aws_vpc" "v" { cidr_block = "10.${var.n}.0.0/16" }
output "cidr" { value = aws_vpc.v.cidr_block }
)");
    auto ev = evaluate_root_module(d.str(), {});
    REQUIRE(ev->errors.empty());
    CHECK(addresses(*ev) == std::vector<std::string>{"aws_eip.set[\"x\"]", "aws_subnet.private[0]", "aws_subnet.private[1]",
                                                     "aws_subnet.this[\"a\"]", "aws_subnet.this[\"b c\"]",
                                                     "module.m[0].aws_vpc.v", "module.m[1].aws_vpc.v"});
    CHECK(text_of(values_of(*ev, "aws_subnet.private", 1), "cidr_block") == "10.0.1.0/24");
    CHECK(text_of(values_of(*ev, "aws_subnet.this", 1), "cidr_block") == "10.0.12.0/24");
    CHECK(text_of(values_of(*ev, "aws_subnet.this", 1), "tags") == "{\"key\":\"b c\"}");
    const ModuleInst& m1 = *ev->root->calls["m"].instances[1].second;
    CHECK(text_of(m1.resources.at("aws_vpc.v").values[0], "cidr_block") == "10.1.0.0/16");
}

TEST_CASE("an unknown count or for_each makes the instances unknown, not zero", "[hcl][eval]") {
    TempDir d;
    d.write("main.tf", R"(
data "aws_availability_zones" "all" {}
resource "aws_subnet" "a" {
  count  = length(data.aws_availability_zones.all.names)
  vpc_id = "vpc-1"
}
resource "aws_subnet" "b" {
  for_each = toset(data.aws_availability_zones.all.names)
}
)");
    auto ev = evaluate_root_module(d.str(), {});
    const ResourceEval& a = ev->root->resources.at("aws_subnet.a");
    CHECK(a.instances_unknown);
    CHECK(a.unknown_reason.find("data.aws_availability_zones.all.names") != std::string::npos);
    CHECK(ev->root->resources.at("aws_subnet.b").instances_unknown);
    CHECK(a.values.empty());
}

TEST_CASE("variables: default < TF_VAR < terraform.tfvars < *.auto.tfvars < --tf-var-file < --tf-var", "[hcl][eval]") {
    TempDir d;
    d.write("main.tf", R"(
variable "a" { default = "default" }
variable "b" { default = "default" }
variable "c" { default = "default" }
variable "d" { default = "default" }
variable "e" { default = "default" }
variable "f" { default = "default" }
variable "n" {
  type    = number
  default = 1
}
variable "l" {
  type    = list(string)
  default = []
}
resource "aws_vpc" "v" {
  tags = { a = var.a, b = var.b, c = var.c, d = var.d, e = var.e, f = var.f, n = var.n + 1, l = join(",", var.l) }
}
)");
    d.write("terraform.tfvars", "b = \"tfvars\"\nc = \"tfvars\"\nd = \"tfvars\"\ne = \"tfvars\"\n");
    d.write("1.auto.tfvars", "c = \"auto1\"\nd = \"auto1\"\n");
    d.write("2.auto.tfvars", "c = \"auto2\"\n");
    d.write("extra.tfvars", "d = \"var-file\"\ne = \"var-file\"\n");
    TfInputs in;
    in.env = {{"a", "env"}, {"b", "env"}, {"n", "41"}};
    in.var_files = {(d.path / "extra.tfvars").string()};
    in.vars = {{"e", "cli"}, {"l", "[\"x\", \"y\"]"}};
    auto ev = evaluate_root_module(d.str(), in);
    REQUIRE(ev->errors.empty());
    CHECK(text_of(values_of(*ev, "aws_vpc.v"), "tags") ==
          R"({"a":"env","b":"tfvars","c":"auto2","d":"var-file","e":"cli","f":"default","l":"x,y","n":42})");
}

TEST_CASE("modules: local at any depth, installed per modules.json, else unknown with the reason", "[hcl][eval]") {
    TempDir d;
    d.write("main.tf", R"(
module "outer" {
  source = "./outer"
  cidr   = "10.9.0.0/16"
}
module "registry" {
  source  = "terraform-aws-modules/vpc/aws"
  version = "5.0.0"
  cidr    = "10.8.0.0/16"
}
module "missing" {
  source = "git::https://example.com/x.git"
}
resource "aws_vpc" "r" {
  tags = {
    outer    = module.outer.inner_cidr
    registry = module.registry.vpc_cidr
  }
  cidr_block = module.missing.anything
}
)");
    d.write("outer/main.tf", R"(
variable "cidr" {}
module "inner" {
  source = "../inner"
  cidr   = var.cidr
}
output "inner_cidr" { value = module.inner.cidr }
)");
    d.write("inner/main.tf", R"(
variable "cidr" {}
resource "aws_vpc" "v" { cidr_block = var.cidr }
output "cidr" { value = aws_vpc.v.cidr_block }
)");
    d.write(".terraform/modules/registry/main.tf", R"(
variable "cidr" {}
resource "aws_vpc" "this" { cidr_block = var.cidr }
output "vpc_cidr" { value = aws_vpc.this.cidr_block }
)");
    d.write(".terraform/modules/modules.json",
            R"({"Modules":[{"Key":"","Source":"","Dir":"."},{"Key":"registry","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Version":"5.0.0","Dir":".terraform/modules/registry"}]})");
    auto ev = evaluate_root_module(d.str(), {});
    REQUIRE(ev->errors.empty());
    const Value& r = values_of(*ev, "aws_vpc.r");
    CHECK(text_of(r, "tags") == R"({"outer":"10.9.0.0/16","registry":"10.8.0.0/16"})");
    const Value* cidr = r.field("cidr_block");
    REQUIRE(cidr);
    REQUIRE(cidr->is_unknown());
    CHECK(cidr->s.find("not installed") != std::string::npos);
    std::vector<std::string> a = addresses(*ev);
    CHECK(std::find(a.begin(), a.end(), "module.outer.module.inner.aws_vpc.v") != a.end());
    CHECK(std::find(a.begin(), a.end(), "module.registry.aws_vpc.this") != a.end());
}

TEST_CASE("computed attributes are unknown but linked; configured ones are known", "[hcl][eval]") {
    TempDir d;
    d.write("main.tf", R"(
resource "aws_iam_role" "r" { name = "fn" }
resource "aws_iam_role_policy_attachment" "a" {
  role       = aws_iam_role.r.name
  policy_arn = aws_iam_role.r.arn
}
)");
    auto ev = evaluate_root_module(d.str(), {});
    const Value& a = values_of(*ev, "aws_iam_role_policy_attachment.a");
    CHECK(text_of(a, "role") == "fn");
    REQUIRE(a.field("policy_arn")->is_unknown());
    CHECK(a.field("policy_arn")->s == "known after apply (aws_iam_role.r.arn)");
    PlanDocument pd = plan_document(*ev, d.str());
    const Node* res = pd.doc->root->get("configuration")->get("root_module")->get("resources");
    const Node* expr = res->items[1]->get("expressions")->get("policy_arn")->get("references");
    REQUIRE(expr);
    REQUIRE(expr->items.size() == 2);
    CHECK(expr->items[0]->text == "aws_iam_role.r.arn");
    CHECK(expr->items[1]->text == "aws_iam_role.r");
}

TEST_CASE("data aws_iam_policy_document and dynamic blocks are evaluated", "[hcl][eval]") {
    TempDir d;
    d.write("main.tf", R"(
locals { ports = [443, 5432] }
data "aws_iam_policy_document" "p" {
  statement {
    actions   = ["ec2:CreateNetworkInterface"]
    resources = ["*"]
  }
  statement {
    effect  = "Deny"
    actions = ["s3:*", "sqs:*"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
    condition {
      test     = "StringEquals"
      variable = "aws:SourceVpc"
      values   = ["vpc-1"]
    }
  }
}
resource "aws_iam_policy" "p" { policy = data.aws_iam_policy_document.p.json }
resource "aws_security_group" "g" {
  dynamic "egress" {
    for_each = local.ports
    iterator = port
    content {
      from_port = port.value
      to_port   = port.value
    }
  }
}
)");
    auto ev = evaluate_root_module(d.str(), {});
    CHECK(text_of(values_of(*ev, "aws_iam_policy.p"), "policy") ==
          R"({"Statement":[{"Action":"ec2:CreateNetworkInterface","Effect":"Allow","Resource":"*"},)"
          R"({"Action":["s3:*","sqs:*"],"Condition":{"StringEquals":{"aws:SourceVpc":"vpc-1"}},"Effect":"Deny",)"
          R"("Principal":{"Service":"lambda.amazonaws.com"}}],"Version":"2012-10-17"})");
    CHECK(text_of(values_of(*ev, "aws_security_group.g"), "egress") == R"([{"from_port":443,"to_port":443},{"from_port":5432,"to_port":5432}])");
}

TEST_CASE("a syntax error in any file of the module is VL001 there, and nothing else is analysed", "[hcl][eval]") {
    TempDir d;
    d.write("main.tf", "resource \"aws_vpc\" \"v\" {}\n");
    d.write("bad.tf", "locals {\n  x = [1,\n}\n");
    std::vector<Model> m = build_hcl_models(d.str(), {}, false);
    REQUIRE(m.size() == 1);
    REQUIRE(m[0].problems.size() == 1);
    CHECK(m[0].problems[0].loc.file.find("bad.tf") != std::string::npos);
    CHECK(m[0].problems[0].loc.line == 3);
    CHECK(m[0].problems[0].loc.col == 1);
    CHECK(m[0].vpcs.empty());
}

TEST_CASE("cycles and self-references are unknown, not a crash", "[hcl][eval]") {
    TempDir d;
    d.write("main.tf", R"(
locals {
  a = local.b
  b = local.a
}
resource "aws_vpc" "x" { cidr_block = aws_vpc.y.cidr_block }
resource "aws_vpc" "y" { cidr_block = aws_vpc.x.cidr_block }
resource "aws_vpc" "z" { tags = { t = local.a } }
)");
    auto ev = evaluate_root_module(d.str(), {});
    CHECK(values_of(*ev, "aws_vpc.z").field("tags")->field("t")->is_unknown());
    CHECK(values_of(*ev, "aws_vpc.x").field("cidr_block")->is_unknown());
}
