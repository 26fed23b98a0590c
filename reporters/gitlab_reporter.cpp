// GitLab Code Quality report (docs: "Code Quality", report format): an array
// of issues with a unique fingerprint each.
#include <algorithm>
#include <map>
#include <nlohmann/json.hpp>

#include "reporters/fingerprint.h"
#include "reporters/format_writers.h"

namespace vpclint {

namespace {

// GitLab's documented severities are info, minor, major, critical, blocker.
// An error is a function that fails at deployment or cannot reach what it
// calls at run time: critical. blocker is left for nothing, since vpclint
// cannot tell what a failing function blocks. A warning works sometimes
// (some AZs, weak evidence): major. A note is advice: info.
const char* gitlab_severity(Severity s) {
    return s == Severity::Error ? "critical" : s == Severity::Warning ? "major" : "info";
}

}  // namespace

void write_gitlab(const ReportInput& in, std::ostream& out) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    std::map<std::string, int> seen;
    for (const Diagnostic& d : in.diagnostics) {
        // The SARIF scheme: no line numbers are hashed (a message may quote
        // one), so a finding keeps its fingerprint when unrelated lines move,
        // and GitLab does not report it as fixed and new again.
        std::string line = in.source_line ? in.source_line(d.loc.file, d.loc.line) : std::string();
        std::string base = finding_fingerprint_base(d.rule_id, d.loc.file, d.resource, line);
        nlohmann::ordered_json j;
        j["description"] = d.rule_id + " " + d.message;
        j["check_name"] = d.rule_id;
        j["fingerprint"] = finding_fingerprint(d.rule_id, d.loc.file, d.resource, line, ++seen[base]);
        j["severity"] = gitlab_severity(d.severity);
        j["location"]["path"] = d.loc.file;
        // GitLab rejects a line below 1; a file-level problem goes on line 1.
        j["location"]["lines"]["begin"] = std::max<uint32_t>(d.loc.line, 1);
        arr.push_back(std::move(j));
    }
    out << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace vpclint
