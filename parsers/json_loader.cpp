// JSON text to the positioned document tree. Hand-written because the JSON
// libraries at hand keep no positions. It tracks line and column as it goes
// (Terraform plans are often one long line, so columns are never recounted)
// and recurses at most kMaxDepth levels, so hostile input cannot overflow the
// stack. A JsonMemberPolicy (parsers/json_loader.h) may have parts checked
// but not built.
#include <cstring>

#include "core/document.h"
#include "parsers/duplicate_keys.h"
#include "parsers/json_loader.h"
#include "parsers/json_scan.h"
#include "parsers/key_table.h"

namespace vpclint {

namespace {

struct JsonError {
    std::string message;
    SourcePos pos;
};

bool is_digit(char c) { return c >= '0' && c <= '9'; }

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

// Up to this many entries an object's keys are checked for a duplicate by a
// scan of their addresses (a plan resource's values have 30-60 keys), past
// it through DuplicateKeyCheck's hash index.
constexpr size_t kAddressScan = 64;

using Role = JsonMemberPolicy::Role;
constexpr Role kNone = JsonMemberPolicy::kNone;

class JsonParser {
public:
    JsonParser(Document& doc, std::string_view text, JsonMemberPolicy* policy)
        : doc_(doc), policy_(policy), p_(text.data()), end_(text.data() + text.size()) {}

    const Node* parse() {
        skip_ws();
        const Node* root = value(0, policy_ ? policy_->root() : kNone);
        skip_ws();
        if (p_ < end_) fail("unexpected text after the JSON value");
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& msg) { throw JsonError{msg, here()}; }
    [[noreturn]] void fail_at(const std::string& msg, SourcePos at) { throw JsonError{msg, at}; }
    SourcePos here() const { return {line_, col_}; }
    bool at(char c) const { return p_ < end_ && *p_ == c; }

    // Moves past one ASCII character that is not a line feed.
    void step() {
        ++p_;
        ++col_;
    }

    void skip_ws() {
        while (p_ < end_) {
            char c = *p_;
            if (c == ' ' || c == '\t' || c == '\r') {
                step();
            } else if (c == '\n') {
                ++p_;
                ++line_;
                col_ = 1;
            } else {
                break;
            }
        }
    }

    const Node* value(unsigned depth, Role role = kNone) {
        if (p_ >= end_) fail("unexpected end of file: a value is missing");
        char c = *p_;
        if (c == '{' || c == '[') {
            // Depth counts open brackets: the 513th is refused where it opens.
            if (depth >= kMaxDepth) fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
            return c == '{' ? object(depth + 1, role) : array(depth + 1, role);
        }
        Node& n = doc_.make();
        n.begin = here();
        if (c == '"') {
            n.kind = NodeKind::Scalar;
            n.quoted = true;
            n.text = doc_.intern(string_text());
        } else if (c == '-' || is_digit(c)) {
            n.kind = NodeKind::Scalar;
            n.text = doc_.intern(number());
        } else if (literal("true")) {
            n.kind = NodeKind::Scalar;
            n.text = "true";
        } else if (literal("false")) {
            n.kind = NodeKind::Scalar;
            n.text = "false";
        } else if (literal("null")) {
            n.kind = NodeKind::Null;
        } else {
            bad_value(c);
        }
        n.end = here();
        return &n;
    }

    [[noreturn]] void bad_value(char c) {
        if (c == ']' || c == '}') fail(std::string("unexpected '") + c + "': a value is missing");
        if (c > 0x20 && c < 0x7F) fail(std::string("unexpected character '") + c + "'");
        fail("unexpected character");
    }

    // A value checked exactly as value() checks it (the same errors at the
    // same positions, the same depth limit), with nothing built: a null node
    // with the value's extent stands for it.
    const Node* skipped(unsigned depth) {
        Node& n = doc_.make();
        n.begin = here();
        skip(depth);
        n.end = here();
        return &n;
    }

