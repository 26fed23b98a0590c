#include "cli/analyze_file.h"

#include "cli/classify.h"
#include "parsers/terraform/remote_state.h"
#include "core/rule.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vpclint {

namespace rules::VL003 {
Diagnostic finding(const std::string& message, const Location& loc, const std::string& resource);  // rules/VL003_suppression_without_reason.cpp
}
namespace rules::VL004 {
Diagnostic finding(const std::string& message, const Location& loc, const std::string& resource);  // rules/VL004_unused_suppression.cpp
}

namespace {

bool read_file(const std::string& path, std::string& out, std::string& error) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        error = "cannot read file: " + ec.message();
        return false;
    }
    if (size > kMaxFileBytes) {
        error = "file is larger than 50 MiB (" + std::to_string(size) + " bytes); not analysed";
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open file";
        return false;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    out = std::move(ss).str();
    return true;
}

FileResult parse_failure(const std::string& path, const std::string& message, SourcePos pos,
                         const RuleFilter& filter) {
    FileResult r;
    r.path = path;
    r.analysed = true;
    Model m;
    m.file = path;
    m.problems.push_back({ProblemKind::Parse, message, "", Location{path, pos.line, pos.col, pos.line, pos.col}});
    r.diagnostics = check_models({m}, filter);
    return r;
}

// The template's own declarations (CloudFormation `Parameters`), read here
// only to check what the user passed with --parameter against them.
std::map<std::string, std::vector<std::string>> declared_parameters(const Document& doc) {
    std::map<std::string, std::vector<std::string>> out;
    const Node* params = doc.root ? doc.root->get("Parameters") : nullptr;
    if (!params || !params->is_mapping()) return out;
    for (const MapEntry& e : params->entries) {
        std::vector<std::string>& allowed = out[e.key];
        const Node* av = e.value && e.value->is_mapping() ? e.value->get("AllowedValues") : nullptr;
        if (av && av->is_sequence())
            for (const Node* v : av->items)
                if (v && v->is_scalar()) allowed.push_back(v->text);
    }
    return out;
}

// VL004: a declared suppression whose rule ran and found nothing on its
// resource (in any scenario). One of a rule that did not run (--select,
// --ignore) is not known to be unused.
void report_unused_suppressions(const std::vector<Suppression>& declared, const RuleFilter& filter,
                                std::vector<Diagnostic>& diagnostics) {
    if (!filter.enabled("VL004")) return;
    std::vector<Diagnostic> unused;
    for (const Suppression& s : declared) {
        bool ran = false;
        for (const Rule& rule : all_rules())
            if (std::string_view(rule.descriptor->id).rfind(s.rule, 0) == 0 && filter.enabled(rule.descriptor->id))
                ran = true;
        if (!ran) continue;
        bool used = std::any_of(diagnostics.begin(), diagnostics.end(), [&](const Diagnostic& d) {
            return d.resource == s.resource && d.rule_id.rfind(s.rule, 0) == 0;
        });
        if (!used)
            unused.push_back(rules::VL004::finding("The suppression of " + s.rule + " on " + s.resource +
                                                       " matches no finding: the finding was fixed, or the rule id "
                                                       "or resource is wrong; left in place it hides the next one.",
                                                   s.loc, s.resource));
    }
    diagnostics.insert(diagnostics.end(), unused.begin(), unused.end());
    sort_diagnostics(diagnostics);
}

// VL003 for an inline comment that suppresses without a reason (the engine
// then gives it the justification "inline comment"), once per line.
void report_inline_without_reason(const RuleFilter& filter, const std::function<std::string(uint32_t)>& line_of,
                                  std::vector<Diagnostic>& diagnostics) {
    if (!filter.enabled("VL003")) return;
    std::vector<Diagnostic> found;
    std::vector<uint32_t> lines;
    for (const Diagnostic& d : diagnostics) {
        if (!d.suppressed || d.justification != "inline comment") continue;
        if (std::find(lines.begin(), lines.end(), d.loc.line) != lines.end()) continue;
        lines.push_back(d.loc.line);
        std::string text = line_of(d.loc.line);
        size_t at = text.find("vpclint:");
        Location loc{d.loc.file, d.loc.line, at == std::string::npos ? d.loc.col : static_cast<uint32_t>(at + 1), d.loc.line,
                     static_cast<uint32_t>(text.size() + 1)};
        found.push_back(rules::VL003::finding("The inline suppression of " + d.rule_id + " on " + d.resource +
                                                  " gives no reason, so nobody can review later why the finding is "
                                                  "accepted.",
                                              loc, d.resource));
    }
    diagnostics.insert(diagnostics.end(), found.begin(), found.end());
    sort_diagnostics(diagnostics);
}

}  // namespace

