#include "cli/lsp/code_actions.h"

#include <algorithm>

#include "core/document.h"

namespace vpclint::lsp {

namespace {

bool overlaps(const Range& a, const Range& b) { return contains(a, b.start) || contains(a, b.end) || contains(b, a.start); }

bool is_json_text(std::string_view text) {
    size_t b = text.find_first_not_of(" \t\r\n");
    return b != std::string_view::npos && (text[b] == '{' || text[b] == '[');
}

json text_edit(Position at, Position end, std::string text) {
    return {{"range", range_json({at, end})}, {"newText", std::move(text)}};
}

json action(const std::string& title, const Shown& s, const std::string& uri, json edit, bool preferred = false) {
    json a = {{"title", title},
              {"kind", "quickfix"},
              {"diagnostics", json::array({s.lsp})},
              {"edit", {{"changes", {{uri, json::array({std::move(edit)})}}}}}};
    if (preferred) a["isPreferred"] = true;
    return a;
}

// Is the mapping written in flow style (`{...}`, always so in JSON)?
bool flow_mapping(std::string_view text, const Node& n) {
    size_t at = offset_of(text, position_of(text, n.begin.line, n.begin.col));
    return at < text.size() && text[at] == '{';
}

// The text that makes `body` (a YAML block, lines relative to column 0) the
// first entries of `mapping`: at the start of its first key's line, each
// line indented like that key.
std::optional<json> insert_first_entry(std::string_view text, const Node& mapping, const std::string& block,
                                       const std::string& flow) {
    if (!mapping.is_mapping() || mapping.entries.empty()) return std::nullopt;
    const MapEntry& first = mapping.entries.front();
    Position key = position_of(text, first.key_begin.line, first.key_begin.col);
    if (flow_mapping(text, mapping)) return text_edit(key, key, flow + ", ");
    // Block style: the key must open its line (only blanks before it).
    size_t line_start = offset_of(text, {key.line, 0}), at = offset_of(text, key);
    std::string_view indent = text.substr(line_start, at - line_start);
    if (indent.find_first_not_of(' ') != std::string_view::npos) return std::nullopt;
    std::string out;
    size_t pos = 0;
    while (pos < block.size()) {
        size_t nl = block.find('\n', pos);
        out += std::string(indent) + block.substr(pos, nl - pos) + "\n";
        pos = nl == std::string::npos ? block.size() : nl + 1;
    }
    return text_edit({key.line, 0}, {key.line, 0}, out);
}

std::optional<json> metadata_edit(std::string_view text, const Document& doc, const Diagnostic& d, bool json_text) {
    const Node* resources = doc.root ? doc.root->get("Resources") : nullptr;
    const Node* res = resources && resources->is_mapping() ? resources->get(d.resource) : nullptr;
    if (!res || !res->is_mapping()) return std::nullopt;
    std::string q = json_text ? "\"" : "";
    std::string item_flow = "{" + q + "rule" + q + ": " + q + d.rule_id + q + ", " + q + "reason" + q + ": \"" +
                            kReasonPlaceholder + "\"}";
    std::string ignore_flow = q + "vpclint" + q + ": {" + q + "ignore" + q + ": [" + item_flow + "]}";
    std::string ignore_block = "vpclint:\n  ignore:\n    - rule: " + d.rule_id + "\n      reason: \"" +
                               std::string(kReasonPlaceholder) + "\"";
    const Node* meta = res->get("Metadata");
    if (!meta) {
        std::string block = "Metadata:\n";
        for (size_t pos = 0; pos < ignore_block.size();) {
            size_t nl = ignore_block.find('\n', pos);
            block += "  " + ignore_block.substr(pos, nl - pos) + "\n";
            pos = nl == std::string::npos ? ignore_block.size() : nl + 1;
        }
        block.pop_back();
        return insert_first_entry(text, *res, block, q + "Metadata" + q + ": {" + ignore_flow + "}");
    }
    if (!meta->is_mapping()) return std::nullopt;
    const Node* vl = meta->get("vpclint");
    if (!vl) return insert_first_entry(text, *meta, ignore_block, ignore_flow);
    if (!vl->is_mapping()) return std::nullopt;
    const Node* ignore = vl->get("ignore");
    if (!ignore) {
        std::string block = "ignore:\n  - rule: " + d.rule_id + "\n    reason: \"" + kReasonPlaceholder + "\"";
        return insert_first_entry(text, *vl, block, q + "ignore" + q + ": [" + item_flow + "]");
    }
    // A list already: the new item goes first. A single scalar (`ignore:
    // VL101`) would have to become a list; that rewrite is left to the user.
    if (!ignore->is_sequence() || ignore->items.empty() || !ignore->items.front()) return std::nullopt;
    const Node& first = *ignore->items.front();
    Position at = position_of(text, first.begin.line, first.begin.col);
    size_t seq_at = offset_of(text, position_of(text, ignore->begin.line, ignore->begin.col));
    if (seq_at < text.size() && text[seq_at] == '[') return text_edit(at, at, item_flow + ", ");
    // Block sequence: the first item's line is `<indent>- <item>`.
    size_t line_start = offset_of(text, {at.line, 0}), item = offset_of(text, at);
    std::string_view prefix = text.substr(line_start, item - line_start);
    size_t dash = prefix.find_first_not_of(' ');
    if (dash == std::string_view::npos || prefix[dash] != '-' || prefix.find_first_not_of(' ', dash + 1) != std::string_view::npos)
        return std::nullopt;
    std::string indent(dash, ' ');
    return text_edit({at.line, 0}, {at.line, 0},
                     indent + "- rule: " + d.rule_id + "\n" + indent + "  reason: \"" + kReasonPlaceholder + "\"\n");
}

// The literal's scalar node: the one that starts where the finding points.
const Node* scalar_at(const Node* n, const Location& loc, unsigned depth = 0) {
    if (!n || depth > kMaxDepth) return nullptr;
    if (n->is_scalar()) return n->begin.line == loc.line && n->begin.col == loc.col ? n : nullptr;
    if (n->begin.line > loc.line) return nullptr;
    for (const Node* i : n->items)
        if (const Node* f = scalar_at(i, loc, depth + 1)) return f;
    for (const MapEntry& e : n->entries)
        if (const Node* f = scalar_at(e.value, loc, depth + 1)) return f;
    return nullptr;
}

// The parameter or resource a VL504 literal should reference, or "".
std::string ref_target(const Document& doc, const Model& model, const Diagnostic& d, const std::string& literal) {
    const Function* f = nullptr;
    for (const Function& fn : model.functions)
        if (fn.id == d.resource) f = &fn;
    if (!f) return {};
    auto listed_at = [&](const LinkList& list) {
        return std::any_of(list.items.begin(), list.items.end(),
                           [&](const Link& l) { return l.loc.line == d.loc.line && l.loc.col == d.loc.col; });
    };
    bool subnet = listed_at(f->subnets), group = listed_at(f->security_groups);
    if (subnet == group) return {};
    const std::vector<std::string> param_types =
        subnet ? std::vector<std::string>{"AWS::EC2::Subnet::Id", "AWS::SSM::Parameter::Value<AWS::EC2::Subnet::Id>"}
               : std::vector<std::string>{"AWS::EC2::SecurityGroup::Id",
                                          "AWS::SSM::Parameter::Value<AWS::EC2::SecurityGroup::Id>"};
    const std::string resource_type = subnet ? "AWS::EC2::Subnet" : "AWS::EC2::SecurityGroup";
    auto type_of = [](const Node* n) -> std::string {
        const Node* t = n && n->is_mapping() ? n->get("Type") : nullptr;
        return t && t->is_scalar() ? t->text : std::string();
    };
    const Node* params = doc.root->get("Parameters");
    const Node* resources = doc.root->get("Resources");
    std::vector<std::string> typed;
    if (params && params->is_mapping())
        for (const MapEntry& e : params->entries) {
            // A parameter of the literal's name is what was meant, whatever its type.
            if (e.key == literal) return literal;
            std::string t = type_of(e.value);
            if (std::find(param_types.begin(), param_types.end(), t) != param_types.end()) typed.push_back(e.key);
        }
    if (resources && resources->is_mapping())
        for (const MapEntry& e : resources->entries) {
            if (type_of(e.value) != resource_type) continue;
            if (e.key == literal) return literal;
            typed.push_back(e.key);
        }
    return typed.size() == 1 ? typed.front() : std::string();
}

}  // namespace

json code_actions(const Snapshot& doc, Range range, const AnalysisConfig& config) {
    json out = json::array();
    if (!doc.analysable || doc.text.size() > kMaxFileBytes) return out;
    std::vector<const Shown*> hits;
    for (const Shown& s : doc.shown)
        if (s.diagnostic.rule_id != "VL001" && overlaps(s.range, range)) hits.push_back(&s);
    if (hits.empty()) return out;
    LoadResult loaded = load_document(doc.path, doc.text);
    if (loaded.error || classify_document(*loaded.doc) != InputKind::CloudFormation) return out;
    const Document& tree = *loaded.doc;
    bool json_text = is_json_text(doc.text);
    std::vector<Model> models;
    try {
        models = build_models(tree, InputKind::CloudFormation, config.frontend);
    } catch (const std::exception&) {
        models.clear();
    }
    for (const Shown* s : hits) {
        const Diagnostic& d = s->diagnostic;
        if (d.rule_id == "VL504" && !models.empty()) {
            const Node* lit = scalar_at(tree.root, d.loc);
            std::string target = lit ? ref_target(tree, models.front(), d, lit->text) : std::string();
            if (!target.empty()) {
                Range r = range_of(doc.text, tree.location(*lit));
                std::string ref = json_text ? "{\"Ref\": \"" + target + "\"}" : "!Ref " + target;
                out.push_back(action("Replace with !Ref " + target, *s, doc.uri, text_edit(r.start, r.end, ref), true));
            }
        }
        if (std::optional<json> e = metadata_edit(doc.text, tree, d, json_text))
            out.push_back(action("Suppress " + d.rule_id + " for this resource", *s, doc.uri, std::move(*e)));
        if (!json_text && d.loc.line > 0) {
            Position line_start{d.loc.line - 1, 0};
            size_t a = offset_of(doc.text, line_start);
            size_t b = doc.text.find('\n', a);
            std::string_view line = std::string_view(doc.text).substr(a, b == std::string::npos ? std::string::npos : b - a);
            if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
            // A line with a comment already (or a '#' in a value) is left alone.
            if (line.find('#') == std::string_view::npos) {
                Position end = position_of_offset(doc.text, a + line.size());
                out.push_back(action("Suppress " + d.rule_id + " on this line", *s, doc.uri,
                                     text_edit(end, end, "  # vpclint: ignore " + d.rule_id + " " + kReasonPlaceholder)));
            }
        }
    }
    return out;
}

}  // namespace vpclint::lsp
