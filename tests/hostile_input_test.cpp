// Hostile and odd input (issue 17): every recursive walk bounded at
// 1,000,000 levels, merge keys applied with their own positions, cycles and
// self-references named, node-count messages that say what happened.
// tests/e2e/hostile_input.sh runs the same classes through the binary.
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>

#include "cli/analyze_file.h"
#include "cli/parameters_file.h"
#include "core/document.h"
#include "parsers/cfn/intrinsics.h"
#include "parsers/cfn/template.h"
#include "parsers/frontend.h"
#include "parsers/json_depth.h"

using namespace vpclint;

namespace {

constexpr size_t kDeep = 1000000;

std::string nested(size_t depth, const std::string& open, const std::string& inner, const std::string& close) {
    std::string s;
    s.reserve(depth * (open.size() + close.size()) + inner.size());
    for (size_t i = 0; i < depth; ++i) s += open;
    s += inner;
    for (size_t i = 0; i < depth; ++i) s += close;
    return s;
}

std::vector<std::string> findings(const FileResult& r) {
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diagnostics)
        out.push_back(d.rule_id + " " + std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " + d.message);
    return out;
}

bool has(const FileResult& r, const std::string& rule, const std::string& text) {
    return std::any_of(r.diagnostics.begin(), r.diagnostics.end(), [&](const Diagnostic& d) {
        return d.rule_id == rule && d.message.find(text) != std::string::npos;
    });
}

const std::string kHead = "AWSTemplateFormatVersion: '2010-09-09'\n";

}  // namespace

TEST_CASE("loaders stop 1,000,000-deep nesting with a positioned VL001", "[hostile]") {
    struct Case {
        std::string name, text, message;
    };
    std::vector<Case> cases = {
        {"t.yaml", kHead + "Resources: " + nested(kDeep, "[", "", "]") + "\n", "nesting deeper than 480 levels"},
        {"t.yaml", kHead + "Resources: " + nested(kDeep, "{a: ", "b", "}") + "\n", "nesting deeper than 480 levels"},
        {"t.json", "{\"AWSTemplateFormatVersion\": \"x\", \"Resources\": " + nested(kDeep, "[", "", "]") + "}",
         "nesting deeper than 512 levels"},
        {"t.json", "{\"AWSTemplateFormatVersion\": \"x\", \"Resources\": " + nested(kDeep, "{\"a\":", "1", "}") + "}",
         "nesting deeper than 512 levels"},
    };
    for (const Case& c : cases) {
        FileResult r = analyze_text(c.name, c.text, {}, {});
        INFO(c.text.substr(0, 80));
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].rule_id == "VL001");
        CHECK(r.diagnostics[0].message.find(c.message) != std::string::npos);
        CHECK(r.diagnostics[0].loc.line == (c.name == "t.json" ? 1u : 2u));
    }
}

TEST_CASE("YAML alias chains deeper than the nesting limit are VL001 at the alias", "[hostile]") {
    std::string text = kHead + "Metadata:\n  A0: &a0 [x]\n";
    for (int i = 1; i < 1000; ++i) text += "  A" + std::to_string(i) + ": &a" + std::to_string(i) + " [*a" + std::to_string(i - 1) + "]\n";
    text += "Resources:\n  T: {Type: AWS::SNS::Topic}\n";
    LoadResult r = load_document("t.yaml", text);
    REQUIRE(r.error);
    CHECK(r.error->message.find("through YAML aliases") != std::string::npos);
    // A0 is on line 3; A477's alias (line 480) would open level 481.
    CHECK(r.error->pos.line == 480);
    CHECK(r.error->pos.col == 16);
}

TEST_CASE("an alias-free file over the node budget says so, without calling it an alias bomb", "[hostile]") {
    std::string text = kHead + "Metadata:\n  L: [";
    for (size_t i = 0; i < kMaxExpandedNodes + 10; ++i) text += i ? ",1" : "1";
    text += "]\nResources:\n  T: {Type: AWS::SNS::Topic}\n";
    LoadResult r = load_document("t.yaml", text);
    REQUIRE(r.error);
    CHECK(r.error->message.find("more than 1000000 nodes") != std::string::npos);
    CHECK(r.error->message.find("alias") == std::string::npos);
    std::string bomb = kHead + "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (int i = 1; i < 9; ++i) {
        std::string prev = "*" + std::string(1, static_cast<char>('a' + i - 1));
        bomb += std::string(1, static_cast<char>('a' + i)) + ": &" + std::string(1, static_cast<char>('a' + i)) + " [" + prev;
        for (int k = 1; k < 10; ++k) bomb += ", " + prev;
        bomb += "]\n";
    }
    LoadResult b = load_document("t.yaml", bomb);
    REQUIRE(b.error);
    CHECK(b.error->message.find("alias bomb") != std::string::npos);
}

