// Expressions: traversals of the Terraform namespaces (var, local, module,
// data, resources, count, each, path), operators, templates, for and splat.
#include <algorithm>
#include <cmath>
#include <cstdlib>

#include "parsers/hcl/tf_builtins.h"
#include "parsers/hcl/tf_eval.h"

namespace vpclint::hcl {

namespace {

constexpr unsigned kMaxEvalDepth = 200;
constexpr size_t kMaxEvalSteps = 50u * 1000u * 1000u;

bool is_number_text(const std::string& s, double& out) {
    if (s.empty()) return false;
    char* end = nullptr;
    out = std::strtod(s.c_str(), &end);
    return end && *end == '\0';
}

bool as_number(const Value& v, double& out) {
    if (v.k == Value::K::Number) {
        out = v.n;
        return true;
    }
    return v.k == Value::K::String && is_number_text(v.s, out);
}

bool as_bool(const Value& v, bool& out) {
    if (v.k == Value::K::Bool) {
        out = v.b;
        return true;
    }
    if (v.k == Value::K::String && (v.s == "true" || v.s == "false")) {
        out = v.s == "true";
        return true;
    }
    return false;
}

const Value* scope_local(const Scope& s, const std::string& name) {
    for (auto it = s.locals.rbegin(); it != s.locals.rend(); ++it)
        if (it->first == name) return &it->second;
    return nullptr;
}

}  // namespace

Value Evaluator::templ(const std::vector<TemplatePart>& parts, Scope& s, unsigned depth, bool whole) {
    if (whole && parts.size() == 1 && parts[0].kind == TemplatePart::Interp) return eval(parts[0].expr, s, depth + 1);
    std::string out;
    for (const TemplatePart& p : parts) {
        switch (p.kind) {
            case TemplatePart::Literal: out += p.text; break;
            case TemplatePart::Interp: {
                Value v = eval(p.expr, s, depth + 1);
                if (v.is_unknown()) return v;
                std::string t;
                if (!to_text(v, t)) return Value::unknown(v.is_null() ? "interpolation of null" : "interpolation of a list or object");
                out += t;
                break;
            }
            case TemplatePart::If: {
                Value c = eval(p.expr, s, depth + 1);
                bool b;
                if (c.is_unknown()) return c;
                if (!as_bool(c, b)) return Value::unknown("%{ if } condition is not a boolean");
                Value part = templ(b ? p.then_parts : p.else_parts, s, depth + 1, false);
                if (part.is_unknown()) return part;
                out += part.s;
                break;
            }
            case TemplatePart::For: {
                Value coll = eval(p.expr, s, depth + 1);
                if (coll.is_unknown()) return coll;
                auto one = [&](const Value& k, const Value& v) -> bool {
                    if (!p.key_var.empty()) s.locals.emplace_back(p.key_var, k);
                    s.locals.emplace_back(p.val_var, v);
                    Value part = templ(p.then_parts, s, depth + 1, false);
                    s.locals.pop_back();
                    if (!p.key_var.empty()) s.locals.pop_back();
                    if (part.is_unknown()) return false;
                    out += part.s;
                    return true;
                };
                if (coll.k == Value::K::List) {
                    for (size_t k = 0; k < coll.items().size(); ++k)
                        if (!one(Value::number(static_cast<double>(k)), coll.items()[k])) return Value::unknown("%{ for } over values known after apply");
                } else if (coll.k == Value::K::Object) {
                    for (const auto& [k, v] : coll.fields())
                        if (!one(Value::string(k), v)) return Value::unknown("%{ for } over values known after apply");
                }
                break;
            }
        }
    }
    return Value::string(std::move(out));
}

// `e` is GetAttr/Index on a namespace root: var.x, local.x, module.x,
// data.t.n, t.n, count.index, each.key, path.module. `handled` false: not one.
Value Evaluator::traverse_root(const std::string& root, const Expr* e, Scope& s, unsigned depth, const Expr*& rest) {
    rest = nullptr;
    ModuleInst& m = *s.mod;
    const std::string& name = e->text;
    if (root == "var") return variable(m, name, depth + 1);
    if (root == "local") return local(m, name, depth + 1);
    if (root == "module") return module_value(m, name, depth + 1);
    if (root == "count") {
        if (name == "index" && s.count_index) return *s.count_index;
        return Value::unknown("count." + name + " outside a resource with count");
    }
    if (root == "each") {
        if (name == "key" && s.each_key) return *s.each_key;
        if (name == "value" && s.each_value) return *s.each_value;
        return Value::unknown("each." + name + " outside a resource with for_each");
    }
    if (root == "path") {
        if (name == "module") return Value::string(m.def->dir);
        if (name == "root" || name == "cwd") return Value::string(s.ev->root->def->dir);
        return Value::unknown("path." + name);
    }
    if (root == "terraform") {
        if (name == "workspace") return Value::string("default");
        return Value::unknown("terraform." + name);
    }
    if (root == "self") return Value::unknown("self." + name);
    return resource_value(m, root + "." + name, depth + 1);
}

bool Evaluator::scope_free(const Expr* e, unsigned depth) {
    if (!e) return true;
    if (depth > 400) return false;
    if (auto it = scope_free_.find(e); it != scope_free_.end()) return it->second;
    bool ok = true;
    if (e->kind == ExprKind::Variable) ok = e->text != "count" && e->text != "each" && e->text != "self";
    if (e->kind == ExprKind::For || e->kind == ExprKind::Template) ok = false;  // they bind names
    for (const Expr* x : {e->a, e->b, e->c, e->d}) ok = ok && scope_free(x, depth + 1);
    for (const Expr* x : e->items) ok = ok && scope_free(x, depth + 1);
    for (const Expr* x : e->keys) ok = ok && scope_free(x, depth + 1);
    scope_free_[e] = ok;
    return ok;
}

Value Evaluator::splat(const Expr* e, Scope& s, unsigned depth) {
    Value src = eval(e->a, s, depth + 1);
    if (src.is_unknown()) return src;
    if (src.is_null()) return Value::tuple({});
    List single;
    if (src.k != Value::K::List) {
        if (e->flag) return Value::unknown("an attribute splat over a value that is not a list");
        single.push_back(src);
    }
    const List& in = src.k == Value::K::List ? src.items() : single;
    List out;
    out.reserve(in.size());
    for (const Value& item : in) {
        s.locals.emplace_back("\x01splat", item);
        out.push_back(eval(e->b, s, depth + 1));
        s.locals.pop_back();
    }
    return Value::tuple(std::move(out));
}

Value Evaluator::eval(const Expr* e, Scope& s, unsigned depth) {
    if (!e) return Value::null();
    if (depth > kMaxEvalDepth) return Value::unknown("the expression nests too deeply to evaluate");
    if (++steps_ > kMaxEvalSteps) return Value::unknown("the configuration is too large to evaluate");
    switch (e->kind) {
        case ExprKind::Null: return Value::null();
        case ExprKind::Bool: return Value::boolean(e->flag);
        case ExprKind::Number: {
            Value v;
            if (parse_number_text(e->text, v)) return v;  // long integers keep their digits
            return Value::number(std::strtod(e->text.c_str(), nullptr));
        }
        case ExprKind::Template: return templ(e->parts, s, depth, true);
        case ExprKind::Paren: return eval(e->a, s, depth + 1);
        case ExprKind::Variable: {
            if (const Value* v = scope_local(s, e->text)) return *v;
            return Value::unknown("the name " + e->text + " alone is not a value");
        }
        case ExprKind::SplatItem: {
            if (const Value* v = scope_local(s, "\x01splat")) return *v;
            return Value::unknown("a splat element outside a splat");
        }
        case ExprKind::Tuple: {
            List l;
            l.reserve(e->items.size());
            for (const Expr* i : e->items) l.push_back(eval(i, s, depth + 1));
            return Value::tuple(std::move(l));
        }
        case ExprKind::Object: {
            Fields f;
            for (size_t k = 0; k < e->keys.size(); ++k) {
                const Expr* key = e->keys[k];
                std::string ks;
                if (key->kind == ExprKind::Variable) {
                    ks = key->text;  // a bare name is the key itself
                } else {
                    Value kv = eval(key, s, depth + 1);
                    if (kv.is_unknown()) return Value::unknown("an object key known after apply");
                    if (!to_text(kv, ks)) return Value::unknown("an object key that is not a string");
                }
                f.emplace_back(ks, eval(e->items[k], s, depth + 1));
            }
            return Value::object(std::move(f));
        }
        case ExprKind::GetAttr: {
            const Expr* a = e->a;
            if (a->kind == ExprKind::Variable && !scope_local(s, a->text)) {
                const Expr* rest = nullptr;
                return traverse_root(a->text, e, s, depth + 1, rest);
            }
            if (a->kind == ExprKind::GetAttr && a->a->kind == ExprKind::Variable && a->a->text == "data" &&
                !scope_local(s, "data"))
                return resource_value(*s.mod, "data." + a->text + "." + e->text, depth + 1);
            return get_attr(eval(a, s, depth + 1), e->text);
        }
        case ExprKind::Index: {
            Value base = eval(e->a, s, depth + 1);
            Value key = eval(e->b, s, depth + 1);
            return get_index(base, key);
        }
        case ExprKind::Splat: {
            bool memo = s.locals.empty() && scope_free(e, 0);
            if (memo)
                if (auto it = splat_memo_.find({e, s.mod}); it != splat_memo_.end()) return it->second;
            Value out = splat(e, s, depth);
            if (memo) splat_memo_.emplace(std::make_pair(e, s.mod), out);
            return out;
        }
        case ExprKind::For: {
            Value coll = eval(e->a, s, depth + 1);
            if (coll.is_unknown()) return coll;
            std::vector<std::pair<Value, Value>> pairs;
            if (coll.k == Value::K::List)
                for (size_t k = 0; k < coll.items().size(); ++k) pairs.emplace_back(Value::number(static_cast<double>(k)), coll.items()[k]);
            else if (coll.k == Value::K::Object)
                for (const auto& [k, v] : coll.fields()) pairs.emplace_back(Value::string(k), v);
            else if (!coll.is_null())
                return Value::unknown("for over a value that is not a collection");
            List items;
            Fields fields;
            std::map<std::string, List> groups;
            for (const auto& [k, v] : pairs) {
                if (!e->key_var.empty()) s.locals.emplace_back(e->key_var, k);
                s.locals.emplace_back(e->val_var, v);
                bool keep = true;
                Value result;
                if (e->c) {
                    Value c = eval(e->c, s, depth + 1);
                    bool b = false;
                    if (!as_bool(c, b)) result = Value::unknown(c.is_unknown() ? c.s : "for condition is not a boolean");
                    keep = b;
                    if (result.is_unknown()) keep = false;
                }
                if (!result.is_unknown() && keep) {
                    if (e->flag) {
                        Value kv = eval(e->d, s, depth + 1);
                        std::string ks;
                        if (!to_text(kv, ks)) result = Value::unknown("for key known after apply");
                        else if (e->group) groups[ks].push_back(eval(e->b, s, depth + 1));
                        else fields.emplace_back(ks, eval(e->b, s, depth + 1));
                    } else {
                        items.push_back(eval(e->b, s, depth + 1));
                    }
                }
                s.locals.pop_back();
                if (!e->key_var.empty()) s.locals.pop_back();
                if (result.is_unknown()) return result;
            }
            if (!e->flag) return Value::tuple(std::move(items));
            for (auto& [k, l] : groups) fields.emplace_back(k, Value::tuple(std::move(l)));
            return Value::object(std::move(fields));
        }
        case ExprKind::Conditional: {
            Value c = eval(e->a, s, depth + 1);
            bool b;
            if (c.is_unknown()) return Value::unknown("the condition is known after apply (" + c.s + ")");
            if (!as_bool(c, b)) return Value::unknown("the condition is not a boolean");
            return eval(b ? e->b : e->c, s, depth + 1);
        }
        case ExprKind::Unary: {
            Value x = eval(e->a, s, depth + 1);
            if (x.is_unknown()) return x;
            if (e->text == "!") {
                bool b;
                if (!as_bool(x, b)) return Value::unknown("! of a value that is not a boolean");
                return Value::boolean(!b);
            }
            double d;
            if (!as_number(x, d)) return Value::unknown("- of a value that is not a number");
            return Value::number(-d);
        }
        case ExprKind::Binary: {
            const std::string& op = e->text;
            Value l = eval(e->a, s, depth + 1);
            if (op == "&&" || op == "||") {
                bool lb = false, rb = false;
                bool lk = as_bool(l, lb);
                if (lk && op == "&&" && !lb) return Value::boolean(false);
                if (lk && op == "||" && lb) return Value::boolean(true);
                Value r = eval(e->b, s, depth + 1);
                bool rk = as_bool(r, rb);
                if (rk && op == "&&" && !rb) return Value::boolean(false);
                if (rk && op == "||" && rb) return Value::boolean(true);
                if (!lk || !rk) return Value::unknown(l.is_unknown() ? l.s : r.is_unknown() ? r.s : "a boolean operator on a non-boolean");
                return Value::boolean(op == "&&" ? lb && rb : lb || rb);
            }
            Value r = eval(e->b, s, depth + 1);
            if (l.is_unknown()) return l;
            if (r.is_unknown()) return r;
            if (op == "==" || op == "!=") {
                bool eq = equal(l, r);
                double a, b;
                if (!eq && l.k != r.k && as_number(l, a) && as_number(r, b) &&
                    (l.k == Value::K::Number || r.k == Value::K::Number))
                    eq = false;  // Terraform compares types too: "1" != 1
                return Value::boolean(op == "==" ? eq : !eq);
            }
            double a, b;
            if (!as_number(l, a) || !as_number(r, b)) return Value::unknown("arithmetic on a value that is not a number");
            if (op == "+") return Value::number(a + b);
            if (op == "-") return Value::number(a - b);
            if (op == "*") return Value::number(a * b);
            if (op == "/") return b == 0 ? Value::unknown("division by zero") : Value::number(a / b);
            if (op == "%") return b == 0 ? Value::unknown("modulo by zero") : Value::number(std::fmod(a, b));
            if (op == "<") return Value::boolean(a < b);
            if (op == "<=") return Value::boolean(a <= b);
            if (op == ">") return Value::boolean(a > b);
            if (op == ">=") return Value::boolean(a >= b);
            return Value::unknown("operator " + op);
        }
        case ExprKind::Call: {
            if (e->text == "try" || e->text == "can") {
                // The first argument that evaluates to a known value.
                for (const Expr* arg : e->items) {
                    Value v = eval(arg, s, depth + 1);
                    if (e->text == "can") return v.is_unknown() ? Value::unknown("can: " + v.s) : Value::boolean(true);
                    if (v.known_deep()) return v;
                    if (v.is_unknown() && v.s.rfind("known after apply", 0) == 0) return v;
                }
                return Value::unknown("try: no argument has a known value");
            }
            std::vector<Value> args;
            for (size_t k = 0; k < e->items.size(); ++k) {
                Value v = eval(e->items[k], s, depth + 1);
                if (e->flag && k + 1 == e->items.size()) {
                    if (v.is_unknown()) return v;
                    for (const Value& x : v.items()) args.push_back(x);
                } else {
                    args.push_back(std::move(v));
                }
            }
            return call_function(e->text, std::move(args), e, s, depth + 1);
        }
    }
    return Value::unknown("an expression vpclint does not evaluate");
}

}  // namespace vpclint::hcl
