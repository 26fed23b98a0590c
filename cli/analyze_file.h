// One input file through the whole pipeline: read, load, classify, model,
// check. Never throws: every problem becomes a diagnostic.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/diagnostic.h"
#include "core/engine.h"
#include "parsers/frontend.h"

namespace vpclint {

struct FileResult {
    std::string path;
    InputKind kind = InputKind::Unknown;
    bool analysed = false;  // false: not a template/plan (skipped)
    std::vector<Diagnostic> diagnostics;
    std::string source;     // the text, for reporters that quote lines
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

// Models of a file (for `explain`); empty when it does not load.
std::vector<Model> models_of_file(const std::string& path, const FrontendOptions& opts, std::string* error);

}  // namespace vpclint