TEST_CASE("YAML merge keys merge the mapping's entries, keeping their own positions", "[hostile][loader]") {
    std::string text =
        "base: &base\n"        // 1
        "  Runtime: python3.12\n"  // 2
        "  Handler: a.b\n"     // 3
        "more: &more {Timeout: 3, Handler: x.y}\n"  // 4
        "fn:\n"                // 5
        "  Handler: own.h\n"   // 6
        "  <<: [*base, *more]\n";  // 7
    LoadResult r = load_document("t.yaml", text);
    REQUIRE(!r.error);
    const Node* fn = r.doc->root->get("fn");
    REQUIRE(fn);
    REQUIRE(fn->entries.size() == 3);
    CHECK(fn->get("Handler")->text == "own.h");  // the mapping's own key wins
    CHECK(fn->get("Runtime")->text == "python3.12");
    CHECK(fn->entry("Runtime")->key_begin.line == 2);
    CHECK(fn->get("Runtime")->begin.line == 2);
    CHECK(fn->get("Runtime")->begin.col == 12);
    CHECK(fn->get("Timeout")->text == "3");  // from the second merged mapping
    CHECK(fn->get("Timeout")->begin.line == 4);
    CHECK(!fn->get("<<"));
    // A quoted "<<" is an ordinary key; a scalar is no mapping to merge.
    LoadResult q = load_document("t.yaml", "a:\n  '<<': 1\n");
    REQUIRE(!q.error);
    CHECK(q.doc->root->get("a")->get("<<"));
    LoadResult bad = load_document("t.yaml", "a:\n  <<: 1\n");
    REQUIRE(bad.error);
    CHECK(bad.error->message.find("merge key") != std::string::npos);
}

TEST_CASE("merged properties reach the binders", "[hostile][cfn]") {
    // The security group list comes only from the merge: without it the
    // function would not be a VPC function at all.
    std::string text = kHead +
                       "Metadata:\n"
                       "  Net: &net\n"
                       "    SecurityGroupIds: [sg-12345678]\n"
                       "    SubnetIds: [subnet-12345678]\n"
                       "Resources:\n"
                       "  Fn:\n"
                       "    Type: AWS::Lambda::Function\n"
                       "    Properties:\n"
                       "      Runtime: python3.12\n"
                       "      Handler: i.h\n"
                       "      Role: arn:aws:iam::123456789012:role/r\n"
                       "      Code: {ZipFile: x}\n"
                       "      VpcConfig:\n"
                       "        <<: *net\n";
    LoadResult r = load_document("t.yaml", text);
    REQUIRE(!r.error);
    std::vector<Model> models = build_models(*r.doc, InputKind::CloudFormation, {});
    REQUIRE(models.size() == 1);
    REQUIRE(models[0].functions.size() == 1);
    CHECK(models[0].functions[0].subnets.items.size() == 1);
    CHECK(models[0].functions[0].security_groups.items.size() == 1);
}

TEST_CASE("Fn::FindInMap that looks itself up: VL002 at the value, evaluation stops", "[hostile][cfn]") {
    std::string text = kHead +
                       "Mappings:\n  M:\n    A:\n      B: !FindInMap [M, A, B]\n"
                       "Outputs:\n  O:\n    Value: !FindInMap [M, A, B]\n"
                       "Resources:\n  T: {Type: AWS::SNS::Topic}\n";
    FileResult r = analyze_text("t.yaml", text, {}, {});
    INFO(findings(r).size());
    CHECK(has(r, "VL002", "Mappings values must be literals"));
    REQUIRE(!r.diagnostics.empty());
    CHECK(r.diagnostics[0].loc.line == 5);
    CHECK(r.diagnostics[0].loc.col == 10);
    LoadResult l = load_document("t.yaml", text);
    REQUIRE(!l.error);
    std::vector<Problem> problems;
    cfn::Template tpl = cfn::read_template(*l.doc, {}, problems);
    cfn::Scenario s;
    cfn::Evaluator ev(tpl, s);
    cfn::EValue v = ev.eval(l.doc->root->get("Outputs")->get("O")->get("Value"));
    CHECK(v.kind == cfn::EValue::Kind::Unknown);
    CHECK(v.text.find("refers back to itself") != std::string::npos);
}

