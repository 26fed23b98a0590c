// `path:line:col: error|warning: message [VL504]`, one line per finding: the
// shape VS Code's $gcc and GitHub's gcc problem matchers read. Notes are
// printed as warnings because those matchers know no third level.
#include "reporters/format_writers.h"

namespace vpclint {

void write_gcc(const ReportInput& in, std::ostream& out) {
    for (const Diagnostic& d : in.diagnostics) {
        out << d.loc.file << ':' << d.loc.line << ':' << d.loc.col << ": "
            << (d.severity == Severity::Error ? "error" : "warning") << ": " << d.message;
        if (!d.resource.empty()) out << " (" << d.resource << ")";
        out << " [" << d.rule_id << "]\n";
    }
}

}  // namespace vpclint
