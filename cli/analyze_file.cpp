#include "cli/analyze_file.h"

#include <exception>
#include <filesystem>
#include <fstream>
#include <sstream>

namespace vpclint {

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

bool looks_like_infrastructure(std::string_view text) {
    return text.find("AWSTemplateFormatVersion") != std::string_view::npos ||
           text.find("AWS::") != std::string_view::npos || text.find("format_version") != std::string_view::npos;
}

}  // namespace

FileResult analyze_text(const std::string& path, std::string text, const FrontendOptions& opts,
                        const RuleFilter& filter, bool explicitly_named) {
    LoadResult loaded = load_document(path, text);
    if (loaded.error) {
        if (!explicitly_named && !looks_like_infrastructure(text)) {
            FileResult skipped;
            skipped.path = path;
            return skipped;
        }
        FileResult r = parse_failure(path, loaded.error->message, loaded.error->pos, filter);
        r.source = std::move(text);
        return r;
    }
    FileResult r;
    r.path = path;
    r.kind = classify_document(*loaded.doc);
    if (r.kind == InputKind::Unknown) return r;
    r.analysed = true;
    try {
        std::vector<Model> models = build_models(*loaded.doc, r.kind, opts);
        r.diagnostics = check_models(models, filter);
        const std::string& src = text;
        apply_suppressions(r.diagnostics, models.front().suppressions, [&src](uint32_t line) {
            size_t pos = 0;
            for (uint32_t l = 1; l < line && pos != std::string::npos; ++l) {
                pos = src.find('\n', pos);
                if (pos != std::string::npos) ++pos;
            }
            if (pos == std::string::npos || line == 0) return std::string();
            return src.substr(pos, src.find('\n', pos) - pos);
        });
    } catch (const std::exception& e) {
        // A defect of ours must not hide the other files' results.
        FileResult f = parse_failure(path, std::string("internal error while analysing: ") + e.what(), {1, 1}, filter);
        f.kind = r.kind;
        r = std::move(f);
    }
    r.source = std::move(text);
    return r;
}

FileResult analyze_file(const std::string& path, const FrontendOptions& opts, const RuleFilter& filter,
                        bool explicitly_named) {
    std::string text, error;
    if (!read_file(path, text, error)) return parse_failure(path, error, {1, 1}, filter);
    return analyze_text(path, std::move(text), opts, filter, explicitly_named);
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