TEST_CASE("a policy given as a 1,000,000-deep JSON string is unknown, not a crash", "[hostile][cfn]") {
    std::string text = kHead + "Resources:\n  Role:\n    Type: AWS::IAM::Role\n    Properties:\n"
                               "      AssumeRolePolicyDocument: '{\"Statement\": " +
                       nested(kDeep, "[", "", "]") + "}'\n";
    FileResult r = analyze_text("t.yaml", text, {}, {});
    CHECK(r.analysed);
    for (const Diagnostic& d : r.diagnostics) CHECK(d.message.find("internal error") == std::string::npos);
    CHECK(json_too_deep(nested(512, "[", "\"[[[\"", "]"), 512) == std::string::npos);
    CHECK(json_too_deep(nested(513, "[", "", "]"), 512) == 512);
    CHECK(json_too_deep("[\"\\\"[\"]", 1) == std::string::npos);  // an escaped quote keeps the string open
}

TEST_CASE("a 1,000,000-deep parameters file is an error with its position", "[hostile]") {
    std::string path = (std::filesystem::temp_directory_path() / "vpclint-deep-params.json").string();
    {
        std::ofstream out(path);
        out << "[{\"ParameterKey\": \"P\", \"ParameterValue\": " << nested(kDeep, "[", "", "]") << "}]";
    }
    std::map<std::string, std::string> values;
    std::string error;
    CHECK(!read_parameters_file(path, values, error));
    INFO(error);
    CHECK(error.find(":1:552: parameters file nests more than 512 levels") != std::string::npos);
    std::remove(path.c_str());
}

TEST_CASE("plans: reference cycles are VL002 naming the cycle, solved once", "[hostile][terraform]") {
    // Module m passes each output back in as every variable: without
    // memoisation this is exponential in the reference depth.
    std::string outs = R"(["module.m.o0", "module.m.o1", "module.m.o2"])";
    std::string text = R"({"format_version": "1.2", "terraform_version": "1.11.0",
  "planned_values": {"root_module": {"resources": [{"address": "aws_lambda_function.f", "mode": "managed",
    "type": "aws_lambda_function", "name": "f", "values": {"function_name": "f",
    "vpc_config": [{"subnet_ids": [null], "security_group_ids": [null]}]}}]}},
  "configuration": {"root_module": {
    "resources": [{"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function", "name": "f",
      "expressions": {"vpc_config": [{"subnet_ids": {"references": )" + outs + R"(},
                                      "security_group_ids": {"references": )" + outs + R"(}}]}}],
    "module_calls": {"m": {"source": "./m",
      "expressions": {"a": {"references": )" + outs + R"(}, "b": {"references": )" + outs + R"(},
                      "c": {"references": )" + outs + R"(}},
      "module": {"outputs": {
        "o0": {"expression": {"references": ["var.a", "var.b", "var.c"]}},
        "o1": {"expression": {"references": ["var.a", "var.b", "var.c"]}},
        "o2": {"expression": {"references": ["var.a", "var.b", "var.c"]}}}}}}}}})";
    auto start = std::chrono::steady_clock::now();
    FileResult r = analyze_text("plan.json", text, {}, {});
    CHECK(std::chrono::steady_clock::now() - start < std::chrono::seconds(2));
    CHECK(has(r, "VL002", "references form a cycle (module.m.var.a -> module.m.output.o"));
    for (const Diagnostic& d : r.diagnostics) CHECK(d.rule_id == "VL002");
}

TEST_CASE("structurally invalid plans are VL001 at the value, with its JSON path", "[hostile][terraform]") {
    struct Case {
        std::string text, message;
        uint32_t col;
    };
    std::string head = R"({"format_version": "1.2", "terraform_version": "1.11.0", )";
    std::vector<Case> cases = {
        {head + R"("planned_values": null})", "planned_values must be an object, not null", 76},
        {head + R"("planned_values": {"root_module": {}}, "resource_changes": {"a": 1}})",
         "resource_changes must be a list, not an object", 117},
        {head + R"("planned_values": {"root_module": {"child_modules": [{"resources": 3}]}}})",
         "planned_values.root_module.child_modules[0].resources must be a list, not a scalar", 125},
    };
    for (const Case& c : cases) {
        FileResult r = analyze_text("plan.json", c.text, {}, {});
        INFO(c.text);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].rule_id == "VL001");
        CHECK(r.diagnostics[0].message == "invalid Terraform plan: " + c.message);
        CHECK(r.diagnostics[0].loc.col == c.col);
    }
}
