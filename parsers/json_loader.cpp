// JSON text to the positioned document tree. Hand-written because the JSON
// libraries at hand keep no positions; it tracks line and column as it goes
// (Terraform plans are often one long line, so columns are never recounted).
#include <unordered_map>

#include "core/document.h"
#include "parsers/text_positions.h"

namespace vpclint {

namespace {

struct JsonError {
    std::string message;
    SourcePos pos;
};

class JsonParser {
public:
    JsonParser(Document& doc, std::string_view text) : doc_(doc), s_(text) {}

    const Node* parse() {
        skip_ws();
        const Node* root = value(0);
        skip_ws();
        if (i_ < s_.size()) fail("unexpected text after the JSON value");
        return root;
    }

private:
    [[noreturn]] void fail(const std::string& msg) { throw JsonError{msg, here()}; }
    SourcePos here() const { return {line_, col_}; }

    void advance() {
        unsigned char c = static_cast<unsigned char>(s_[i_++]);
        if (c == '\n') {
            ++line_;
            col_ = 1;
        } else if (!is_utf8_continuation(c)) {
            ++col_;
        }
    }

    void skip_ws() {
        while (i_ < s_.size()) {
            char c = s_[i_];
            if (c == ' ' || c == '\t' || c == '\r' || c == '\n') advance();
            else break;
        }
    }

    void expect(char c, const char* what) {
        if (i_ >= s_.size() || s_[i_] != c) fail(std::string("expected ") + what);
        advance();
    }

    const Node* value(unsigned depth) {
        if (depth >= kMaxDepth) fail("nesting deeper than " + std::to_string(kMaxDepth) + " levels");
        if (i_ >= s_.size()) fail("unexpected end of file: a value is missing");
        char c = s_[i_];
        if (c == '{') return object(depth);
        if (c == '[') return array(depth);
        Node& n = doc_.make();
        n.begin = here();
        if (c == '"') {
            n.kind = NodeKind::Scalar;
            n.quoted = true;
            n.text = string();
        } else if (c == '-' || (c >= '0' && c <= '9')) {
            n.kind = NodeKind::Scalar;
            n.text = number();
        } else if (literal("true")) {
            n.kind = NodeKind::Scalar;
            n.text = "true";
        } else if (literal("false")) {
            n.kind = NodeKind::Scalar;
            n.text = "false";
        } else if (literal("null")) {
            n.kind = NodeKind::Null;
        } else {
            fail(std::string("unexpected character '") + c + "'");
        }
        n.end = here();
        return &n;
    }

    bool literal(std::string_view word) {
        if (s_.substr(i_, word.size()) != word) return false;
        for (size_t k = 0; k < word.size(); ++k) advance();
        return true;
    }

    std::string number() {
        size_t start = i_;
        if (s_[i_] == '-') advance();
        if (i_ >= s_.size() || s_[i_] < '0' || s_[i_] > '9') fail("invalid number");
        while (i_ < s_.size() && ((s_[i_] >= '0' && s_[i_] <= '9') || s_[i_] == '.' || s_[i_] == 'e' ||
                                  s_[i_] == 'E' || s_[i_] == '+' || s_[i_] == '-'))
            advance();
        return std::string(s_.substr(start, i_ - start));
    }

    static void append_utf8(std::string& out, uint32_t cp) {
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

    uint32_t hex4() {
        uint32_t v = 0;
        for (int k = 0; k < 4; ++k) {
            if (i_ >= s_.size()) fail("unexpected end of file in a \\u escape");
            char c = s_[i_];
            v <<= 4;
            if (c >= '0' && c <= '9') v |= static_cast<uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') v |= static_cast<uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') v |= static_cast<uint32_t>(c - 'A' + 10);
            else fail("invalid \\u escape");
            advance();
        }
        return v;
    }

