// HCL2 native syntax: a recursive-descent parser working on characters (the
// lexical rules depend on context: templates, heredocs, newlines that end an
// attribute outside brackets and not inside). Every recursion counts depth.
#include <cstring>

#include "core/document.h"
#include "parsers/hcl/hcl_ast.h"

namespace vpclint::hcl {

const Attribute* Body::attribute(std::string_view name) const {
    for (const Attribute& a : attributes)
        if (a.name == name) return &a;
    return nullptr;
}

std::vector<const Block*> Body::blocks_of(std::string_view type) const {
    std::vector<const Block*> out;
    for (const Block* b : blocks)
        if (b->type == type) out.push_back(b);
    return out;
}

namespace {

struct Fail {
    SyntaxError e;
};

bool id_start(unsigned char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c >= 0x80; }
bool id_char(unsigned char c) { return id_start(c) || (c >= '0' && c <= '9') || c == '-'; }
bool digit(char c) { return c >= '0' && c <= '9'; }

void append_utf8(std::string& out, uint32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

class Parser {
public:
    Parser(File& f, std::string_view t) : file_(f), s_(t) {}

    void parse_file() {
        parse_body(file_.body, true, 0);
    }

    // A JSON-syntax string: a template without quotes (positions from `at`).
    const Expr* template_of(SourcePos at, unsigned depth) {
        line_ = at.line;
        col_ = at.col;
        Expr& e = make(ExprKind::Template, at);
        std::vector<std::vector<TemplatePart>*> stack{&e.parts};
        template_body(stack, '\0', depth + 1);
        if (stack.size() != 1) fail_at("a %{ directive is not closed", at);
        e.end = pos();
        return &e;
    }

private:
    File& file_;
    std::string_view s_;
    size_t p_ = 0;
    uint32_t line_ = 1, col_ = 1;
    int nest_ = 0;  // > 0: inside ( ) [ ] ${ }: newlines are spaces

    [[noreturn]] void fail(const std::string& msg) { throw Fail{{msg, pos()}}; }
    [[noreturn]] void fail_at(const std::string& msg, SourcePos at) { throw Fail{{msg, at}}; }
    SourcePos pos() const { return {line_, col_}; }
    bool eof() const { return p_ >= s_.size(); }
    char peek(size_t k = 0) const { return p_ + k < s_.size() ? s_[p_ + k] : '\0'; }
    bool at(std::string_view w) const { return s_.substr(p_, w.size()) == w; }
    void adv() {
        if (eof()) return;
        unsigned char c = static_cast<unsigned char>(s_[p_++]);
        if (c == '\n') {
            ++line_;
            col_ = 1;
        } else if ((c & 0xC0) != 0x80) {
            ++col_;  // columns count characters, not UTF-8 continuation bytes
        }
    }
    void adv(size_t n) {
        for (size_t k = 0; k < n; ++k) adv();
    }
    void depth_check(unsigned depth) {
        if (depth > kMaxHclDepth) fail("nesting deeper than " + std::to_string(kMaxHclDepth) + " levels");
    }

    // Spaces and comments; newlines too when `newlines` (or inside brackets).
    void skip(bool newlines) {
        for (;;) {
            char c = peek();
            if (c == ' ' || c == '\t' || (c == '\r' && peek(1) == '\n')) {
                adv();
            } else if (c == '\n' && (newlines || nest_ > 0)) {
                adv();
            } else if (c == '#' || (c == '/' && peek(1) == '/')) {
                while (!eof() && peek() != '\n') adv();
            } else if (c == '/' && peek(1) == '*') {
                SourcePos start = pos();
                adv(2);
                while (!eof() && !(peek() == '*' && peek(1) == '/')) adv();
                if (eof()) fail_at("unterminated /* comment", start);
                adv(2);
            } else if (c == '\r') {
                fail("a carriage return not followed by a newline");
            } else {
                return;
            }
        }
    }
    void ws() { skip(false); }

    Expr& make(ExprKind k, SourcePos b) {
        Expr& e = file_.exprs.emplace_back();
        e.kind = k;
        e.begin = b;
        e.end = pos();
        return e;
    }

    std::string ident() {
        if (!id_start(static_cast<unsigned char>(peek()))) fail("expected a name");
        size_t b = p_;
        while (!eof() && id_char(static_cast<unsigned char>(peek()))) adv();
        return std::string(s_.substr(b, p_ - b));
    }

    void expect(char c, const char* what) {
        ws();
        if (peek() != c) fail(std::string("expected ") + what);
        adv();
    }

    // body := (attribute | block)*; a block ends at '}' (or the file's end).
    void parse_body(Body& body, bool top, unsigned depth) {
        depth_check(depth);
        for (;;) {
            skip(true);
            if (eof()) {
                if (!top) fail("missing '}' to close the block");
                return;
            }
            if (peek() == '}') {
                if (top) fail("unexpected '}'");
                return;
            }
            SourcePos start = pos();
            if (!id_start(static_cast<unsigned char>(peek())))
                fail(std::string("expected an attribute or block name, found '") + peek() + "'");
            std::string name = ident();
            ws();
            if (peek() == '=' && peek(1) != '=') {
                adv();
                Attribute a;
                a.name = std::move(name);
                a.begin = start;
                a.expr = expression(depth + 1);
                a.end = a.expr->end;
                for (const Attribute& other : body.attributes)
                    if (other.name == a.name) fail_at("attribute " + a.name + " is already defined", start);
                body.attributes.push_back(std::move(a));
                end_of_item();
                continue;
            }
            Block& b = file_.blocks.emplace_back();
            b.type = std::move(name);
            b.begin = start;
            for (;;) {
                ws();
                if (peek() == '"') {
                    const Expr* label = quoted_template(depth + 1);
                    if (label->parts.size() > 1 || (label->parts.size() == 1 && label->parts[0].kind != TemplatePart::Literal))
                        fail_at("a block label cannot hold an interpolation", label->begin);
                    b.labels.push_back(label->parts.empty() ? std::string() : label->parts[0].text);
                } else if (id_start(static_cast<unsigned char>(peek()))) {
                    b.labels.push_back(ident());
                } else {
                    break;
                }
            }
            if (peek() != '{') fail("expected '=' or '{' after " + b.type);
            adv();
            ws();
            if (peek() == '}') {  // one-line empty block
            } else if (peek() != '\n' && !(peek() == '\r' && peek(1) == '\n') && !eof()) {
                // A single-line block: `name { a = 1 }` holds one attribute.
                SourcePos astart = pos();
                std::string an = ident();
                ws();
                if (peek() != '=') fail("a single-line block holds one attribute");
                adv();
                Attribute a;
                a.name = std::move(an);
                a.begin = astart;
                a.expr = expression(depth + 1);
                a.end = a.expr->end;
                b.body.attributes.push_back(std::move(a));
                ws();
                if (peek() != '}') fail("expected '}' to close the single-line block");
            } else {
                parse_body(b.body, false, depth + 1);
            }
            adv();  // '}'
            b.end = pos();
            body.blocks.push_back(&b);
            end_of_item();
        }
    }

    // After an attribute or block: a newline, a comment, '}' or the end.
    void end_of_item() {
        ws();
        if (eof() || peek() == '}') return;
        if (peek() == '\n') {
            adv();
            return;
        }
        fail(std::string("expected a newline after the attribute or block, found '") + peek() + "'");
    }

    const Expr* expression(unsigned depth) {
        depth_check(depth);
        ws();
        SourcePos start = pos();
        const Expr* cond = binary(0, depth + 1);
        ws();
        if (peek() == '?') {
            adv();
            const Expr* t = expression(depth + 1);
            expect(':', "':' of the conditional");
            const Expr* f = expression(depth + 1);
            Expr& e = make(ExprKind::Conditional, start);
            e.a = cond;
            e.b = t;
            e.c = f;
            return &e;
        }
        return cond;
    }

    // Operators by HCL precedence, lowest first.
    static int level_of(std::string_view op) {
        if (op == "||") return 1;
        if (op == "&&") return 2;
        if (op == "==" || op == "!=") return 3;
        if (op == "<" || op == "<=" || op == ">" || op == ">=") return 4;
        if (op == "+" || op == "-") return 5;
        if (op == "*" || op == "/" || op == "%") return 6;
        return 0;
    }
    std::string peek_op() {
        ws();
        static const char* ops[] = {"||", "&&", "==", "!=", "<=", ">=", "<", ">", "+", "-", "*", "/", "%"};
        for (const char* o : ops)
            if (at(o)) {
                if ((std::strcmp(o, "<") == 0 && peek(1) == '<') || (std::strcmp(o, "/") == 0 && (peek(1) == '/' || peek(1) == '*')))
                    continue;
                return o;
            }
        return {};
    }

    const Expr* binary(int min_level, unsigned depth) {
        depth_check(depth);
        SourcePos start = pos();
        const Expr* lhs = unary(depth + 1);
        for (;;) {
            std::string op = peek_op();
            int lv = op.empty() ? 0 : level_of(op);
            if (lv == 0 || lv <= min_level) return lhs;
            adv(op.size());
            const Expr* rhs = binary(lv, depth + 1);
            Expr& e = make(ExprKind::Binary, start);
            e.text = op;
            e.a = lhs;
            e.b = rhs;
            lhs = &e;
        }
    }

    const Expr* unary(unsigned depth) {
        depth_check(depth);
        ws();
        SourcePos start = pos();
        if (peek() == '!' || (peek() == '-' && !digit(peek(1)) && peek(1) != '.')) {
            char op = peek();
            adv();
            const Expr* x = unary(depth + 1);
            Expr& e = make(ExprKind::Unary, start);
            e.text = std::string(1, op);
            e.a = x;
            return &e;
        }
        if (peek() == '-') {  // -1: a negative number literal is unary minus on 1
            adv();
            const Expr* x = postfix(depth + 1);
            Expr& e = make(ExprKind::Unary, start);
            e.text = "-";
            e.a = x;
            return &e;
        }
        return postfix(depth + 1);
    }

    // Traversals after a primary: .name, .0, [index], [*], .*
    const Expr* postfix(unsigned depth) {
        SourcePos start = pos();
        const Expr* x = primary(depth + 1);
        for (unsigned guard = 0;; ++guard) {
            depth_check(depth + guard / 64);
            ws();
            if (peek() == '.' && peek(1) == '*') {
                adv(2);
                x = splat(x, start, true, depth + 1);
            } else if (peek() == '.' && !digit(peek(1)) && id_start(static_cast<unsigned char>(peek(1)))) {
                adv();
                Expr& e = make(ExprKind::GetAttr, start);
                e.text = ident();
                e.a = x;
                e.end = pos();
                x = &e;
            } else if (peek() == '.' && digit(peek(1))) {  // legacy index: list.0
                adv();
                size_t b = p_;
                while (digit(peek())) adv();
                Expr& n = make(ExprKind::Number, start);
                n.text = std::string(s_.substr(b, p_ - b));
                Expr& e = make(ExprKind::Index, start);
                e.a = x;
                e.b = &n;
                x = &e;
            } else if (peek() == '[') {
                adv();
                ++nest_;
                ws();
                if (peek() == '*') {
                    adv();
                    expect(']', "']' after '[*'");
                    --nest_;
                    x = splat(x, start, false, depth + 1);
                    continue;
                }
                const Expr* idx = expression(depth + 1);
                expect(']', "']' to close the index");
                --nest_;
                Expr& e = make(ExprKind::Index, start);
                e.a = x;
                e.b = idx;
                x = &e;
            } else {
                return x;
            }
        }
    }

    // The traversal after a splat applies to each element: .name steps (and
    // [index] steps for a full splat) until anything else.
    const Expr* splat(const Expr* source, SourcePos start, bool attr_only, unsigned depth) {
        Expr& item = make(ExprKind::SplatItem, pos());
        const Expr* each = &item;
        for (;;) {
            ws();
            if (peek() == '.' && id_start(static_cast<unsigned char>(peek(1)))) {
                adv();
                Expr& e = make(ExprKind::GetAttr, start);
                e.text = ident();
                e.a = each;
                e.end = pos();
                each = &e;
            } else if (!attr_only && peek() == '[' && peek(1) != '*') {
                adv();
                ++nest_;
                const Expr* idx = expression(depth + 1);
                expect(']', "']' to close the index");
                --nest_;
                Expr& e = make(ExprKind::Index, start);
                e.a = each;
                e.b = idx;
                each = &e;
            } else {
                break;
            }
        }
        Expr& e = make(ExprKind::Splat, start);
        e.a = source;
        e.b = each;
        e.flag = attr_only;
        return &e;
    }

    const Expr* primary(unsigned depth) {
        depth_check(depth);
        ws();
        SourcePos start = pos();
        char c = peek();
        if (eof()) fail("expected an expression, found the end of the file");
        if (digit(c) || (c == '.' && digit(peek(1)))) return number();
        if (c == '"') return quoted_template(depth + 1);
        if (c == '<' && peek(1) == '<') return heredoc(depth + 1);
        if (c == '(') {
            adv();
            ++nest_;
            const Expr* inner = expression(depth + 1);
            expect(')', "')'");
            --nest_;
            Expr& e = make(ExprKind::Paren, start);
            e.a = inner;
            return &e;
        }
        if (c == '[') return tuple(depth + 1);
        if (c == '{') return object(depth + 1);
        if (id_start(static_cast<unsigned char>(c))) {
            std::string name = ident();
            if (name == "true" || name == "false") {
                Expr& e = make(ExprKind::Bool, start);
                e.flag = name == "true";
                return &e;
            }
            if (name == "null") return &make(ExprKind::Null, start);
            // `provider::name::fn(...)` function namespaces
            while (peek() == ':' && peek(1) == ':') {
                adv(2);
                name += "::" + ident();
            }
            ws();
            if (peek() == '(') return call(std::move(name), start, depth + 1);
            Expr& e = make(ExprKind::Variable, start);
            e.text = std::move(name);
            return &e;
        }
        if (c == '\n' || c == '\r') fail("expected an expression, found the end of the line");
        fail(std::string("expected an expression, found '") + c + "'");
    }

    const Expr* number() {
        SourcePos start = pos();
        size_t b = p_;
        while (digit(peek())) adv();
        if (peek() == '.' && digit(peek(1))) {
            adv();
            while (digit(peek())) adv();
        }
        if (peek() == 'e' || peek() == 'E') {
            size_t save = p_;
            SourcePos sp = pos();
            adv();
            if (peek() == '+' || peek() == '-') adv();
            if (!digit(peek())) {
                p_ = save;
                line_ = sp.line;
                col_ = sp.col;
            }
            while (digit(peek())) adv();
        }
        Expr& e = make(ExprKind::Number, start);
        e.text = std::string(s_.substr(b, p_ - b));
        return &e;
    }

    const Expr* call(std::string name, SourcePos start, unsigned depth) {
        adv();  // '('
        ++nest_;
        Expr& e = make(ExprKind::Call, start);
        e.text = std::move(name);
        for (;;) {
            ws();
            if (peek() == ')') break;
            e.items.push_back(expression(depth + 1));
            ws();
            if (at("...")) {
                adv(3);
                e.flag = true;
                ws();
                if (peek() != ')') fail("`...` expands only the last argument");
                break;
            }
            if (peek() == ',') {
                adv();
                continue;
            }
            if (peek() != ')') fail("expected ',' or ')' in the arguments of " + e.text);
        }
        adv();
        --nest_;
        e.end = pos();
        return &e;
    }

    bool keyword_for() {
        if (!at("for")) return false;
        char n = peek(3);
        return n == ' ' || n == '\t' || n == '\n' || n == '\r';
    }

    // After `[` or `{` and `for`: the variables, collection and ':'.
    void for_head(Expr& e, unsigned depth) {
        adv(3);
        ws();
        std::string first = ident();
        ws();
        if (peek() == ',') {
            adv();
            ws();
            e.key_var = std::move(first);
            e.val_var = ident();
        } else {
            e.val_var = std::move(first);
        }
        ws();
        if (!at("in") || id_char(static_cast<unsigned char>(peek(2)))) fail("expected 'in' in the for expression");
        adv(2);
        e.a = expression(depth + 1);
        expect(':', "':' in the for expression");
    }

    void for_tail(Expr& e, unsigned depth) {
        ws();
        if (at("if") && !id_char(static_cast<unsigned char>(peek(2)))) {
            adv(2);
            e.c = expression(depth + 1);
        }
    }

    const Expr* tuple(unsigned depth) {
        SourcePos start = pos();
        adv();
        ++nest_;
        ws();
        if (keyword_for()) {
            Expr& e = make(ExprKind::For, start);
            for_head(e, depth);
            e.b = expression(depth + 1);
            for_tail(e, depth);
            expect(']', "']' to close the for expression");
            --nest_;
            e.end = pos();
            return &e;
        }
        Expr& e = make(ExprKind::Tuple, start);
        for (;;) {
            ws();
            if (peek() == ']') break;
            e.items.push_back(expression(depth + 1));
            ws();
            if (peek() == ',') {
                adv();
                continue;
            }
            if (peek() != ']') fail("expected ',' or ']' in the list");
        }
        adv();
        --nest_;
        e.end = pos();
        return &e;
    }

    const Expr* object(unsigned depth) {
        SourcePos start = pos();
        adv();
        int saved = nest_;
        nest_ = 0;  // newlines separate the items of an object
        skip(true);
        if (keyword_for()) {
            nest_ = 1;
            Expr& e = make(ExprKind::For, start);
            e.flag = true;
            for_head(e, depth);
            e.d = expression(depth + 1);
            ws();
            if (!at("=>")) fail("expected '=>' in the object for expression");
            adv(2);
            e.b = expression(depth + 1);
            ws();
            if (at("...")) {
                adv(3);
                e.group = true;
            }
            for_tail(e, depth);
            expect('}', "'}' to close the for expression");
            nest_ = saved;
            e.end = pos();
            return &e;
        }
        Expr& e = make(ExprKind::Object, start);
        for (;;) {
            skip(true);
            if (peek() == '}') break;
            const Expr* key = expression(depth + 1);
            ws();
            if (peek() != '=' && peek() != ':') fail("expected '=' or ':' after the object key");
            adv();
            const Expr* value = expression(depth + 1);
            e.keys.push_back(key);
            e.items.push_back(value);
            ws();
            if (peek() == ',') {
                adv();
                continue;
            }
            if (peek() == '\n' || peek() == '}') continue;
            fail("expected a newline, ',' or '}' after the object item");
        }
        adv();
        nest_ = saved;
        e.end = pos();
        return &e;
    }

    // "..." with escapes, ${ } and %{ }.
    const Expr* quoted_template(unsigned depth) {
        SourcePos start = pos();
        adv();  // '"'
        Expr& e = make(ExprKind::Template, start);
        std::vector<std::vector<TemplatePart>*> stack{&e.parts};
        template_body(stack, '"', depth + 1);
        if (peek() != '"') fail_at("unterminated string", start);
        adv();
        e.end = pos();
        if (stack.size() != 1) fail_at("a %{ directive is not closed (%{ endif } or %{ endfor })", start);
        return &e;
    }

    const Expr* heredoc(unsigned depth) {
        SourcePos start = pos();
        adv(2);
        bool indent = false;
        if (peek() == '-') {
            adv();
            indent = true;
        }
        std::string marker = ident();
        while (peek() == ' ' || peek() == '\t' || peek() == '\r') adv();
        if (peek() != '\n') fail("expected a newline after the heredoc marker");
        adv();
        // The body runs to a line holding only the marker (and spaces).
        size_t body_begin = p_;
        SourcePos body_pos = pos();
        size_t q = p_, body_end = std::string_view::npos, after = 0;
        while (q <= s_.size()) {
            size_t eol = s_.find('\n', q);
            std::string_view ln = s_.substr(q, eol == std::string_view::npos ? std::string_view::npos : eol - q);
            size_t b = ln.find_first_not_of(" \t");
            std::string_view t = b == std::string_view::npos ? std::string_view() : ln.substr(b);
            while (!t.empty() && (t.back() == '\r' || t.back() == ' ' || t.back() == '\t')) t.remove_suffix(1);
            if (t == marker) {
                body_end = q;
                after = q + ln.size();
                break;
            }
            if (eol == std::string_view::npos) break;
            q = eol + 1;
        }
        if (body_end == std::string_view::npos) fail_at("heredoc " + marker + " is not closed", start);
        std::string_view raw = s_.substr(body_begin, body_end - body_begin);
        Expr& e = make(ExprKind::Template, start);
        if (indent) {
            // <<-: strip the smallest indentation of the non-blank lines.
            size_t min_indent = std::string::npos;
            for (size_t k = 0; k < raw.size();) {
                size_t eol = raw.find('\n', k);
                std::string_view ln = raw.substr(k, eol == std::string_view::npos ? std::string_view::npos : eol - k);
                size_t b = ln.find_first_not_of(" \t\r");
                if (b != std::string_view::npos && b < min_indent) min_indent = b;
                if (eol == std::string_view::npos) break;
                k = eol + 1;
            }
            std::string stripped;
            for (size_t k = 0; k < raw.size();) {
                size_t eol = raw.find('\n', k);
                std::string_view ln = raw.substr(k, eol == std::string_view::npos ? std::string_view::npos : eol - k + 1);
                size_t cut = std::min(min_indent == std::string::npos ? 0 : min_indent, ln.find_first_not_of(" \t"));
                stripped += ln.substr(std::min(cut, ln.size()));
                if (eol == std::string_view::npos) break;
                k = eol + 1;
            }
            Parser sub(file_, stripped);
            sub.line_ = body_pos.line;
            sub.col_ = body_pos.col;
            std::vector<std::vector<TemplatePart>*> stack{&e.parts};
            sub.template_body(stack, '\0', depth + 1);
            if (stack.size() != 1) fail_at("a %{ directive is not closed in the heredoc", start);
            // Interpolations keep their expressions (owned by file_); positions
            // inside a stripped heredoc are approximate in columns.
            while (p_ < after) adv();
        } else {
            std::string_view saved = s_;
            size_t saved_p = p_;
            s_ = s_.substr(0, body_end);
            std::vector<std::vector<TemplatePart>*> stack{&e.parts};
            template_body(stack, '\0', depth + 1);
            if (stack.size() != 1) fail_at("a %{ directive is not closed in the heredoc", start);
            s_ = saved;
            (void)saved_p;
            while (p_ < after) adv();
        }
        e.end = pos();
        return &e;
    }

    void add_literal(std::vector<TemplatePart>& parts, const std::string& text) {
        if (text.empty()) return;
        if (!parts.empty() && parts.back().kind == TemplatePart::Literal) {
            parts.back().text += text;
            return;
        }
        TemplatePart t;
        t.text = text;
        parts.push_back(std::move(t));
    }

    static void strip_right(std::vector<TemplatePart>& parts) {
        if (parts.empty() || parts.back().kind != TemplatePart::Literal) return;
        std::string& t = parts.back().text;
        size_t e = t.find_last_not_of(" \t\r\n");
        t.erase(e == std::string::npos ? 0 : e + 1);
    }

    // Template text until `close` ('"' for quoted strings, '\0' for the end
    // of a heredoc body). `stack` holds the part lists directives opened.
    void template_body(std::vector<std::vector<TemplatePart>*>& stack, char close, unsigned depth) {
        depth_check(depth);
        bool strip_next = false;
        std::string lit;
        auto flush = [&] {
            if (strip_next) {
                size_t b = lit.find_first_not_of(" \t\r\n");
                lit.erase(0, b == std::string::npos ? lit.size() : b);
                if (!lit.empty()) strip_next = false;
            }
            add_literal(*stack.back(), lit);
            lit.clear();
        };
        while (!eof()) {
            char c = peek();
            if (close == '"' && c == '"') break;
            if (close == '"' && c == '\n') fail("a newline in a quoted string (use a heredoc or \\n)");
            if (close == '"' && c == '\\') {
                adv();
                char x = peek();
                if (eof()) break;
                adv();
                switch (x) {
                    case 'n': lit += '\n'; break;
                    case 'r': lit += '\r'; break;
                    case 't': lit += '\t'; break;
                    case '"': lit += '"'; break;
                    case '\\': lit += '\\'; break;
                    case 'u':
                    case 'U': {
                        int n = x == 'u' ? 4 : 8;
                        uint32_t cp = 0;
                        for (int k = 0; k < n; ++k) {
                            char h = peek();
                            int v = h >= '0' && h <= '9' ? h - '0' : h >= 'a' && h <= 'f' ? h - 'a' + 10 : h >= 'A' && h <= 'F' ? h - 'A' + 10 : -1;
                            if (v < 0) fail("invalid \\u escape");
                            cp = cp * 16 + static_cast<uint32_t>(v);
                            adv();
                        }
                        if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) fail("invalid unicode code point");
                        append_utf8(lit, cp);
                        break;
                    }
                    default: fail(std::string("invalid escape \\") + x);
                }
                continue;
            }
            if ((c == '$' || c == '%') && peek(1) == c && peek(2) == '{') {  // $${ and %%{ are literal
                lit += c;
                lit += '{';
                adv(3);
                continue;
            }
            if ((c == '$' || c == '%') && peek(1) == '{') {
                SourcePos start = pos();
                adv(2);
                bool strip_left = false;
                if (peek() == '~') {
                    adv();
                    strip_left = true;
                }
                flush();
                if (strip_left) strip_right(*stack.back());
                ++nest_;
                if (c == '$') {
                    TemplatePart part;
                    part.kind = TemplatePart::Interp;
                    part.expr = expression(depth + 1);
                    stack.back()->push_back(std::move(part));
                } else {
                    directive(stack, start, depth + 1);
                }
                ws();
                strip_next = false;
                if (peek() == '~') {
                    adv();
                    strip_next = true;
                }
                if (peek() != '}') fail("expected '}' to close the interpolation");
                adv();
                --nest_;
                continue;
            }
            lit += c;
            adv();
        }
        flush();
    }

    void directive(std::vector<std::vector<TemplatePart>*>& stack, SourcePos start, unsigned depth) {
        ws();
        std::string word = ident();
        std::vector<TemplatePart>& cur = *stack.back();
        if (word == "if") {
            TemplatePart part;
            part.kind = TemplatePart::If;
            part.expr = expression(depth + 1);
            cur.push_back(std::move(part));
            stack.push_back(&cur.back().then_parts);
        } else if (word == "for") {
            TemplatePart part;
            part.kind = TemplatePart::For;
            ws();
            std::string first = ident();
            ws();
            if (peek() == ',') {
                adv();
                ws();
                part.key_var = first;
                part.val_var = ident();
            } else {
                part.val_var = first;
            }
            ws();
            if (!at("in")) fail("expected 'in' in the %{ for } directive");
            adv(2);
            part.expr = expression(depth + 1);
            cur.push_back(std::move(part));
            stack.push_back(&cur.back().then_parts);
        } else if (word == "else" || word == "endif" || word == "endfor") {
            if (stack.size() < 2) fail_at("%{ " + word + " } without an opening directive", start);
            stack.pop_back();
            TemplatePart& open = stack.back()->back();
            bool is_if = open.kind == TemplatePart::If;
            if (word == "endfor" ? is_if : !is_if) fail_at("%{ " + word + " } does not close the open directive", start);
            if (word == "else") stack.push_back(&open.else_parts);
        } else {
            fail_at("unknown template directive " + word, start);
        }
    }
};

// JSON syntax: the block types Terraform knows take their labels from
// nested object keys; nested blocks inside a body are recognised by name.
struct JsonConverter {
    File& file;
    unsigned labels_of(const std::string& type) const {
        if (type == "resource" || type == "data") return 2;
        if (type == "module" || type == "variable" || type == "output" || type == "provider") return 1;
        return 0;
    }
    static bool nested_block_name(const std::string& k) {
        static const char* names[] = {"vpc_config", "environment", "ingress", "egress", "route", "statement",
                                      "principals", "not_principals", "condition", "dynamic", "content",
                                      "lifecycle", "timeouts", "tracing_config", "dead_letter_config",
                                      "file_system_config", "ephemeral_storage", "logging_config",
                                      "snap_start", "image_config", "validation"};
        for (const char* n : names)
            if (k == n) return true;
        return false;
    }
    const Expr* expr(const Node* n, unsigned depth) {
        if (depth > kMaxHclDepth) throw Fail{{"nesting too deep", n->begin}};
        Expr& e = file.exprs.emplace_back();
        e.begin = n->begin;
        e.end = n->end;
        if (n->is_null()) {
            e.kind = ExprKind::Null;
        } else if (n->is_scalar()) {
            if (n->quoted) {
                Parser p(file, n->text);
                return p.template_of(n->begin, depth + 1);
            }
            if (n->text == "true" || n->text == "false") {
                e.kind = ExprKind::Bool;
                e.flag = n->text == "true";
            } else {
                e.kind = ExprKind::Number;
                e.text = n->text;
            }
        } else if (n->is_sequence()) {
            e.kind = ExprKind::Tuple;
            for (const Node* i : n->items) e.items.push_back(expr(i, depth + 1));
        } else {
            e.kind = ExprKind::Object;
            for (const MapEntry& m : n->entries) {
                Expr& k = file.exprs.emplace_back();
                k.kind = ExprKind::Template;
                k.begin = m.key_begin;
                k.end = m.key_end;
                TemplatePart t;
                t.text = m.key;
                k.parts.push_back(t);
                e.keys.push_back(&k);
                e.items.push_back(expr(m.value, depth + 1));
            }
        }
        return &e;
    }
    void body(const Node* n, Body& out, unsigned depth, bool top) {
        if (depth > kMaxHclDepth) throw Fail{{"nesting too deep", n->begin}};
        if (!n->is_mapping()) throw Fail{{"expected a JSON object for a block body", n->begin}};
        for (const MapEntry& m : n->entries) {
            bool is_block = top ? m.key != "//" : nested_block_name(m.key) && (m.value->is_mapping() || m.value->is_sequence());
            if (m.key == "//") continue;  // a comment
            if (!is_block) {
                Attribute a;
                a.name = m.key;
                a.begin = m.key_begin;
                a.expr = expr(m.value, depth + 1);
                a.end = a.expr->end;
                out.attributes.push_back(std::move(a));
                continue;
            }
            unsigned nlabels = top ? labels_of(m.key) : (m.key == "dynamic" ? 1 : 0);
            blocks(m.key, m.key_begin, m.value, nlabels, {}, out, depth + 1);
        }
    }
    void blocks(const std::string& type, SourcePos at, const Node* n, unsigned nlabels, std::vector<std::string> labels,
                Body& out, unsigned depth) {
        if (depth > kMaxHclDepth) throw Fail{{"nesting too deep", n->begin}};
        if (n->is_sequence()) {
            for (const Node* i : n->items) blocks(type, at, i, nlabels, labels, out, depth + 1);
            return;
        }
        if (!n->is_mapping()) throw Fail{{"expected a JSON object for block " + type, n->begin}};
        if (labels.size() < nlabels) {
            for (const MapEntry& m : n->entries) {
                std::vector<std::string> more = labels;
                more.push_back(m.key);
                blocks(type, m.key_begin, m.value, nlabels, more, out, depth + 1);
            }
            return;
        }
        Block& b = file.blocks.emplace_back();
        b.type = type;
        b.labels = std::move(labels);
        b.begin = at;
        b.end = n->end;
        body(n, b.body, depth + 1, false);
        out.blocks.push_back(&b);
    }
};

}  // namespace

ParseResult parse_hcl_json(std::string path, std::string_view text) {
    ParseResult r;
    r.file.path = path;
    LoadResult loaded = load_json(path, text);
    if (loaded.error) {
        r.error = SyntaxError{loaded.error->message, loaded.error->pos};
        return r;
    }
    try {
        JsonConverter{r.file}.body(loaded.doc->root, r.file.body, 0, true);
    } catch (const Fail& f) {
        r.error = f.e;
    }
    return r;
}

ParseResult parse_hcl(std::string path, std::string_view text) {
    ParseResult r;
    r.file.path = std::move(path);
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    try {
        Parser(r.file, text).parse_file();
    } catch (const Fail& f) {
        r.error = f.e;
    }
    return r;
}

}  // namespace vpclint::hcl
