// Reporters: pure functions of the diagnostics and the rule catalog.
#pragma once
#include <functional>
#include <optional>
#include <ostream>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/rule.h"

namespace vpclint {

enum class ReportFormat { Text, Gcc, Json, Sarif, Github, Junit, Gitlab };

std::optional<ReportFormat> parse_report_format(std::string_view name);

struct ReportInput {
    std::vector<Diagnostic> diagnostics;  // sorted
    std::vector<const Rule*> rules;       // the rules that ran, sorted by id
    std::vector<std::string> files;       // every file analysed, in order
    std::string working_directory;        // absolute
    bool color = false;                   // text: ANSI colours
    bool quiet = false;                   // only findings, no summary
    // SARIF's %SRCROOT% (absolute): URIs are relative to it; empty: the
    // working directory.
    std::string srcroot;
    // The --fail-on level; nullopt for `never`. JUnit fails a test case only
    // at or above it (VL001 is always an <error>).
    std::optional<Severity> fail_on = Severity::Error;
    // Command-line paths that do not exist: the run failed, and the summary
    // and SARIF's invocation say so.
    std::vector<std::string> missing_paths;
    // Text of a source line (1-based); empty when unavailable.
    std::function<std::string(const std::string& file, uint32_t line)> source_line;
    // The same as a view into the file's text (which outlives the report),
    // found in O(1): the text reporter cuts a window from it instead of
    // copying a minified file's one megabyte line for every finding.
    std::function<std::string_view(const std::string& file, uint32_t line)> source_view;
};

void write_report(ReportFormat format, const ReportInput& in, std::ostream& out);

}  // namespace vpclint
