#include "core/diagnostic.h"

#include <algorithm>
#include <tuple>

namespace vpclint {

std::string_view severity_name(Severity s) {
    switch (s) {
        case Severity::Note: return "note";
        case Severity::Warning: return "warning";
        case Severity::Error: return "error";
    }
    return "error";
}

bool diagnostic_less(const Diagnostic& a, const Diagnostic& b) {
    return std::tie(a.loc.file, a.loc.line, a.loc.col, a.rule_id, a.resource, a.message) <
           std::tie(b.loc.file, b.loc.line, b.loc.col, b.rule_id, b.resource, b.message);
}

void sort_diagnostics(std::vector<Diagnostic>& ds) {
    std::stable_sort(ds.begin(), ds.end(), diagnostic_less);
}

}  // namespace vpclint
