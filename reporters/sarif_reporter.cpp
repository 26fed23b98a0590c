// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, VS Code's SARIF
// viewer). Field choices follow the SARIF 2.1.0 specification (OASIS) and
// GitHub's "SARIF support for code scanning" page.
#include <algorithm>
#include <cctype>
#include <filesystem>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/version.h"
#include "reporters/fingerprint.h"
#include "reporters/format_writers.h"

namespace vpclint {

namespace {

using json = nlohmann::ordered_json;

constexpr const char* kInformationUri = "https://github.com/vpclint/vpclint";
constexpr const char* kSrcRoot = "%SRCROOT%";

const char* sarif_level(Severity s) {
    return s == Severity::Error ? "error" : s == Severity::Warning ? "warning" : "note";
}

// GitHub code scanning ranks security alerts by rule property
// `security-severity` (a number as a string; over 9.0 critical, 7.0–8.9
// high, 4.0–6.9 medium, 0.1–3.9 low). vpclint derives it from the rule's
// default level: an error (fails at deployment or run time) is high, a
// warning medium, a note low. Documented in docs/ci.md.
const char* security_severity(Severity s) {
    return s == Severity::Error ? "7.5" : s == Severity::Warning ? "5.0" : "2.0";
}

// GitHub's limits for one SARIF upload ("SARIF support for code scanning",
// "Validating your SARIF file"); past them the upload is rejected, so the
// report is cut with a notification instead.
constexpr size_t kMaxResults = 25000;
constexpr size_t kMaxLocations = 1000;            // per result (relatedLocations here)
constexpr size_t kMaxThreadFlowLocations = 10000;  // per result

// RFC 3986: keep unreserved characters and '/', percent-encode the rest
// (spaces, '%', '#', non-ASCII bytes of UTF-8).
std::string uri_encode(const std::string& path) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : path) {
        if (std::isalnum(c) || c == '-' || c == '.' || c == '_' || c == '~' || c == '/') {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += hex[c >> 4];
            out += hex[c & 15];
        }
    }
    return out;
}

// URIs separate segments with '/' only; a Windows path's '\\' would be
// encoded as part of a file name.
std::string forward_slashes(std::string p) {
    for (char& c : p)
        if (c == '\\') c = '/';
    return p;
}

bool is_absolute(const std::string& p) {
    return (!p.empty() && p[0] == '/') || (p.size() > 2 && std::isalpha(static_cast<unsigned char>(p[0])) && p[1] == ':' && p[2] == '/');
}

// file:///work/x.yaml, file:///C:/work/x.yaml (the drive's ':' stays as is).
std::string file_uri(const std::string& absolute) {
    if (absolute[0] == '/') return "file://" + uri_encode(absolute);
    return "file:///" + absolute.substr(0, 2) + uri_encode(absolute.substr(2));
}

// Where reported paths (relative to the working directory, or absolute) are
// resolved: %SRCROOT% is the repository root, so a run from a subdirectory
// still gives repository-relative URIs, and a file outside the root gets an
// absolute file: URI rather than one starting with "../".
struct UriBase {
    std::filesystem::path cwd, root;
};

json artifact_location(const std::string& file, const UriBase& base) {
    namespace fs = std::filesystem;
    std::string p = forward_slashes(file);
    json a;
    fs::path absolute = is_absolute(p) ? fs::path(p) : (base.cwd / p);
    absolute = absolute.lexically_normal();
    fs::path rel = base.root.empty() ? fs::path() : absolute.lexically_relative(base.root);
    bool inside = !rel.empty() && *rel.begin() != ".." && !rel.is_absolute();
    if (inside) {
        a["uri"] = uri_encode(forward_slashes(rel.generic_string()));
        a["uriBaseId"] = kSrcRoot;
    } else {
        std::string abs = forward_slashes(absolute.generic_string());
        if (!is_absolute(abs)) abs = "/" + abs;
        a["uri"] = file_uri(abs);
    }
    return a;
}

