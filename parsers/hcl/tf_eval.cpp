// Evaluation of Terraform expressions over a module tree. Lazy with memos:
// a reference evaluates what it needs (a local, a resource, a module
// output) on first use; Busy markers turn cycles into unknowns. Depth is
// bounded everywhere.
#include "parsers/hcl/tf_eval.h"

// GCC 12 at -O3 reports emplace_back into an empty vector of
// pair<string, Value> as an out-of-bounds access (a known false positive of
// -Warray-bounds with inlined std::string construction).
#if defined(__GNUC__) && !defined(__clang__)
#pragma GCC diagnostic ignored "-Warray-bounds"
#endif

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "parsers/hcl/tf_builtins.h"

namespace fs = std::filesystem;

namespace vpclint::hcl {

namespace {

constexpr unsigned kMaxEvalDepth = 200;

bool read_text(const fs::path& p, std::string& out) {
    std::error_code ec;
    auto size = fs::file_size(p, ec);
    if (ec || size > (8u << 20)) return false;
    std::ifstream in(p, std::ios::binary);
    if (!in) return false;
    std::stringstream ss;
    ss << in.rdbuf();
    out = ss.str();
    return true;
}

bool ends_with(const std::string& s, const std::string& suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

std::string shown(const fs::path& p) { return p.lexically_normal().generic_string(); }

std::string key_text(const Value& k) {
    if (k.k == Value::K::String) {
        std::string out = "\"";
        for (char c : k.s) {
            if (c == '"' || c == '\\') out += '\\';
            out += c;
        }
        return out + "\"";
    }
    return k.s;
}


}  // namespace

Value get_attr(const Value& v, const std::string& name) {
    if (v.is_unknown()) return v;
    if (v.k == Value::K::Object) {
        if (const Value* f = v.field(name)) return *f;
        if (!v.inst.empty()) {
            Value u = Value::unknown("known after apply (" + v.inst + "." + name + ")");
            u.origin = v.inst + "." + name;
            return u;
        }
        return Value::null();
    }
    if (v.is_null()) return Value::unknown("attribute " + name + " of null");
    return Value::unknown("attribute " + name + " of a value that has none");
}

Value get_index(const Value& v, const Value& key) {
    if (v.is_unknown()) return v;
    if (key.is_unknown()) return key;
    if (v.k == Value::K::List) {
        double n = key.k == Value::K::Number ? key.n : key.k == Value::K::String ? std::atof(key.s.c_str()) : -1;
        if (n < 0 || n != std::floor(n) || n >= static_cast<double>(v.items().size()))
            return Value::unknown("index " + key.s + " out of range");
        return v.items()[static_cast<size_t>(n)];
    }
    if (v.k == Value::K::Object) {
        std::string k;
        if (!to_text(key, k)) return Value::unknown("an object key that is not a string");
        if (const Value* f = v.field(k)) return *f;
        if (!v.inst.empty()) return Value::unknown("known after apply (" + v.inst + "." + k + ")");
        return Value::unknown("no key " + k);
    }
    return Value::unknown("an index into a value that is not a list or map");
}

// ---- module loading ----

namespace {

const ModuleDef* load_module(Evaluation& ev, const fs::path& dir) {
    std::string d = shown(dir);
    for (const auto& def : ev.defs)
        if (def->dir == d) return def.get();
    auto def = std::make_unique<ModuleDef>();
    def->dir = d;
    std::vector<fs::path> files;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::string n = it->path().filename().string();
        if (it->is_regular_file(ec) && (ends_with(n, ".tf") || ends_with(n, ".tf.json"))) files.push_back(it->path());
    }
    std::sort(files.begin(), files.end());
    for (const fs::path& p : files) {
        std::string text;
        std::string name = shown(p);
        if (!read_text(p, text)) {
            // Evaluating the module without it would report what its other files lack.
            ev.errors.push_back({name, {"cannot read the file, or it is larger than 8 MiB", {1, 1}}});
            continue;
        }
        auto r = std::make_unique<ParseResult>(ends_with(name, ".json") ? parse_hcl_json(name, text) : parse_hcl(name, text));
        if (r->error) ev.errors.push_back({name, *r->error});
        ev.texts[name] = std::move(text);
        for (const Block* b : r->file.body.blocks) {
            auto label = [&](size_t k) { return k < b->labels.size() ? b->labels[k] : std::string(); };
            if (b->type == "variable") def->variables.emplace(label(0), b);
            else if (b->type == "output") def->outputs.emplace(label(0), b);
            else if (b->type == "module" && b->labels.size() == 1) def->module_calls.emplace(label(0), b);
            else if (b->type == "locals")
                for (const Attribute& a : b->body.attributes) def->locals.emplace(a.name, &a);
            else if ((b->type == "resource" || b->type == "data") && b->labels.size() == 2) {
                std::string key = (b->type == "data" ? "data." : "") + label(0) + "." + label(1);
                if (def->resource_by_name.emplace(key, b).second) def->resources.push_back(b);
            }
        }
        def->files.push_back(std::move(r));
    }
    ev.defs.push_back(std::move(def));
    return ev.defs.back().get();
}

// Where `terraform init` put a module: .terraform/modules/modules.json maps
// "vpc" / "vpc.subnets" to directories relative to the root module.
std::string installed_module(const std::string& root, const std::string& key) {
    std::string text;
    if (!read_text(fs::path(root) / ".terraform" / "modules" / "modules.json", text)) return {};
    nlohmann::json j = nlohmann::json::parse(text, nullptr, false);
    if (!j.is_object() || !j.contains("Modules") || !j["Modules"].is_array()) return {};
    for (const auto& m : j["Modules"])
        if (m.is_object() && m.value("Key", "") == key && m.contains("Dir") && m["Dir"].is_string())
            return shown(fs::path(root) / m["Dir"].get<std::string>());
    return {};
}

}  // namespace

// ---- variables, locals, outputs ----

Value Evaluator::variable(ModuleInst& m, const std::string& name, unsigned depth) {
    if (auto it = m.vars.find(name); it != m.vars.end()) return it->second;
    auto decl = m.def->variables.find(name);
    if (decl == m.def->variables.end()) return Value::unknown("variable " + name + " is not declared");
    if (m.busy["var." + name]++) return Value::unknown("variable " + name + " depends on itself");
    Value v;
    bool set = false;
    if (!m.parent) {
        if (auto r = m.inputs_root.find(name); r != m.inputs_root.end()) {
            v = r->second;
            set = true;
        }
    } else if (const Attribute* a = m.call->body.attribute(name)) {
        Scope s;
        s.mod = m.parent;
        s.ev = &ev_;
        if (m.has_count) s.count_index = &m.count_index;
        if (m.has_each) {
            s.each_key = &m.each_key;
            s.each_value = &m.each_value;
        }
        v = eval(a->expr, s, depth + 1);
        set = true;
    }
    // A null input stands (nullable, the default) unless `nullable = false`,
    // which takes the default instead.
    const Attribute* nullable = decl->second->body.attribute("nullable");
    bool not_nullable = nullable && nullable->expr->kind == ExprKind::Bool && !nullable->expr->flag;
    Scope own;
    own.mod = &m;
    own.ev = &ev_;
    if (!set || (v.is_null() && not_nullable)) {
        if (const Attribute* def = decl->second->body.attribute("default")) {
            v = eval(def->expr, own, depth + 1);
        } else if (!set) {
            v = Value::unknown("variable " + name + " has no value (no default, not set in a .tfvars file)");
        } else {
            v = Value::unknown("variable " + name + " is null and not nullable (Terraform rejects it)");
        }
    }
    // The value as the variable's type makes it ("42" a number, optional
    // attributes filled); a value the type rejects is unknown.
    if (const Attribute* type = decl->second->body.attribute("type")) v = convert_to_type(v, type->expr, *this, own, depth + 1);
    m.busy["var." + name] = 0;
    m.vars[name] = v;
    return v;
}

Value Evaluator::local(ModuleInst& m, const std::string& name, unsigned depth) {
    if (auto it = m.locals.find(name); it != m.locals.end()) return it->second;
    auto a = m.def->locals.find(name);
    if (a == m.def->locals.end()) return Value::unknown("local value " + name + " is not declared");
    if (m.busy["local." + name]++) return Value::unknown("local value " + name + " depends on itself");
    Scope s;
    s.mod = &m;
    s.ev = &ev_;
    Value v = eval(a->second->expr, s, depth + 1);
    m.busy["local." + name] = 0;
    m.locals[name] = v;
    return v;
}

Value Evaluator::output(ModuleInst& m, const std::string& name, unsigned depth) {
    auto o = m.def->outputs.find(name);
    if (o == m.def->outputs.end()) return Value::unknown("module " + m.address + " has no output " + name);
    const Attribute* a = o->second->body.attribute("value");
    if (!a) return Value::null();
    if (m.busy["output." + name]++) return Value::unknown("output " + name + " depends on itself");
    Scope s;
    s.mod = &m;
    s.ev = &ev_;
    Value v = eval(a->expr, s, depth + 1);
    m.busy["output." + name] = 0;
    return v;
}

// ---- module calls ----

ModuleInst::Call& Evaluator::module_call(ModuleInst& m, const std::string& name, unsigned depth) {
    ModuleInst::Call& c = m.calls[name];
    if (c.done || c.busy) return c;
    auto decl = m.def->module_calls.find(name);
    if (decl == m.def->module_calls.end()) {
        c.done = c.unknown = true;
        c.reason = "module " + name + " is not declared";
        return c;
    }
    c.busy = true;
    const Block* b = decl->second;
    std::string source;
    if (const Attribute* s = b->body.attribute("source"); s && s->expr->kind == ExprKind::Template &&
                                                          s->expr->parts.size() == 1 &&
                                                          s->expr->parts[0].kind == TemplatePart::Literal)
        source = s->expr->parts[0].text;
    std::string dir;
    if (source.rfind("./", 0) == 0 || source.rfind("../", 0) == 0) {
        dir = shown(fs::path(m.def->dir) / source);
    } else {
        // The key modules.json uses: call names from the root, joined by dots.
        std::string key = name;
        for (ModuleInst* p = &m; p && p->parent; p = p->parent) key = p->call->labels[0] + "." + key;
        dir = installed_module(ev_.root->def->dir, key);
    }
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) {
        c.done = true;
        c.busy = false;
        c.unknown = true;
        c.reason = "module " + name + " comes from " + (source.empty() ? "an unknown source" : source) +
                   ", not installed under .terraform/modules (run terraform init)";
        return c;
    }
    const ModuleDef* def = load_module(ev_, dir);
    Scope s;
    s.mod = &m;
    s.ev = &ev_;
    auto make_child = [&](const Value& key) {
        auto child = std::make_unique<ModuleInst>();
        child->def = def;
        child->parent = &m;
        child->call = b;
        std::string prefix = m.address.empty() ? "" : m.address + ".";
        child->address = prefix + "module." + name + (key.is_null() ? "" : "[" + key_text(key) + "]");
        std::string scope;
        ev_.scope_dirs[prefix.empty() ? "module." + name : [&] {
            std::string out;
            for (ModuleInst* p = &m; p && p->parent; p = p->parent) out = "module." + p->call->labels[0] + (out.empty() ? "" : "." + out);
            return out + ".module." + name;
        }()] = def->dir;
        return child;
    };
    if (const Attribute* count = b->body.attribute("count")) {
        Value n = eval(count->expr, s, depth + 1);
        c.expanded = c.by_count = true;
        if (n.k != Value::K::Number) {
            c.unknown = true;
            c.reason = n.is_unknown() ? "count of module " + name + ": " + n.s : "count of module " + name + " is not a number";
        } else {
            for (long long k = 0; k < static_cast<long long>(n.n) && k < 100000; ++k) {
                Value key = Value::number(static_cast<double>(k));
                auto child = make_child(key);
                child->has_count = true;
                child->count_index = key;
                c.instances.emplace_back(key, std::move(child));
            }
        }
    } else if (const Attribute* fe = b->body.attribute("for_each")) {
        Value coll = eval(fe->expr, s, depth + 1);
        c.expanded = true;
        if (!coll.known_deep() && coll.is_unknown()) {
            c.unknown = true;
            c.reason = "for_each of module " + name + ": " + coll.s;
        } else {
            auto add = [&](const std::string& k, const Value& v) {
                Value key = Value::string(k);
                auto child = make_child(key);
                child->has_each = true;
                child->each_key = key;
                child->each_value = v;
                c.instances.emplace_back(key, std::move(child));
            };
            bool ok = true;
            if (coll.k == Value::K::Object) {
                for (const auto& [k, v] : coll.fields()) add(k, v);
            } else if (coll.k == Value::K::List) {
                for (const Value& v : coll.items()) {
                    std::string k;
                    if (!to_text(v, k)) ok = false;
                    else add(k, Value::string(k));
                }
            } else {
                ok = false;
            }
            if (!ok) {
                c.instances.clear();
                c.unknown = true;
                c.reason = "for_each of module " + name + " is not a known map or set of strings";
            }
        }
    } else {
        c.instances.emplace_back(Value::null(), make_child(Value::null()));
    }
    c.done = true;
    c.busy = false;
    return c;
}