    void skip(unsigned depth) {
        if (p_ >= end_) fail("unexpected end of file: a value is missing");
        char c = *p_;
        if (c == '{' || c == '[') {
            if (depth >= kMaxDepth) fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
            return c == '{' ? skip_object(depth + 1) : skip_array(depth + 1);
        }
        if (c == '"') string_text();
        else if (c == '-' || is_digit(c)) number();
        else if (!literal("true") && !literal("false") && !literal("null")) bad_value(c);
    }

    void skip_array(unsigned depth) {
        SourcePos begin = here();
        step();
        skip_ws();
        if (at(']')) {
            step();
            return;
        }
        while (true) {
            skip(depth);
            skip_ws();
            if (p_ >= end_) fail_at("unclosed '[' (end of file reached)", begin);
            if (*p_ == ']') break;
            if (*p_ != ',') fail("expected ',' or ']' in an array");
            SourcePos comma = here();
            step();
            skip_ws();
            if (at(']')) fail_at("trailing comma before ']'", comma);
        }
        step();
    }

    void skip_object(unsigned depth) {
        SourcePos begin = here();
        step();
        skip_ws();
        if (at('}')) {
            step();
            return;
        }
        skip_members(begin, depth, entry_stack_.size(), false);
    }

    // The members of the object opened at `begin`, up to its closing brace;
    // with `after_first`, from after its first member's value (whose entry
    // is on the stack at `mark`, for the duplicate check).
    void skip_members(SourcePos begin, unsigned depth, size_t mark, bool after_first) {
        DuplicateKeyCheck duplicates;
        bool read_member = !after_first;
        while (true) {
            if (read_member) {
                if (p_ >= end_) fail_at("unclosed '{' (end of file reached)", begin);
                if (*p_ != '"') fail("expected a quoted key");
                MapEntry e;  // the key only, for the duplicate check
                e.key_begin = here();
                e.key = keys_.intern(string_text(), doc_.arena);
                if (uint32_t first = duplicate_of(mark, e.key, duplicates))
                    throw JsonError{duplicate_key_message(std::string(e.key), first), e.key_begin};
                skip_ws();
                if (!at(':')) fail("expected ':' after the key \"" + std::string(e.key) + "\"");
                step();
                skip_ws();
                skip(depth);
                entry_stack_.push_back(std::move(e));
            }
            read_member = true;
            skip_ws();
            if (p_ >= end_) fail_at("unclosed '{' (end of file reached)", begin);
            if (*p_ == '}') break;
            if (*p_ != ',') fail("expected ',' or '}' in an object");
            SourcePos comma = here();
            step();
            skip_ws();
            if (at('}')) fail_at("trailing comma before '}'", comma);
        }
        entry_stack_.resize(mark);
        step();
    }

    // The line of an entry before `key` in the object whose entries are on
    // the stack from `mark`, or 0. Interned keys are equal exactly when
    // their addresses are, so a small object's keys are scanned by address.
    uint32_t duplicate_of(size_t mark, std::string_view key, DuplicateKeyCheck& duplicates) {
        const MapEntry* e = entry_stack_.data() + mark;
        size_t count = entry_stack_.size() - mark;
        if (count <= kAddressScan && keys_.distinct()) {
            for (size_t k = 0; k < count; ++k)
                if (e[k].key.data() == key.data()) return e[k].key_begin.line;
            return 0;
        }
        return duplicates.first_line(e, count, key);
    }