// The columns [from, to) of a line, counted in code points (run.columnKind).
std::string columns_of(const std::string& line, uint32_t from, uint32_t to) {
    std::string out;
    uint32_t col = 0;
    for (unsigned char ch : line) {
        if ((ch & 0xC0) != 0x80) ++col;
        if (col >= to) break;
        if (col >= from) out += static_cast<char>(ch);
    }
    return out;
}

uint32_t column_count(const std::string& line) {
    uint32_t n = 0;
    for (unsigned char ch : line) n += (ch & 0xC0) != 0x80;
    return n;
}

// `line_text` is the text of the start line when known: it gives the region a
// snippet and the location a context region (the whole line), which viewers
// show without the file at hand.
json physical_location(const Location& l, const UriBase& base, const std::string& line_text = {}) {
    json p;
    p["artifactLocation"] = artifact_location(l.file, base);
    json region;
    // A region needs a line; a problem with no line (an unreadable file) is
    // put on line 1 rather than dropped, since code scanning needs one.
    region["startLine"] = std::max<uint32_t>(l.line, 1);
    if (l.line && l.col) region["startColumn"] = l.col;
    bool has_end_line = l.line && l.end_line >= l.line;
    if (has_end_line) region["endLine"] = l.end_line;
    bool has_end_col = has_end_line && l.col && l.end_col && (l.end_line > l.line || l.end_col > l.col);
    if (has_end_col) region["endColumn"] = l.end_col;
    bool single_line = has_end_col && l.end_line == l.line;
    if (single_line && !line_text.empty()) {
        std::string snippet = columns_of(line_text, l.col, l.end_col);
        if (!snippet.empty()) region["snippet"]["text"] = snippet;
    }
    p["region"] = std::move(region);
    // SARIF wants the context region to be a proper superset of the region.
    if (single_line && !line_text.empty() && (l.col > 1 || l.end_col <= column_count(line_text))) {
        json context;
        context["startLine"] = l.line;
        context["snippet"]["text"] = line_text;
        p["contextRegion"] = std::move(context);
    }
    return p;
}

json location_with_message(const Location& l, const std::string& message, const UriBase& base) {
    json loc;
    loc["physicalLocation"] = physical_location(l, base);
    if (!message.empty()) loc["message"]["text"] = message;
    return loc;
}

// In a message with embedded links `[text](id)`, literal brackets (and the
// backslash that escapes them) are written with a backslash (SARIF 2.1.0
// §3.11.6), so "unclosed '['" cannot swallow the link that follows it. A
// message without links is left as written: a lone bracket is no link, and
// not every viewer removes the escapes.
std::string escape_link_syntax(const std::string& s) {
    std::string out;
    for (char c : s) {
        if (c == '[' || c == ']' || c == '\\') out += '\\';
        out += c;
    }
    return out;
}

std::string result_message(const Diagnostic& d) {
    bool links = !d.related.empty();
    auto plain = [&](const std::string& s) { return links ? escape_link_syntax(s) : s; };
    std::string text = plain(d.message);
    if (!d.fix.empty()) text += " Fix: " + plain(d.fix);
    for (size_t i = 0; i < d.related.size(); ++i)
        text += (i ? ", [" : " See [") + plain(d.related[i].message) + "](" + std::to_string(i + 1) + ")";
    if (links) text += ".";
    return text;
}

std::string help_markdown(const RuleDescriptor& d) {
    std::string s = "**" + std::string(d.id) + " " + std::string(d.slug) + "**: " + std::string(d.summary) + "\n\n";
    s += std::string(d.rationale) + "\n\n**How to fix:** " + std::string(d.fix) + "\n\n";
    s += "Bad:\n\n```yaml\n" + std::string(d.bad_example) + (d.bad_example.ends_with('\n') ? "" : "\n") + "```\n\n";
    s += "Good:\n\n```yaml\n" + std::string(d.good_example) + (d.good_example.ends_with('\n') ? "" : "\n") + "```\n";
    return s;
}

