// Property paths recorded by the frontends (core/property_path.h): the path
// every Location carries, for baseline entries. CloudFormation YAML and JSON
// give the same path, SAM the path in the file the user wrote (Globals for an
// inherited item), and a Terraform plan the path its .tf files give.
#include <catch2/catch.hpp>

#include <algorithm>
#include <filesystem>
#include <map>
#include <set>
#include <sstream>
#include <thread>

#include "cli/analyze_file.h"
#include "cli/analyze_tf.h"
#include "cli/baseline.h"
#include "core/document.h"
#include "core/property_path.h"
#include "parsers/frontend.h"

namespace fs = std::filesystem;
using namespace vpclint;

namespace {

Model model_of(const std::string& name, const std::string& text) {
    LoadResult r = load_document(name, text);
    INFO((r.error ? r.error->message : std::string()));
    REQUIRE(!r.error);
    std::vector<Model> ms = build_models(*r.doc, classify_document(*r.doc), {});
    REQUIRE(ms.size() == 1);
    return std::move(ms[0]);
}

const Function& function(const Model& m, const std::string& id) {
    auto it = std::find_if(m.functions.begin(), m.functions.end(), [&](const Function& f) { return f.id == id; });
    REQUIRE(it != m.functions.end());
    return *it;
}

std::vector<std::string> item_paths(const LinkList& l) {
    std::vector<std::string> out;
    for (const Link& x : l.items) out.push_back(path_text(x.loc.path));
    return out;
}

const char* kYaml = R"(AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  SubnetA: {Type: String}
  SubnetB: {Type: String}
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: arn:aws:iam::123456789012:role/r
      Code: {ZipFile: "x"}
      VpcConfig:
        SecurityGroupIds: [sg-0123456789abcdef0]
        SubnetIds:
          - subnet-0123456789abcdef0
          - subnet-0123456789abcdef1
)";

const char* kJson = R"({
  "AWSTemplateFormatVersion": "2010-09-09",
  "Resources": {
    "Fn": {
      "Type": "AWS::Lambda::Function",
      "Properties": {
        "Runtime": "python3.12", "Handler": "index.handler",
        "Role": "arn:aws:iam::123456789012:role/r",
        "Code": {"ZipFile": "x"},
        "VpcConfig": {
          "SecurityGroupIds": ["sg-0123456789abcdef0"],
          "SubnetIds": ["subnet-0123456789abcdef0", "subnet-0123456789abcdef1"]
        }
      }
    }
  }
})";

}  // namespace

TEST_CASE("paths are interned: the same steps give the same handle", "[property_path]") {
    PathId a = path_step(path_step(0, "Resources"), "Fn");
    PathId b = path_steps(0, {"Resources", "Fn"});
    CHECK(a == b);
    CHECK(a != 0);
    CHECK(path_text(a) == "Resources/Fn");
    CHECK(path_text(path_step(a, "0")) == "Resources/Fn/0");
    CHECK(path_text(0).empty());
    CHECK(path_step(a, "x") != path_step(a, "y"));
    // From several threads at once (files are prepared in parallel).
    std::vector<PathId> ids(4);
    std::vector<std::thread> ts;
    for (size_t k = 0; k < ids.size(); ++k)
        ts.emplace_back([&ids, k] {
            PathId p = 0;
            for (int i = 0; i < 200; ++i) p = path_step(0, "t" + std::to_string(i));
            ids[k] = p;
        });
    for (std::thread& t : ts) t.join();
    CHECK(std::all_of(ids.begin(), ids.end(), [&](PathId p) { return p == ids[0]; }));
    CHECK(path_text(ids[0]) == "t199");
}

TEST_CASE("CloudFormation YAML and JSON record the same property paths", "[property_path]") {
    for (auto [name, text] : {std::pair{"t.yaml", kYaml}, std::pair{"t.json", kJson}}) {
        INFO(name);
        Model m = model_of(name, text);
        const Function& f = function(m, "Fn");
        CHECK(path_text(f.loc.path) == "Resources/Fn");
        CHECK(item_paths(f.subnets) == std::vector<std::string>{"Resources/Fn/Properties/VpcConfig/SubnetIds/0",
                                                                "Resources/Fn/Properties/VpcConfig/SubnetIds/1"});
        CHECK(item_paths(f.security_groups) ==
              std::vector<std::string>{"Resources/Fn/Properties/VpcConfig/SecurityGroupIds/0"});
        CHECK(path_text(f.role.loc.path) == "Resources/Fn/Properties/Role");
    }
}

TEST_CASE("SAM: the path in the file the user wrote, Globals for an inherited item", "[property_path]") {
    Model m = model_of("sam.yaml", R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    VpcConfig:
      SecurityGroupIds: [sg-0123456789abcdef0]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "x"
      VpcConfig:
        SubnetIds: [subnet-0123456789abcdef0]
)");
    const Function& f = function(m, "Fn");
    CHECK(item_paths(f.subnets) == std::vector<std::string>{"Resources/Fn/Properties/VpcConfig/SubnetIds/0"});
    CHECK(item_paths(f.security_groups) == std::vector<std::string>{"Globals/Function/VpcConfig/SecurityGroupIds/0"});
    // The role SAM generates is declared by the function.
    CHECK(path_text(f.role.loc.path) == "Resources/Fn");
}

