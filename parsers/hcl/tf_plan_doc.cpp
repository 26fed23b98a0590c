#include "parsers/hcl/tf_plan_doc.h"

#include <algorithm>

namespace vpclint::hcl {

namespace {

struct Bound {
    std::string name;
    std::vector<std::string> expands_to;  // dynamic iterators: the references of their for_each
};

struct RefCollector {
    const ModuleDef& def;
    std::vector<std::string> out;
    std::vector<Bound> bound;
    std::vector<std::string> locals_busy;

    void add(const std::string& r) {
        if (std::find(out.begin(), out.end(), r) == out.end()) out.push_back(r);
    }
    const Bound* find_bound(const std::string& n) const {
        for (auto it = bound.rbegin(); it != bound.rend(); ++it)
            if (it->name == n) return &*it;
        return nullptr;
    }
    static bool static_key(const Expr* k, std::string& out) {
        if (k->kind == ExprKind::Number) {
            out = k->text;
            return true;
        }
        if (k->kind == ExprKind::Template && k->parts.size() == 1 && k->parts[0].kind == TemplatePart::Literal) {
            out = "\"" + k->parts[0].text + "\"";
            return true;
        }
        if (k->kind == ExprKind::Template && k->parts.empty()) {
            out = "\"\"";
            return true;
        }
        return false;
    }

    // A chain of GetAttr/Index from a root name: its steps.
    struct Step {
        bool attr;
        std::string name;
        const Expr* index;
    };
    static const Expr* chain(const Expr* e, std::vector<Step>& steps) {
        while (e->kind == ExprKind::GetAttr || e->kind == ExprKind::Index) {
            steps.push_back(e->kind == ExprKind::GetAttr ? Step{true, e->text, nullptr} : Step{false, "", e->b});
            e = e->a;
        }
        std::reverse(steps.begin(), steps.end());
        return e;
    }

    void traversal(const std::string& root, const std::vector<Step>& st, unsigned depth) {
        auto attr = [&](size_t k) { return k < st.size() && st[k].attr ? st[k].name : std::string(); };
        if (const Bound* b = find_bound(root)) {
            for (const std::string& r : b->expands_to) add(r);
            return;
        }
        if (root == "var" || root == "count" || root == "path" || root == "terraform") {
            if (!attr(0).empty()) add(root + "." + attr(0));
            return;
        }
        if (root == "each") {
            if (attr(0).empty()) return;
            add("each." + attr(0) + (attr(0) == "value" && !attr(1).empty() ? "." + attr(1) : ""));
            return;
        }
        if (root == "self") return;
        if (root == "local") {
            std::string n = attr(0);
            auto it = def.locals.find(n);
            if (n.empty()) return;
            if (it == def.locals.end() || depth > 16 ||
                std::find(locals_busy.begin(), locals_busy.end(), n) != locals_busy.end()) {
                add("local." + n);
                return;
            }
            locals_busy.push_back(n);
            std::vector<Bound> saved;
            saved.swap(bound);  // a local does not see the caller's bound names
            walk(it->second->expr, depth + 1);
            bound.swap(saved);
            locals_busy.pop_back();
            return;
        }
        if (root == "module") {
            std::string m = attr(0);
            if (m.empty()) return;
            std::string call = "module." + m;
            size_t k = 1;
            std::string key;
            if (k < st.size() && !st[k].attr && static_key(st[k].index, key)) {
                std::string inst = call + "[" + key + "]";
                if (!attr(k + 1).empty()) add(inst + "." + attr(k + 1));
                add(inst);
                add(call);
                return;
            }
            if (!attr(1).empty()) add(call + "." + attr(1));
            add(call);
            return;
        }
        std::string base;
        size_t k;
        if (root == "data") {
            if (attr(0).empty() || attr(1).empty()) return;
            base = "data." + attr(0) + "." + attr(1);
            k = 2;
        } else {
            if (attr(0).empty()) return;
            base = root + "." + attr(0);
            k = 1;
        }
        std::string key;
        if (k < st.size() && !st[k].attr && static_key(st[k].index, key)) {
            std::string inst = base + "[" + key + "]";
            if (!attr(k + 1).empty()) add(inst + "." + attr(k + 1));
            add(inst);
            add(base);
            return;
        }
        if (!attr(k).empty()) add(base + "." + attr(k));
        add(base);
    }