Value Evaluator::module_value(ModuleInst& m, const std::string& name, unsigned depth) {
    ModuleInst::Call& c = module_call(m, name, depth + 1);
    if (c.busy) return Value::unknown("module " + name + " depends on itself");
    if (c.unknown) return Value::unknown(c.reason);
    auto outputs_of = [&](ModuleInst& child) {
        Fields f;
        for (const auto& [out, blk] : child.def->outputs) f.emplace_back(out, output(child, out, depth + 1));
        return Value::object(std::move(f));
    };
    if (!c.expanded) return outputs_of(*c.instances.front().second);
    if (c.by_count) {
        List l;
        for (auto& [k, child] : c.instances) l.push_back(outputs_of(*child));
        return Value::tuple(std::move(l));
    }
    Fields f;
    for (auto& [k, child] : c.instances) f.emplace_back(k.s, outputs_of(*child));
    return Value::object(std::move(f));
}

// ---- resources ----

Value Evaluator::body_value(const Body& b, Scope& s, unsigned depth) {
    if (depth > kMaxEvalDepth) return Value::unknown("nesting too deep");
    static const char* meta[] = {"count", "for_each", "provider", "depends_on"};
    Fields f;
    for (const Attribute& a : b.attributes) {
        if (std::any_of(std::begin(meta), std::end(meta), [&](const char* m) { return a.name == m; })) continue;
        f.emplace_back(a.name, eval(a.expr, s, depth + 1));
    }
    std::map<std::string, List> nested;
    std::map<std::string, std::string> unknown_nested;
    for (const Block* nb : b.blocks) {
        if (nb->type == "lifecycle" || nb->type == "provisioner" || nb->type == "connection") continue;
        if (nb->type == "dynamic" && !nb->labels.empty()) {
            const std::string& type = nb->labels[0];
            const Attribute* fe = nb->body.attribute("for_each");
            std::string iter = type;
            if (const Attribute* it = nb->body.attribute("iterator"); it && it->expr->kind == ExprKind::Variable)
                iter = it->expr->text;
            std::vector<const Block*> content = nb->body.blocks_of("content");
            Value coll = fe ? eval(fe->expr, s, depth + 1) : Value::unknown("dynamic block without for_each");
            if (coll.is_unknown() || content.empty()) {
                unknown_nested[type] = coll.is_unknown() ? "dynamic " + type + ": " + coll.s : "dynamic " + type + " without content";
                continue;
            }
            List& out = nested[type];
            auto one = [&](const Value& key, const Value& value) {
                Fields kv(2);
                kv[0].first = "key";
                kv[0].second = key;
                kv[1].first = "value";
                kv[1].second = value;
                s.locals.emplace_back(iter, Value::object(std::move(kv)));
                out.push_back(body_value(content[0]->body, s, depth + 1));
                s.locals.pop_back();
            };
            if (coll.k == Value::K::List)
                for (size_t k = 0; k < coll.items().size(); ++k) one(Value::number(static_cast<double>(k)), coll.items()[k]);
            else if (coll.k == Value::K::Object)
                for (const auto& [k, v] : coll.fields()) one(Value::string(k), v);
            continue;
        }
        nested[nb->type].push_back(body_value(nb->body, s, depth + 1));
    }
    for (auto& [type, items] : nested)
        if (!unknown_nested.count(type)) f.emplace_back(type, Value::tuple(std::move(items)));
    for (auto& [type, why] : unknown_nested) f.emplace_back(type, Value::unknown(why));
    return Value::object(std::move(f));
}

