// GitHub Actions workflow commands: each finding becomes an annotation on the
// pull request (docs: "Workflow commands for GitHub Actions").
#include "reporters/format_writers.h"

namespace vpclint {

namespace {

// Escaping per the runner's command format: data escapes %, CR, LF;
// property values also escape ':' and ','.
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

}  // namespace

void write_github(const ReportInput& in, std::ostream& out) {
    for (const Diagnostic& d : in.diagnostics) {
        const char* cmd = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "notice";
        out << "::" << cmd << " file=" << escape_property(d.loc.file) << ",line=" << d.loc.line << ",col=" << d.loc.col;
        if (d.loc.end_line) out << ",endLine=" << d.loc.end_line;
        if (d.loc.end_col && d.loc.end_line == d.loc.line) out << ",endColumn=" << d.loc.end_col;
        out << ",title=" << escape_property(d.rule_id + " " + d.slug) << "::"
            << escape_data(d.message + (d.fix.empty() ? "" : "\nFix: " + d.fix)) << "\n";
    }
    // Plain text: a workflow command here would add one more annotation.
    if (!in.quiet) out << "vpclint: " << summary_line(in) << "\n";
}

}  // namespace vpclint