    void walk_parts(const std::vector<TemplatePart>& parts, unsigned depth) {
        for (const TemplatePart& p : parts) {
            if (p.expr) walk(p.expr, depth + 1);
            if (p.kind == TemplatePart::For) {
                if (!p.key_var.empty()) bound.push_back({p.key_var, {}});
                bound.push_back({p.val_var, {}});
                walk_parts(p.then_parts, depth + 1);
                bound.pop_back();
                if (!p.key_var.empty()) bound.pop_back();
            } else {
                walk_parts(p.then_parts, depth + 1);
                walk_parts(p.else_parts, depth + 1);
            }
        }
    }

    void walk(const Expr* e, unsigned depth) {
        if (!e || depth > 200) return;
        switch (e->kind) {
            case ExprKind::GetAttr:
            case ExprKind::Index: {
                std::vector<Step> st;
                const Expr* root = chain(e, st);
                for (const Step& s : st)
                    if (!s.attr) walk(s.index, depth + 1);
                if (root->kind == ExprKind::Variable) traversal(root->text, st, depth);
                else walk(root, depth + 1);
                return;
            }
            case ExprKind::Variable:
                if (const Bound* b = find_bound(e->text))
                    for (const std::string& r : b->expands_to) add(r);
                return;
            case ExprKind::Template: walk_parts(e->parts, depth); return;
            case ExprKind::For:
                walk(e->a, depth + 1);
                if (!e->key_var.empty()) bound.push_back({e->key_var, {}});
                bound.push_back({e->val_var, {}});
                walk(e->b, depth + 1);
                walk(e->c, depth + 1);
                walk(e->d, depth + 1);
                bound.pop_back();
                if (!e->key_var.empty()) bound.pop_back();
                return;
            case ExprKind::Object:
                for (const Expr* k : e->keys)
                    if (k->kind != ExprKind::Variable) walk(k, depth + 1);
                for (const Expr* v : e->items) walk(v, depth + 1);
                return;
            default:
                walk(e->a, depth + 1);
                walk(e->b, depth + 1);
                walk(e->c, depth + 1);
                walk(e->d, depth + 1);
                for (const Expr* i : e->items) walk(i, depth + 1);
                return;
        }
    }
};

// ---- node building ----

struct Builder {
    Document& doc;
    Node& map() {
        Node& n = doc.make();
        n.kind = NodeKind::Mapping;
        return n;
    }
    Node& seq() {
        Node& n = doc.make();
        n.kind = NodeKind::Sequence;
        return n;
    }
    const Node* str(const std::string& s) {
        Node& n = doc.make();
        n.kind = NodeKind::Scalar;
        n.quoted = true;
        n.text = doc.intern(s);
        return &n;
    }
    const Node* raw(const std::string& s) {
        Node& n = doc.make();
        n.kind = NodeKind::Scalar;
        n.text = doc.intern(s);
        return &n;
    }
    const Node* null() { return &doc.make(); }
    void put(Node& m, std::string_view k, const Node* v) { doc.arena.push(m.entries, MapEntry{doc.intern(k), {}, {}, v}); }