ResourceEval& Evaluator::resource(ModuleInst& m, const std::string& key, unsigned depth) {
    ResourceEval& r = m.resources[key];
    if (r.state != ResourceEval::Pending) return r;
    auto decl = m.def->resource_by_name.find(key);
    if (decl == m.def->resource_by_name.end()) {
        r.state = ResourceEval::Done;
        r.instances_unknown = true;
        r.unknown_reason = key + " is not declared in " + m.def->dir;
        return r;
    }
    r.state = ResourceEval::Busy;
    r.block = decl->second;
    r.data = r.block->type == "data";
    r.type = r.block->labels[0];
    r.name = r.block->labels[1];
    std::string base = (m.address.empty() ? "" : m.address + ".") + (r.data ? "data." : "") + r.type + "." + r.name;
    Scope s;
    s.mod = &m;
    s.ev = &ev_;
    if (const Attribute* count = r.block->body.attribute("count")) {
        r.expanded = r.by_count = true;
        Value n = eval(count->expr, s, depth + 1);
        if (n.k != Value::K::Number || n.n < 0) {
            r.instances_unknown = true;
            r.unknown_reason = n.is_unknown() ? "count of " + base + ": " + n.s : "count of " + base + " is not a number";
        } else {
            for (long long k = 0; k < static_cast<long long>(n.n) && k < 1000000; ++k)
                r.keys.emplace_back(Value::number(static_cast<double>(k)), Value::null());
        }
    } else if (const Attribute* fe = r.block->body.attribute("for_each")) {
        r.expanded = true;
        Value coll = eval(fe->expr, s, depth + 1);
        bool ok = true;
        if (coll.k == Value::K::Object) {
            for (const auto& [k, v] : coll.fields()) r.keys.emplace_back(Value::string(k), v);
        } else if (coll.k == Value::K::List) {
            for (const Value& v : coll.items()) {
                std::string k;
                if (!to_text(v, k)) ok = false;
                else r.keys.emplace_back(Value::string(k), Value::string(k));
            }
        } else {
            ok = false;
        }
        if (!ok) {
            r.keys.clear();
            r.instances_unknown = true;
            r.unknown_reason = coll.is_unknown() ? "for_each of " + base + ": " + coll.s
                                                 : "for_each of " + base + " is not a known map or set of strings";
        }
    } else {
        r.keys.emplace_back(Value::null(), Value::null());
    }
    for (const auto& [k, ev] : r.keys) {
        Scope is;
        is.mod = &m;
        is.ev = &ev_;
        if (r.by_count) is.count_index = &k;
        else if (r.expanded) {
            is.each_key = &k;
            is.each_value = &ev;
        }
        std::string address = base + (k.is_null() ? "" : "[" + key_text(k) + "]");
        Value v = body_value(r.block->body, is, depth + 1);
        Fields f = v.fields();
        if (r.data && r.type == "aws_iam_policy_document") f.emplace_back("json", policy_document(v, address));
        Value obj = Value::object(std::move(f));
        obj.inst = address;
        r.values.push_back(std::move(obj));
        r.addresses.push_back(address);
    }
    r.state = ResourceEval::Done;
    return r;
}

