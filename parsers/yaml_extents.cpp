#include "parsers/yaml_extents.h"

#include <algorithm>

namespace vpclint {

namespace {

constexpr size_t npos = std::string_view::npos;

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }
bool is_flow_indicator(char c) { return c == ',' || c == '[' || c == ']' || c == '{' || c == '}'; }

// End of a token (tag, anchor, alias name): up to a blank, a line break or a
// flow indicator.
size_t token_end(std::string_view s, size_t i) {
    while (i < s.size() && !is_blank(s[i]) && !is_break(s[i]) && !is_flow_indicator(s[i])) ++i;
    return i;
}

size_t line_end(std::string_view s, size_t i) {
    size_t nl = s.find('\n', i);
    return nl == npos ? s.size() : nl;
}

// Skips blanks, line breaks and comments.
size_t skip_separation(std::string_view s, size_t i) {
    while (i < s.size()) {
        if (is_blank(s[i]) || is_break(s[i])) ++i;
        else if (s[i] == '#') i = line_end(s, i);
        else break;
    }
    return i;
}

size_t quoted_end(std::string_view s, size_t content) {
    char q = s[content];
    for (size_t j = content + 1; j < s.size(); ++j) {
        if (q == '"' && s[j] == '\\') {
            ++j;
        } else if (s[j] == q) {
            if (q == '\'' && j + 1 < s.size() && s[j + 1] == '\'') {
                ++j;  // '' is an escaped quote
                continue;
            }
            return j + 1;
        }
    }
    return npos;
}

bool is_document_marker(std::string_view s, size_t line_start) {
    std::string_view rest = s.substr(line_start, 4);
    if (rest.substr(0, 3) != "---" && rest.substr(0, 3) != "...") return false;
    return rest.size() == 3 || is_blank(rest[3]) || is_break(rest[3]);
}

// A block scalar (`|` or `>`) holds the lines after its header that are
// indented at least as much as its first non-empty line; it ends at the end of
// the last such line that is not blank (trailing blank lines are chomping
// detail, not something an editor would highlight).
size_t block_scalar_end(std::string_view s, size_t content) {
    size_t header_end = content + 1;
    while (header_end < s.size() && (s[header_end] == '+' || s[header_end] == '-' ||
                                     (s[header_end] >= '0' && s[header_end] <= '9')))
        ++header_end;
    size_t header_line = s.rfind('\n', content);
    header_line = header_line == npos ? 0 : header_line + 1;
    // The content must be indented more than the node holding the scalar: the
    // key on the header line (`  - key: |` -> column of `key`), or the dash of
    // a sequence entry whose value the scalar is (`- |`).
    size_t k = header_line;
    while (k < s.size() && s[k] == ' ') ++k;
    size_t header_indent = k - header_line;
    while (k + 1 < s.size() && s[k] == '-' && is_blank(s[k + 1]) && k != content) {
        header_indent = k - header_line;
        ++k;
        while (k < s.size() && is_blank(s[k])) ++k;
        if (k != content) header_indent = k - header_line;
    }
    // A root block scalar (`--- |`) may hold lines at column 0.
    bool at_root = is_document_marker(s, header_line);
    size_t end = header_end;
    size_t content_indent = npos;
    size_t start = line_end(s, header_end);
    while (start < s.size()) {
        ++start;  // past the '\n'
        size_t first = start;
        while (first < s.size() && s[first] == ' ') ++first;
        size_t indent = first - start;
        size_t stop = line_end(s, first);
        size_t last = stop;
        while (last > first && (is_blank(s[last - 1]) || s[last - 1] == '\r')) --last;
        if (last > first) {  // not a blank line
            if (indent == 0 && is_document_marker(s, start)) break;
            if (content_indent == npos) {
                if (indent <= header_indent && !(at_root && indent == 0)) break;
                content_indent = indent;
            }
            if (indent < content_indent) break;
            end = last;
        }
        start = stop;
    }
    return end;
}

// A plain scalar's value is its source text with each line break and the
// blanks around it folded into one space (or into line feeds for empty
// lines): walk both and stop after the last matched character.
size_t plain_end(std::string_view s, size_t content, std::string_view value) {
    size_t i = content, j = 0;
    while (j < value.size() && i < s.size()) {
        if (s[i] == value[j]) {
            ++i;
            ++j;
        } else if (is_blank(s[i]) || is_break(s[i])) {
            while (i < s.size() && (is_blank(s[i]) || is_break(s[i]))) ++i;
            while (j < value.size() && (value[j] == ' ' || value[j] == '\n')) ++j;
        } else {
            break;  // the value and the text disagree: keep what matched
        }
    }
    // Blanks matched by folding are not part of the scalar.
    while (i > content && (is_blank(s[i - 1]) || is_break(s[i - 1]))) --i;
    return i;
}

}  // namespace

YamlProperties skip_yaml_properties(std::string_view text, size_t offset, bool cross_lines) {
    YamlProperties p;
    offset = std::min(offset, text.size());
    p.content = p.end = offset;
    size_t i = offset;
    while (i < text.size() && (text[i] == '!' || text[i] == '&')) {
        size_t start = i;
        i = token_end(text, i);
        if (text[start] == '!') {
            p.has_tag = true;
            p.tag_begin = start;
            p.tag_end = i;
        }
        p.end = i;
        if (cross_lines) {
            i = skip_separation(text, i);
        } else {
            while (i < text.size() && is_blank(text[i])) ++i;
        }
    }
    p.content = i;
    return p;
}

size_t yaml_scalar_end(std::string_view text, size_t content, std::string_view value) {
    if (content >= text.size()) return text.size();
    char c = text[content];
    if (c == '"' || c == '\'') return quoted_end(text, content);
    if (c == '|' || c == '>') return block_scalar_end(text, content);
    return plain_end(text, content, value);
}

size_t yaml_alias_end(std::string_view text, size_t offset) {
    if (offset >= text.size()) return text.size();
    return token_end(text, offset + 1);
}

size_t yaml_null_literal(std::string_view text, size_t offset) {
    for (std::string_view word : {"~", "null", "Null", "NULL"}) {
        if (text.substr(offset, word.size()) != word) continue;
        size_t after = offset + word.size();
        if (after == text.size()) return word.size();
        char c = text[after];
        if (is_blank(c) || is_break(c) || is_flow_indicator(c) || c == '#' || c == ':') return word.size();
    }
    return 0;
}

size_t yaml_implicit_null(std::string_view text, size_t from, size_t until) {
    until = std::min(until, text.size());
    size_t pos = from, i = from;
    while (i < until) {
        char c = text[i];
        if (is_blank(c) || is_break(c)) {
            ++i;
        } else if (c == '#') {
            i = line_end(text, i);
        } else if (c == ':' || c == '-' || c == '?') {
            pos = ++i;
        } else {
            break;
        }
    }
    return std::min(pos, text.size());
}

size_t yaml_flow_close(std::string_view text, size_t from) {
    size_t i = from;
    while (i < text.size()) {
        i = skip_separation(text, i);
        if (i >= text.size()) break;
        if (text[i] == ',') {
            ++i;
            continue;
        }
        if (text[i] == ']' || text[i] == '}') return i + 1;
        return npos;
    }
    return npos;
}

}  // namespace vpclint