    const Node* value(const Value& v, unsigned depth) {
        if (depth > 200) return null();
        switch (v.k) {
            case Value::K::Null:
            case Value::K::Unknown: return null();
            case Value::K::Bool: return raw(v.b ? "true" : "false");
            case Value::K::Number: return raw(v.s);
            case Value::K::String: return str(v.s);
            case Value::K::List: {
                Node& s = seq();
                for (const Value& i : v.items()) doc.arena.push(s.items, value(i, depth + 1));
                return &s;
            }
            case Value::K::Object: {
                Node& m = map();
                for (const auto& [k, x] : v.fields())
                    if (!x.is_unknown()) put(m, k, value(x, depth + 1));
                return &m;
            }
        }
        return null();
    }
    // after_unknown: true where the value is unknown; nullptr where nothing is.
    const Node* unknown_marks(const Value& v, unsigned depth) {
        if (depth > 200) return nullptr;
        if (v.is_unknown()) return raw("true");
        if (v.k == Value::K::List) {
            bool any = false;
            Node& s = seq();
            for (const Value& i : v.items()) {
                const Node* m = unknown_marks(i, depth + 1);
                any = any || m;
                doc.arena.push(s.items, m ? m : raw("false"));
            }
            return any ? &s : nullptr;
        }
        if (v.k == Value::K::Object) {
            Node& m = map();
            for (const auto& [k, x] : v.fields())
                if (const Node* u = unknown_marks(x, depth + 1)) put(m, k, u);
            return m.entries.empty() ? nullptr : &m;
        }
        return nullptr;
    }
};

bool meta_attr(const std::string& n) { return n == "count" || n == "for_each" || n == "provider" || n == "depends_on"; }

struct ConfigWriter {
    Builder& b;
    std::map<std::string, const Node*>* by_scope = nullptr;  // "module instance|address" -> configuration resource
    Evaluator& ev;
    ModuleInst* any_inst;  // a module instance of this definition, for constants
    const Evaluation* evn;

    const Node* expression(const Expr* e, const ModuleDef& def, const std::vector<Bound>& bound) {
        RefCollector rc{def, {}, bound, {}};
        rc.walk(e, 0);
        Node& m = b.map();
        if (!rc.out.empty()) {
            Node& refs = b.seq();
            for (const std::string& r : rc.out) b.doc.arena.push(refs.items, b.str(r));
            b.put(m, "references", &refs);
            return &m;
        }
        if (!any_inst || !bound.empty()) return &m;
        Scope s;
        s.mod = any_inst;
        s.ev = evn;
        Value v = ev.eval(e, s, 0);
        if (v.known_deep()) b.put(m, "constant_value", b.value(v, 0));
        return &m;
    }

    // `dynamic_counts`: per dynamic block, how many blocks it made (instance 0).
    const Node* body(const Body& body, const ModuleDef& def, std::vector<Bound>& bound, const Value* evaluated) {
        Node& m = b.map();
        for (const Attribute& a : body.attributes)
            if (!meta_attr(a.name)) b.put(m, a.name, expression(a.expr, def, bound));
        std::map<std::string, Node*> lists;
        for (const Block* nb : body.blocks) {
            if (nb->type == "lifecycle" || nb->type == "provisioner" || nb->type == "connection") continue;
            bool dyn = nb->type == "dynamic" && !nb->labels.empty();
            std::string type = dyn ? nb->labels[0] : nb->type;
            Node*& list = lists[type];
            if (!list) {
                list = &b.seq();
                b.put(m, type, list);
            }
            const Value* items = evaluated ? evaluated->field(type) : nullptr;
            if (!dyn) {
                size_t k = list->items.size();
                const Value* item = items && k < items->items().size() ? &items->items()[k] : nullptr;
                b.doc.arena.push(list->items, this->body(nb->body, def, bound, item));
                continue;
            }
            std::vector<const Block*> content = nb->body.blocks_of("content");
            if (content.empty()) continue;
            const Attribute* fe = nb->body.attribute("for_each");
            std::string iter = type;
            if (const Attribute* it = nb->body.attribute("iterator"); it && it->expr->kind == ExprKind::Variable)
                iter = it->expr->text;
            RefCollector rc{def, {}, bound, {}};
            if (fe) rc.walk(fe->expr, 0);
            // As many copies as the evaluated list has items for this block:
            // what is left after the blocks before it and the static blocks after it.
            size_t static_after = 0;
            bool after = false;
            for (const Block* o : body.blocks) {
                if (o == nb) after = true;
                else if (after && o->type == type) ++static_after;
            }
            size_t made = 1;
            if (items && items->k == Value::K::List) {
                size_t have = items->items().size(), before = list->items.size();
                made = have > before + static_after ? have - before - static_after : 0;
            }
            bound.push_back({iter, rc.out});
            for (size_t k = 0; k < made; ++k) {
                size_t at = list->items.size();
                const Value* item = items && at < items->items().size() ? &items->items()[at] : nullptr;
                b.doc.arena.push(list->items, this->body(content[0]->body, def, bound, item));
            }
            bound.pop_back();
        }
        return &m;
    }