TEST_CASE("a finding carries its recorded path", "[property_path]") {
    FileResult r = analyze_file(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/rules/VL504/bad-literal-subnet-name.yaml", {}, {});
    REQUIRE(!r.diagnostics.empty());
    const Diagnostic& d = r.diagnostics[0];
    CHECK(d.rule_id == "VL504");
    CHECK(path_text(d.loc.path) == "Resources/DirectoryFunction/Properties/VpcConfig/SubnetIds/0");
}

TEST_CASE("Terraform: addresses and attribute steps, the same from a plan and its .tf files", "[property_path][twins]") {
    std::string dir = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/realistic/module-vpc-public-function";
    FileResult plan = analyze_file(dir + "/plan.json", {}, {});
    FileResult tf = analyze_tf_root(dir, {}, {});
    REQUIRE(plan.diagnostics.size() == 1);
    REQUIRE(tf.diagnostics.size() == 1);
    CHECK(plan.diagnostics[0].resource == "aws_lambda_function.api");
    CHECK(path_text(plan.diagnostics[0].loc.path) == "aws_lambda_function.api/vpc_config/0/subnet_ids");
    CHECK(path_text(tf.diagnostics[0].loc.path) == path_text(plan.diagnostics[0].loc.path));
    // The plan's result carries the .tf texts its findings point into, read once.
    CHECK(plan.other_sources.count(plan.diagnostics[0].loc.file) == 1);

    // Every twin: each finding's (rule, resource, file, path) agrees, with
    // item indices in module instances (module.fn["web"]...).
    std::set<std::string> differing = {"hcl/for-each-module-tfvars"};  // hcl/twin-differences.tsv
    size_t compared = 0, with_index = 0;
    for (const char* root : {"/fixtures/terraform/realistic", "/fixtures/terraform/hcl"}) {
        for (const auto& e : fs::directory_iterator(std::string(VPCLINT_SOURCE_DIR) + root)) {
            fs::path d = e.path();
            std::string name = d.parent_path().filename().string() + "/" + d.filename().string();
            if (!e.is_directory() || !fs::exists(d / "plan.json") || !fs::exists(d / "main.tf") ||
                fs::exists(d / "terraform.tfstate") || differing.count(name))
                continue;
            auto keys = [](const FileResult& r) {
                std::multiset<std::string> out;
                for (const Diagnostic& x : r.diagnostics)
                    out.insert(x.rule_id + " " + x.resource + " " + fs::path(x.loc.file).lexically_normal().string() +
                               " " + path_text(x.loc.path));
                return out;
            };
            auto p = keys(analyze_file((d / "plan.json").string(), {}, {}));
            auto t = keys(analyze_tf_root(d.string(), {}, {}));
            INFO(name);
            CHECK(p == t);
            for (const std::string& k : p) {
                CHECK(k.back() != ' ');  // every finding has a path
                if (k.find("]/") != std::string::npos || k.find("/0") != std::string::npos) ++with_index;
            }
            ++compared;
        }
    }
    CHECK(compared >= 20);
    CHECK(with_index > 0);
}

TEST_CASE("baseline entries: the recorded path takes part; older plan fingerprints still match", "[property_path][baseline]") {
    Diagnostic d;
    d.rule_id = "VL101";
    d.resource = "aws_lambda_function.api";
    d.loc = Location{"m/main.tf", 3, 5, 3, 15};
    d.loc.path = path_steps(0, {"aws_lambda_function.api", "vpc_config", "0", "subnet_ids"});
    SourceLineFn line = [](const std::string&, uint32_t) { return std::string("    subnet_ids = module.vpc.public_subnets"); };
    SourceLineFn no_line = [](const std::string&, uint32_t) { return std::string(); };
    auto entry = [&](const std::string& fingerprint, const std::string& path) {
        Baseline b;
        b.path = "b.json";
        BaselineEntry e;
        e.rule = d.rule_id;
        e.file = d.loc.file;
        e.resource = d.resource;
        e.fingerprint = fingerprint;
        e.path = path;
        b.entries.push_back(std::move(e));
        return b;
    };
    std::string now = baseline_fingerprints({d}, line)[0];
    std::string before = baseline_fingerprints({d}, no_line)[0];  // no .tf line quoted for a plan's finding
    REQUIRE(now != before);
    auto matched = [&](const Baseline& b, const SourceLineFn& legacy) {
        std::vector<Diagnostic> ds{d};
        return apply_baseline(b, ds, line, legacy).baselined == 1 && ds[0].suppressed;
    };
    CHECK(matched(entry(now, "aws_lambda_function.api/vpc_config/0/subnet_ids"), {}));
    CHECK(matched(entry(now, ""), {}));  // an entry without a path
    // An earlier version's path of a plan's value in the plan JSON: compared as none.
    CHECK(matched(entry(now, "planned_values/root_module/resources/2/values/vpc_config/0/subnet_ids"), {}));
    CHECK_FALSE(matched(entry(now, "aws_lambda_function.api/vpc_config/0/security_group_ids"), {}));
    CHECK_FALSE(matched(entry(before, ""), {}));
    CHECK(matched(entry(before, ""), no_line));
    // One entry, one finding: two entries for one finding leave one stale.
    Baseline two = entry(now, "");
    two.entries.push_back(two.entries[0]);
    std::vector<Diagnostic> ds{d};
    BaselineMatch m = apply_baseline(two, ds, line, no_line);
    CHECK(m.baselined == 1);
    CHECK(m.stale.size() == 1);
    // write_baseline writes the recorded path.
    std::ostringstream out;
    write_baseline({d}, line, out);
    CHECK(out.str().find("\"path\": \"aws_lambda_function.api/vpc_config/0/subnet_ids\"") != std::string::npos);
}
