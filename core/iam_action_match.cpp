#include "core/iam_action_match.h"

#include <cctype>
#include <string>

namespace vpclint {

namespace {

char lower(char c) { return static_cast<char>(std::tolower(static_cast<unsigned char>(c))); }

// The known parts of a partial rendering, each ${…} replaced by `*`: any value
// the unknown parts take still matches only what this pattern matches.
std::string relaxed_pattern(std::string_view partial) {
    std::string out;
    size_t i = 0;
    while (i < partial.size()) {
        if (partial[i] == '$' && i + 1 < partial.size() && partial[i + 1] == '{') {
            size_t close = partial.find('}', i + 2);
            if (close == std::string_view::npos) {
                out += '*';
                break;
            }
            out += '*';
            i = close + 1;
            continue;
        }
        out += partial[i++];
    }
    return out;
}

Tri unknown_entry_matches(const Text& entry, std::string_view name) {
    if (entry.value.empty()) return Tri::Unknown;
    return iam_glob_matches(relaxed_pattern(entry.value), name) ? Tri::Unknown : Tri::No;
}

}  // namespace

bool iam_glob_matches(std::string_view pattern, std::string_view text) {
    // Iterative glob with single-star backtracking: linear in practice, no
    // recursion on hostile input.
    size_t p = 0, t = 0;
    size_t star = std::string_view::npos, mark = 0;
    while (t < text.size()) {
        if (p < pattern.size() && (pattern[p] == '?' || lower(pattern[p]) == lower(text[t]))) {
            ++p;
            ++t;
        } else if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = t;
        } else if (star != std::string_view::npos) {
            p = star + 1;
            t = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

Tri action_entry_matches(const Text& entry, std::string_view action) {
    if (!entry.present) return Tri::No;
    if (!entry.known) return unknown_entry_matches(entry, action);
    return iam_glob_matches(entry.value, action) ? Tri::Yes : Tri::No;
}

Tri statement_names_action(const PolicyStatement& s, std::string_view action) {
    Tri any = Tri::No;
    for (const Text& e : s.actions) {
        Tri m = action_entry_matches(e, action);
        if (m == Tri::Yes) {
            any = Tri::Yes;
            break;
        }
        if (m == Tri::Unknown) any = Tri::Unknown;
    }
    if (any == Tri::No && !s.actions_complete) any = Tri::Unknown;
    if (!s.uses_not_action) return any;
    // NotAction: the statement applies to every action the list does not name.
    if (any == Tri::Yes) return Tri::No;
    if (any == Tri::Unknown) return Tri::Unknown;
    return Tri::Yes;
}

Tri service_principal_matches(const Text& entry, std::string_view service) {
    if (!entry.present) return Tri::No;
    if (!entry.known) return unknown_entry_matches(entry, service);
    if (entry.value == "*") return Tri::Yes;
    if (entry.value.size() != service.size()) return Tri::No;
    for (size_t i = 0; i < service.size(); ++i)
        if (lower(entry.value[i]) != lower(service[i])) return Tri::No;
    return Tri::Yes;
}

}  // namespace vpclint
