#include "cli/config_file.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/rule_selection.h"
#include "core/document.h"

namespace fs = std::filesystem;

namespace vpclint {

namespace {

class Reader {
public:
    Reader(const Document& doc, Config& c) : doc_(doc), c_(c) {}

    void problem(const Node& at, std::string message) { c_.problems.push_back({std::move(message), doc_.location(at)}); }
    void key_problem(const MapEntry& e, std::string message) {
        c_.problems.push_back({std::move(message), doc_.key_location(e)});
    }

    bool is_string(const Node* n) { return n && n->is_scalar(); }

    // A string, or a list of strings; anything else is a wrong type.
    bool strings(const MapEntry& e, std::vector<std::pair<std::string, const Node*>>& out, bool comma_split) {
        const Node* v = e.value;
        if (v && v->is_scalar()) {
            if (!comma_split) {
                out.emplace_back(v->text, v);
                return true;
            }
            std::stringstream ss(v->text);
            for (std::string item; std::getline(ss, item, ',');) out.emplace_back(item, v);
            return true;
        }
        if (!v || !v->is_sequence()) {
            problem(v ? *v : *doc_.root, "'" + e.key + "' must be a string or a list of strings");
            return false;
        }
        for (const Node* i : v->items) {
            if (!is_string(i)) {
                problem(*i, "each item of '" + e.key + "' must be a string");
                continue;
            }
            out.emplace_back(i->text, i);
        }
        return true;
    }

    void rule_items(const MapEntry& e, std::vector<std::string>& out, const char* option) {
        std::vector<std::pair<std::string, const Node*>> items;
        if (!strings(e, items, true)) return;
        for (const auto& [item, node] : items) {
            std::string error;
            std::vector<std::string> one;
            if (!resolve_rule_items({item}, option, one, error)) {
                problem(*node, "'" + e.key + "': " + error);
                continue;
            }
            out.insert(out.end(), one.begin(), one.end());
        }
    }

    const Node* mapping(const MapEntry& e) {
        if (e.value && e.value->is_mapping()) return e.value;
        problem(e.value ? *e.value : *doc_.root, "'" + e.key + "' must be a mapping");
        return nullptr;
    }

    void rules(const MapEntry& e) {
        const Node* m = mapping(e);
        if (!m) return;
        for (const MapEntry& r : m->entries) {
            std::string error;
            std::vector<std::string> ids;
            if (!resolve_rule_items({r.key}, "rules", ids, error)) {
                key_problem(r, error);
                continue;
            }
            const Node* v = r.value;
            RuleLevel level;
            level.loc = doc_.key_location(r);
            std::string t = v && v->is_scalar() ? v->text : "";
            if (t == "off" || t == "false") level.off = true;
            else if (t == "error") level.severity = Severity::Error;
            else if (t == "warning") level.severity = Severity::Warning;
            else if (t == "note") level.severity = Severity::Note;
            else {
                problem(v ? *v : *doc_.root, "the level of " + r.key + " must be error, warning, note or off");
                continue;
            }
            if (level.off && ids.front() == "VL001") {
                problem(*v, "VL001 cannot be turned off: a file that cannot be read or parsed is always reported");
                continue;
            }
            for (const std::string& id : ids) c_.levels[id] = level;
        }
    }

    void choice(const MapEntry& e, std::optional<std::string>& out, std::initializer_list<const char*> allowed) {
        if (!is_string(e.value)) {
            problem(e.value ? *e.value : *doc_.root, "'" + e.key + "' must be a string");
            return;
        }
        std::string names;
        for (const char* a : allowed) {
            if (e.value->text == a) {
                out = e.value->text;
                return;
            }
            names += std::string(names.empty() ? "" : ", ") + a;
        }
        problem(*e.value, "'" + e.key + "' must be one of " + names + ", not '" + e.value->text + "'");
    }

    void parameters(const MapEntry& e) {
        const Node* m = mapping(e);
        if (!m) return;
        for (const MapEntry& g : m->entries) {
            if (!g.value || !g.value->is_mapping()) {
                problem(g.value ? *g.value : *doc_.root,
                        "'parameters' maps a template glob to a mapping of parameter names to values");
                continue;
            }
            PerGlob<std::map<std::string, std::string>> p{g.key, {}, doc_.key_location(g)};
            for (const MapEntry& kv : g.value->entries) {
                if (!kv.value || !kv.value->is_scalar()) {
                    problem(kv.value ? *kv.value : *doc_.root, "parameter " + kv.key + " must have a scalar value");
                    continue;
                }
                p.value[kv.key] = kv.value->text;
            }
            c_.parameters.push_back(std::move(p));
        }
    }

    void stacks(const MapEntry& e) {
        const Node* m = mapping(e);
        if (!m) return;
        for (const MapEntry& g : m->entries) {
            if (!is_string(g.value)) {
                problem(g.value ? *g.value : *doc_.root, "'stacks' maps a template glob to a stack name (a string)");
                continue;
            }
            c_.stacks.push_back({g.key, g.value->text, doc_.key_location(g)});
        }
    }