    const Node* module(const ModuleDef& def, const ModuleInst* inst, const Evaluation& evn, unsigned depth,
                       const std::string& scope) {
        Node& m = b.map();
        if (depth > 64) return &m;
        std::vector<Bound> none;
        Node& resources = b.seq();
        for (const Block* r : def.resources) {
            bool data = r->type == "data";
            Node& n = b.map();
            b.put(n, "address", b.str((data ? "data." : "") + r->labels[0] + "." + r->labels[1]));
            b.put(n, "mode", b.str(data ? "data" : "managed"));
            b.put(n, "type", b.str(r->labels[0]));
            b.put(n, "name", b.str(r->labels[1]));
            const Value* first = nullptr;
            if (inst) {
                auto it = inst->resources.find((data ? "data." : "") + r->labels[0] + "." + r->labels[1]);
                if (it != inst->resources.end() && !it->second.values.empty()) first = &it->second.values.front();
            }
            ModuleInst* saved = any_inst;
            any_inst = const_cast<ModuleInst*>(inst);
            b.put(n, "expressions", body(r->body, def, none, first));
            if (const Attribute* c = r->body.attribute("count")) b.put(n, "count_expression", expression(c->expr, def, none));
            if (const Attribute* f = r->body.attribute("for_each")) b.put(n, "for_each_expression", expression(f->expr, def, none));
            any_inst = saved;
            b.doc.arena.push(resources.items, &n);
            // Keyed by the module instance: each instance's own configuration
            // (its dynamic blocks, its constants), not the first one's.
            if (by_scope) (*by_scope)[(inst ? inst->address : scope) + "|" + (data ? "data." : "") + r->labels[0] + "." + r->labels[1]] = &n;
        }
        b.put(m, "resources", &resources);
        Node& calls = b.map();
        for (const auto& [name, blk] : def.module_calls) {
            Node& c = b.map();
            const Attribute* src = blk->body.attribute("source");
            std::string source;
            if (src && src->expr->kind == ExprKind::Template && src->expr->parts.size() == 1) source = src->expr->parts[0].text;
            b.put(c, "source", b.str(source));
            Node& exprs = b.map();
            ModuleInst* saved = any_inst;
            any_inst = const_cast<ModuleInst*>(inst);
            for (const Attribute& a : blk->body.attributes)
                if (!meta_attr(a.name) && a.name != "source" && a.name != "version" && a.name != "providers")
                    b.put(exprs, a.name, expression(a.expr, def, none));
            b.put(c, "expressions", &exprs);
            if (const Attribute* cnt = blk->body.attribute("count")) b.put(c, "count_expression", expression(cnt->expr, def, none));
            if (const Attribute* fe = blk->body.attribute("for_each")) b.put(c, "for_each_expression", expression(fe->expr, def, none));
            any_inst = saved;
            // The configuration holds the call's module once, as Terraform
            // writes it (from the first instance); every instance's resources
            // get their own configuration in `by_scope`.
            if (inst)
                if (auto it = inst->calls.find(name); it != inst->calls.end())
                    for (size_t k = 0; k < it->second.instances.size(); ++k) {
                        const ModuleInst* child = it->second.instances[k].second.get();
                        const Node* node = module(*child->def, child, evn, depth + 1, (scope.empty() ? "" : scope + ".") + "module." + name);
                        if (k == 0) b.put(c, "module", node);
                    }
            b.put(calls, name, &c);
        }
        b.put(m, "module_calls", &calls);
        Node& vars = b.map();
        for (const auto& [name, blk] : def.variables) {
            Node& v = b.map();
            if (const Attribute* d = blk->body.attribute("default"); d && inst) {
                Scope s;
                s.mod = const_cast<ModuleInst*>(inst);
                s.ev = &evn;
                Value dv = ev.eval(d->expr, s, 0);
                if (dv.known_deep()) b.put(v, "default", b.value(dv, 0));
            }
            b.put(vars, name, &v);
        }
        b.put(m, "variables", &vars);
        Node& outs = b.map();
        for (const auto& [name, blk] : def.outputs) {
            Node& o = b.map();
            if (const Attribute* v = blk->body.attribute("value")) b.put(o, "expression", expression(v->expr, def, none));
            b.put(outs, name, &o);
        }
        b.put(m, "outputs", &outs);
        return &m;
    }
};

// The instances an unknown value comes from ("aws_subnet.a[0].id"), when
// every unknown part of it is a resource attribute; false otherwise.
bool origins(const Value& v, std::vector<std::string>& out, unsigned depth) {
    if (depth > 100) return false;
    if (v.is_unknown()) {
        if (v.origin.empty()) return false;
        if (std::find(out.begin(), out.end(), v.origin) == out.end()) out.push_back(v.origin);
        return true;
    }
    for (const Value& i : v.items())
        if (!origins(i, out, depth + 1)) return false;
    for (const auto& f : v.fields())
        if (!origins(f.second, out, depth + 1)) return false;
    return true;
}

struct ValuesWriter {
    Builder& b;
    Node& changes;
    const std::map<std::string, const Node*>& config;

