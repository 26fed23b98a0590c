// Terraform workspaces linked through remote state: the application plan
// plus the network workspace's state gives the findings of the one plan that
// holds both (fixtures/terraform/realistic/module-vpc-update-public).
#include <catch2/catch.hpp>
#include <filesystem>
#include <regex>
#include <set>

#include "cli/analyze_file.h"
#include "cli/link_workspaces.h"

using namespace vpclint;
namespace fs = std::filesystem;

namespace {

const std::string kDir = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/";

// (rule, level, resource, message): the message with its `.tf` line numbers
// left out, since the two workspaces' files are laid out differently.
std::set<std::string> findings(const std::vector<Diagnostic>& ds) {
    std::set<std::string> out;
    for (const Diagnostic& d : ds) {
        if (d.suppressed) continue;
        std::string msg = std::regex_replace(d.message, std::regex("at line [0-9]+"), "at line N");
        out.insert(d.rule_id + " " + std::string(severity_name(d.severity)) + " " + d.resource + " " + msg);
    }
    return out;
}

std::vector<Diagnostic> linked_run(bool with_state) {
    std::vector<PreparedFile> files;
    files.push_back(prepare_file(kDir + "remote-state/app/plan.json", {}, {}));
    std::string state = kDir + "remote-state/network/state.json";
    files.push_back(prepare_file(state, {}, {}));
    RemoteStates states;
    if (with_state) states["network"] = fs::absolute(state).lexically_normal().string();
    link_workspaces(files, states);
    std::vector<Diagnostic> all;
    for (PreparedFile& f : files) {
        finish_file(f, {});
        all.insert(all.end(), f.result.diagnostics.begin(), f.result.diagnostics.end());
    }
    return all;
}

}  // namespace

TEST_CASE("an app plan and the network state linked by remote state give the one plan's findings", "[terraform][workspaces]") {
    FileResult one = analyze_file(kDir + "realistic/module-vpc-update-public/plan.json", {}, {});
    std::set<std::string> want = findings(one.diagnostics);
    REQUIRE(!want.empty());
    REQUIRE(want.begin()->rfind("VL101 error aws_lambda_function.api ", 0) == 0);
    std::vector<Diagnostic> linked = linked_run(true);
    CHECK(findings(linked) == want);
    // Pointing at the function in the application workspace, with the
    // network state's subnet in the explanation.
    for (const Diagnostic& d : linked) {
        CHECK(d.loc.file.find("remote-state/app/") != std::string::npos);
        bool state_step = std::any_of(d.path.begin(), d.path.end(), [](const RelatedLocation& r) {
            return r.loc.file.find("remote-state/network/state.json") != std::string::npos;
        });
        CHECK(state_step);
    }
}

TEST_CASE("without the remote state the imported subnets are only ids: silent", "[terraform][workspaces]") {
    CHECK(findings(linked_run(false)).empty());
}
