#include "parsers/hcl/tf_value.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

namespace vpclint::hcl {

namespace {
const List kNoItems;
const Fields kNoFields;
}  // namespace

Value Value::number(double v) {
    Value x;
    x.k = K::Number;
    x.n = v;
    if (std::isfinite(v) && v == std::floor(v) && std::fabs(v) < 1e15) {
        x.s = std::to_string(static_cast<long long>(v));
    } else {
        char buf[64];
        // 15 digits: 0.1 + 0.2 is 0.3, as in Terraform's decimal arithmetic.
        std::snprintf(buf, sizeof buf, "%.15g", v);
        x.s = buf;
    }
    return x;
}

Value Value::object(Fields f) {
    std::stable_sort(f.begin(), f.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    // A later duplicate key wins (merge semantics).
    Fields out;
    for (auto& kv : f) {
        if (!out.empty() && out.back().first == kv.first) out.back().second = std::move(kv.second);
        else out.push_back(std::move(kv));
    }
    Value x;
    x.k = K::Object;
    x.obj = std::make_shared<const Fields>(std::move(out));
    return x;
}

bool Value::known_deep() const {
    if (k == K::Unknown) return false;
    if (k == K::List)
        return std::all_of(items().begin(), items().end(), [](const Value& v) { return v.known_deep(); });
    if (k == K::Object)
        return std::all_of(fields().begin(), fields().end(), [](const auto& f) { return f.second.known_deep(); });
    return true;
}

const List& Value::items() const { return list ? *list : kNoItems; }
const Fields& Value::fields() const { return obj ? *obj : kNoFields; }

const Value* Value::field(const std::string& key) const {
    const Fields& f = fields();
    auto it = std::lower_bound(f.begin(), f.end(), key, [](const auto& a, const std::string& k) { return a.first < k; });
    return it != f.end() && it->first == key ? &it->second : nullptr;
}

bool to_text(const Value& v, std::string& out) {
    switch (v.k) {
        case Value::K::String:
        case Value::K::Number: out = v.s; return true;
        case Value::K::Bool: out = v.b ? "true" : "false"; return true;
        default: return false;
    }
}

namespace {
void json_string(const std::string& s, std::string& out) {
    out += '"';
    for (unsigned char c : s) {
        switch (c) {
            case '"': out += "\\\""; break;
            case '\\': out += "\\\\"; break;
            case '\n': out += "\\n"; break;
            case '\r': out += "\\r"; break;
            case '\t': out += "\\t"; break;
            case '<': out += "\\u003c"; break;  // as Go's encoder writes them
            case '>': out += "\\u003e"; break;
            case '&': out += "\\u0026"; break;
            default:
                if (c < 0x20) {
                    char buf[8];
                    std::snprintf(buf, sizeof buf, "\\u%04x", c);
                    out += buf;
                } else {
                    out += static_cast<char>(c);
                }
        }
    }
    out += '"';
}
void json(const Value& v, std::string& out, unsigned depth) {
    if (depth > 512) return;
    switch (v.k) {
        case Value::K::Null:
        case Value::K::Unknown: out += "null"; break;
        case Value::K::Bool: out += v.b ? "true" : "false"; break;
        case Value::K::Number: out += v.s; break;
        case Value::K::String: json_string(v.s, out); break;
        case Value::K::List: {
            out += '[';
            bool first = true;
            for (const Value& i : v.items()) {
                if (!first) out += ',';
                first = false;
                json(i, out, depth + 1);
            }
            out += ']';
            break;
        }
        case Value::K::Object: {
            out += '{';
            bool first = true;
            for (const auto& [key, val] : v.fields()) {
                if (!first) out += ',';
                first = false;
                json_string(key, out);
                out += ':';
                json(val, out, depth + 1);
            }
            out += '}';
            break;
        }
    }
}
}  // namespace

std::string to_json(const Value& v) {
    std::string out;
    json(v, out, 0);
    return out;
}

bool equal(const Value& a, const Value& b) {
    if (a.k != b.k) {
        std::string x, y;
        return false;
    }
    switch (a.k) {
        case Value::K::Null: return true;
        case Value::K::Bool: return a.b == b.b;
        case Value::K::Number: return a.n == b.n;
        case Value::K::String: return a.s == b.s;
        case Value::K::Unknown: return false;
        case Value::K::List:
            if (a.items().size() != b.items().size()) return false;
            for (size_t k = 0; k < a.items().size(); ++k)
                if (!equal(a.items()[k], b.items()[k])) return false;
            return true;
        case Value::K::Object:
            if (a.fields().size() != b.fields().size()) return false;
            for (size_t k = 0; k < a.fields().size(); ++k)
                if (a.fields()[k].first != b.fields()[k].first || !equal(a.fields()[k].second, b.fields()[k].second))
                    return false;
            return true;
    }
    return false;
}

}  // namespace vpclint::hcl