Value Evaluator::resource_value(ModuleInst& m, const std::string& key, unsigned depth) {
    ResourceEval& r = resource(m, key, depth + 1);
    if (r.state == ResourceEval::Busy) return Value::unknown(key + " refers to itself (a cycle)");
    if (r.instances_unknown) return Value::unknown(r.unknown_reason);
    if (!r.expanded) return r.values.front();
    if (r.whole) return *r.whole;
    if (r.by_count) {
        r.whole = Value::tuple(r.values);
        return *r.whole;
    }
    Fields f;
    for (size_t k = 0; k < r.keys.size(); ++k) f.emplace_back(r.keys[k].first.s, r.values[k]);
    r.whole = Value::object(std::move(f));
    return *r.whole;
}

// data "aws_iam_policy_document": the JSON the provider writes.
Value Evaluator::policy_document(const Value& body, const std::string& origin) {
    for (const char* unsupported : {"source_policy_documents", "override_policy_documents", "source_json", "override_json"})
        if (const Value* v = body.field(unsupported); v && !v->is_null())
            return Value::unknown(origin + " merges other policy documents (" + unsupported + ")");
    if (!body.known_deep()) return Value::unknown("known after apply (" + origin + ".json: it uses values known after apply)");
    auto one_or_list = [](const Value& v) {
        if (v.k == Value::K::List && v.items().size() == 1) return v.items()[0];
        return v;
    };
    List statements;
    if (const Value* st = body.field("statement"))
        for (const Value& s : st->items()) {
            Fields out;
            auto copy = [&](const char* from, const char* to) {
                if (const Value* v = s.field(from); v && !v->is_null() && !(v->k == Value::K::List && v->items().empty()))
                    out.emplace_back(to, one_or_list(*v));
            };
            copy("sid", "Sid");
            const Value* effect = s.field("effect");
            out.emplace_back("Effect", effect && !effect->is_null() ? *effect : Value::string("Allow"));
            copy("actions", "Action");
            copy("not_actions", "NotAction");
            copy("resources", "Resource");
            copy("not_resources", "NotResource");
            for (auto [from, to] : {std::pair{"principals", "Principal"}, std::pair{"not_principals", "NotPrincipal"}}) {
                const Value* ps = s.field(from);
                if (!ps || ps->items().empty()) continue;
                Fields p;
                for (const Value& x : ps->items()) {
                    const Value* type = x.field("type");
                    const Value* ids = x.field("identifiers");
                    if (type && ids && type->k == Value::K::String) p.emplace_back(type->s, one_or_list(*ids));
                }
                if (p.size() == 1 && p[0].first == "*") out.emplace_back(to, Value::string("*"));
                else out.emplace_back(to, Value::object(std::move(p)));
            }
            if (const Value* cs = s.field("condition"); cs && !cs->items().empty()) {
                std::map<std::string, Fields> tests;
                for (const Value& x : cs->items()) {
                    const Value* test = x.field("test");
                    const Value* var = x.field("variable");
                    const Value* vals = x.field("values");
                    if (test && var && vals) tests[test->s].emplace_back(var->s, one_or_list(*vals));
                }
                Fields c;
                for (auto& [t, f] : tests) c.emplace_back(t, Value::object(std::move(f)));
                out.emplace_back("Condition", Value::object(std::move(c)));
            }
            statements.push_back(Value::object(std::move(out)));
        }
    Fields doc;
    const Value* version = body.field("version");
    doc.emplace_back("Version", version && !version->is_null() ? *version : Value::string("2012-10-17"));
    doc.emplace_back("Statement", Value::tuple(std::move(statements)));
    if (const Value* id = body.field("policy_id"); id && !id->is_null()) doc.emplace_back("Id", *id);
    return Value::string(to_json(Value::object(std::move(doc))));
}

