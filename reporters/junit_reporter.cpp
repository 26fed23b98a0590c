// JUnit XML for CI systems that show test reports: one testsuite per file, one
// testcase per (rule, resource) with findings; a file without findings gets
// one passing testcase so it shows as checked.
#include <map>
#include <tuple>

#include "reporters/format_writers.h"

namespace vpclint {

namespace {

std::string xml(const std::string& s, bool attribute) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&apos;"; break;
            // A parser normalises raw line breaks and tabs in an attribute
            // value to spaces; character references keep them.
            case '\n': out += attribute ? "&#10;" : "\n"; break;
            case '\r': out += attribute ? "&#13;" : "\r"; break;
            case '\t': out += attribute ? "&#9;" : "\t"; break;
            default:
                // XML 1.0 forbids the other control characters, even as references.
                out += static_cast<unsigned char>(c) < 0x20 ? ' ' : c;
        }
    }
    return out;
}

std::string attr(const std::string& s) { return xml(s, true); }
std::string text(const std::string& s) { return xml(s, false); }

}  // namespace

void write_junit(const ReportInput& in, std::ostream& out) {
    // std::map: suites and cases in name order whatever the input order.
    std::map<std::string, std::map<std::pair<std::string, std::string>, std::vector<const Diagnostic*>>> by_file;
    for (const std::string& f : in.files) by_file[f];
    for (const Diagnostic& d : in.diagnostics) by_file[d.loc.file][{d.rule_id, d.resource}].push_back(&d);
    size_t tests = 0, failures = 0;
    for (const auto& [file, cases] : by_file) {
        tests += cases.empty() ? 1 : cases.size();
        failures += cases.size();
    }
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"vpclint\" tests=\"" << tests << "\" failures=\"" << failures << "\">\n";
    for (const auto& [file, cases] : by_file) {
        out << "  <testsuite name=\"" << attr(file) << "\" tests=\"" << (cases.empty() ? 1 : cases.size())
            << "\" failures=\"" << cases.size() << "\">\n";
        if (cases.empty()) out << "    <testcase classname=\"" << attr(file) << "\" name=\"vpclint\"/>\n";
        for (const auto& [key, ds] : cases) {
            const auto& [rule, resource] = key;
            // File-level problems (VL001) have no resource.
            std::string name = resource.empty() ? rule : rule + " " + resource;
            out << "    <testcase classname=\"" << attr(file) << "\" name=\"" << attr(name) << "\">\n";
            const Diagnostic& first = *ds.front();
            out << "      <failure message=\"" << attr(first.message) << "\" type=\""
                << severity_name(first.severity) << "\">";
            for (const Diagnostic* d : ds)
                out << text(d->loc.file + ":" + std::to_string(d->loc.line) + ":" + std::to_string(d->loc.col) + ": " +
                            std::string(severity_name(d->severity)) + " " + d->rule_id + " " + d->message +
                            (d->fix.empty() ? "" : " Fix: " + d->fix))
                    << "\n";
            out << "</failure>\n    </testcase>\n";
        }
        out << "  </testsuite>\n";
    }
    out << "</testsuites>\n";
}

}  // namespace vpclint