    // The configuration expressions of one instance: where its evaluated
    // value is unknown and comes from resource attributes only, the
    // references are those instances (not every instance the syntax names).
    const Node* instance_exprs(const Node* exprs, const Value& v, unsigned depth) {
        if (!exprs || depth > 64 || !exprs->is_mapping()) return exprs;
        Node& out = b.map();
        for (const MapEntry& e : exprs->entries) {
            const Value* f = v.field(e.key);
            if (e.value->is_sequence()) {  // nested blocks
                Node& list = b.seq();
                for (size_t k = 0; k < e.value->items.size(); ++k) {
                    const Value* item = f && k < f->items().size() ? &f->items()[k] : nullptr;
                    b.doc.arena.push(list.items, item ? instance_exprs(e.value->items[k], *item, depth + 1) : e.value->items[k]);
                }
                b.put(out, e.key, &list);
                continue;
            }
            std::vector<std::string> from;
            if (f && !f->known_deep() && origins(*f, from, 0) && !from.empty()) {
                Node& x = b.map();
                Node& refs = b.seq();
                for (const std::string& r : from) b.doc.arena.push(refs.items, b.str(r));
                b.put(x, "references", &refs);
                b.put(out, e.key, &x);
            } else {
                b.put(out, e.key, e.value);
            }
        }
        return &out;
    }

