// `path:line:col: error|warning|note: message [VL504]`, one line per finding:
// the shape gcc itself prints, which VS Code's $gcc matcher (from the C/C++
// extension; it reads error and warning lines) and the bundled
// .github/vpclint-matcher.json (all three levels) read. A note is `note:` as
// gcc writes it: calling it a warning would inflate a --fail-on warning gate
// read from the log.
#include "reporters/format_writers.h"

namespace vpclint {

namespace {

// A matcher reads one line per finding: a line break inside a message (or a
// path) would cut it short and turn its rest into noise. CR and LF are
// written as the escapes \r and \n, so what was quoted stays visible.
std::string one_line(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '\n') out += "\\n";
        else if (c == '\r') out += "\\r";
        else out += c;
    }
    return out;
}

const char* gcc_level(Severity s) {
    return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

}  // namespace

void write_gcc(const ReportInput& in, std::ostream& out) {
    for (const Diagnostic& d : in.diagnostics) {
        out << one_line(d.loc.file) << ':' << d.loc.line << ':' << d.loc.col << ": " << gcc_level(d.severity) << ": "
            << one_line(d.message);
        if (!d.resource.empty()) out << " (" << one_line(d.resource) << ")";
        out << " [" << d.rule_id << "]\n";
    }
}

}  // namespace vpclint
