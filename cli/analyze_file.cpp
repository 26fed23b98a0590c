#include "cli/analyze_file.h"

#include "cli/classify.h"
#include "core/rule.h"
#include "parsers/cfn/cfn_frontend.h"
#include "parsers/terraform/remote_state.h"
#include "parsers/text_positions.h"

#include <algorithm>
#include <exception>
#include <functional>
#include <optional>
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

bool read_file(const std::string& path, std::string& out, std::string& error, size_t max_bytes) {
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) {
        error = "cannot read file: " + ec.message();
        return false;
    }
    if (size > max_bytes) {
        error = file_too_large_message(size, max_bytes);
        return false;
    }
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot open file";
        return false;
    }
    // Read into a buffer of the file's size: a stream grown by doubling held
    // up to twice a large plan's size while it copied.
    out.resize(static_cast<size_t>(size));
    in.read(out.data(), static_cast<std::streamsize>(out.size()));
    out.resize(static_cast<size_t>(in.gcount()));
    if (in.bad()) {
        error = "cannot read file";
        return false;
    }
    if (in.peek() != std::char_traits<char>::eof()) {
        // The file grew since its size was taken: read the rest as well.
        std::ostringstream rest;
        rest << in.rdbuf();
        out += std::move(rest).str();
        if (out.size() > max_bytes) {
            error = file_too_large_message(out.size(), max_bytes);
            return false;
        }
    }
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

// Suppressions, and the suppression hygiene of VL003/VL004. Comments are
// looked up by line only when the file mentions vpclint at all; the line
// table is built once (not a scan from the top per finding).
void finish_diagnostics(FileResult& r, const std::string& src, const std::vector<Suppression>& declared,
                        const RuleFilter& filter) {
    std::optional<LineTable> lines;
    if (src.find("vpclint") != std::string::npos) lines.emplace(src);
    auto line_of = [&](uint32_t line) -> std::string {
        if (!lines || line == 0 || line > lines->line_count()) return {};
        size_t b = lines->line_start(line - 1);
        size_t e = src.find('\n', b);
        return src.substr(b, (e == std::string::npos ? src.size() : e) - b);
    };
    apply_suppressions(r.diagnostics, declared, line_of);
    report_inline_without_reason(filter, line_of, r.diagnostics);
    report_unused_suppressions(declared, filter, r.diagnostics);
}

std::string internal_error(const std::string& what) {
    return "internal error while analysing (" + what + "); please report it with this file";
}

void prepare_unguarded(PreparedFile& p, const std::string& path, const std::string& text, const FrontendOptions& opts,
                       const RuleFilter& filter, const ModelHook& hook) {
    LoadResult loaded = load_document(path, text, opts.max_file_bytes);
    ClassifiedInput c = classify_input(loaded.error ? nullptr : loaded.doc.get(), text);
    if (c.what == Classification::Broken) {
        p.result = parse_failure(path, loaded.error->message, loaded.error->pos, filter);
        return;
    }
    FileResult& r = p.result;
    r.path = path;
    r.kind = c.kind;
    if (c.what == Classification::Skip) return;
    r.analysed = true;
    if (r.kind == InputKind::CloudFormation) {
        r.declared_parameters = declared_parameters(*loaded.doc);
        p.exports = cfn::stack_exports(*loaded.doc, opts.parameters);
        p.nested = cfn::nested_stacks(*loaded.doc, opts.parameters);
        // A template that takes no part in linking (it exports and imports
        // nothing and nests no stack) is checked here, one condition
        // scenario at a time, each released before the next: the memory of
        // one model, not of every scenario.
        if (p.exports.empty() && p.nested.empty() && text.find("ImportValue") == std::string::npos) {
            CfnScenarios scenarios(*loaded.doc, opts);
            std::vector<Suppression> declared;
            auto build = [&](size_t i) {
                std::vector<Model> one;
                one.push_back(scenarios.scenario(i));
                if (hook) hook(one);
                return std::move(one.front());
            };
            // The configuration's declared needs name resources the
            // template does not tie to their functions: the slices read
            // them from the first scenario's model, which is kept for the
            // check.
            std::optional<Model> first = build(0);
            std::vector<std::pair<std::string, std::string>> needs;
            for (const Function& f : first->functions)
                for (const DeclaredNeed& n : f.declared_needs) needs.emplace_back(f.id, n.need);
            // Only as many scenarios as tell the resources' findings apart
            // are built and checked (cfn/scenario_slices.h).
            r.diagnostics = check_scenario_slices(
                scenarios.slices(needs),
                [&](size_t i, Model& scratch) -> const Model& {
                    if (i == 0 && first) {
                        scratch = std::move(*first);
                        first.reset();
                    } else {
                        scratch = build(i);
                    }
                    return scratch;
                },
                filter, &declared);
            finish_diagnostics(r, text, declared, filter);
            return;
        }
    }
    if (r.kind == InputKind::TerraformPlan) p.remote_state_outputs = tf::remote_state_outputs(*loaded.doc);
    if (r.kind == InputKind::TerraformState) p.resource_ids = tf::resource_ids(*loaded.doc);
    p.models = build_models(*loaded.doc, r.kind, opts);
    for (Model& m : p.models) r.other_sources.merge(m.source_texts);
    if (hook) hook(p.models);
}

}  // namespace