void Evaluator::evaluate_module(ModuleInst& m, unsigned depth) {
    if (depth > 64) return;
    for (const Block* b : m.def->resources)
        resource(m, (b->type == "data" ? "data." : "") + b->labels[0] + "." + b->labels[1], depth + 1);
    for (const auto& [name, blk] : m.def->module_calls) {
        ModuleInst::Call& c = module_call(m, name, depth + 1);
        for (auto& [k, child] : c.instances) evaluate_module(*child, depth + 1);
    }
}

// ---- root inputs ----

namespace {

// A -var / TF_VAR_ value: a string for string (or untyped) variables, an
// HCL expression otherwise.
Value cli_value(Evaluator& e, Evaluation& ev, const ModuleDef& def, const std::string& name, const std::string& text,
                std::vector<std::unique_ptr<ParseResult>>& keep) {
    auto decl = def.variables.find(name);
    const Attribute* type = decl == def.variables.end() ? nullptr : decl->second->body.attribute("type");
    // Terraform's parsing modes: the raw string for untyped and primitive
    // variables (converted to the type later), HCL for the others.
    if (!type || primitive_type(type->expr)) return Value::string(text);
    auto r = std::make_unique<ParseResult>(parse_hcl("-var " + name, "v = " + text + "\n"));
    if (r->error || r->file.body.attributes.empty()) return Value::string(text);
    Scope s;
    s.ev = &ev;
    s.mod = ev.root.get();
    Value v = e.eval(r->file.body.attributes[0].expr, s, 0);
    keep.push_back(std::move(r));
    return v;
}

void read_tfvars(Evaluator& e, Evaluation& ev, const std::string& path, std::map<std::string, Value>& out,
                 std::vector<std::unique_ptr<ParseResult>>& keep) {
    std::string text;
    if (!read_text(path, text)) return;
    auto r = std::make_unique<ParseResult>(ends_with(path, ".json") ? parse_hcl_json(shown(path), text) : parse_hcl(shown(path), text));
    if (r->error) ev.errors.push_back({shown(path), *r->error});
    Scope s;
    s.ev = &ev;
    s.mod = ev.root.get();
    for (const Attribute& a : r->file.body.attributes) out[a.name] = e.eval(a.expr, s, 0);
    keep.push_back(std::move(r));
}

}  // namespace

