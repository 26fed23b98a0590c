// What rules emit and reporters print.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"

namespace vpclint {

enum class Severity : uint8_t { Note = 0, Warning = 1, Error = 2 };

std::string_view severity_name(Severity s);  // "note", "warning", "error"

struct RelatedLocation {
    Location loc;
    std::string message;
};

struct Diagnostic {
    std::string rule_id;   // "VL504"
    std::string slug;      // "invalid-network-id"
    Severity severity = Severity::Error;
    std::string message;   // what is wrong and why, one sentence
    Location loc;          // the property that is wrong
    std::string resource;  // logical id or Terraform address
    std::string plan_path;  // Terraform: the resource's JSON path in the plan (SARIF logicalLocations)
    std::vector<RelatedLocation> related;  // involved resources
    std::vector<RelatedLocation> path;     // explanation path, in order
    std::string fix;       // how to fix it, one sentence
    // Set when a suppression covers the finding: it is then left out of the
    // report and the exit code (SARIF shows it with --report-suppressed).
    bool suppressed = false;
    std::string justification;
    // Suppressed by a baseline (--baseline) rather than in the input: SARIF
    // kind "external" instead of "inSource".
    bool baselined = false;
    // With a baseline given: "unchanged" (in it) or "new"; SARIF baselineState.
    std::string baseline_state;
};

// Deterministic order: file, line, col, rule, message.
bool diagnostic_less(const Diagnostic& a, const Diagnostic& b);
void sort_diagnostics(std::vector<Diagnostic>& ds);

}  // namespace vpclint
