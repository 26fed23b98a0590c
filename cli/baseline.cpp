#include "cli/baseline.h"

#include <fstream>
#include <map>
#include <nlohmann/json.hpp>
#include <sstream>

#include "core/document.h"
#include "core/property_path.h"
#include "reporters/fingerprint.h"

namespace vpclint {

std::vector<std::string> baseline_fingerprints(const std::vector<Diagnostic>& ds, const SourceLineFn& source_line) {
    std::vector<std::string> out;
    out.reserve(ds.size());
    std::map<std::string, int> seen;
    for (const Diagnostic& d : ds) {
        std::string line = source_line ? source_line(d.loc.file, d.loc.line) : std::string();
        std::string base = finding_fingerprint_base(d.rule_id, d.loc.file, d.resource, line);
        out.push_back(finding_fingerprint(d.rule_id, d.loc.file, d.resource, line, ++seen[base]));
    }
    return out;
}

void write_baseline(const std::vector<Diagnostic>& ds, const SourceLineFn& source_line, std::ostream& out) {
    std::vector<std::string> fps = baseline_fingerprints(ds, source_line);
    nlohmann::ordered_json findings = nlohmann::ordered_json::array();
    for (size_t i = 0; i < ds.size(); ++i) {
        const Diagnostic& d = ds[i];
        if (d.suppressed) continue;
        nlohmann::ordered_json e;
        e["rule"] = d.rule_id;
        e["file"] = d.loc.file;
        e["resource"] = d.resource;
        if (!d.plan_path.empty()) e["plan_path"] = d.plan_path;
        if (std::string path = path_text(d.loc.path); !path.empty()) e["path"] = path;
        e["fingerprint"] = fps[i];
        // For people reading the file; matching ignores it.
        e["message"] = d.message;
        findings.push_back(std::move(e));
    }
    nlohmann::ordered_json doc;
    doc["vpclint_baseline"] = 1;
    doc["findings"] = std::move(findings);
    out << doc.dump(2) << "\n";
}

bool read_baseline(const std::string& path, Baseline& out, std::string& error) {
    out.path = path;
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "--baseline " + path + ": cannot read the file";
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    std::string text = std::move(ss).str();
    out.text = text;
    LoadResult loaded = load_json(path, text);
    if (loaded.error) {
        error = path + ":" + std::to_string(loaded.error->pos.line) + ":" + std::to_string(loaded.error->pos.col) +
                ": not valid JSON: " + loaded.error->message;
        return false;
    }
    const Node* root = loaded.doc->root;
    const Node* findings = root && root->is_mapping() ? root->get("findings") : nullptr;
    if (!root || !root->is_mapping() || !root->get("vpclint_baseline") || !findings || !findings->is_sequence()) {
        error = path + ": not a vpclint baseline (written by --write-baseline)";
        return false;
    }
    for (const Node* f : findings->items) {
        auto field = [&](const char* k) {
            const Node* v = f && f->is_mapping() ? f->get(k) : nullptr;
            return v && v->is_scalar() ? v->text : std::string();
        };
        BaselineEntry e{field("rule"), field("file"), field("resource"), field("fingerprint"), loaded.doc->location(*f),
                        field("path")};
        if (e.rule.empty() || e.file.empty() || e.fingerprint.empty()) {
            error = path + ":" + std::to_string(e.loc.line) + ":" + std::to_string(e.loc.col) +
                    ": a baseline entry needs rule, file and fingerprint";
            return false;
        }
        out.entries.push_back(std::move(e));
    }
    return true;
}

namespace {

// Earlier versions gave a plan's finding with no .tf file the position of
// its value in the plan JSON as its path ("planned_values/root_module/
// resources/9/values/route/0/instance_id"); such an entry is matched
// without its path, as one that has none.
bool plan_json_path(const std::string& p) {
    return p.rfind("planned_values/", 0) == 0 || p.rfind("values/", 0) == 0 || p.rfind("prior_state/", 0) == 0 ||
           p.rfind("resource_changes/", 0) == 0 || p.rfind("configuration/", 0) == 0;
}

}  // namespace

BaselineMatch apply_baseline(const Baseline& b, std::vector<Diagnostic>& ds, const SourceLineFn& source_line,
                             const SourceLineFn& legacy_line) {
    BaselineMatch m;
    std::vector<std::string> fps = baseline_fingerprints(ds, source_line);
    std::vector<std::string> legacy = legacy_line ? baseline_fingerprints(ds, legacy_line) : std::vector<std::string>();
    // (rule, file, fingerprint) -> the finding; the fingerprint is unique per
    // file and rule (its occurrence number), so each entry takes one finding.
    std::map<std::tuple<std::string, std::string, std::string>, size_t> index;
    for (size_t i = 0; i < ds.size(); ++i) index.emplace(std::make_tuple(ds[i].rule_id, ds[i].loc.file, fps[i]), i);
    for (size_t i = 0; i < legacy.size(); ++i)
        index.emplace(std::make_tuple(ds[i].rule_id, ds[i].loc.file, legacy[i]), i);
    std::vector<bool> taken(ds.size(), false);
    for (size_t e = 0; e < b.entries.size(); ++e) {
        const BaselineEntry& entry = b.entries[e];
        auto it = index.find({entry.rule, entry.file, entry.fingerprint});
        if (it == index.end() || taken[it->second]) {
            m.stale.push_back(e);
            continue;
        }
        Diagnostic& d = ds[it->second];
        // The same line text under another resource or at another property
        // (a list reordered so that another item now sits there) is another
        // finding.
        std::string path = entry.path.empty() || plan_json_path(entry.path) ? std::string() : path_text(d.loc.path);
        if (entry.resource != d.resource || (!path.empty() && path != entry.path)) {
            m.stale.push_back(e);
            continue;
        }
        taken[it->second] = true;
        if (d.rule_id == "VL001") {  // an input that does not parse is never waived
            m.stale.push_back(e);
            continue;
        }
        if (!d.suppressed) {
            ++m.baselined;
            d.baselined = true;
        }
        d.suppressed = true;
        d.baseline_state = "unchanged";
        if (d.justification.empty()) d.justification = "in the baseline " + b.path;
    }
    return m;
}

}  // namespace vpclint
