// One input file through the whole pipeline: read, load, classify, model,
// check. Never throws: every problem becomes a diagnostic.
#pragma once
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/engine.h"
#include "parsers/cfn/stack_exports.h"
#include "parsers/frontend.h"

namespace vpclint {

struct FileResult {
    std::string path;
    InputKind kind = InputKind::Unknown;
    bool analysed = false;  // false: not a template/plan (skipped)
    std::vector<Diagnostic> diagnostics;
    std::string source;     // the text, for reporters that quote lines
    // Other files the findings point into, with their texts: the .tf files
    // of a root module (whose `path` is the directory), or those beside a
    // plan (read once by its frontend, Model::source_texts).
    std::map<std::string, std::string> other_sources;
    // CloudFormation: the declared parameters and their AllowedValues (empty:
    // any value), for checking --parameter names and values.
    std::map<std::string, std::vector<std::string>> declared_parameters;
};

// A file that is not a template or plan (classify_input) is skipped, not
// reported, whether it was named or found by walking a directory: a
// repository holds other YAML and JSON (Helm charts, package.json, VS Code
// settings). A file that cannot be read at all is VL001.
FileResult analyze_file(const std::string& path, const FrontendOptions& opts, const RuleFilter& filter);

// The same, for text already in memory (standard input, tests).
FileResult analyze_text(const std::string& path, std::string text, const FrontendOptions& opts,
                        const RuleFilter& filter);

// The two halves of analyze_text, for runs that link files to each other
// (stacks importing each other's exports) between building the models and
// checking them. `models` is empty when the file was skipped or failed to
// load (then `result` is final).
struct PreparedFile {
    FileResult result;
    std::vector<Model> models;
    // Other files whose entities were copied into `models` (cli/link_stacks):
    // findings located there belong to those files' own results.
    std::vector<std::string> linked_files;
    std::vector<cfn::StackExport> exports;  // CloudFormation Outputs (with Export.Name, or read by a parent)
    std::vector<cfn::NestedStackRef> nested;  // CloudFormation nested stacks on the local disk
    // Terraform plan: what each data.terraform_remote_state.X read (X -> ids).
    std::map<std::string, std::set<std::string>> remote_state_outputs;
    // Terraform state: its resources by id (id -> address).
    std::map<std::string, std::string> resource_ids;
};
// Run on the models of a file before they are checked (the configuration's
// declared needs).
using ModelHook = std::function<void(std::vector<Model>&)>;
// A template that takes no part in linking (no exports, imports or nested
// stacks) is checked here, one scenario at a time: its result is final and
// `models` stays empty.
PreparedFile prepare_file(const std::string& path, const FrontendOptions& opts, const RuleFilter& filter,
                          const ModelHook& hook = {});
PreparedFile prepare_text(const std::string& path, std::string text, const FrontendOptions& opts,
                          const RuleFilter& filter, const ModelHook& hook = {});
// Runs the rules and the declared suppressions; frees the models.
void finish_file(PreparedFile& f, const RuleFilter& filter);

// Models of a file (for `explain`); empty when it does not load.
std::vector<Model> models_of_file(const std::string& path, const FrontendOptions& opts, std::string* error);

}  // namespace vpclint
