// A value converted to a variable's type constraint, as cty converts it
// when Terraform reads tfvars, -var, module inputs and defaults: "42" to a
// number, 80 to "80", [1, true] to ["1", "true"] for list(string), a set
// sorted and without duplicates, an object's missing optional attributes
// filled with their defaults and its undeclared attributes dropped.
#include <algorithm>
#include <cstdlib>
#include <string>
#include <vector>

#include "parsers/hcl/tf_builtins.h"
#include "parsers/hcl/tf_eval.h"

namespace vpclint::hcl {

namespace {

constexpr unsigned kMaxTypeDepth = 64;

const char* kind_name(const Value& v) {
    switch (v.k) {
        case Value::K::Null: return "null";
        case Value::K::Bool: return "a bool";
        case Value::K::Number: return "a number";
        case Value::K::String: return "a string";
        case Value::K::List: return "a list";
        case Value::K::Object: return "an object";
        case Value::K::Unknown: return "unknown";
    }
    return "a value";
}

// The name of a key in an object type: `name = string` or `"name" = string`.
bool key_name(const Expr* k, std::string& out) {
    if (k->kind == ExprKind::Variable) {
        out = k->text;
        return true;
    }
    if (k->kind == ExprKind::Template && k->parts.size() == 1 && k->parts[0].kind == TemplatePart::Literal) {
        out = k->parts[0].text;
        return true;
    }
    return false;
}

bool primitive(const Value& v) { return v.k == Value::K::Bool || v.k == Value::K::Number || v.k == Value::K::String; }

// Elements of list(any) / map(any) / set(any) share one type in cty: mixed
// primitives with a string among them all become strings; numbers mixed
// with bools cannot unify. Mixed structures are left as they are (cty
// unifies them into one object type; vpclint does not).
bool unify(std::vector<Value>& items, std::string& why) {
    bool str = false, num = false, boolean = false;
    for (const Value& v : items) {
        if (v.k == Value::K::String) str = true;
        else if (v.k == Value::K::Number) num = true;
        else if (v.k == Value::K::Bool) boolean = true;
    }
    if (!str && num && boolean) {
        why = "numbers and bools in one collection";
        return false;
    }
    if (!str) return true;
    for (Value& v : items) {
        if (!primitive(v) || v.k == Value::K::String) continue;
        std::string t;
        to_text(v, t);
        v = Value::string(t);
    }
    return true;
}

bool less_primitive(const Value& a, const Value& b) {
    if (a.k == Value::K::Number) return a.n < b.n;
    if (a.k == Value::K::Bool) return !a.b && b.b;
    return a.s < b.s;  // bytes of UTF-8: code point order
}

struct Converter {
    Evaluator& e;
    Scope& s;
    std::string error;  // the first value Terraform would reject: the whole conversion fails

    Value fail(const std::string& why) {
        if (error.empty()) error = "not of the variable's type: " + why;
        return Value::unknown(error);
    }

    Value primitive_to(const Value& v, const std::string& t) {
        if (t == "string") {
            std::string out;
            if (!primitive(v)) return fail(std::string(kind_name(v)) + " where a string is required");
            to_text(v, out);
            return Value::string(out);
        }
        if (t == "number") {
            if (v.k == Value::K::Number) return v;
            Value n;
            if (v.k == Value::K::String && parse_number_text(v.s, n)) return n;
            return fail(std::string(kind_name(v)) + " where a number is required");
        }
        // bool: cty takes "true"/"1" and "false"/"0".
        if (v.k == Value::K::Bool) return v;
        if (v.k == Value::K::String && (v.s == "true" || v.s == "1")) return Value::boolean(true);
        if (v.k == Value::K::String && (v.s == "false" || v.s == "0")) return Value::boolean(false);
        return fail(std::string(kind_name(v)) + " where a bool is required");
    }

    Value collection(const Value& v, const std::string& kind, const Expr* elem, unsigned depth) {
        bool any = elem->kind == ExprKind::Variable && elem->text == "any";
        if (kind == "map") {
            if (v.k != Value::K::Object) return fail(std::string(kind_name(v)) + " where a map is required");
            Fields out;
            std::vector<Value> vals;
            for (const auto& [k, x] : v.fields()) {
                vals.push_back(any ? x : convert(x, elem, depth + 1));
                if (!error.empty()) return Value::unknown(error);
            }
            std::string why;
            if (any && !unify(vals, why)) return fail(why);
            for (size_t k = 0; k < vals.size(); ++k) out.emplace_back(v.fields()[k].first, std::move(vals[k]));
            return Value::object(std::move(out));
        }
        if (v.k != Value::K::List) return fail(std::string(kind_name(v)) + " where a " + kind + " is required");
        List out;
        for (const Value& x : v.items()) {
            out.push_back(any ? x : convert(x, elem, depth + 1));
            if (!error.empty()) return Value::unknown(error);
        }
        std::string why;
        if (any && !unify(out, why)) return fail(why);
        if (kind == "set") {
            List unique;
            for (Value& x : out)
                if (std::none_of(unique.begin(), unique.end(), [&](const Value& y) { return equal(x, y); })) unique.push_back(std::move(x));
            // cty orders sets of primitives (strings by code point, numbers
            // by value). Terraform cannot index a set, so the order of the
            // rest (structures in hash order, values known after apply such
            // as subnet ids, which keep their origins) is read by no one:
            // they follow in first-seen order.
            auto known = std::stable_partition(unique.begin(), unique.end(), [](const Value& x) { return primitive(x); });
            bool one_kind = std::all_of(unique.begin(), known, [&](const Value& x) { return x.k == unique.front().k; });
            if (one_kind) std::sort(unique.begin(), known, less_primitive);
            return Value::tuple(std::move(unique));
        }
        return Value::tuple(std::move(out));
    }

