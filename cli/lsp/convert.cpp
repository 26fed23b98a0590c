#include "cli/lsp/convert.h"

#include <filesystem>

namespace vpclint::lsp {

namespace {

int hex_value(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

bool token_end(char c) {
    return c == ' ' || c == '\t' || c == ',' || c == ']' || c == '}' || c == '\r' || c == '\n' || c == '#';
}

// 1 error, 2 warning, 3 information (LSP DiagnosticSeverity).
int lsp_severity(Severity s) {
    switch (s) {
        case Severity::Error: return 1;
        case Severity::Warning: return 2;
        case Severity::Note: return 3;
    }
    return 3;
}

bool before(Position a, Position b) { return a.line < b.line || (a.line == b.line && a.character < b.character); }

}  // namespace

std::string path_of_uri(std::string_view uri) {
    constexpr std::string_view kFile = "file://";
    if (uri.substr(0, kFile.size()) != kFile) return std::string(uri);
    std::string_view rest = uri.substr(kFile.size());
    // file://host/path: only the local host (empty or localhost) is a path here.
    if (rest.substr(0, 9) == "localhost") rest.remove_prefix(9);
    std::string out;
    for (size_t i = 0; i < rest.size(); ++i) {
        if (rest[i] == '%' && i + 2 < rest.size()) {
            int h = hex_value(rest[i + 1]), l = hex_value(rest[i + 2]);
            if (h >= 0 && l >= 0) {
                out += static_cast<char>(h * 16 + l);
                i += 2;
                continue;
            }
        }
        out += rest[i];
    }
    return out;
}

std::string uri_of_path(std::string_view path) {
    if (path.find("://") != std::string_view::npos || path.substr(0, 9) == "untitled:") return std::string(path);
    std::string abs = path.empty() || path[0] != '/' ? std::filesystem::absolute(std::string(path)).lexically_normal().string()
                                                     : std::string(path);
    static const char* kHex = "0123456789ABCDEF";
    std::string out = "file://";
    for (unsigned char c : abs) {
        bool plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '/' ||
                     c == '-' || c == '_' || c == '.' || c == '~';
        if (plain) {
            out += static_cast<char>(c);
        } else {
            out += '%';
            out += kHex[c >> 4];
            out += kHex[c & 15];
        }
    }
    return out;
}

std::string rule_docs_url(std::string_view rule_id) {
    // reporters/sarif_reporter.cpp forms helpUri the same way.
    return "https://github.com/vpclint/vpclint/blob/main/docs/rules/" + std::string(rule_id) + ".md";
}

Range range_of(std::string_view text, const Location& loc) { return range_of(LineIndex(text), loc); }

Range range_of(const LineIndex& index, const Location& loc) {
    std::string_view text = index.text();
    Range r;
    r.start = position_of(index, loc.line, loc.col);
    if (loc.end_line != 0 && (loc.end_line > loc.line || (loc.end_line == loc.line && loc.end_col > loc.col))) {
        r.end = position_of(index, loc.end_line, loc.end_col);
        if (before(r.start, r.end)) return r;
    }
    // The token at the start: to the next blank or delimiter on the line.
    size_t a = offset_of(index, r.start), b = a;
    while (b < text.size() && !token_end(text[b])) ++b;
    if (b == a) {
        while (b < text.size() && text[b] != '\n' && text[b] != '\r') ++b;
    }
    r.end = position_of_offset(index, b);
    return r;
}

json range_json(const Range& r) {
    return {{"start", {{"line", r.start.line}, {"character", r.start.character}}},
            {"end", {{"line", r.end.line}, {"character", r.end.character}}}};
}

bool contains(const Range& r, Position p) { return !before(p, r.start) && !before(r.end, p); }

json diagnostic_json(const Diagnostic& d, const LineIndex& index, std::string_view uri) {
    json j = {{"range", range_json(range_of(index, d.loc))},
              {"severity", lsp_severity(d.severity)},
              {"code", d.rule_id},
              {"codeDescription", {{"href", rule_docs_url(d.rule_id)}}},
              {"source", "vpclint"},
              {"message", d.fix.empty() ? d.message : d.message + "\nFix: " + d.fix}};
    json related = json::array();
    // The explanation path first (the chain subnet -> route table -> route ->
    // gateway), then the other involved resources.
    for (const std::vector<RelatedLocation>* list : {&d.path, &d.related}) {
        for (const RelatedLocation& r : *list) {
            if (!r.loc.known()) continue;
            bool same = r.loc.file.empty() || r.loc.file == d.loc.file;
            // Another file's text is not at hand: its line is exact, its column best effort.
            Range range = same ? range_of(index, r.loc)
                               : Range{{r.loc.line - 1, r.loc.col ? r.loc.col - 1 : 0}, {r.loc.line - 1, r.loc.col ? r.loc.col - 1 : 0}};
            related.push_back({{"location", {{"uri", same ? std::string(uri) : uri_of_path(r.loc.file)}, {"range", range_json(range)}}},
                               {"message", r.message}});
        }
    }
    if (!related.empty()) j["relatedInformation"] = std::move(related);
    return j;
}

}  // namespace vpclint::lsp