    const Node* module(const ModuleInst& m, unsigned depth, const std::string& scope) {
        Node& out = b.map();
        if (!m.address.empty()) b.put(out, "address", b.str(m.address));
        Node& resources = b.seq();
        if (depth > 64) return &out;
        for (const Block* blk : m.def->resources) {
            if (blk->type == "data") continue;  // read outside the plan's changes
            auto it = m.resources.find(blk->labels[0] + "." + blk->labels[1]);
            if (it == m.resources.end()) continue;
            const ResourceEval& r = it->second;
            for (size_t k = 0; k < r.values.size(); ++k) {
                Node& n = b.map();
                b.put(n, "address", b.str(r.addresses[k]));
                b.put(n, "mode", b.str("managed"));
                b.put(n, "type", b.str(r.type));
                b.put(n, "name", b.str(r.name));
                const Value& key = r.keys[k].first;
                if (!key.is_null()) b.put(n, "index", key.k == Value::K::String ? b.str(key.s) : b.raw(key.s));
                b.put(n, "values", b.value(r.values[k], 0));
                if (auto c = config.find(m.address + "|" + r.type + "." + r.name); c != config.end()) {
                    Node& own = b.map();
                    for (const MapEntry& e : c->second->entries)
                        b.put(own, e.key, e.key == "expressions" ? instance_exprs(e.value, r.values[k], 0) : e.value);
                    b.put(n, "vpclint_config", &own);
                }
                b.doc.arena.push(resources.items, &n);
                Node& ch = b.map();
                b.put(ch, "address", b.str(r.addresses[k]));
                Node& change = b.map();
                Node& actions = b.seq();
                b.doc.arena.push(actions.items, b.str("create"));
                b.put(change, "actions", &actions);
                const Node* au = b.unknown_marks(r.values[k], 0);
                Node& au_map = au && au->is_mapping() ? const_cast<Node&>(*au) : b.map();
                for (const char* computed : {"id", "arn"})
                    if (!r.values[k].field(computed) && !au_map.get(computed)) b.put(au_map, computed, b.raw("true"));
                b.put(change, "after_unknown", &au_map);
                b.put(ch, "change", &change);
                b.doc.arena.push(changes.items, &ch);
            }
        }
        b.put(out, "resources", &resources);
        Node& children = b.seq();
        for (const auto& [name, call] : m.calls)
            for (const auto& [key, child] : call.instances)
                b.doc.arena.push(children.items, module(*child, depth + 1, (scope.empty() ? "" : scope + ".") + "module." + name));
        b.put(out, "child_modules", &children);
        return &out;
    }
};

// Positions of every resource block's attributes, keyed as the binders ask
// ("vpc_config#0.subnet_ids", and by bare name).
void positions(const Body& body, const std::string& file, const std::string& prefix, tf::TfBlock& out,
               const Value* evaluated, unsigned depth) {
    if (depth > 64) return;
    auto loc = [&](SourcePos b, SourcePos e) { return Location{file, b.line, b.col, e.line, e.col}; };
    for (const Attribute& a : body.attributes) {
        out.attributes.emplace(prefix + a.name, loc(a.begin, a.end));
        out.attributes.emplace(a.name, loc(a.begin, a.end));
        // The keys of an object written in place (`variables = { API_URL = ... }`),
        // as the source scan keys them: "environment#0.variables#0.API_URL".
        if (a.expr && a.expr->kind == ExprKind::Object)
            for (size_t k = 0; k < a.expr->keys.size() && k < a.expr->items.size(); ++k) {
                const Expr* ke = a.expr->keys[k];
                std::string key;
                if (ke->kind == ExprKind::Variable) key = ke->text;
                else if (ke->kind == ExprKind::Template && ke->parts.size() == 1 && ke->parts[0].kind == TemplatePart::Literal)
                    key = ke->parts[0].text;
                else
                    continue;
                out.attributes.emplace(prefix + a.name + "#0." + key, loc(ke->begin, a.expr->items[k]->end));
                out.attributes.emplace(key, loc(ke->begin, a.expr->items[k]->end));
            }
    }
    std::map<std::string, int> occurrences;
    for (const Block* nb : body.blocks) {
        bool dyn = nb->type == "dynamic" && !nb->labels.empty();
        std::string type = dyn ? nb->labels[0] : nb->type;
        const Body* inner = &nb->body;
        int copies = 1;
        if (dyn) {
            std::vector<const Block*> content = nb->body.blocks_of("content");
            if (content.empty()) continue;
            inner = &content[0]->body;
            const Value* items = evaluated ? evaluated->field(type) : nullptr;
            int have = items && items->k == Value::K::List ? static_cast<int>(items->items().size()) : 1;
            copies = std::max(1, have - occurrences[type]);
        }
        for (int c = 0; c < copies; ++c) {
            int occ = occurrences[type]++;
            std::string key = prefix + type + "#" + std::to_string(occ);
            out.attributes.emplace(key, loc(nb->begin, nb->end));
            out.attributes.emplace(type, loc(nb->begin, nb->end));
            const Value* items = evaluated ? evaluated->field(type) : nullptr;
            const Value* item = items && static_cast<size_t>(occ) < items->items().size() ? &items->items()[static_cast<size_t>(occ)] : nullptr;
            positions(*inner, file, key + ".", out, item, depth + 1);
        }
    }
}

void module_positions(const ModuleInst& m, const std::string& scope,
                      std::map<std::string, std::map<std::string, tf::TfBlock>>& out, unsigned depth) {
    if (depth > 64 || out.count(scope)) return;
    auto& blocks = out[scope];
    for (const auto& file : m.def->files)
        for (const Block* b : file->file.body.blocks) {
            if (b->type == "module" && b->labels.size() == 1) {
                // Its inputs, which module resources read (value origins).
                tf::TfBlock tb;
                tb.header = Location{file->file.path, b->begin.line, b->begin.col, b->begin.line, b->begin.col + 6};
                for (const Attribute& a : b->body.attributes)
                    tb.attributes.emplace(a.name, Location{file->file.path, a.begin.line, a.begin.col, a.end.line, a.end.col});
                blocks.emplace("module." + b->labels[0], std::move(tb));
                continue;
            }
            if (b->type != "resource" || b->labels.size() != 2) continue;
            tf::TfBlock tb;
            tb.header = Location{file->file.path, b->begin.line, b->begin.col, b->begin.line, b->begin.col + 8};
            const Value* first = nullptr;
            if (auto it = m.resources.find(b->labels[0] + "." + b->labels[1]); it != m.resources.end() && !it->second.values.empty())
                first = &it->second.values.front();
            positions(b->body, file->file.path, "", tb, first, 0);
            blocks.emplace(b->labels[0] + "." + b->labels[1], std::move(tb));
        }
    for (const auto& [name, call] : m.calls)
        if (!call.instances.empty())
            module_positions(*call.instances.front().second, (scope.empty() ? "" : scope + ".") + "module." + name, out, depth + 1);
}

}  // namespace

std::vector<std::string> references_of(const Expr* e, const ModuleDef& def) {
    RefCollector rc{def, {}, {}, {}};
    rc.walk(e, 0);
    return rc.out;
}

PlanDocument plan_document(const Evaluation& ev, const std::string& shown_path) {
    PlanDocument out;
    out.doc = std::make_unique<Document>();
    Document& doc = *out.doc;
    doc.path = shown_path;
    Builder b{doc};
    Node& root = b.map();
    b.put(root, "format_version", b.str("1.2"));
    Evaluator evaluator(const_cast<Evaluation&>(ev));
    std::map<std::string, const Node*> by_scope;
    ConfigWriter cw{b, &by_scope, evaluator, ev.root.get(), &ev};
    Node& config = b.map();
    b.put(config, "root_module", cw.module(*ev.root->def, ev.root.get(), ev, 0, ""));
    Node& changes = b.seq();
    ValuesWriter vw{b, changes, by_scope};
    Node& pv = b.map();
    b.put(pv, "root_module", vw.module(*ev.root, 0, ""));
    b.put(root, "planned_values", &pv);
    b.put(root, "resource_changes", &changes);
    b.put(root, "configuration", &config);
    Node& vars = b.map();
    for (const auto& [name, blk] : ev.root->def->variables) {
        Node& v = b.map();
        Value val = evaluator.variable(*ev.root, name, 0);
        if (val.known_deep()) b.put(v, "value", b.value(val, 0));
        b.put(vars, name, &v);
    }
    b.put(root, "variables", &vars);
    doc.root = &root;
    module_positions(*ev.root, "", out.blocks, 0);
    return out;
}

}  // namespace vpclint::hcl
