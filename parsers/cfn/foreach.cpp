#include "parsers/cfn/foreach.h"

#include <map>
#include <set>

namespace vpclint::cfn {

namespace {

// A loop of 3 collections of 30 values nested twice is 27 000 copies of a
// body: more than any real template, and a bound on what a hostile one costs.
constexpr size_t kMaxInstantiations = 5000;

using Params = std::map<std::string, std::string, std::less<>>;

bool is_loop_key(const std::string& k) { return k.rfind("Fn::ForEach::", 0) == 0; }

// `&{Id}` is the value with every non-alphanumeric character removed, so it
// can be part of a logical id.
std::string alphanumeric(const std::string& s) {
    std::string out;
    for (char c : s)
        if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) out += c;
    return out;
}

std::string replace_all(std::string s, const std::string& from, const std::string& to) {
    size_t i = 0;
    while ((i = s.find(from, i)) != std::string::npos) {
        s.replace(i, from.size(), to);
        i += to.size();
    }
    return s;
}

std::string substitute(std::string s, const Params& p) {
    if (s.find("{") == std::string::npos) return s;
    for (const auto& [id, value] : p) {
        s = replace_all(std::move(s), "${" + id + "}", value);
        s = replace_all(std::move(s), "&{" + id + "}", alphanumeric(value));
    }
    return s;
}

// A key template with its placeholders as `*`.
std::string key_pattern(const std::string& key) {
    std::string out;
    size_t i = 0;
    while (i < key.size()) {
        if ((key[i] == '$' || key[i] == '&') && i + 1 < key.size() && key[i + 1] == '{') {
            size_t close = key.find('}', i);
            if (close != std::string::npos) {
                out += '*';
                i = close + 1;
                continue;
            }
        }
        out += key[i++];
    }
    return out;
}

struct Expander {
    NodeArena& arena;
    const CollectionResolver& resolve;
    std::vector<std::string> unknown_keys;
    size_t instantiations = 0;

    Node& copy_of(const Node* n) {
        Node& c = arena.copy(*n);
        return c;
    }

    // The keys a loop body generates, for an unknown collection.
    void collect_unknown(const Node* body, unsigned depth) {
        if (!body || !body->is_mapping() || depth > kMaxDepth) return;
        for (const MapEntry& e : body->entries) {
            if (is_loop_key(e.key)) {
                if (e.value->is_sequence() && e.value->items.size() == 3) collect_unknown(e.value->items[2], depth + 1);
                continue;
            }
            unknown_keys.push_back(key_pattern(e.key));
        }
    }

    const Node* walk(const Node* n, const Params& p, unsigned depth) {
        if (!n || depth > kMaxDepth) return n;
        if (n->is_sequence()) {
            std::vector<const Node*> items;
            bool changed = false;
            for (const Node* i : n->items) {
                items.push_back(walk(i, p, depth + 1));
                changed = changed || items.back() != i;
            }
            if (!changed) return n;
            Node& c = copy_of(n);
            arena.assign(c.items, items);
            return &c;
        }
        if (!n->is_mapping()) return n;
        if (!p.empty() && n->entries.size() == 1) {
            const MapEntry& e = n->entries[0];
            // The loop identifier as a Ref is its value.
            if (e.key == "Ref" && e.value->is_scalar())
                if (auto it = p.find(e.value->text); it != p.end()) {
                    Node& c = copy_of(e.value);
                    c.begin = n->begin, c.end = n->end;
                    c.text = arena.intern(it->second);
                    c.quoted = true;
                    return &c;
                }
            if (e.key == "Fn::Sub") return sub(n, p, depth);
            // CloudFormation does not substitute the condition name of Fn::If.
        }
        std::vector<MapEntry> entries;
        std::set<std::string_view> seen;  // views of arena keys
        bool changed = false;
        for (const MapEntry& e : n->entries) {
            if (is_loop_key(e.key)) {
                changed = true;
                expand_loop(e, p, depth, entries, seen);
                continue;
            }
            MapEntry out = e;
            if (!p.empty()) out.key = arena.intern(substitute(std::string(e.key), p));
            out.value = walk(e.value, p, depth + 1);
            changed = changed || out.key != e.key || out.value != e.value;
            if (!seen.insert(out.key).second) continue;  // CloudFormation rejects duplicates
            entries.push_back(std::move(out));
        }
        if (!changed) return n;
        Node& c = copy_of(n);
        arena.assign(c.entries, entries);
        return &c;
    }

    const Node* sub(const Node* n, const Params& p, unsigned depth) {
        const Node* arg = n->entries[0].value;
        const Node* str = arg->is_sequence() && !arg->items.empty() ? arg->items[0] : arg;
        if (!str->is_scalar()) return n;
        std::string text = substitute(std::string(str->text), p);
        if (text.find("${") == std::string::npos) {  // nothing left to substitute: a plain string
            Node& c = copy_of(str);
            c.begin = n->begin, c.end = n->end;
            c.text = arena.intern(text);
            c.quoted = true;
            return &c;
        }
        Node& s = copy_of(str);
        s.text = arena.intern(text);
        Node& c = copy_of(n);
        if (arg->is_sequence()) {
            Node& a = copy_of(arg);
            const Node** items = arena.own(a.items);
            items[0] = &s;
            for (size_t i = 1; i < a.items.size(); ++i) items[i] = walk(a.items[i], p, depth + 1);
            arena.own(c.entries)[0].value = &a;
        } else {
            arena.own(c.entries)[0].value = &s;
        }
        return &c;
    }

    // `Fn::ForEach::Name: [Identifier, Collection, {OutputKey: OutputValue}]`
    void expand_loop(const MapEntry& e, const Params& p, unsigned depth, std::vector<MapEntry>& out,
                     std::set<std::string_view>& seen) {
        const Node* v = e.value;
        if (!v->is_sequence() || v->items.size() != 3 || !v->items[0]->is_scalar() || !v->items[2]->is_mapping())
            return;  // malformed: CloudFormation rejects the template
        std::string id(v->items[0]->text);
        const Node* body = v->items[2];
        std::optional<std::vector<std::string>> values = resolve(walk(v->items[1], p, depth + 1));
        if (values && instantiations + values->size() > kMaxInstantiations) values.reset();
        if (!values) {
            collect_unknown(body, depth + 1);
            return;
        }
        instantiations += values->size();
        for (const std::string& value : *values) {
            Params inner = p;
            inner[id] = value;
            const Node* expanded = walk(body, inner, depth + 1);
            for (const MapEntry& g : expanded->entries)
                if (seen.insert(g.key).second) out.push_back(g);
        }
    }
};

}  // namespace

ForEachExpansion expand_for_each(const Node* root, NodeArena& arena, const CollectionResolver& resolve) {
    Expander x{arena, resolve, {}, 0};
    ForEachExpansion out;
    out.root = x.walk(root, {}, 0);
    out.unknown_keys = std::move(x.unknown_keys);
    return out;
}

bool matches_generated_key(const std::string& pattern, const std::string& name) {
    // Glob match with `*` only, iterative (no recursion, linear backtracking).
    size_t p = 0, n = 0, star = std::string::npos, mark = 0;
    while (n < name.size()) {
        if (p < pattern.size() && pattern[p] == '*') {
            star = p++;
            mark = n;
        } else if (p < pattern.size() && pattern[p] == name[n]) {
            ++p, ++n;
        } else if (star != std::string::npos) {
            p = star + 1;
            n = ++mark;
        } else {
            return false;
        }
    }
    while (p < pattern.size() && pattern[p] == '*') ++p;
    return p == pattern.size();
}

}  // namespace vpclint::cfn