std::unique_ptr<Evaluation> evaluate_root_module(const std::string& dir, const TfInputs& inputs) {
    auto ev = std::make_unique<Evaluation>();
    ev->root = std::make_unique<ModuleInst>();
    ev->root->def = load_module(*ev, dir);
    ev->scope_dirs[""] = ev->root->def->dir;
    Evaluator e(*ev);
    std::vector<std::unique_ptr<ParseResult>> keep;
    std::map<std::string, Value>& in = ev->root->inputs_root;
    for (const auto& [k, v] : inputs.env) in[k] = cli_value(e, *ev, *ev->root->def, k, v, keep);
    read_tfvars(e, *ev, (fs::path(dir) / "terraform.tfvars").string(), in, keep);
    read_tfvars(e, *ev, (fs::path(dir) / "terraform.tfvars.json").string(), in, keep);
    std::vector<std::string> autos;
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        std::string n = it->path().filename().string();
        if (ends_with(n, ".auto.tfvars") || ends_with(n, ".auto.tfvars.json")) autos.push_back(it->path().string());
    }
    std::sort(autos.begin(), autos.end());
    for (const auto& a : autos) read_tfvars(e, *ev, a, in, keep);
    for (const auto& f : inputs.var_files) read_tfvars(e, *ev, f, in, keep);
    for (const auto& [k, v] : inputs.vars) in[k] = cli_value(e, *ev, *ev->root->def, k, v, keep);
    e.evaluate_module(*ev->root, 0);
    return ev;
}

}  // namespace vpclint::hcl