PreparedFile prepare_text(const std::string& path, std::string text, const FrontendOptions& opts,
                          const RuleFilter& filter, const ModelHook& hook) {
    PreparedFile p;
    std::string failure;
    // A defect of ours (or memory running out on one file) must not hide
    // the other files' results: it becomes this file's VL001.
    try {
        prepare_unguarded(p, path, text, opts, filter, hook);
    } catch (const std::exception& e) {
        failure = e.what();
    } catch (...) {
        failure = "unknown exception";
    }
    if (!failure.empty()) {
        InputKind kind = p.result.kind;
        p = PreparedFile{};
        p.result = parse_failure(path, internal_error(failure), {1, 1}, filter);
        p.result.kind = kind;
    }
    p.result.source = std::move(text);
    return p;
}

void finish_file(PreparedFile& p, const RuleFilter& filter) {
    if (p.models.empty()) return;
    FileResult& r = p.result;
    std::string failure;
    try {
        r.diagnostics = check_models(p.models, filter);
        std::erase_if(r.diagnostics, [&](const Diagnostic& d) {
            return std::find(p.linked_files.begin(), p.linked_files.end(), d.loc.file) != p.linked_files.end();
        });
        finish_diagnostics(r, r.source, p.models.front().suppressions, filter);
    } catch (const std::exception& e) {
        failure = e.what();
    } catch (...) {
        failure = "unknown exception";
    }
    if (!failure.empty()) {
        FileResult f = parse_failure(r.path, internal_error(failure), {1, 1}, filter);
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

PreparedFile prepare_file(const std::string& path, const FrontendOptions& opts, const RuleFilter& filter,
                          const ModelHook& hook) {
    std::string text, error;
    if (!read_file(path, text, error, opts.max_file_bytes)) {
        PreparedFile p;
        p.result = parse_failure(path, error, {1, 1}, filter);
        return p;
    }
    return prepare_text(path, std::move(text), opts, filter, hook);
}

FileResult analyze_file(const std::string& path, const FrontendOptions& opts, const RuleFilter& filter) {
    PreparedFile p = prepare_file(path, opts, filter);
    finish_file(p, filter);
    return std::move(p.result);
}

std::vector<Model> models_of_file(const std::string& path, const FrontendOptions& opts, std::string* error) {
    std::string text, err;
    if (!read_file(path, text, err, opts.max_file_bytes)) {
        if (error) *error = err;
        return {};
    }
    LoadResult loaded = load_document(path, text, opts.max_file_bytes);
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
