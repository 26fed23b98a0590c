// The syntax tree of HCL2 native syntax (.tf, .tfvars) with a position for
// every node. Owned by File's arenas; nodes point at each other.
#pragma once
#include <deque>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"

namespace vpclint::hcl {

enum class ExprKind : uint8_t {
    Null, Bool, Number,  // literals (text holds the number as written)
    Template,            // quoted string or heredoc: parts
    Variable,            // a root name: var, local, aws_subnet, count, each ...
    Tuple,               // items
    Object,              // keys[k] => items[k]
    Call,                // text(items...), expand: the last argument ends in `...`
    GetAttr,             // a.text
    Index,               // a[b]
    Splat,               // a[*] / a.*, then b applied to each element (SplatItem inside b)
    SplatItem,           // the element a splat's traversal starts from
    For,                 // [for key_var, val_var in a : b if c] / {for ... : d => b ...}
    Conditional,         // a ? b : c
    Binary,              // a text b
    Unary,               // text a  ("!" or "-")
    Paren,               // (a): keeps `(x) = ` object keys as expressions
};

struct Expr;

// A piece of a template: literal text, an interpolation, or a directive.
struct TemplatePart {
    enum Kind : uint8_t { Literal, Interp, If, For } kind = Literal;
    std::string text;            // Literal
    const Expr* expr = nullptr;  // Interp value, If condition, For collection
    std::string key_var, val_var;  // For
    std::vector<TemplatePart> then_parts, else_parts;  // If (then/else), For (body in then_parts)
};

struct Expr {
    ExprKind kind = ExprKind::Null;
    SourcePos begin, end;
    std::string text;
    bool flag = false;  // Bool value; Call: expand; For: object form; Splat: attribute-only (.*)
    bool group = false; // For: `...` grouping
    const Expr* a = nullptr;
    const Expr* b = nullptr;
    const Expr* c = nullptr;
    const Expr* d = nullptr;
    std::vector<const Expr*> items;
    std::vector<const Expr*> keys;  // Object
    std::vector<TemplatePart> parts;
    std::string key_var, val_var;   // For
};

struct Block;

struct Attribute {
    std::string name;
    SourcePos begin, end;  // the name's start, the expression's end
    const Expr* expr = nullptr;
};

struct Body {
    std::vector<Attribute> attributes;  // source order
    std::vector<const Block*> blocks;   // source order
    const Attribute* attribute(std::string_view name) const;
    std::vector<const Block*> blocks_of(std::string_view type) const;
};

struct Block {
    std::string type;
    std::vector<std::string> labels;
    SourcePos begin, end;
    Body body;
};

// One parsed file; `path` is what locations carry.
struct File {
    std::string path;
    Body body;
    std::deque<Expr> exprs;
    std::deque<Block> blocks;
};

struct SyntaxError {
    std::string message;
    SourcePos pos;
};

constexpr unsigned kMaxHclDepth = 256;

// Native syntax. On error `error` is set and `file` holds what parsed before it.
struct ParseResult {
    File file;
    std::optional<SyntaxError> error;
};
ParseResult parse_hcl(std::string path, std::string_view text);
// JSON syntax (.tf.json): the same tree; strings are templates.
ParseResult parse_hcl_json(std::string path, std::string_view text);

}  // namespace vpclint::hcl
