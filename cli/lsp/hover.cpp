#include "cli/lsp/hover.h"

#include "core/analyses.h"
#include "core/explain_function.h"
#include "core/rule.h"

namespace vpclint::lsp {

namespace {

bool word_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '-' ||
           c == '.' || c == '[' || c == ']' || c == ':';
}

std::string finding_markdown(const Diagnostic& d) {
    std::string md = "**" + d.rule_id + " " + d.slug + "**";
    const Rule* rule = find_rule(d.rule_id);
    if (rule) md += ": " + std::string(rule->descriptor->summary);
    md += "\n\n" + d.message + "\n\n";
    if (rule && !rule->descriptor->rationale.empty()) md += "**Why:** " + std::string(rule->descriptor->rationale) + "\n\n";
    std::string fix = !d.fix.empty() ? d.fix : rule ? std::string(rule->descriptor->fix) : std::string();
    if (!fix.empty()) md += "**Fix:** " + fix + "\n\n";
    if (!d.path.empty()) {
        md += "**Path:**\n";
        for (const RelatedLocation& r : d.path)
            md += "- " + r.message + (r.loc.known() ? " (line " + std::to_string(r.loc.line) + ")" : "") + "\n";
        md += "\n";
    }
    md += "[" + d.rule_id + " documentation](" + rule_docs_url(d.rule_id) + ")";
    return md;
}

}  // namespace

std::string word_at(std::string_view text, Position p, Range* range) {
    size_t at = offset_of(text, p);
    size_t a = at, b = at;
    while (a > 0 && word_char(text[a - 1])) --a;
    while (b < text.size() && word_char(text[b])) ++b;
    while (b > a && text[b - 1] == ':') --b;  // `OrdersFunction:` is the key OrdersFunction
    if (a == b) return {};
    if (range) *range = {position_of_offset(text, a), position_of_offset(text, b)};
    return std::string(text.substr(a, b - a));
}

json hover(const Snapshot& doc, Position p, const AnalysisConfig& config) {
    if (!doc.analysable) return nullptr;
    std::string md;
    Range range{};
    bool have_range = false;
    for (const Shown& s : doc.shown) {
        if (!contains(s.range, p)) continue;
        if (!md.empty()) md += "\n\n---\n\n";
        md += finding_markdown(s.diagnostic);
        if (!have_range) range = s.range, have_range = true;
    }
    if (md.empty() && doc.text.size() <= kMaxFileBytes) {
        Range word_range;
        std::string word = word_at(doc.text, p, &word_range);
        if (word.empty()) return nullptr;
        LoadResult loaded = load_document(doc.path, doc.text);
        if (loaded.error) return nullptr;
        InputKind kind = classify_document(*loaded.doc);
        if (kind == InputKind::Unknown) return nullptr;
        std::vector<Model> models;
        try {
            models = build_models(*loaded.doc, kind, config.frontend);
        } catch (const std::exception&) {
            return nullptr;  // analysis itself reports this as VL001
        }
        for (const Model& m : models) {
            bool has = std::any_of(m.functions.begin(), m.functions.end(), [&](const Function& f) { return f.id == word; });
            if (!has) continue;
            if (!md.empty()) md += "\n\n---\n\n";
            if (models.size() > 1) md += "*Scenario: " + (m.scenario.empty() ? std::string("every") : m.scenario) + "*\n\n";
            md += "```\n" + explain_function(m, compute_analyses(m), word) + "\n```";
        }
        if (md.empty()) return nullptr;
        range = word_range;
        have_range = true;
    }
    if (md.empty()) return nullptr;
    json h = {{"contents", {{"kind", "markdown"}, {"value", md}}}};
    if (have_range) h["range"] = range_json(range);
    return h;
}

}  // namespace vpclint::lsp