    void functions(const MapEntry& e) {
        const Node* m = mapping(e);
        if (!m) return;
        for (const MapEntry& f : m->entries) {
            if (!f.value || !f.value->is_mapping()) {
                problem(f.value ? *f.value : *doc_.root, "function " + f.key + " must map to {needs: [...]}");
                continue;
            }
            ConfigNeeds n{f.key, {}, doc_.key_location(f)};
            for (const MapEntry& k : f.value->entries) {
                if (k.key != "needs") {
                    key_problem(k, "unknown key '" + k.key + "' for function " + f.key + " (known: needs)");
                    continue;
                }
                std::vector<std::pair<std::string, const Node*>> items;
                if (!strings(k, items, false)) continue;
                for (auto& [need, node] : items) {
                    // "internet dynamodb" is the same as [internet, dynamodb],
                    // as in a resource's Metadata.
                    std::istringstream words(need);
                    for (std::string w; words >> w;) n.needs.push_back(w);
                }
            }
            c_.functions.push_back(std::move(n));
        }
    }

    void remote_states(const MapEntry& e) {
        const Node* m = mapping(e);
        if (!m) return;
        for (const MapEntry& w : m->entries) {
            if (!is_string(w.value)) {
                problem(w.value ? *w.value : *doc_.root, "'tf-remote-state' maps a workspace name to a state file");
                continue;
            }
            c_.tf_remote_state[w.key] = w.value->text;
        }
    }

    void root() {
        const Node* r = doc_.root;
        if (!r || r->is_null()) return;  // an empty file configures nothing
        if (!r->is_mapping()) {
            problem(*r, "the configuration must be a mapping of keys (select, ignore, rules, ...)");
            return;
        }
        for (const MapEntry& e : r->entries) {
            const std::string& k = e.key;
            if (k == "select") c_.has_select = true, rule_items(e, c_.select, "select");
            else if (k == "ignore") c_.has_ignore = true, rule_items(e, c_.ignore, "--ignore");
            else if (k == "rules") rules(e);
            else if (k == "fail-on") choice(e, c_.fail_on, {"error", "warning", "note", "never"});
            else if (k == "format") choice(e, c_.format, {"text", "gcc", "json", "sarif", "github", "junit", "gitlab"});
            else if (k == "exclude") {
                std::vector<std::pair<std::string, const Node*>> items;
                if (strings(e, items, false))
                    for (auto& [glob, node] : items) c_.exclude.push_back(glob);
            } else if (k == "parameters") parameters(e);
            else if (k == "stacks") stacks(e);
            else if (k == "functions") functions(e);
            else if (k == "tf-remote-state") remote_states(e);
            else
                key_problem(e, "unknown key '" + k + "' (known: select, ignore, rules, fail-on, format, exclude, "
                               "parameters, stacks, functions, tf-remote-state)");
        }
    }

private:
    const Document& doc_;
    Config& c_;
};

}  // namespace

std::optional<std::string> find_config(const std::string& start) {
    std::error_code ec;
    fs::path d = fs::absolute(start, ec).lexically_normal();
    for (unsigned depth = 0; !d.empty() && depth < 256; ++depth, d = d.parent_path()) {
        for (const char* name : {".vpclint.yaml", ".vpclint.yml"})
            if (fs::is_regular_file(d / name, ec)) return (d / name).string();
        // The repository's top level is as far as a configuration applies.
        if (fs::exists(d / ".git", ec) || d == d.parent_path()) break;
    }
    return std::nullopt;
}

Config parse_config(const std::string& path, const std::string& text) {
    Config c;
    c.path = path;
    std::error_code ec;
    c.dir = fs::absolute(path, ec).parent_path().lexically_normal().string();
    LoadResult loaded = load_document(path, text);
    if (loaded.error) {
        c.problems.push_back({"the configuration file does not parse: " + loaded.error->message,
                              Location{path, loaded.error->pos.line, loaded.error->pos.col, loaded.error->pos.line,
                                       loaded.error->pos.col}});
        return c;
    }
    Reader(*loaded.doc, c).root();
    return c;
}

Config read_config(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        Config c;
        c.path = path;
        c.problems.push_back({"cannot read the configuration file", Location{path, 1, 1, 1, 1}});
        return c;
    }
    std::ostringstream ss;
    ss << in.rdbuf();
    return parse_config(path, std::move(ss).str());
}

std::string config_relative(const Config& c, const std::string& file) {
    std::error_code ec;
    fs::path abs = fs::absolute(file, ec).lexically_normal();
    fs::path rel = abs.lexically_relative(c.dir.empty() ? fs::current_path(ec) : fs::path(c.dir));
    if (rel.empty() || *rel.begin() == "..") return abs.generic_string();
    return rel.generic_string();
}

}  // namespace vpclint
