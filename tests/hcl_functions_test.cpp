// Built-ins and variable types against Terraform 1.11 as the oracle: every
// expected value below is what `terraform console` printed for the same
// expression (IPv6 CIDR arithmetic, regex replace, type conversions), and
// every unknown is a call Terraform rejects or answers in a way go-cidr
// does not mean (a negative netnum, an overflowing extension).
#include <catch2/catch.hpp>
#include <unistd.h>
#include <filesystem>
#include <fstream>

#include "parsers/hcl/tf_eval.h"

namespace fs = std::filesystem;
using namespace vpclint::hcl;

namespace {

Value eval_text(const std::string& text) {
    ParseResult r = parse_hcl("expr.tf", "v = " + text + "\n");
    REQUIRE(!r.error);
    REQUIRE(r.file.body.attributes.size() == 1);
    Evaluation ev;
    ModuleDef def;
    ev.root = std::make_unique<ModuleInst>();
    ev.root->def = &def;
    Evaluator e(ev);
    Scope s;
    s.mod = ev.root.get();
    s.ev = &ev;
    return e.eval(r.file.body.attributes[0].expr, s, 0);
}

std::string str(const std::string& text) {
    Value v = eval_text(text);
    INFO(text << " -> " << (v.is_unknown() ? "unknown: " + v.s : to_json(v)));
    REQUIRE(v.k == Value::K::String);
    return v.s;
}

bool unknown(const std::string& text) {
    Value v = eval_text(text);
    INFO(text << " -> " << (v.is_unknown() ? "unknown: " + v.s : to_json(v)));
    return v.is_unknown();
}

struct TempDir {
    fs::path path;
    TempDir() {
        static int n = 0;
        path = fs::temp_directory_path() / ("vpclint-hclfn-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path, ec);
    }
    void write(const std::string& rel, const std::string& text) const { std::ofstream(path / rel) << text; }
};

}  // namespace

TEST_CASE("cidrsubnet and cidrhost on IPv6 prefixes, as Terraform computes and prints them", "[hcl][functions]") {
    CHECK(str(R"(cidrsubnet("2001:db8::/32", 96, 5))") == "2001:db8::5/128");
    CHECK(str(R"(cidrsubnet("2001:db8::/32", 8, 255))") == "2001:db8:ff00::/40");
    CHECK(str(R"(cidrsubnet("2001:db8:1234:5678::/64", 64, 18446744073709551615))") ==
          "2001:db8:1234:5678:ffff:ffff:ffff:ffff/128");
    CHECK(str(R"(cidrsubnet("2001:db8::/32", 96, 79228162514264337593543950335))") ==
          "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff/128");
    CHECK(str(R"(cidrsubnet("fd00::/8", 120, 1))") == "fd00::1/128");
    CHECK(str(R"(cidrsubnet("2001:db8:0:0:1::/64", 16, 0))") == "2001:db8::/80");  // the prefix is masked first
    CHECK(str(R"(cidrsubnet("::/0", 64, 1))") == "0:0:0:1::/64");
    CHECK(str(R"(cidrsubnet("2001:DB8::1/32", 16, 3))") == "2001:db8:3::/48");
    CHECK(str(R"(cidrsubnet("2001:db8::/32", 0, 0))") == "2001:db8::/32");
    CHECK(str(R"(cidrsubnet("2001:db8::/32", 32, 4294967295))") == "2001:db8:ffff:ffff::/64");
    CHECK(str(R"(cidrsubnet("2001:db8::/32", "8", "3"))") == "2001:db8:300::/40");
    // Go's address text: the first longest run of two or more zero groups is "::".
    CHECK(str(R"(cidrsubnet("1:2:3:4:5:6:7:8/128", 0, 0))") == "1:2:3:4:5:6:7:8/128");
    CHECK(str(R"(cidrsubnet("1:0:0:4:0:0:0:8/128", 0, 0))") == "1:0:0:4::8/128");
    CHECK(str(R"(cidrsubnet("1:0:0:4:0:0:7:8/128", 0, 0))") == "1::4:0:0:7:8/128");
    CHECK(str(R"(cidrsubnet("0:0:0:4:0:0:7:8/128", 0, 0))") == "::4:0:0:7:8/128");
    CHECK(str(R"(cidrhost("2001:db8::/32", 5))") == "2001:db8::5");
    CHECK(str(R"(cidrhost("2001:db8::/32", -1))") == "2001:db8:ffff:ffff:ffff:ffff:ffff:ffff");
    CHECK(str(R"(cidrhost("fe80::/64", 65536))") == "fe80::1:0");
    CHECK(str(R"(cidrhost("2001:db8::/32", 1e3))") == "2001:db8::3e8");
    // IPv4 keeps working, with the same checks.
    CHECK(str(R"(cidrsubnet("10.0.0.0/16", 8, 3))") == "10.0.3.0/24");
    CHECK(str(R"(cidrhost("10.0.0.0/24", -2))") == "10.0.0.254");
    // Terraform fails on these: unknown, never a guess.
    CHECK(unknown(R"(cidrsubnet("2001:db8::/32", 97, 1))"));   // insufficient address space
    CHECK(unknown(R"(cidrsubnet("2001:db8::/32", 4, 16))"));   // netnum beyond the extension
    CHECK(unknown(R"(cidrsubnet("10.0.0.0/8", 33, 0))"));
    CHECK(unknown(R"(cidrsubnet("2001:db8::/56", 8, 1.5))"));  // not a whole number
    CHECK(unknown(R"(cidrhost("2001:db8::/120", 256))"));
    CHECK(unknown(R"(cidrsubnet("2001:db8::/129", 1, 0))"));
    CHECK(unknown(R"(cidrsubnet("2001:db8:::/32", 1, 0))"));
    // Terraform answers these with go-cidr quirks (10.0.0.0/7, 0.0.1.0/24,
    // 2001:db9::/128); vpclint does not repeat them.
    CHECK(unknown(R"(cidrsubnet("10.0.0.0/8", -1, 0))"));
    CHECK(unknown(R"(cidrsubnet("10.0.0.0/16", 8, -1))"));
    CHECK(unknown(R"(cidrsubnet("2001:db8::/32", 96, 79228162514264337593543950336))"));
    // Go prints IPv4-mapped and embedded-IPv4 forms its own way: not evaluated.
    CHECK(unknown(R"(cidrsubnet("::ffff:10.0.0.0/104", 8, 1))"));
}

TEST_CASE("replace with a /regex/ is Go's ReplaceAllString; with a string, strings.Replace", "[hcl][functions]") {
    CHECK(str(R"(replace("hello world", "/o/", "0"))") == "hell0 w0rld");
    CHECK(str(R"(replace("subnet-abc-123", "/-([a-z]+)-/", "_$1_"))") == "subnet_123");  // $1_ names group "1_"
    CHECK(str(R"(replace("abc", "/b*/", "x"))") == "xaxcx");  // no empty match right after a match
    CHECK(str(R"(replace("abc", "//", "x"))") == "xaxbxcx");
    CHECK(str(R"(replace("ab", "/a|/", "x"))") == "xbx");
    CHECK(str(R"(replace("foo", "/(o)/", "$1x"))") == "f");
    CHECK(str(R"(replace("foo", "/(o)/", "$$1"))") == "f$1$1");
    CHECK(str(R"(replace("foo", "/o/", "$"))") == "f$$");
    CHECK(str(R"(replace("aaa", "/^a/", "b"))") == "baa");  // ^ is the start of the text, not of each search
    CHECK(str(R"(replace("héllo", "/é*/", "-"))") == "-h-l-l-o-");
    CHECK(str(R"(replace("arn:aws:iam::123:role/x", "/^arn:aws:iam::(\\d+):role\\/(.*)$/", "$2@$1"))") == "x@123");
    CHECK(str(R"(replace("a-b", "/(?P<l>\\w)-(?P<r>\\w)/", "$${r}$r$l"))") == "bba");  // HCL reads $${ as ${
    CHECK(str(R"(replace("abc", "", "x"))") == "xaxbxcx");
    CHECK(str(R"(replace("a.b.c", ".", "/"))") == "a/b/c");
    CHECK(unknown(R"(replace("abc", "/(/", "x"))"));  // Terraform: missing closing )
}

TEST_CASE("tonumber and tobool convert strings as cty does", "[hcl][functions]") {
    CHECK(to_json(eval_text(R"(tonumber("1e3"))")) == "1000");
    CHECK(to_json(eval_text(R"(tonumber("+5"))")) == "5");
    CHECK(to_json(eval_text(R"(tonumber(".5"))")) == "0.5");
    CHECK(to_json(eval_text(R"(tonumber("5."))")) == "5");
    CHECK(unknown(R"(tonumber(" 5"))"));
    CHECK(unknown(R"(tonumber("0x10"))"));
    CHECK(to_json(eval_text(R"(tobool("1"))")) == "true");
    CHECK(to_json(eval_text(R"(tobool("0"))")) == "false");
    CHECK(str("tostring(100000000000000000000)") == "100000000000000000000");
}

TEST_CASE("variable values take the variable's type: tfvars, -var, defaults and optional attributes", "[hcl][eval][types]") {
    TempDir d;
    d.write("main.tf", R"(
variable "n" { type = number }
variable "b" { type = bool }
variable "ls" { type = list(string) }
variable "ss" { type = set(string) }
variable "ms" { type = map(string) }
variable "s" { type = string }
variable "o" {
  type = object({
    name  = string
    cidr  = optional(string, "10.0.0.0/16")
    azs   = optional(list(string), [])
    extra = optional(number)
    sub   = optional(object({ a = optional(bool, true) }), {})
  })
}
variable "lo" {
  type    = list(object({ k = string, v = optional(number, 7) }))
  default = [{ k = "x" }, { k = "y", v = "3" }]
}
variable "nul" {
  type    = string
  default = "d"
}
variable "la" { type = list(any) }
variable "nn" {
  type     = string
  default  = "d"
  nullable = false
}
variable "ma" { type = map(any) }
variable "bad" { type = number }
variable "missing" { type = object({ name = string }) }
variable "cli_n" { type = number }
variable "cli_b" { type = bool }
variable "cli_s" {}
variable "cli_l" { type = list(number) }
variable "ids" {
  type    = set(string)
  default = [aws_security_group.a.id, aws_security_group.b.id]
}
resource "aws_security_group" "a" {}
resource "aws_security_group" "b" {}
)");
    d.write("terraform.tfvars", R"(
n   = "42"
b   = "true"
ls  = [1, true, "x"]
ss  = ["b", "a", "b", 3]
ms  = { a = 1, b = false }
s   = 80
o   = { name = "x", extra_ignored = 1 }
nul = null
nn  = null
la  = [1, "a"]
ma  = { a = 1, b = "x" }
bad = "forty"
missing = { other = 1 }
)");
    TfInputs in;
    in.vars = {{"cli_n", "7"}, {"cli_s", "[1]"}, {"cli_l", "[\"1\", 2]"}};
    in.env = {{"cli_b", "0"}};
    auto ev = evaluate_root_module(d.path.string(), in);
    REQUIRE(ev->errors.empty());
    Evaluator e(*ev);
    auto var = [&](const std::string& n) { return e.variable(*ev->root, n, 0); };
    // Each expectation is `terraform console`'s answer for this module.
    CHECK(to_json(var("n")) == "42");
    CHECK(to_json(var("b")) == "true");
    CHECK(to_json(var("ls")) == R"(["1","true","x"])");
    CHECK(to_json(var("ss")) == R"(["3","a","b"])");
    CHECK(to_json(var("ms")) == R"({"a":"1","b":"false"})");
    CHECK(to_json(var("s")) == R"("80")");
    CHECK(to_json(var("o")) == R"({"azs":[],"cidr":"10.0.0.0/16","extra":null,"name":"x","sub":{"a":true}})");
    CHECK(to_json(var("lo")) == R"([{"k":"x","v":7},{"k":"y","v":3}])");
    CHECK(var("nul").is_null());  // nullable (the default): null stands
    CHECK(to_json(var("nn")) == R"("d")");  // nullable = false: the default
    CHECK(to_json(var("la")) == R"(["1","a"])");
    CHECK(to_json(var("ma")) == R"({"a":"1","b":"x"})");
    CHECK(var("bad").is_unknown());      // Terraform: a number is required
    CHECK(var("missing").is_unknown());  // Terraform: attribute "name" is required
    // A set of values known after apply keeps them (with their origins). (Terraform
    // wants constant defaults; the default here stands for a module input.)
    Value ids = var("ids");
    REQUIRE(ids.k == Value::K::List);
    REQUIRE(ids.items().size() == 2);
    CHECK(ids.items()[0].is_unknown());
    CHECK(ids.items()[0].origin == "aws_security_group.a.id");
    // -var and TF_VAR_: raw strings for primitive and untyped variables, then converted.
    CHECK(to_json(var("cli_n")) == "7");
    CHECK(to_json(var("cli_b")) == "false");
    CHECK(to_json(var("cli_s")) == R"("[1]")");
    CHECK(to_json(var("cli_l")) == "[1,2]");
}

TEST_CASE("max and min (the VPC module's subnet counts)", "[hcl][functions]") {
    CHECK(to_json(eval_text(R"(max(1, "5", 3))")) == "5");
    CHECK(to_json(eval_text("min(2, 1.5)")) == "1.5");
    CHECK(to_json(eval_text("max(0, length([1, 2]))")) == "2");
    CHECK(unknown("max()"));
    CHECK(unknown(R"(max(1, "x"))"));
}
