// The language server's workspace pass (cli/lsp/workspace.h): the
// configuration that applies to a document and the templates it imports from.
#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <regex>
#include <unistd.h>
#include <sstream>

#include "cli/lsp/workspace.h"

using namespace vpclint;
using namespace vpclint::lsp;
namespace fs = std::filesystem;

namespace {

std::string read_fixture(const std::string& rel) {
    std::ifstream in(std::string(VPCLINT_SOURCE_DIR) + "/" + rel, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return std::regex_replace(ss.str(), std::regex("  # expect:.*"), "");
}

void write(const fs::path& p, const std::string& text) {
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
}

struct Workspace {
    fs::path root;
    Workspace() {
        root = fs::temp_directory_path() / ("vpclint-lsp-ws-unit-" + std::to_string(::getpid()));
        fs::remove_all(root);
        fs::create_directories(root / ".git");
    }
    ~Workspace() { fs::remove_all(root); }
};

std::vector<std::string> ids(const FileResult& r) {
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diagnostics)
        if (!d.suppressed) out.push_back(d.rule_id + ":" + std::string(severity_name(d.severity)));
    return out;
}

}  // namespace

TEST_CASE("LSP workspace: the configuration's needs, stack names and exclusions apply", "[lsp]") {
    Workspace w;
    std::string app = read_fixture("fixtures/stacks/imports/app.yaml");
    write(w.root / "network.yaml", read_fixture("fixtures/stacks/imports/network.yaml"));
    std::string single = read_fixture("fixtures/rules/VL101/bad-public-subnet-no-evidence.yaml");
    std::string app_path = (w.root / "app.yaml").string(), one = (w.root / "one.yaml").string();
    WorkspaceView ws{{w.root.string()}, {}};
    AnalysisConfig settings;

    // No configuration: the import resolves against network.yaml on disk.
    CHECK(ids(analyze_in_workspace(app_path, app, settings, ws)) == std::vector<std::string>{"VL101:error"});
    // Not in the workspace folder (and no configuration to fall back to): not linked.
    CHECK(ids(analyze_in_workspace(app_path, app, settings, WorkspaceView{})).empty());
    CHECK(ids(analyze_in_workspace(one, single, settings, ws)) ==
          std::vector<std::string>{"VL101:note", "VL502:note"});

    // The open configuration's text wins over the file on disk.
    write(w.root / ".vpclint.yaml", "functions:\n  Orders*:\n    needs: [internet]\n");
    CHECK(ids(analyze_in_workspace(one, single, settings, ws)) ==
          std::vector<std::string>{"VL101:error", "VL502:note"});
    ws.open[(w.root / ".vpclint.yaml").string()] = "rules:\n  VL502: off\n";
    CHECK(ids(analyze_in_workspace(one, single, settings, ws)) == std::vector<std::string>{"VL101:note"});
    // The client's select/ignore win over the file's.
    ws.open[(w.root / ".vpclint.yaml").string()] = "ignore: [VL101]\n";
    CHECK(ids(analyze_in_workspace(one, single, settings, ws)) == std::vector<std::string>{"VL502:note"});
    settings.ignore = {"VL502"};
    CHECK(ids(analyze_in_workspace(one, single, settings, ws)) == std::vector<std::string>{"VL101:note"});
    settings.ignore.clear();

    // `stacks:` renames network.yaml's stack: ${AWS::StackName}-PublicSubnetA no
    // longer matches the import, the literal network-PublicSubnetB still does.
    ws.open[(w.root / ".vpclint.yaml").string()] = "stacks:\n  network.yaml: other\n";
    FileResult r = analyze_in_workspace(app_path, app, settings, ws);
    REQUIRE(r.diagnostics.size() == 1);
    CHECK(r.diagnostics[0].message.find("public subnet PublicSubnetB") != std::string::npos);
    // An excluded template is not linked; an excluded document gets nothing.
    ws.open[(w.root / ".vpclint.yaml").string()] = "exclude: [network.yaml]\n";
    CHECK(ids(analyze_in_workspace(app_path, app, settings, ws)).empty());
    ws.open[(w.root / ".vpclint.yaml").string()] = "exclude: ['*.yaml']\n";
    FileResult excluded = analyze_in_workspace(one, single, settings, ws);
    CHECK(!excluded.analysed);
    CHECK(excluded.diagnostics.empty());

    // The configuration document itself: its problems (VL005), at their line.
    FileResult cfg = analyze_in_workspace((w.root / ".vpclint.yaml").string(), "rules:\n  VL999: off\n", settings, ws);
    REQUIRE(ids(cfg) == std::vector<std::string>{"VL005:error"});
    CHECK(cfg.diagnostics[0].loc.line == 2);
}
