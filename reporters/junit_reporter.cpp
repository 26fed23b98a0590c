// JUnit XML for CI systems that show test reports (Jenkins, GitLab, Azure):
// one testsuite per file, one testcase per (rule, resource) with findings; a
// file without findings gets one passing testcase so it shows as checked.
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

// The shape is the Jenkins/xUnit JUnit schema (tests/schemas/junit-jenkins.xsd,
// checked by tests/e2e/junit_xsd.sh): every testsuite carries name, tests,
// failures, errors, skipped and time. A case whose findings reach --fail-on
// is a <failure>; a file that could not be read or parsed (VL001) is an
// <error>, as a test that could not run; findings below --fail-on are listed
// in the case's <system-out> and the case passes, so a report never shows a
// failed test for a run whose exit code says it passed.
void write_junit(const ReportInput& in, std::ostream& out) {
    // std::map: suites and cases in name order whatever the input order.
    std::map<std::string, std::map<std::pair<std::string, std::string>, std::vector<const Diagnostic*>>> by_file;
    for (const std::string& f : in.files) by_file[f];
    for (const Diagnostic& d : in.diagnostics) by_file[d.loc.file][{d.rule_id, d.resource}].push_back(&d);
    enum class Outcome { Pass, Failure, Error };
    auto outcome = [&](const std::vector<const Diagnostic*>& ds) {
        Outcome o = Outcome::Pass;
        for (const Diagnostic* d : ds) {
            if (d->suppressed) continue;
            if (d->rule_id == "VL001") return Outcome::Error;
            if (in.fail_on && d->severity >= *in.fail_on) o = Outcome::Failure;
        }
        return o;
    };
    struct Counts {
        size_t tests = 0, failures = 0, errors = 0;
    };
    std::map<std::string, Counts> counts;
    Counts all;
    for (const auto& [file, cases] : by_file) {
        Counts& c = counts[file];
        c.tests = cases.empty() ? 1 : cases.size();
        for (const auto& [key, ds] : cases) {
            Outcome o = outcome(ds);
            c.failures += o == Outcome::Failure;
            c.errors += o == Outcome::Error;
        }
        all.tests += c.tests;
        all.failures += c.failures;
        all.errors += c.errors;
    }
    auto line_of = [](const Diagnostic* d) {
        return d->loc.file + ":" + std::to_string(d->loc.line) + ":" + std::to_string(d->loc.col) + ": " +
               std::string(severity_name(d->severity)) + " " + d->rule_id + " " + d->message +
               (d->fix.empty() ? "" : " Fix: " + d->fix);
    };
    out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";
    out << "<testsuites name=\"vpclint\" tests=\"" << all.tests << "\" failures=\"" << all.failures << "\" errors=\""
        << all.errors << "\" time=\"0\">\n";
    size_t id = 0;
    for (const auto& [file, cases] : by_file) {
        const Counts& c = counts[file];
        out << "  <testsuite name=\"" << attr(file) << "\" tests=\"" << c.tests << "\" failures=\"" << c.failures
            << "\" errors=\"" << c.errors << "\" skipped=\"0\" time=\"0\" id=\"" << id++ << "\">\n";
        if (cases.empty()) out << "    <testcase classname=\"" << attr(file) << "\" name=\"vpclint\" time=\"0\"/>\n";
        for (const auto& [key, ds] : cases) {
            const auto& [rule, resource] = key;
            // File-level problems (VL001) have no resource.
            std::string name = resource.empty() ? rule : rule + " " + resource;
            out << "    <testcase classname=\"" << attr(file) << "\" name=\"" << attr(name) << "\" time=\"0\">\n";
            const Diagnostic& first = *ds.front();
            Outcome o = outcome(ds);
            std::string body;
            for (const Diagnostic* d : ds) body += text(line_of(d)) + "\n";
            if (o == Outcome::Pass) {
                out << "      <system-out>" << body << "</system-out>\n";
            } else {
                const char* tag = o == Outcome::Error ? "error" : "failure";
                out << "      <" << tag << " message=\"" << attr(first.message) << "\" type=\""
                    << severity_name(first.severity) << "\">" << body << "</" << tag << ">\n";
            }
            out << "    </testcase>\n";
        }
        out << "  </testsuite>\n";
    }
    out << "</testsuites>\n";
}

}  // namespace vpclint