PreparedFile prepare_text(const std::string& path, std::string text, const FrontendOptions& opts,
                          const RuleFilter& filter) {
    PreparedFile p;
    LoadResult loaded = load_document(path, text);
    ClassifiedInput c = classify_input(loaded.error ? nullptr : loaded.doc.get(), text);
    if (c.what == Classification::Broken) {
        p.result = parse_failure(path, loaded.error->message, loaded.error->pos, filter);
        p.result.source = std::move(text);
        return p;
    }
    FileResult& r = p.result;
    r.path = path;
    r.kind = c.kind;
    if (c.what == Classification::Skip) return p;
    r.analysed = true;
    if (r.kind == InputKind::CloudFormation) r.declared_parameters = declared_parameters(*loaded.doc);
    try {
        p.models = build_models(*loaded.doc, r.kind, opts);
        if (r.kind == InputKind::CloudFormation) {
            p.exports = cfn::stack_exports(*loaded.doc, opts.parameters);
            p.nested = cfn::nested_stacks(*loaded.doc);
        }
        if (r.kind == InputKind::TerraformPlan) p.remote_state_outputs = tf::remote_state_outputs(*loaded.doc);
        if (r.kind == InputKind::TerraformState) p.resource_ids = tf::resource_ids(*loaded.doc);
    } catch (const std::exception& e) {
        // A defect of ours must not hide the other files' results.
        FileResult f = parse_failure(path, std::string("internal error while analysing: ") + e.what(), {1, 1}, filter);
        f.kind = r.kind;
        r = std::move(f);
        p.models.clear();
    }
    r.source = std::move(text);
    return p;
}

void finish_file(PreparedFile& p, const RuleFilter& filter) {
    if (p.models.empty()) return;
    FileResult& r = p.result;
    try {
        r.diagnostics = check_models(p.models, filter);
        std::erase_if(r.diagnostics, [&](const Diagnostic& d) {
            return std::find(p.linked_files.begin(), p.linked_files.end(), d.loc.file) != p.linked_files.end();
        });
        const std::string& src = r.source;
        const std::vector<Suppression>& declared = p.models.front().suppressions;
        auto line_of = [&src](uint32_t line) {
            size_t pos = 0;
            for (uint32_t l = 1; l < line && pos != std::string::npos; ++l) {
                pos = src.find('\n', pos);
                if (pos != std::string::npos) ++pos;
            }
            if (pos == std::string::npos || line == 0) return std::string();
            return src.substr(pos, src.find('\n', pos) - pos);
        };
        apply_suppressions(r.diagnostics, declared, line_of);
        report_inline_without_reason(filter, line_of, r.diagnostics);
        report_unused_suppressions(declared, filter, r.diagnostics);
    } catch (const std::exception& e) {
        FileResult f = parse_failure(r.path, std::string("internal error while analysing: ") + e.what(), {1, 1}, filter);
        f.kind = r.kind;
        f.source = std::move(r.source);
        r = std::move(f);
    }
    p.models.clear();
    p.models.shrink_to_fit();
}

FileResult analyze_text(const std::string& path, std::string text, const FrontendOptions& opts,
                        const RuleFilter& filter) {
    PreparedFile p = prepare_text(path, std::move(text), opts, filter);
    finish_file(p, filter);
    return std::move(p.result);
}

PreparedFile prepare_file(const std::string& path, const FrontendOptions& opts, const RuleFilter& filter) {
    std::string text, error;
    if (!read_file(path, text, error)) {
        PreparedFile p;
        p.result = parse_failure(path, error, {1, 1}, filter);
        return p;
    }
    return prepare_text(path, std::move(text), opts, filter);
}

FileResult analyze_file(const std::string& path, const FrontendOptions& opts, const RuleFilter& filter) {
    PreparedFile p = prepare_file(path, opts, filter);
    finish_file(p, filter);
    return std::move(p.result);
}

std::vector<Model> models_of_file(const std::string& path, const FrontendOptions& opts, std::string* error) {
    std::string text, err;
    if (!read_file(path, text, err)) {
        if (error) *error = err;
        return {};
    }
    LoadResult loaded = load_document(path, text);
    if (loaded.error) {
        if (error) *error = loaded.error->message;
        return {};
    }
    InputKind kind = classify_document(*loaded.doc);
    if (kind == InputKind::Unknown) {
        if (error) *error = "not a CloudFormation template or Terraform plan/state";
        return {};
    }
    return build_models(*loaded.doc, kind, opts);
}

}  // namespace vpclint
