#include "cli/analyze_file.h"

#include "cli/classify.h"
#include "parsers/cfn/cfn_frontend.h"
#include "parsers/text_positions.h"

#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vpclint {

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

}  // namespace

namespace {

FileResult analyze_unguarded(const std::string& path, std::string& text, const FrontendOptions& opts,
                             const RuleFilter& filter) {
    LoadResult loaded = load_document(path, text, opts.max_file_bytes);
    ClassifiedInput c = classify_input(loaded.error ? nullptr : loaded.doc.get(), text);
    if (c.what == Classification::Broken) return parse_failure(path, loaded.error->message, loaded.error->pos, filter);
    FileResult r;
    r.path = path;
    r.kind = c.kind;
    if (c.what == Classification::Skip) return r;
    r.analysed = true;
    if (r.kind == InputKind::CloudFormation) r.declared_parameters = declared_parameters(*loaded.doc);
    // CloudFormation scenarios are built and checked one at a time (each
    // released before the next); plans and states have one model.
    std::vector<Suppression> suppressions;
    if (r.kind == InputKind::CloudFormation) {
        CfnScenarios scenarios(*loaded.doc, opts);
        r.diagnostics = check_model_stream(
            scenarios.count(),
            [&](size_t i, Model& scratch) -> const Model& { return scratch = scenarios.scenario(i); }, filter,
            &suppressions);
    } else {
        std::vector<Model> models = build_models(*loaded.doc, r.kind, opts);
        r.diagnostics = check_models(models, filter);
        suppressions = std::move(models.front().suppressions);
    }
    // Suppression comments are looked up by line only when the file has
    // one at all; the line table is built once (not a scan per finding).
    if (text.find("vpclint") != std::string::npos) {
        LineTable lines(text);
        const std::string& src = text;
        apply_suppressions(r.diagnostics, suppressions, [&](uint32_t line) {
            if (line == 0 || line > lines.line_count()) return std::string();
            size_t b = lines.line_start(line - 1);
            size_t e = src.find('\n', b);
            return src.substr(b, (e == std::string::npos ? src.size() : e) - b);
        });
    } else {
        apply_suppressions(r.diagnostics, suppressions, [](uint32_t) { return std::string(); });
    }
    return r;
}

}  // namespace

FileResult analyze_text(const std::string& path, std::string text, const FrontendOptions& opts,
                        const RuleFilter& filter) {
    FileResult r;
    std::string failure;
    // A defect of ours (or memory running out on one file) must not hide
    // the other files' results: it becomes this file's VL001.
    try {
        r = analyze_unguarded(path, text, opts, filter);
    } catch (const std::exception& e) {
        failure = e.what();
    } catch (...) {
        failure = "unknown exception";
    }
    if (!failure.empty()) {
        InputKind kind = r.kind;
        r = parse_failure(path, "internal error while analysing (" + failure + "); please report it with this file", {1, 1},
                          filter);
        r.kind = kind;
    }
    r.source = std::move(text);
    return r;
}

FileResult analyze_file(const std::string& path, const FrontendOptions& opts, const RuleFilter& filter) {
    std::string text, error;
    if (!read_file(path, text, error, opts.max_file_bytes)) return parse_failure(path, error, {1, 1}, filter);
    return analyze_text(path, std::move(text), opts, filter);
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
