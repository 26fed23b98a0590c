// Values of Terraform expressions as the HCL evaluator computes them.
// Unknown is a value: a computed attribute (id, arn), a data source, an
// unsupported function; it carries why, and where it comes from.
#pragma once
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace vpclint::hcl {

struct Value;
using List = std::vector<Value>;
using Fields = std::vector<std::pair<std::string, Value>>;  // sorted by key, as Terraform orders object keys

struct Value {
    enum class K : uint8_t { Null, Bool, Number, String, List, Object, Unknown } k = K::Null;
    bool b = false;
    double n = 0;
    std::string s;       // String; Number as Terraform prints it; Unknown: the reason
    std::string inst;    // Object: the resource instance it is ("aws_subnet.a[0]"); its other attributes are unknown
    std::string origin;  // Unknown: the instance attribute it is, when it is one ("module.vpc.aws_subnet.a[0].id")
    std::shared_ptr<const List> list;
    std::shared_ptr<const Fields> obj;

    static Value null() { return {}; }
    static Value boolean(bool v) { Value x; x.k = K::Bool; x.b = v; return x; }
    static Value number(double v);
    static Value string(std::string v) { Value x; x.k = K::String; x.s = std::move(v); return x; }
    static Value unknown(std::string why) { Value x; x.k = K::Unknown; x.s = std::move(why); return x; }
    static Value tuple(List items) { Value x; x.k = K::List; x.list = std::make_shared<const List>(std::move(items)); return x; }
    static Value object(Fields f);  // sorts the keys

    bool is_unknown() const { return k == K::Unknown; }
    bool is_null() const { return k == K::Null; }
    bool known_deep() const;  // no unknown anywhere inside
    const List& items() const;
    const Fields& fields() const;
    const Value* field(const std::string& key) const;
};

// Terraform's string conversion of a primitive (numbers as %g-like text, bools as true/false).
bool to_text(const Value& v, std::string& out);
// The JSON text jsonencode writes (keys sorted, no spaces).
std::string to_json(const Value& v);
bool equal(const Value& a, const Value& b);

}  // namespace vpclint::hcl
