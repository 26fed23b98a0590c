// GitHub Actions workflow commands: each finding becomes an annotation on the
// pull request and the run (docs: "Workflow commands for GitHub Actions").
#include "reporters/format_writers.h"

namespace vpclint {

namespace {

// Escaping per the runner's command format (actions/toolkit, command.ts):
// data escapes %, CR and LF; property values also escape ':' and ','.
std::string escape_data(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '%') out += "%25";
        else if (c == '\r') out += "%0D";
        else if (c == '\n') out += "%0A";
        else out += c;
    }
    return out;
}

std::string escape_property(const std::string& s) {
    std::string out;
    for (char c : escape_data(s)) {
        if (c == ':') out += "%3A";
        else if (c == ',') out += "%2C";
        else out += c;
    }
    return out;
}

const char* command_of(Severity s) {
    return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "notice";
}

}  // namespace

void write_github(const ReportInput& in, std::ostream& out) {
    for (const Diagnostic& d : in.diagnostics) {
        out << "::" << command_of(d.severity) << " file=" << escape_property(d.loc.file);
        // 0 means unknown: leaving the property out annotates the whole file
        // instead of pointing at a line that does not exist.
        if (d.loc.line) out << ",line=" << d.loc.line;
        if (d.loc.line && d.loc.col) out << ",col=" << d.loc.col;
        if (d.loc.line && d.loc.end_line >= d.loc.line) out << ",endLine=" << d.loc.end_line;
        // GitHub honours endColumn only on a single-line annotation.
        if (d.loc.col && d.loc.end_line == d.loc.line && d.loc.end_col > d.loc.col)
            out << ",endColumn=" << d.loc.end_col;
        out << ",title=" << escape_property(d.rule_id + " " + d.slug) << "::"
            << escape_data(d.message + (d.resource.empty() ? "" : " (" + d.resource + ")") +
                           (d.fix.empty() ? "" : "\nFix: " + d.fix))
            << "\n";
    }
    // The summary is plain text: as a workflow command it would become one
    // more annotation on the run (GitHub shows at most 10 errors and 10
    // warnings per step), crowding out a finding; in the log it reads fine.
    if (!in.quiet) out << "vpclint: " << summary_line(in) << "\n";
}

}  // namespace vpclint
