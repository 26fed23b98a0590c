// Built-in functions whose Terraform semantics take more than a few lines:
// the CIDR functions for IPv4 and IPv6 (go-cidr's arithmetic, Go's address
// text), regex replace (Go's ReplaceAllString with RE2), and the
// conversion of a value to a variable's type constraint (cty's rules).
// Every result is what Terraform gives, or unknown with a reason when
// Terraform would fail or vpclint cannot be exact.
#pragma once
#include <string>
#include <vector>

#include "parsers/hcl/tf_value.h"

namespace vpclint::hcl {

struct Expr;
class Evaluator;
struct Scope;

Value cidrsubnet_fn(const std::vector<Value>& args);
Value cidrhost_fn(const std::vector<Value>& args);

// replace(text, "/re/", repl): `pattern` is the text between the slashes.
Value regex_replace(const std::string& text, const std::string& pattern, const std::string& repl);

// Terraform's number syntax for a string converted to a number ("42",
// "+5", ".5", "1e3"); false for anything else (" 5", "0x10").
bool parse_number_text(const std::string& s, Value& out);

// `v` converted to the type constraint `type` (a variable's `type`):
// primitives from strings and back, list/set/map/tuple element-wise,
// objects with `optional(T, default)` defaults; unknown when Terraform
// would reject the value or the constraint is not one vpclint reads.
// Optional defaults are evaluated in `s`.
Value convert_to_type(const Value& v, const Expr* type, Evaluator& e, Scope& s, unsigned depth);

// Whether a type constraint is string, number or bool (Terraform reads
// -var and TF_VAR_ values of those, and of untyped variables, as raw strings).
bool primitive_type(const Expr* type);

}  // namespace vpclint::hcl
