// The built-in functions network and IAM code uses. Any other function is
// unknown with its name as the reason, never a guess.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "parsers/hcl/tf_builtins.h"
#include "parsers/hcl/tf_eval.h"

namespace vpclint::hcl {

namespace {

Value bad(const std::string& fn, const std::string& why) { return Value::unknown(fn + ": " + why); }

bool num(const Value& v, double& out) {
    if (v.k == Value::K::Number) {
        out = v.n;
        return true;
    }
    if (v.k == Value::K::String) {
        char* end = nullptr;
        out = std::strtod(v.s.c_str(), &end);
        return !v.s.empty() && end && *end == '\0';
    }
    return false;
}

Value flatten_into(const Value& v, List& out, unsigned depth) {
    if (depth > 100) return Value::unknown("flatten: too deep");
    for (const Value& i : v.items()) {
        if (i.is_unknown()) return i;
        if (i.k == Value::K::List) {
            Value r = flatten_into(i, out, depth + 1);
            if (r.is_unknown()) return r;
        } else {
            out.push_back(i);
        }
    }
    return Value::null();
}

// Go's fmt verbs as Terraform's format supports the common ones.
Value format(const std::vector<Value>& args) {
    if (args.empty() || args[0].k != Value::K::String) return bad("format", "the format is not a known string");
    const std::string& f = args[0].s;
    std::string out;
    size_t next = 1;
    for (size_t k = 0; k < f.size(); ++k) {
        if (f[k] != '%') {
            out += f[k];
            continue;
        }
        if (++k >= f.size()) return bad("format", "a trailing %");
        if (f[k] == '%') {
            out += '%';
            continue;
        }
        std::string spec = "%";
        while (k < f.size() && std::string("0123456789.-+# ").find(f[k]) != std::string::npos) spec += f[k++];
        if (k >= f.size() || next >= args.size()) return bad("format", "more verbs than arguments");
        const Value& a = args[next++];
        if (a.is_unknown()) return a;
        char verb = f[k];
        char buf[512];
        double d;
        std::string t;
        if (verb == 'd' && num(a, d)) {
            std::snprintf(buf, sizeof buf, (spec + "lld").c_str(), static_cast<long long>(d));
            out += buf;
        } else if ((verb == 'f' || verb == 'g' || verb == 'e') && num(a, d)) {
            std::snprintf(buf, sizeof buf, (spec + verb).c_str(), d);
            out += buf;
        } else if ((verb == 's' || verb == 'v') && to_text(a, t)) {
            std::snprintf(buf, sizeof buf, (spec + "s").c_str(), t.c_str());
            out += t.size() < 400 ? std::string(buf) : t;
        } else if (verb == 'q' && to_text(a, t)) {
            out += to_json(Value::string(t));
        } else {
            return bad("format", std::string("the verb %") + verb + " for this argument");
        }
    }
    return Value::string(out);
}

std::string read_module_file(const std::string& dir, const std::string& rel, bool& ok) {
    namespace fs = std::filesystem;
    ok = false;
    fs::path p = fs::path(rel).is_absolute() ? fs::path(rel) : fs::path(dir) / rel;
    p = p.lexically_normal();
    std::error_code ec;
    if (!fs::is_regular_file(p, ec) || fs::file_size(p, ec) > (4u << 20)) return {};
    std::ifstream in(p, std::ios::binary);
    std::stringstream ss;
    ss << in.rdbuf();
    ok = true;
    return ss.str();
}

}  // namespace

Value Evaluator::call_function(const std::string& fn, std::vector<Value> args, const Expr* e, Scope& s, unsigned depth) {
    (void)e;
    size_t n = args.size();
    auto argc = [&](size_t lo, size_t hi) { return n >= lo && n <= hi; };
    // Functions that look at every argument need them known; the few that
    // pass unknowns through (concat, merge, tolist ...) keep them inside.
    auto first_unknown = [&]() -> const Value* {
        for (const Value& a : args)
            if (a.is_unknown()) return &a;
        return nullptr;
    };
    if (fn == "jsonencode") {
        if (!argc(1, 1)) return bad(fn, "one argument");
        if (!args[0].known_deep()) return Value::unknown("jsonencode of values known after apply");
        return Value::string(to_json(args[0]));
    }
    if (fn == "concat") {
        List out;
        for (const Value& a : args) {
            if (a.is_unknown()) return a;
            if (a.k != Value::K::List) return bad(fn, "an argument that is not a list");
            out.insert(out.end(), a.items().begin(), a.items().end());
        }
        return Value::tuple(std::move(out));
    }
    if (fn == "merge") {
        Fields out;
        for (const Value& a : args) {
            if (a.is_unknown()) return a;
            if (a.is_null()) continue;
            if (a.k != Value::K::Object) return bad(fn, "an argument that is not a map");
            for (const auto& kv : a.fields()) {
                auto it = std::find_if(out.begin(), out.end(), [&](const auto& x) { return x.first == kv.first; });
                if (it != out.end()) it->second = kv.second;
                else out.push_back(kv);
            }
        }
        return Value::object(std::move(out));
    }
    if (fn == "tolist" || fn == "toset" || fn == "tomap" || fn == "tostring" || fn == "tonumber" || fn == "tobool" ||
        fn == "sensitive" || fn == "nonsensitive") {
        if (!argc(1, 1)) return bad(fn, "one argument");
        Value v = args[0];
        if (v.is_unknown() || v.is_null()) return v;
        if (fn == "toset") {
            if (v.k != Value::K::List) return bad(fn, "not a list");
            List out;
            for (const Value& x : v.items())
                if (std::none_of(out.begin(), out.end(), [&](const Value& y) { return equal(x, y); })) out.push_back(x);
            if (std::all_of(out.begin(), out.end(), [](const Value& x) { return x.k == Value::K::String; }))
                std::sort(out.begin(), out.end(), [](const Value& a, const Value& b) { return a.s < b.s; });
            return Value::tuple(std::move(out));
        }
        if (fn == "tostring") {
            std::string t;
            return to_text(v, t) ? Value::string(t) : bad(fn, "not a primitive");
        }
        if (fn == "tonumber") {
            Value out;
            if (v.k == Value::K::Number) return v;
            return v.k == Value::K::String && parse_number_text(v.s, out) ? out : bad(fn, "not a number");
        }
        if (fn == "tobool") {
            if (v.k == Value::K::Bool) return v;
            if (v.k == Value::K::String && (v.s == "true" || v.s == "1")) return Value::boolean(true);
            if (v.k == Value::K::String && (v.s == "false" || v.s == "0")) return Value::boolean(false);
            return bad(fn, "not a boolean");
        }
        return v;
    }
    if (fn == "coalesce") {
        for (const Value& a : args) {
            if (a.is_unknown()) return a;
            if (!a.is_null() && !(a.k == Value::K::String && a.s.empty())) return a;
        }
        return bad(fn, "no non-null argument");
    }
    if (fn == "coalescelist") {
        for (const Value& a : args) {
            if (a.is_unknown()) return a;
            if (a.k == Value::K::List && !a.items().empty()) return a;
        }
        return bad(fn, "no non-empty list");
    }
    if (const Value* u = first_unknown()) return *u;
    auto str = [&](size_t k, std::string& out) { return k < n && to_text(args[k], out); };
    if (fn == "length") {
        if (!argc(1, 1)) return bad(fn, "one argument");
        const Value& v = args[0];
        if (v.k == Value::K::List) return Value::number(static_cast<double>(v.items().size()));
        if (v.k == Value::K::Object) return Value::number(static_cast<double>(v.fields().size()));
        if (v.k == Value::K::String) {
            size_t chars = 0;
            for (unsigned char c : v.s) chars += (c & 0xC0) != 0x80;
            return Value::number(static_cast<double>(chars));
        }
        return bad(fn, "not a collection or string");
    }
    if (fn == "element") {
        double d;
        if (!argc(2, 2) || args[0].k != Value::K::List || !num(args[1], d)) return bad(fn, "a list and an index");
        const List& l = args[0].items();
        if (l.empty()) return bad(fn, "an empty list");
        long long i = static_cast<long long>(d);
        if (i < 0) return bad(fn, "a negative index");
        return l[static_cast<size_t>(i) % l.size()];
    }
    if (fn == "lookup") {
        if (!argc(2, 3) || args[0].k != Value::K::Object) return bad(fn, "a map and a key");
        std::string k;
        if (!str(1, k)) return bad(fn, "a key that is not a string");
        if (const Value* v = args[0].field(k)) return *v;
        if (n == 3) return args[2];
        return bad(fn, "no key " + k);
    }
    if (fn == "format") return format(args);
    if (fn == "join") {
        std::string sep;
        if (n < 2 || !str(0, sep)) return bad(fn, "a separator and lists");
        std::string out;
        bool first = true;
        for (size_t k = 1; k < n; ++k)
            for (const Value& x : args[k].items()) {
                std::string t;
                if (x.is_unknown()) return x;
                if (!to_text(x, t)) return bad(fn, "an element that is not a string");
                if (!first) out += sep;
                first = false;
                out += t;
            }
        return Value::string(out);
    }
    if (fn == "split") {
        std::string sep, text;
        if (!argc(2, 2) || !str(0, sep) || !str(1, text)) return bad(fn, "a separator and a string");
        List out;
        if (sep.empty()) return bad(fn, "an empty separator");
        size_t pos = 0;
        for (;;) {
            size_t at = text.find(sep, pos);
            out.push_back(Value::string(text.substr(pos, at == std::string::npos ? std::string::npos : at - pos)));
            if (at == std::string::npos) break;
            pos = at + sep.size();
        }
        return Value::tuple(std::move(out));
    }
    if (fn == "flatten") {
        if (!argc(1, 1) || args[0].k != Value::K::List) return bad(fn, "a list");
        List out;
        Value r = flatten_into(args[0], out, 0);
        if (r.is_unknown()) return r;
        return Value::tuple(std::move(out));
    }
    if (fn == "zipmap") {
        if (!argc(2, 2) || args[0].k != Value::K::List || args[1].k != Value::K::List ||
            args[0].items().size() != args[1].items().size())
            return bad(fn, "two lists of the same length");
        Fields f;
        for (size_t k = 0; k < args[0].items().size(); ++k) {
            std::string key;
            if (!to_text(args[0].items()[k], key)) return bad(fn, "a key that is not a string");
            f.emplace_back(key, args[1].items()[k]);
        }
        return Value::object(std::move(f));
    }
    if (fn == "keys" || fn == "values") {
        if (!argc(1, 1) || args[0].k != Value::K::Object) return bad(fn, "a map");
        List out;
        for (const auto& [k, v] : args[0].fields()) out.push_back(fn == "keys" ? Value::string(k) : v);
        return Value::tuple(std::move(out));
    }
    if (fn == "contains") {
        if (!argc(2, 2) || args[0].k != Value::K::List) return bad(fn, "a list and a value");
        for (const Value& x : args[0].items()) {
            if (x.is_unknown()) return x;
            if (equal(x, args[1])) return Value::boolean(true);
        }
        return Value::boolean(false);
    }
    if (fn == "range") {
        double a = 0, b = 0, step = 1;
        if (n == 1 && num(args[0], b)) {
        } else if (n >= 2 && num(args[0], a) && num(args[1], b) && (n == 2 || num(args[2], step))) {
        } else {
            return bad(fn, "numbers");
        }
        if (step == 0) return bad(fn, "a zero step");
        List out;
        for (double x = a; (step > 0 ? x < b : x > b) && out.size() < 100000; x += step) out.push_back(Value::number(x));
        return Value::tuple(std::move(out));
    }
    if (fn == "slice") {
        double a, b;
        if (!argc(3, 3) || args[0].k != Value::K::List || !num(args[1], a) || !num(args[2], b) || a < 0 || b < a ||
            b > static_cast<double>(args[0].items().size()))
            return bad(fn, "a list and indices in range");
        return Value::tuple(List(args[0].items().begin() + static_cast<long>(a), args[0].items().begin() + static_cast<long>(b)));
    }
    if (fn == "compact") {
        if (!argc(1, 1) || args[0].k != Value::K::List) return bad(fn, "a list");
        List out;
        for (const Value& x : args[0].items()) {
            if (x.is_unknown()) return Value::unknown("compact of values known after apply");
            if (!x.is_null() && !(x.k == Value::K::String && x.s.empty())) out.push_back(x);
        }
        return Value::tuple(std::move(out));
    }
    if (fn == "distinct") {
        if (!argc(1, 1) || args[0].k != Value::K::List) return bad(fn, "a list");
        List out;
        for (const Value& x : args[0].items()) {
            if (x.is_unknown()) return Value::unknown("distinct of values known after apply");
            if (std::none_of(out.begin(), out.end(), [&](const Value& y) { return equal(x, y); })) out.push_back(x);
        }
        return Value::tuple(std::move(out));
    }
    if (fn == "replace") {
        std::string text, from, to;
        if (!argc(3, 3) || !str(0, text) || !str(1, from) || !str(2, to)) return bad(fn, "three strings");
        if (from.size() > 1 && from.front() == '/' && from.back() == '/') return regex_replace(text, from.substr(1, from.size() - 2), to);
        std::string out;
        if (from.empty()) {
            // Go's strings.Replace: the replacement before every character and at the end.
            for (size_t k = 0; k < text.size(); ++k) {
                if ((static_cast<unsigned char>(text[k]) & 0xC0) != 0x80) out += to;
                out += text[k];
            }
            return Value::string(out + to);
        }
        size_t pos = 0;
        for (size_t at; (at = text.find(from, pos)) != std::string::npos; pos = at + from.size()) out += text.substr(pos, at - pos) + to;
        return Value::string(out + text.substr(pos));
    }
    if (fn == "lower" || fn == "upper") {
        std::string t;
        if (!argc(1, 1) || !str(0, t)) return bad(fn, "a string");
        for (char& c : t) c = static_cast<char>(fn == "lower" ? std::tolower(static_cast<unsigned char>(c)) : std::toupper(static_cast<unsigned char>(c)));
        return Value::string(t);
    }
    if (fn == "max" || fn == "min") {
        // Numbers (strings convert, as cty does); at least one.
        if (n == 0) return bad(fn, "at least one number");
        double best = 0;
        size_t at = 0;
        for (size_t k = 0; k < n; ++k) {
            double d;
            if (!num(args[k], d)) return bad(fn, "an argument that is not a number");
            if (k == 0 || (fn == "max" ? d > best : d < best)) {
                best = d;
                at = k;
            }
        }
        if (args[at].k == Value::K::Number) return args[at];
        return Value::number(best);
    }
    if (fn == "cidrsubnet") return cidrsubnet_fn(args);
    if (fn == "cidrhost") return cidrhost_fn(args);
    if (fn == "file" || fn == "templatefile") {
        std::string rel;
        if (!str(0, rel)) return bad(fn, "a path");
        bool ok = false;
        std::string text = read_module_file(s.mod->def->dir, rel, ok);
        if (!ok) return bad(fn, rel + " cannot be read");
        if (fn == "file") return Value::string(text);
        if (n != 2 || args[1].k != Value::K::Object) return bad(fn, "a path and a map of variables");
        ParseResult parsed = parse_hcl(rel, "v = <<EOT_VPCLINT_TEMPLATE\n" + text + "\nEOT_VPCLINT_TEMPLATE\n");
        if (parsed.error || parsed.file.body.attributes.empty()) return bad(fn, rel + " is not a valid template");
        Scope ts;
        ts.mod = s.mod;
        ts.ev = s.ev;
        for (const auto& [k, v] : args[1].fields()) ts.locals.emplace_back(k, v);
        Value v = eval(parsed.file.body.attributes[0].expr, ts, depth + 1);
        if (v.k == Value::K::String && !v.s.empty() && v.s.back() == '\n') v.s.pop_back();  // the heredoc's own newline
        return v;
    }
    return Value::unknown("function " + fn + " is not evaluated by vpclint");
}

}  // namespace vpclint::hcl
