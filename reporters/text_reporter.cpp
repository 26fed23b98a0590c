// For people: the finding, the source line with a caret under the column, the
// fix, the explanation path and related locations, then a summary.
#include <algorithm>
#include <set>
#include <string_view>
#include <vector>

#include "reporters/format_writers.h"

namespace vpclint {

namespace {

struct Style {
    bool on;
    std::string operator()(const char* code, const std::string& s) const {
        return on ? std::string("\x1b[") + code + "m" + s + "\x1b[0m" : s;
    }
};

const char* colour_of(Severity s) { return s == Severity::Error ? "1;31" : s == Severity::Warning ? "1;33" : "1;36"; }

std::string plural(size_t n, const char* word) {
    return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

std::string position(const Location& l) {
    return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.col);
}

// Messages are meant to be one sentence, but one that quotes a value with a
// line break must not look like the start of the next finding.
std::string indent_continuation(const std::string& s) {
    std::string out;
    for (char c : s) {
        out += c;
        if (c == '\n') out += "    ";
    }
    return out;
}

// Columns count characters (code points), so UTF-8 continuation bytes take no
// place; tabs are copied so the caret lines up whatever the tab width.
std::string caret_line(const std::string& line, uint32_t col, uint32_t end_col) {
    std::string pad;
    uint32_t c = 1;
    for (size_t i = 0; i < line.size() && c < col; ++i) {
        unsigned char ch = static_cast<unsigned char>(line[i]);
        if ((ch & 0xC0) == 0x80) continue;
        pad += ch == '\t' ? '\t' : ' ';
        ++c;
    }
    size_t width = end_col > col ? end_col - col : 1;
    return pad + std::string(std::min<size_t>(width, 120), '^');
}

// A source line cut to at most kShownWidth code points around `col`, with
// "…" where text was left out, and the caret columns moved to match:
// minified plan JSON is one line of many thousands of characters.
constexpr uint32_t kShownWidth = 160;

struct Shown {
    std::string line;
    uint32_t col = 0, end_col = 0;
};

Shown clip_line(std::string_view line, uint32_t col, uint32_t end_col) {
    // Code points are counted only as far as the window needs: the cost is
    // the column, never the whole line.
    uint32_t c = std::max<uint32_t>(col, 1);
    size_t first = c > kShownWidth / 3 ? c - 1 - kShownWidth / 3 : 0;  // 0-based code point
    std::vector<size_t> starts;  // byte offset of each code point, up to the window's end
    size_t want = first + kShownWidth + 1;
    for (size_t i = 0; i < line.size() && starts.size() < want; ++i)
        if ((static_cast<unsigned char>(line[i]) & 0xC0) != 0x80) starts.push_back(i);
    bool longer = starts.size() == want;
    if (!longer && starts.size() <= kShownWidth) return {std::string(line), col, end_col};
    if (!longer) {
        // The line ends inside the window: show its last kShownWidth code points.
        first = std::min(first, starts.size() - kShownWidth);
    }
    size_t last = first + kShownWidth;  // one past
    Shown s;
    bool head = first > 0, tail = last < starts.size();
    size_t from = starts[first], to = tail ? starts[last] : line.size();
    s.line = (head ? "…" : "") + std::string(line.substr(from, to - from)) + (tail ? "…" : "");
    auto move = [&](uint32_t x) -> uint32_t {
        if (!x) return 0;
        uint32_t shifted = x > first ? static_cast<uint32_t>(x - first) : 1;
        return std::min<uint32_t>(shifted, static_cast<uint32_t>(kShownWidth + 1)) + (head ? 1 : 0);
    };
    s.col = move(col);
    s.end_col = move(end_col);
    return s;
}

}  // namespace

std::string summary_line(const ReportInput& in) {
    size_t errors = 0, warnings = 0, notes = 0;
    std::set<std::string> files;
    for (const Diagnostic& d : in.diagnostics) {
        (d.severity == Severity::Error ? errors : d.severity == Severity::Warning ? warnings : notes)++;
        files.insert(d.loc.file);
    }
    size_t total = std::max(in.files.size(), files.size());
    // A run that checked nothing, or not everything it was asked to, must not
    // read as a clean one.
    std::string missing = in.missing_paths.empty() ? "" : plural(in.missing_paths.size(), "path") + " not found; ";
    if (in.diagnostics.empty() && total == 0) return missing + "no template or plan analysed";
    if (in.diagnostics.empty())
        return missing + (missing.empty() ? "no problems in " : "no findings in the ") + plural(total, "file") +
               (missing.empty() ? "" : " analysed");
    std::string parts;
    auto add = [&](size_t n, const char* w) {
        if (!n) return;
        if (!parts.empty()) parts += ", ";
        parts += plural(n, w);
    };
    add(errors, "error");
    add(warnings, "warning");
    add(notes, "note");
    return missing + parts + " in " + std::to_string(files.size()) + " of " + plural(total, "file");
}

void write_text(const ReportInput& in, std::ostream& out) {
    Style st{in.color};
    for (const Diagnostic& d : in.diagnostics) {
        out << st("1", position(d.loc)) << ": " << st(colour_of(d.severity), std::string(severity_name(d.severity)))
            << "[" << d.rule_id << "] " << indent_continuation(d.message);
        if (!d.resource.empty()) out << " (" << d.resource << ")";
        out << "\n";
        std::string copied;
        std::string_view line;
        if (in.source_view) {
            line = in.source_view(d.loc.file, d.loc.line);
        } else if (in.source_line) {
            copied = in.source_line(d.loc.file, d.loc.line);
            line = copied;
        }
        if (!line.empty()) {
            Shown shown = clip_line(line, d.loc.col, d.loc.end_line == d.loc.line ? d.loc.end_col : 0);
            out << "    " << shown.line << "\n";
            // Without a column a caret would point at the wrong place.
            if (d.loc.col)
                out << "    " << st(colour_of(d.severity), caret_line(shown.line, shown.col, shown.end_col)) << "\n";
        }
        if (!d.fix.empty()) out << "  " << st("1;32", "fix:") << " " << d.fix << "\n";
        for (const RelatedLocation& p : d.path)
            out << "    " << st("2", "→") << " " << position(p.loc) << " " << p.message << "\n";
        for (const RelatedLocation& r : d.related)
            out << "    " << st("1;36", "note:") << " " << position(r.loc) << " " << r.message << "\n";
    }
    if (!in.quiet) out << (in.diagnostics.empty() ? "" : "\n") << summary_line(in) << "\n";
}

}  // namespace vpclint
