// A stable array of findings (docs/json-format.md).
#include <nlohmann/json.hpp>

#include "reporters/format_writers.h"

namespace vpclint {

namespace {

nlohmann::ordered_json location_json(const Location& l, const std::string& message) {
    nlohmann::ordered_json j;
    j["file"] = l.file;
    j["line"] = l.line;
    j["column"] = l.col;
    j["message"] = message;
    return j;
}

}  // namespace

void write_json(const ReportInput& in, std::ostream& out) {
    nlohmann::ordered_json arr = nlohmann::ordered_json::array();
    for (const Diagnostic& d : in.diagnostics) {
        nlohmann::ordered_json j;
        j["rule"] = d.rule_id;
        j["slug"] = d.slug;
        j["level"] = std::string(severity_name(d.severity));
        j["message"] = d.message;
        j["resource"] = d.resource;
        j["file"] = d.loc.file;
        j["line"] = d.loc.line;
        j["column"] = d.loc.col;
        j["endLine"] = d.loc.end_line;
        j["endColumn"] = d.loc.end_col;
        j["fix"] = d.fix;
        j["suppressed"] = d.suppressed;
        j["related"] = nlohmann::ordered_json::array();
        for (const auto& r : d.related) j["related"].push_back(location_json(r.loc, r.message));
        j["path"] = nlohmann::ordered_json::array();
        for (const auto& r : d.path) j["path"].push_back(location_json(r.loc, r.message));
        arr.push_back(std::move(j));
    }
    out << arr.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

}  // namespace vpclint