    bool literal(std::string_view word) {
        if (static_cast<size_t>(end_ - p_) < word.size() || std::memcmp(p_, word.data(), word.size()) != 0) return false;
        p_ += word.size();
        col_ += static_cast<uint32_t>(word.size());
        return true;
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, kept as written (a
    // view of the text).
    std::string_view number() {
        const char* start = p_;
        SourcePos begin = here();
        auto digits = [&] {
            if (p_ >= end_ || !is_digit(*p_)) fail("invalid number: a digit is expected");
            while (p_ < end_ && is_digit(*p_)) step();
        };
        if (at('-')) step();
        if (at('0')) {
            step();
            if (p_ < end_ && is_digit(*p_)) fail_at("invalid number: leading zero", begin);
        } else {
            digits();
        }
        if (at('.')) {
            step();
            digits();
        }
        if (at('e') || at('E')) {
            step();
            if (at('+') || at('-')) step();
            digits();
        }
        return {start, static_cast<size_t>(p_ - start)};
    }

    uint32_t hex4() {
        uint32_t v = 0;
        for (int k = 0; k < 4; ++k) {
            if (p_ >= end_) fail("unexpected end of file in a \\u escape");
            char c = *p_;
            v <<= 4;
            if (is_digit(c)) v |= static_cast<uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
            else fail("invalid \\u escape: four hex digits expected");
            step();
        }
        return v;
    }

    // A string's text: a view of the source when it has no escapes (most
    // do), else its decoded text in scratch_ (valid until the next string).
    std::string_view string_text() {
        uint32_t cols = 0;
        const char* q = p_ + 1 + json_scan::plain_run(p_ + 1, end_, cols);
        if (q < end_ && *q == '"') {
            std::string_view text(p_ + 1, static_cast<size_t>(q - p_ - 1));
            p_ = q + 1;
            col_ += cols + 2;
            return text;
        }
        scratch_.clear();
        string(scratch_);
        return scratch_;
    }

    void string(std::string& out) {
        SourcePos start = here();
        step();  // the opening quote
        while (true) {
            // Copy a run of plain characters at once, counting columns as code
            // points (continuation bytes do not move the column).
            const char* run = p_;
            uint32_t cols = 0;
            p_ += json_scan::plain_run(p_, end_, cols);
            out.append(run, static_cast<size_t>(p_ - run));
            col_ += cols;
            if (p_ >= end_) fail_at("unclosed string (end of file reached)", start);
            char c = *p_;
            if (c == '"') {
                step();
                return;
            }
            if (c != '\\') {
                if (c == '\n') fail("line break in a string (missing closing quote, or write it as \\n)");
                fail("control character in a string (escape it)");
            }
            SourcePos escape = here();
            step();
            if (p_ >= end_) fail_at("unclosed string (end of file reached)", start);
            char e = *p_;
            switch (e) {
                case '"': out += '"'; break;
                case '\\': out += '\\'; break;
                case '/': out += '/'; break;
                case 'b': out += '\b'; break;
                case 'f': out += '\f'; break;
                case 'n': out += '\n'; break;
                case 'r': out += '\r'; break;
                case 't': out += '\t'; break;
                case 'u': {
                    step();
                    uint32_t cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (end_ - p_ < 2 || p_[0] != '\\' || p_[1] != 'u')
                            fail_at("unpaired surrogate in a \\u escape", escape);
                        step();
                        step();
                        uint32_t lo = hex4();
                        if (lo < 0xDC00 || lo > 0xDFFF) fail_at("invalid low surrogate in a \\u escape", escape);
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail_at("unpaired surrogate in a \\u escape", escape);
                    }
                    append_utf8(out, cp);
                    continue;
                }
                default:
                    if (static_cast<unsigned char>(e) < 0x80 && e >= 0x20)
                        fail_at(std::string("invalid escape \\") + e, escape);
                    fail_at("invalid escape", escape);
            }
            step();
        }
    }

    const Node* array(unsigned depth, Role role) {
        Node& n = doc_.make();
        n.kind = NodeKind::Sequence;
        n.begin = here();
        step();
        skip_ws();
        if (at(']')) {
            step();
            n.end = here();
            return &n;
        }
        // Items gather on a stack shared by all arrays and move into an
        // exactly sized vector at the end: no growth by doubling (a third of
        // the memory of large lists was spare capacity).
        size_t mark = item_stack_.size();
        while (true) {
            item_stack_.push_back(value(depth, role == kNone ? kNone : policy_->items(role)));
            skip_ws();
            if (p_ >= end_) fail_at("unclosed '[' (end of file reached)", n.begin);
            if (*p_ == ']') break;
            if (*p_ != ',') fail("expected ',' or ']' in an array");
            SourcePos comma = here();
            step();
            skip_ws();
            if (at(']')) fail_at("trailing comma before ']'", comma);
        }
        doc_.arena.assign(n.items, item_stack_.data() + mark, item_stack_.size() - mark);
        item_stack_.resize(mark);
        step();
        n.end = here();
        return &n;
    }

    const Node* object(unsigned depth, Role role) {
        Node& n = doc_.make();
        n.kind = NodeKind::Mapping;
        n.begin = here();
        step();
        skip_ws();
        if (at('}')) {
            step();
            n.end = here();
            return &n;
        }
        DuplicateKeyCheck duplicates;
        size_t mark = entry_stack_.size();  // as for arrays' items
        while (true) {
            if (p_ >= end_) fail_at("unclosed '{' (end of file reached)", n.begin);
            if (*p_ != '"') fail("expected a quoted key");
            MapEntry e;
            e.key_begin = here();
            e.key = keys_.intern(string_text(), doc_.arena);
            e.key_end = here();
            if (uint32_t first = duplicate_of(mark, e.key, duplicates))
                throw JsonError{duplicate_key_message(std::string(e.key), first), e.key_begin};
            skip_ws();
            if (!at(':')) fail("expected ':' after the key \"" + std::string(e.key) + "\"");
            step();
            skip_ws();
            e.value = member(depth, role, entry_stack_.size() == mark, e.key);
            entry_stack_.push_back(std::move(e));
            if (role != kNone && entry_stack_.size() == mark + 1 && policy_->skip_rest(role, entry_stack_.back())) {
                skip_members(n.begin, depth, mark, true);
                n.kind = NodeKind::Null;
                n.end = here();
                return &n;
            }
            skip_ws();
            if (p_ >= end_) fail_at("unclosed '{' (end of file reached)", n.begin);
            if (*p_ == '}') break;
            if (*p_ != ',') fail("expected ',' or '}' in an object");
            SourcePos comma = here();
            step();
            skip_ws();
            if (at('}')) fail_at("trailing comma before '}'", comma);
        }
        if (role != kNone) policy_->closed(role, entry_stack_.data() + mark, entry_stack_.size() - mark);
        doc_.arena.assign(n.entries, entry_stack_.data() + mark, entry_stack_.size() - mark);
        entry_stack_.resize(mark);
        step();
        n.end = here();
        return &n;
    }

    // The value of `key` in an object with `role` (`first`: the object's first key).
    const Node* member(unsigned depth, Role role, bool first, std::string_view key) {
        if (role == kNone) return value(depth);
        JsonMemberPolicy::Member m = policy_->member(role, key, first);
        return m.skip ? skipped(depth) : value(depth, m.role);
    }

    Document& doc_;
    JsonMemberPolicy* policy_;  // null: everything is built
    KeyTable keys_;
    std::string scratch_;  // text of skipped scalars
    std::vector<const Node*> item_stack_;  // items of the arrays being read, innermost last
    std::vector<MapEntry> entry_stack_;    // entries of the objects being read, innermost last
    const char* p_;
    const char* end_;
    uint32_t line_ = 1, col_ = 1;
};

LoadResult load_json_with(std::string path, std::string_view text, JsonMemberPolicy* policy) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    auto doc = std::make_unique<Document>();
    doc->path = std::move(path);
    try {
        JsonParser p(*doc, text, policy);
        doc->root = p.parse();
    } catch (const JsonError& e) {
        // A duplicate key reads the same in YAML and JSON.
        bool duplicate = e.message.rfind("duplicate key ", 0) == 0;
        return {nullptr, LoadError{duplicate ? e.message : "invalid JSON: " + e.message, e.pos}};
    }
    return {std::move(doc), std::nullopt};
}

}  // namespace

LoadResult load_json(std::string path, std::string_view text) { return load_json_with(std::move(path), text, nullptr); }

LoadResult load_json(std::string path, std::string_view text, JsonMemberPolicy& policy) {
    return load_json_with(std::move(path), text, &policy);
}

}  // namespace vpclint
