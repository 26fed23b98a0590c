// `path:line:col: error|warning: message [VL504]`, one line per finding: the
// shape VS Code's $gcc and GitHub's gcc problem matchers read. Notes are
// printed as warnings because those matchers know no third level.
#include "reporters/format_writers.h"

namespace vpclint {

namespace {

// A matcher reads one line per finding: a line break inside a message would
// cut it short and turn its rest into noise.
std::string one_line(const std::string& s) {
    std::string out;
    for (char c : s) out += (c == '\n' || c == '\r') ? ' ' : c;
    return out;
}

}  // namespace

void write_gcc(const ReportInput& in, std::ostream& out) {
    for (const Diagnostic& d : in.diagnostics) {
        out << d.loc.file << ':' << d.loc.line << ':' << d.loc.col << ": "
            << (d.severity == Severity::Error ? "error" : "warning") << ": " << one_line(d.message);
        if (!d.resource.empty()) out << " (" << one_line(d.resource) << ")";
        out << " [" << d.rule_id << "]\n";
    }
}

}  // namespace vpclint
