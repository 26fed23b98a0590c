// The workspace pass of one open document: the `.vpclint.yaml` that applies
// to it (found as the CLI finds it) and, for a CloudFormation template that
// imports exports, the other templates of its workspace folder, linked by
// the CLI's link_stacks. Findings located in the other templates are theirs
// (finish_file drops them); the importer's findings point into them through
// related locations.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "cli/analyze_file.h"
#include "parsers/frontend.h"

namespace vpclint::lsp {

// The client's settings (initializationOptions / didChangeConfiguration).
// Select and ignore are kept as given: the configuration file fills the
// ones the client leaves empty, as it does for the command line.
struct AnalysisConfig {
    FrontendOptions frontend;
    RuleFilter filter;  // from select/ignore alone (hover, code actions)
    std::vector<std::string> select, ignore;
};

// `.vpclint.yaml` / `.vpclint.yml`: analysed as a configuration (VL005), not
// as a template.
bool is_config_name(std::string_view path);

struct WorkspaceView {
    std::vector<std::string> roots;               // workspace folders (absolute paths)
    std::map<std::string, std::string> open;      // absolute path -> in-memory text of open documents
};

// Bounds of the scan for exporting templates in a workspace folder.
inline constexpr size_t kMaxWorkspaceFiles = 2000;

// The findings for `path` (its text `text`). An excluded document gets an
// unanalysed, empty result.
FileResult analyze_in_workspace(const std::string& path, const std::string& text, const AnalysisConfig& settings,
                                const WorkspaceView& ws);

}  // namespace vpclint::lsp