    Value object(const Value& v, const Expr* attrs, unsigned depth) {
        if (v.k != Value::K::Object) return fail(std::string(kind_name(v)) + " where an object is required");
        if (!attrs || attrs->kind != ExprKind::Object) return Value::unknown("an object type vpclint does not read");
        Fields out;
        for (size_t k = 0; k < attrs->keys.size(); ++k) {
            std::string name;
            if (!key_name(attrs->keys[k], name)) return Value::unknown("an object type vpclint does not read");
            const Expr* t = attrs->items[k];
            const Value* have = v.field(name);
            bool optional = t->kind == ExprKind::Call && t->text == "optional" && !t->items.empty();
            if (optional) {
                const Expr* inner = t->items[0];
                if (have && !have->is_null()) {
                    out.emplace_back(name, convert(*have, inner, depth + 1));
                } else if (t->items.size() >= 2) {
                    out.emplace_back(name, convert(e.eval(t->items[1], s, depth + 1), inner, depth + 1));
                } else {
                    out.emplace_back(name, Value::null());
                }
                continue;
            }
            if (!have) return fail("the attribute \"" + name + "\" is required");
            out.emplace_back(name, convert(*have, t, depth + 1));
        }
        if (!error.empty()) return Value::unknown(error);
        return Value::object(std::move(out));
    }

    Value convert(const Value& v, const Expr* type, unsigned depth) {
        if (depth > kMaxTypeDepth) return Value::unknown("a type constraint nested too deep");
        if (v.is_unknown() || v.is_null()) return v;
        if (type->kind == ExprKind::Variable) {
            const std::string& t = type->text;
            if (t == "any") return v;
            if (t == "string" || t == "number" || t == "bool") return primitive_to(v, t);
            return Value::unknown("the type constraint " + t + " is not one vpclint reads");
        }
        if (type->kind != ExprKind::Call || type->items.empty())
            return Value::unknown("a type constraint vpclint does not read");
        const std::string& f = type->text;
        if (f == "list" || f == "set" || f == "map") return collection(v, f, type->items[0], depth);
        if (f == "object") return object(v, type->items[0], depth);
        if (f == "tuple") {
            const Expr* elems = type->items[0];
            if (elems->kind != ExprKind::Tuple) return Value::unknown("a tuple type vpclint does not read");
            if (v.k != Value::K::List || v.items().size() != elems->items.size())
                return fail("a tuple of " + std::to_string(elems->items.size()) + " elements is required");
            List out;
            for (size_t k = 0; k < elems->items.size(); ++k) {
                out.push_back(convert(v.items()[k], elems->items[k], depth + 1));
                if (!error.empty()) return Value::unknown(error);
            }
            return Value::tuple(std::move(out));
        }
        return Value::unknown("the type constraint " + f + "(...) is not one vpclint reads");
    }
};

}  // namespace

bool parse_number_text(const std::string& s, Value& out) {
    // [+-]? (digits [. digits?] | . digits) ([eE] [+-]? digits)?
    size_t k = 0, n = s.size();
    if (k < n && (s[k] == '+' || s[k] == '-')) ++k;
    size_t int_from = k;
    while (k < n && s[k] >= '0' && s[k] <= '9') ++k;
    size_t int_digits = k - int_from, frac_digits = 0;
    bool dot = false;
    if (k < n && s[k] == '.') {
        dot = true;
        ++k;
        size_t f = k;
        while (k < n && s[k] >= '0' && s[k] <= '9') ++k;
        frac_digits = k - f;
    }
    if (int_digits + frac_digits == 0) return false;
    bool exp = false;
    if (k < n && (s[k] == 'e' || s[k] == 'E')) {
        exp = true;
        ++k;
        if (k < n && (s[k] == '+' || s[k] == '-')) ++k;
        size_t e = k;
        while (k < n && s[k] >= '0' && s[k] <= '9') ++k;
        if (k == e) return false;
    }
    if (k != n) return false;
    out = Value::number(std::strtod(s.c_str(), nullptr));
    // A long integer keeps its digits (numbers are exact in Terraform).
    if (!dot && !exp && int_digits > 15) {
        std::string digits = s.substr(int_from);
        size_t nz = digits.find_first_not_of('0');
        out.s = (s[0] == '-' ? "-" : "") + (nz == std::string::npos ? std::string("0") : digits.substr(nz));
    }
    return true;
}

bool primitive_type(const Expr* type) {
    return type && type->kind == ExprKind::Variable && (type->text == "string" || type->text == "number" || type->text == "bool");
}

Value convert_to_type(const Value& v, const Expr* type, Evaluator& e, Scope& s, unsigned depth) {
    Converter c{e, s, {}};
    Value out = c.convert(v, type, depth);
    return c.error.empty() ? out : Value::unknown(c.error);
}

}  // namespace vpclint::hcl