json rule_json(const RuleDescriptor& d) {
    json r;
    r["id"] = std::string(d.id);
    r["name"] = std::string(d.slug);
    r["shortDescription"]["text"] = std::string(d.summary);
    r["fullDescription"]["text"] = std::string(d.rationale);
    r["help"]["text"] = std::string(d.summary) + " " + std::string(d.rationale) + " How to fix: " + std::string(d.fix);
    r["help"]["markdown"] = help_markdown(d);
    r["helpUri"] = std::string(kInformationUri) + "/blob/main/docs/rules/" + std::string(d.id) + ".md";
    r["defaultConfiguration"]["level"] = sarif_level(d.level);
    json tags = json::array();
    std::istringstream words{std::string(d.tags)};
    for (std::string w; words >> w;) tags.push_back(w);
    r["properties"]["tags"] = tags;
    r["properties"]["precision"] = std::string(d.precision);
    r["properties"]["security-severity"] = security_severity(d.level);
    return r;
}

}  // namespace

void write_sarif(const ReportInput& in, std::ostream& out) {
    json driver;
    driver["name"] = "vpclint";
    driver["version"] = std::string(vpclint_version());
    driver["semanticVersion"] = std::string(vpclint_version());
    driver["informationUri"] = kInformationUri;
    driver["rules"] = json::array();
    std::map<std::string, size_t> rule_index;
    for (const Rule* r : in.rules) {
        rule_index[std::string(r->descriptor->id)] = rule_index.size();
        driver["rules"].push_back(rule_json(*r->descriptor));
    }

    namespace fs = std::filesystem;
    UriBase base{fs::path(forward_slashes(in.working_directory)),
                 fs::path(forward_slashes(in.srcroot.empty() ? in.working_directory : in.srcroot)).lexically_normal()};
    json results = json::array();
    json notifications = json::array();
    auto notify = [&](const char* level, const std::string& text) {
        notifications.push_back(json{{"level", level}, {"message", {{"text", text}}}});
    };
    for (const std::string& p : in.missing_paths) notify("error", p + ": no such file or directory; not analysed");
    bool input_failed = !in.missing_paths.empty();
    size_t cut_related = 0, cut_steps = 0;
    std::map<std::string, int> occurrences;  // fingerprint base -> count, for uniqueness
    for (const Diagnostic& d : in.diagnostics) {
        if (results.size() == kMaxResults) {
            notify("warning", "SARIF output cut at " + std::to_string(kMaxResults) + " of " +
                                  std::to_string(in.diagnostics.size()) +
                                  " results (GitHub code scanning's limit per run); the text or JSON output has all");
            break;
        }
        json res;
        res["ruleId"] = d.rule_id;
        if (auto it = rule_index.find(d.rule_id); it != rule_index.end()) res["ruleIndex"] = it->second;
        res["level"] = sarif_level(d.severity);
        res["message"]["text"] = result_message(d);
        std::string line = in.source_line ? in.source_line(d.loc.file, d.loc.line) : std::string();
        res["locations"] = json::array({json{{"physicalLocation", physical_location(d.loc, base, line)}}});
        json logical = json::array();
        if (!d.resource.empty())
            logical.push_back(json{{"name", d.resource}, {"fullyQualifiedName", d.resource}, {"kind", "resource"}});
        // Terraform: where the resource sits in the plan JSON.
        if (!d.plan_path.empty())
            logical.push_back(json{{"name", d.plan_path.substr(d.plan_path.rfind('.') + 1)},
                                   {"fullyQualifiedName", d.plan_path},
                                   {"kind", "element"}});
        if (!logical.empty()) res["locations"][0]["logicalLocations"] = std::move(logical);
        if (!d.related.empty()) {
            json rel = json::array();
            for (size_t i = 0; i < std::min(d.related.size(), kMaxLocations); ++i) {
                json l = location_with_message(d.related[i].loc, d.related[i].message, base);
                l["id"] = static_cast<int>(i + 1);
                rel.push_back(std::move(l));
            }
            res["relatedLocations"] = std::move(rel);
            if (d.related.size() > kMaxLocations) ++cut_related;
        }
        if (!d.path.empty()) {
            json steps = json::array();
            for (size_t i = 0; i < std::min(d.path.size(), kMaxThreadFlowLocations); ++i)
                steps.push_back(json{{"location", location_with_message(d.path[i].loc, d.path[i].message, base)}});
            if (d.path.size() > kMaxThreadFlowLocations) ++cut_steps;
            res["codeFlows"] = json::array({json{{"threadFlows", json::array({json{{"locations", steps}}})}}});
        }
        // Stable when unrelated lines move (reporters/fingerprint.h).
        std::string fp_base = finding_fingerprint_base(d.rule_id, d.loc.file, d.resource, line);
        res["partialFingerprints"]["primaryLocationLineHash"] =
            finding_fingerprint(d.rule_id, d.loc.file, d.resource, line, ++occurrences[fp_base]);
        // A baseline lives outside the input: "external"; comments, Metadata
        // and tags are "inSource".
        if (d.suppressed)
            res["suppressions"] = json::array(
                {json{{"kind", d.baselined ? "external" : "inSource"}, {"justification", d.justification}}});
        if (!d.baseline_state.empty()) res["baselineState"] = d.baseline_state;
        results.push_back(std::move(res));

        if (d.rule_id == "VL001") {
            input_failed = true;
            json n;
            n["level"] = "error";
            n["message"]["text"] = d.message;
            n["locations"] = json::array({json{{"physicalLocation", physical_location(d.loc, base)}}});
            // A parse problem is a rule (VL001), not one of the driver's
            // notification descriptors: associatedRule is the link for that.
            n["associatedRule"]["id"] = "VL001";
            if (auto it = rule_index.find("VL001"); it != rule_index.end()) n["associatedRule"]["index"] = it->second;
            notifications.push_back(std::move(n));
        }
    }

    if (cut_related)
        notify("warning", std::to_string(cut_related) + " result(s) had more than " + std::to_string(kMaxLocations) +
                              " related locations; the rest were left out (GitHub's limit)");
    if (cut_steps)
        notify("warning", std::to_string(cut_steps) + " result(s) had more than " +
                              std::to_string(kMaxThreadFlowLocations) +
                              " explanation steps; the rest were left out (GitHub's limit)");

    json run;
    run["tool"]["driver"] = std::move(driver);
    run["automationDetails"]["id"] = "vpclint/";
    // Columns count characters, not UTF-16 code units (SARIF's default).
    run["columnKind"] = "unicodeCodePoints";
    // A base URI must end with '/' or the last segment is dropped on resolution.
    auto dir_uri = [](std::string dir) {
        dir = forward_slashes(dir);
        if (dir.empty() || dir.back() != '/') dir += '/';
        if (!is_absolute(dir)) dir = "/" + dir;
        return file_uri(dir);
    };
    run["originalUriBaseIds"][kSrcRoot]["uri"] = dir_uri(base.root.generic_string());
    json artifacts = json::array();
    for (const std::string& f : in.files) artifacts.push_back(json{{"location", artifact_location(f, base)}});
    run["artifacts"] = std::move(artifacts);
    json inv;
    // False when an input could not be read or parsed, or a path was missing:
    // the run did not check everything it was asked to.
    inv["executionSuccessful"] = !input_failed;
    inv["workingDirectory"]["uri"] = dir_uri(in.working_directory);
    if (!notifications.empty()) inv["toolExecutionNotifications"] = std::move(notifications);
    run["invocations"] = json::array({std::move(inv)});
    run["results"] = std::move(results);

    json doc;
    doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    doc["version"] = "2.1.0";
    doc["runs"] = json::array({std::move(run)});
    out << doc.dump(2, ' ', false, nlohmann::ordered_json::error_handler_t::replace) << "\n";
}

}  // namespace vpclint
