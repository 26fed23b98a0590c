// replace() with a regular expression, as Terraform runs it: Go's
// regexp.ReplaceAllString. RE2 is the engine of both (the same syntax);
// what Go adds is the walk over the matches (an empty match right after a
// match is not replaced) and the $1 / ${name} / $$ template expansion.
#include <re2/re2.h>

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "parsers/hcl/tf_builtins.h"

namespace vpclint::hcl {

namespace {

bool name_char(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
}

// Go's Regexp.expand; false when the template names a group with a
// non-ASCII letter (Go's unicode.IsLetter is not reproduced).
bool expand(const std::string& tmpl, const std::vector<re2::StringPiece>& m, const std::map<std::string, int>& names,
            std::string& out) {
    auto group = [&](int i) {
        if (i >= 0 && static_cast<size_t>(i) < m.size() && m[static_cast<size_t>(i)].data())
            out.append(m[static_cast<size_t>(i)].data(), m[static_cast<size_t>(i)].size());
    };
    size_t k = 0;
    while (k < tmpl.size()) {
        size_t dollar = tmpl.find('$', k);
        if (dollar == std::string::npos) break;
        out.append(tmpl, k, dollar - k);
        k = dollar + 1;
        if (k < tmpl.size() && tmpl[k] == '$') {
            out += '$';
            ++k;
            continue;
        }
        bool brace = k < tmpl.size() && tmpl[k] == '{';
        size_t from = brace ? k + 1 : k, end = from;
        while (end < tmpl.size() && name_char(tmpl[end])) ++end;
        if (end < tmpl.size() && static_cast<unsigned char>(tmpl[end]) >= 0x80) return false;
        if (end == from || (brace && (end >= tmpl.size() || tmpl[end] != '}'))) {
            out += '$';  // malformed: the $ is text
            continue;
        }
        std::string name = tmpl.substr(from, end - from);
        k = brace ? end + 1 : end;
        int num = 0;
        for (char c : name) {
            if (c < '0' || c > '9' || num >= 100000000) {
                num = -1;
                break;
            }
            num = num * 10 + (c - '0');
        }
        if (name.size() > 1 && name[0] == '0') num = -1;
        if (num >= 0) group(num);
        else if (auto it = names.find(name); it != names.end()) group(it->second);
    }
    out.append(tmpl, k, std::string::npos);
    return true;
}

size_t rune_width(const std::string& s, size_t at) {
    if (at >= s.size()) return 0;
    unsigned char c = static_cast<unsigned char>(s[at]);
    size_t w = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
    if (at + w > s.size()) return 1;
    for (size_t j = 1; j < w; ++j)
        if ((static_cast<unsigned char>(s[at + j]) & 0xC0) != 0x80) return 1;
    return w;
}

}  // namespace

Value regex_replace(const std::string& text, const std::string& pattern, const std::string& repl) {
    RE2::Options o;
    o.set_log_errors(false);
    RE2 re(pattern, o);
    if (!re.ok()) return Value::unknown("replace: the regular expression /" + pattern + "/ does not compile: " + re.error());
    std::vector<re2::StringPiece> m(static_cast<size_t>(re.NumberOfCapturingGroups()) + 1);
    const std::map<std::string, int>& names = re.NamedCapturingGroups();
    re2::StringPiece all(text);
    std::string out;
    size_t last_end = 0, search = 0;
    while (search <= text.size()) {
        if (!re.Match(all, search, text.size(), RE2::UNANCHORED, m.data(), static_cast<int>(m.size()))) break;
        size_t a0 = static_cast<size_t>(m[0].data() - text.data()), a1 = a0 + m[0].size();
        out.append(text, last_end, a0 - last_end);
        // Go: no replacement for an empty match right after the previous match.
        if (a1 > last_end || a0 == 0)
            if (!expand(repl, m, names, out)) return Value::unknown("replace: a replacement naming a group with a non-ASCII letter");
        last_end = a1;
        size_t w = rune_width(text, search);
        if (search + w > a1) search += w;
        else if (search + 1 > a1) ++search;
        else search = a1;
    }
    out.append(text, last_end, std::string::npos);
    return Value::string(out);
}

}  // namespace vpclint::hcl
