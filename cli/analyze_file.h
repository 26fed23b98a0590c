// One input file through the whole pipeline: read, load, classify, model,
// check. Never throws: every problem becomes a diagnostic.
#pragma once
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
};

// A file found by walking a directory (`explicitly_named` false) that does
// not load and does not look like a template or plan is skipped, not reported:
// a directory holds other YAML and JSON (Helm charts, package.json).
FileResult analyze_file(const std::string& path, const FrontendOptions& opts, const RuleFilter& filter,
                        bool explicitly_named = true);

// The same, for text already in memory (tests).
FileResult analyze_text(const std::string& path, std::string text, const FrontendOptions& opts,
                        const RuleFilter& filter, bool explicitly_named = true);

// Models of a file (for `explain`); empty when it does not load.
std::vector<Model> models_of_file(const std::string& path, const FrontendOptions& opts, std::string* error);

}  // namespace vpclint