    std::string string() {
        SourcePos start = here();
        advance();  // the opening quote
        std::string out;
        while (true) {
            if (i_ >= s_.size()) throw JsonError{"unclosed string", start};
            char c = s_[i_];
            if (c == '"') {
                advance();
                return out;
            }
            if (static_cast<unsigned char>(c) < 0x20) fail("control character in a string (escape it)");
            if (c != '\\') {
                // Copy a run of plain bytes at once.
                size_t run = i_;
                while (run < s_.size() && s_[run] != '"' && s_[run] != '\\' && static_cast<unsigned char>(s_[run]) >= 0x20 &&
                       s_[run] != '\n')
                    ++run;
                out.append(s_.substr(i_, run - i_));
                for (size_t k = i_; k < run; ++k)
                    if (!is_utf8_continuation(static_cast<unsigned char>(s_[k]))) ++col_;
                i_ = run;
                continue;
            }
            advance();
            if (i_ >= s_.size()) throw JsonError{"unclosed string", start};
            char e = s_[i_];
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
                    advance();
                    uint32_t cp = hex4();
                    if (cp >= 0xD800 && cp <= 0xDBFF) {
                        if (s_.substr(i_, 2) != "\\u") fail("unpaired surrogate in a \\u escape");
                        advance();
                        advance();
                        uint32_t lo = hex4();
                        if (lo < 0xDC00 || lo > 0xDFFF) fail("invalid low surrogate in a \\u escape");
                        cp = 0x10000 + ((cp - 0xD800) << 10) + (lo - 0xDC00);
                    } else if (cp >= 0xDC00 && cp <= 0xDFFF) {
                        fail("unpaired surrogate in a \\u escape");
                    }
                    append_utf8(out, cp);
                    continue;
                }
                default: fail(std::string("invalid escape \\") + e);
            }
            advance();
        }
    }

    const Node* array(unsigned depth) {
        Node& n = doc_.make();
        n.kind = NodeKind::Sequence;
        n.begin = here();
        advance();
        skip_ws();
        if (i_ < s_.size() && s_[i_] == ']') {
            advance();
            n.end = here();
            return &n;
        }
        while (true) {
            skip_ws();
            if (i_ < s_.size() && s_[i_] == ']') fail("trailing comma before ']'");
            n.items.push_back(value(depth + 1));
            skip_ws();
            if (i_ >= s_.size()) throw JsonError{"unclosed '[' (end of file reached)", n.begin};
            if (s_[i_] == ',') {
                advance();
                continue;
            }
            if (s_[i_] == ']') break;
            fail("expected ',' or ']' in an array");
        }
        advance();
        n.end = here();
        return &n;
    }

    const Node* object(unsigned depth) {
        Node& n = doc_.make();
        n.kind = NodeKind::Mapping;
        n.begin = here();
        advance();
        skip_ws();
        if (i_ < s_.size() && s_[i_] == '}') {
            advance();
            n.end = here();
            return &n;
        }
        std::unordered_map<std::string, uint32_t> seen;
        while (true) {
            skip_ws();
            if (i_ >= s_.size()) throw JsonError{"unclosed '{' (end of file reached)", n.begin};
            if (s_[i_] == '}') fail("trailing comma before '}'");
            if (s_[i_] != '"') fail("expected a quoted key");
            MapEntry e;
            e.key_begin = here();
            e.key = string();
            e.key_end = here();
            auto [it, fresh] = seen.emplace(e.key, e.key_begin.line);
            if (!fresh)
                throw JsonError{"duplicate key '" + e.key + "' (first at line " + std::to_string(it->second) + ")",
                                e.key_begin};
            skip_ws();
            expect(':', "':' after a key");
            skip_ws();
            e.value = value(depth + 1);
            n.entries.push_back(std::move(e));
            skip_ws();
            if (i_ >= s_.size()) throw JsonError{"unclosed '{' (end of file reached)", n.begin};
            if (s_[i_] == ',') {
                advance();
                continue;
            }
            if (s_[i_] == '}') break;
            fail("expected ',' or '}' in an object");
        }
        advance();
        n.end = here();
        return &n;
    }

    Document& doc_;
    std::string_view s_;
    size_t i_ = 0;
    uint32_t line_ = 1, col_ = 1;
};

}  // namespace

LoadResult load_json(std::string path, std::string_view text) {
    auto doc = std::make_unique<Document>();
    doc->path = std::move(path);
    try {
        JsonParser p(*doc, text);
        doc->root = p.parse();
    } catch (const JsonError& e) {
        return {nullptr, LoadError{"invalid JSON: " + e.message, e.pos}};
    }
    return {std::move(doc), std::nullopt};
}

}  // namespace vpclint
