// The .tf frontend against Terraform as the oracle: for every directory of
// fixtures/terraform/realistic and fixtures/terraform/hcl, the findings from
// the .tf files are the findings of the plan Terraform made from them (same
// rule, level and resource), and the .tf positions are those the plan's
// expectations name.
#include <catch2/catch.hpp>
#include <unistd.h>
#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "cli/analyze_file.h"
#include "cli/analyze_tf.h"

namespace fs = std::filesystem;
using namespace vpclint;

namespace {

std::vector<std::string> twin_dirs() {
    std::vector<std::string> out;
    for (const char* root : {"/fixtures/terraform/realistic", "/fixtures/terraform/hcl"}) {
        fs::path r = std::string(VPCLINT_SOURCE_DIR) + root;
        if (!fs::exists(r)) continue;
        for (const auto& e : fs::directory_iterator(r))
            if (e.is_directory() && fs::exists(e.path() / "plan.json") && fs::exists(e.path() / "main.tf") &&
                !fs::exists(e.path() / "terraform.tfstate"))  // update plans depend on the state, not only the files
                out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

// Rule, level, resource and where: the plan's positions come from its .tf
// files too (the source scan), so they must agree.
std::multiset<std::string> triples(const FileResult& r) {
    std::multiset<std::string> out;
    for (const Diagnostic& d : r.diagnostics)
        if (!d.suppressed)
            out.insert(d.rule_id + " " + std::string(severity_name(d.severity)) + " " + d.resource + " " +
                       fs::path(d.loc.file).lexically_normal().string() + ":" + std::to_string(d.loc.line) + ":" +
                       std::to_string(d.loc.col));
    return out;
}

// fixtures/terraform/hcl/twin-differences.tsv: directory -> findings only
// the .tf files give, each with the reason the plan cannot.
std::map<std::string, std::multiset<std::string>> known_differences() {
    std::map<std::string, std::multiset<std::string>> out;
    std::ifstream in(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/hcl/twin-differences.tsv");
    for (std::string line; std::getline(in, line);) {
        if (line.empty() || line[0] == '#') continue;
        size_t t1 = line.find('\t'), t2 = line.find('\t', t1 + 1);
        REQUIRE(t2 != std::string::npos);
        REQUIRE(t2 + 1 < line.size());  // a difference needs its reason
        out[line.substr(0, t1)].insert(line.substr(t1 + 1, t2 - t1 - 1));
    }
    return out;
}

std::multiset<std::string> without_position(const std::multiset<std::string>& s) {
    std::multiset<std::string> out;
    for (const std::string& x : s) out.insert(x.substr(0, x.rfind(' ')));
    return out;
}

std::string joined(const std::multiset<std::string>& s) {
    std::string out;
    for (const auto& x : s) out += x + "\n";
    return out;
}

}  // namespace

TEST_CASE(".tf directories give the findings of the plans Terraform made from them", "[hcl][twins]") {
    std::vector<std::string> dirs = twin_dirs();
    CHECK(dirs.size() >= 20);
    auto differences = known_differences();
    size_t used = 0;
    for (const std::string& dir : dirs) {
        std::string name = fs::path(dir).parent_path().filename().string() + "/" + fs::path(dir).filename().string();
        DYNAMIC_SECTION(name) {
            FileResult plan = analyze_file(dir + "/plan.json", {}, {});
            FileResult tf = analyze_tf_root(dir, {}, {});
            INFO("plan:\n" << joined(triples(plan)) << "tf:\n" << joined(triples(tf)));
            auto it = differences.find(name);
            if (it == differences.end()) {
                CHECK(triples(tf) == triples(plan));
            } else {
                ++used;
                std::multiset<std::string> expected = without_position(triples(plan));
                expected.insert(it->second.begin(), it->second.end());
                CHECK(without_position(triples(tf)) == expected);
            }
        }
    }
    CHECK(used <= differences.size());
}

TEST_CASE("the acceptance case: VL101 at the subnet_ids line, related locations in the module", "[hcl][twins]") {
    std::string real = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/realistic/";
    FileResult pub = analyze_tf_root(real + "module-vpc-public-function", {}, {});
    REQUIRE(pub.diagnostics.size() == 1);
    const Diagnostic& d = pub.diagnostics[0];
    CHECK(d.rule_id == "VL101");
    CHECK(d.severity == Severity::Error);
    CHECK(d.loc.file.find("module-vpc-public-function/main.tf") != std::string::npos);
    CHECK(d.loc.line == 55);  // subnet_ids = module.vpc.public_subnets
    CHECK(d.loc.col == 5);
    bool route_in_module = false;
    for (const RelatedLocation& r : d.path)
        if (r.loc.file.find("modules/vpc/main.tf") != std::string::npos && r.loc.line == 95) route_in_module = true;
    CHECK(route_in_module);  // the module's aws_route block
    CHECK(analyze_tf_root(real + "module-vpc-private-function", {}, {}).diagnostics.empty());
    FileResult basic = analyze_tf_root(real + "vl201-basic-execution-only", {}, {});
    REQUIRE(basic.diagnostics.size() == 1);
    CHECK(basic.diagnostics[0].rule_id == "VL201");
}

TEST_CASE("the options --tf-var and --tf-var-file decide what the configuration does", "[hcl][twins]") {
    std::string dir = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/hcl/for-each-module-tfvars";
    FrontendOptions o;
    o.tf_vars = {{"worker_placement", "private"}};
    CHECK(analyze_tf_root(dir, o, {}).diagnostics.empty());
    FileResult r = analyze_tf_root(dir, {}, {});  // terraform.tfvars: public
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].resource == "aws_lambda_function.worker");
}

TEST_CASE("a plan with its sources: the .tf files supply the references of dynamic blocks", "[hcl][twins]") {
    // fixtures/terraform/hcl/dynamic-vpc-config: a Terraform plan of a function whose vpc_config is a
    // dynamic block (terraform-aws-modules/lambda style) in the public subnets of a local VPC module.
    std::string dir = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/hcl/dynamic-vpc-config";
    FileResult with_sources = analyze_file(dir + "/plan.json", {}, {});
    REQUIRE(with_sources.diagnostics.size() == 1);
    CHECK(with_sources.diagnostics[0].rule_id == "VL101");
    CHECK(with_sources.diagnostics[0].resource == "module.api.aws_lambda_function.this");
    // The same plan alone: its configuration has no reference from the function to the subnets.
    fs::path alone = fs::temp_directory_path() / ("vpclint-plan-alone-" + std::to_string(::getpid()));
    fs::create_directories(alone);
    fs::copy_file(dir + "/plan.json", alone / "plan.json", fs::copy_options::overwrite_existing);
    FileResult plan_alone = analyze_file((alone / "plan.json").string(), {}, {});
    fs::remove_all(alone);
    for (const Diagnostic& d : plan_alone.diagnostics) CHECK(d.rule_id != "VL101");
}

namespace {

// The module inputs a finding points at ("input public_subnets of
// module.vpc, read by aws_subnet.public" at main.tf:18:3), per finding.
std::multiset<std::string> module_inputs(const FileResult& r) {
    std::multiset<std::string> out;
    for (const Diagnostic& d : r.diagnostics)
        for (const RelatedLocation& rl : d.related)
            if (rl.message.rfind("input ", 0) == 0)
                out.insert(d.rule_id + " " + d.resource + " | " + rl.message + " @ " +
                           fs::path(rl.loc.file).lexically_normal().string() + ":" + std::to_string(rl.loc.line) + ":" +
                           std::to_string(rl.loc.col));
    return out;
}

}  // namespace

TEST_CASE("findings point at the module inputs their module resources read, from .tf files and plans alike", "[hcl][twins]") {
    std::string real = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/realistic/";
    std::string root = real + "module-vpc-public-function/main.tf";
    FileResult tf = analyze_tf_root(real + "module-vpc-public-function", {}, {});
    FileResult plan = analyze_file(real + "module-vpc-public-function/plan.json", {}, {});
    // aws_subnet.public (count = length(var.public_subnets), cidr_block = element(var.public_subnets, ...),
    // availability_zone from var.azs) and the route table, route and gateway that read var.public_subnets.
    std::multiset<std::string> inputs = module_inputs(tf);
    INFO(joined(inputs));
    CHECK(inputs.count("VL101 aws_lambda_function.api | input public_subnets of module.vpc, read by aws_subnet.public @ " +
                       fs::path(root).lexically_normal().string() + ":18:3") == 1);
    CHECK(inputs.count("VL101 aws_lambda_function.api | input azs of module.vpc, read by aws_subnet.public @ " +
                       fs::path(root).lexically_normal().string() + ":17:3") == 1);
    CHECK(module_inputs(plan) == inputs);
    // Every twin: the plan (with its .tf files) and the .tf files name the same
    // inputs; those with listed differences have findings only one side gives.
    auto differences = known_differences();
    for (const std::string& dir : twin_dirs()) {
        std::string name = fs::path(dir).parent_path().filename().string() + "/" + fs::path(dir).filename().string();
        if (differences.count(name)) continue;
        INFO(dir);
        CHECK(module_inputs(analyze_file(dir + "/plan.json", {}, {})) == module_inputs(analyze_tf_root(dir, {}, {})));
    }
}

TEST_CASE("every instance of a module with for_each or count has its own configuration", "[hcl][twins]") {
    // fixtures/terraform/hcl/module-instances: module.fn["batch"] (no VPC) and module.fn["web"]
    // (public subnets), module.worker[0] (private) and module.worker[1] (public); a real plan beside them.
    std::string dir = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/hcl/module-instances";
    std::string fn = fs::path(dir + "/../modules/function/main.tf").lexically_normal().string();
    std::multiset<std::string> want = {
        "VL101 error module.fn[\"web\"].aws_lambda_function.this " + fn + ":45:7",
        "VL101 error module.worker[1].aws_lambda_function.this " + fn + ":45:7",
    };
    FileResult tf = analyze_tf_root(dir, {}, {});
    INFO(joined(triples(tf)));
    CHECK(triples(tf) == want);
    CHECK(triples(analyze_file(dir + "/plan.json", {}, {})) == want);
}

TEST_CASE("a finding's related locations are the same from the .tf files and from the plan", "[hcl][twins]") {
    // Where they point, not how they name a set item: a plan stores `route`
    // blocks in hash order (route[1] there is route[0] in the source). Not
    // the plan's own entry, which only a plan has. realistic/dynamic-blocks:
    // the route comes from a `dynamic "route"` block, which the plan's
    // configuration omits, so the plan points at the route table's header
    // (main.tf:25:1) where the .tf files point at the block (main.tf:28:3).
    auto related = [](const FileResult& r) {
        std::multiset<std::string> out;
        for (const Diagnostic& d : r.diagnostics)
            for (const RelatedLocation& rl : d.related)
                if (rl.message.rfind("plan entry of ", 0) != 0)
                    out.insert(d.rule_id + " " + d.resource + " @ " +
                               fs::path(rl.loc.file).lexically_normal().string() + ":" + std::to_string(rl.loc.line) + ":" +
                               std::to_string(rl.loc.col));
        return out;
    };
    auto differences = known_differences();
    for (const std::string& dir : twin_dirs()) {
        std::string name = fs::path(dir).parent_path().filename().string() + "/" + fs::path(dir).filename().string();
        if (differences.count(name) || name == "realistic/dynamic-blocks") continue;
        DYNAMIC_SECTION(name) {
            std::multiset<std::string> plan = related(analyze_file(dir + "/plan.json", {}, {}));
            std::multiset<std::string> tf = related(analyze_tf_root(dir, {}, {}));
            INFO("plan:\n" << joined(plan) << "tf:\n" << joined(tf));
            CHECK(tf == plan);
        }
    }
}
