// SARIF 2.1.0 for code scanning (GitHub, Azure DevOps, VS Code's SARIF
// viewer). Field choices follow the SARIF 2.1.0 specification (OASIS) and
// GitHub's "SARIF support for code scanning" page.
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

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

// RFC 3986: keep unreserved characters and '/', percent-encode the rest.
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

bool is_absolute(const std::string& p) { return !p.empty() && p[0] == '/'; }

json artifact_location(const std::string& file) {
    json a;
    if (is_absolute(file)) {
        a["uri"] = "file://" + uri_encode(file);
    } else {
        a["uri"] = uri_encode(file);
        a["uriBaseId"] = kSrcRoot;
    }
    return a;
}

json physical_location(const Location& l) {
    json p;
    p["artifactLocation"] = artifact_location(l.file);
    json region;
    region["startLine"] = std::max<uint32_t>(l.line, 1);
    if (l.col) region["startColumn"] = l.col;
    if (l.end_line) region["endLine"] = l.end_line;
    if (l.end_col && l.end_line) region["endColumn"] = l.end_col;
    p["region"] = std::move(region);
    return p;
}

json location_with_message(const Location& l, const std::string& message) {
    json loc;
    loc["physicalLocation"] = physical_location(l);
    if (!message.empty()) loc["message"]["text"] = message;
    return loc;
}

std::string trimmed(const std::string& s) {
    size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t\r");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
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
    return r;
}

}  // namespace

void write_sarif(const ReportInput& in, std::ostream& out) {
    json driver;
    driver["name"] = "vpclint";
    driver["version"] = VPCLINT_VERSION;
    driver["semanticVersion"] = VPCLINT_VERSION;
    driver["informationUri"] = kInformationUri;
    driver["rules"] = json::array();
    std::map<std::string, size_t> rule_index;
    for (const Rule* r : in.rules) {
        rule_index[std::string(r->descriptor->id)] = rule_index.size();
        driver["rules"].push_back(rule_json(*r->descriptor));
    }

    json results = json::array();
    json notifications = json::array();
    std::map<std::string, int> occurrences;  // fingerprint base -> count, for uniqueness
    for (const Diagnostic& d : in.diagnostics) {
        json res;
        res["ruleId"] = d.rule_id;
        if (auto it = rule_index.find(d.rule_id); it != rule_index.end()) res["ruleIndex"] = it->second;
        res["level"] = sarif_level(d.severity);
        std::string text = d.message;
        if (!d.fix.empty()) text += " Fix: " + d.fix;
        // Related locations are linked from the message as [text](id).
        for (size_t i = 0; i < d.related.size(); ++i)
            text += (i ? ", " : " See ") + std::string("[") + d.related[i].message + "](" + std::to_string(i + 1) + ")" +
                    (i + 1 == d.related.size() ? "." : "");
        res["message"]["text"] = text;
        res["locations"] = json::array({json{{"physicalLocation", physical_location(d.loc)}}});
        if (!d.resource.empty())
            res["locations"][0]["logicalLocations"] =
                json::array({json{{"name", d.resource}, {"fullyQualifiedName", d.resource}, {"kind", "resource"}}});
        if (!d.related.empty()) {
            json rel = json::array();
            for (size_t i = 0; i < d.related.size(); ++i) {
                json l = location_with_message(d.related[i].loc, d.related[i].message);
                l["id"] = static_cast<int>(i + 1);
                rel.push_back(std::move(l));
            }
            res["relatedLocations"] = std::move(rel);
        }
        if (!d.path.empty()) {
            json steps = json::array();
            for (const RelatedLocation& p : d.path) steps.push_back(json{{"location", location_with_message(p.loc, p.message)}});
            res["codeFlows"] = json::array({json{{"threadFlows", json::array({json{{"locations", steps}}})}}});
        }
        // Stable when unrelated lines move: no line numbers, only the rule,
        // the resource and the text of the flagged line.
        std::string line = in.source_line ? trimmed(in.source_line(d.loc.file, d.loc.line)) : std::string();
        std::string base = fingerprint_hex(d.rule_id + "\n" + d.loc.file + "\n" + d.resource + "\n" + line);
        res["partialFingerprints"]["primaryLocationLineHash"] = base + ":" + std::to_string(++occurrences[base]);
        if (d.suppressed)
            res["suppressions"] = json::array({json{{"kind", "inSource"}, {"justification", d.justification}}});
        results.push_back(std::move(res));

        if (d.rule_id == "VL001") {
            json n;
            n["level"] = "error";
            n["message"]["text"] = d.message;
            n["locations"] = json::array({json{{"physicalLocation", physical_location(d.loc)}}});
            n["descriptor"]["id"] = "VL001";
            notifications.push_back(std::move(n));
        }
    }

    json run;
    run["tool"]["driver"] = std::move(driver);
    run["automationDetails"]["id"] = "vpclint/";
    std::string root = in.working_directory;
    if (root.empty() || root.back() != '/') root += '/';
    run["originalUriBaseIds"][kSrcRoot]["uri"] = "file://" + uri_encode(root);
    json artifacts = json::array();
    for (const std::string& f : in.files) artifacts.push_back(json{{"location", artifact_location(f)}});
    run["artifacts"] = std::move(artifacts);
    json inv;
    inv["executionSuccessful"] = true;
    inv["workingDirectory"]["uri"] = "file://" + uri_encode(root);
    if (!notifications.empty()) inv["toolExecutionNotifications"] = std::move(notifications);
    run["invocations"] = json::array({std::move(inv)});
    run["results"] = std::move(results);

    json doc;
    doc["$schema"] = "https://json.schemastore.org/sarif-2.1.0.json";
    doc["version"] = "2.1.0";
    doc["runs"] = json::array({std::move(run)});
    out << doc.dump(2) << "\n";
}

}  // namespace vpclint
