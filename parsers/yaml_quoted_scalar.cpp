#include "parsers/yaml_quoted_scalar.h"

#include <cstdint>

namespace vpclint {

namespace {

bool is_blank(char c) { return c == ' ' || c == '\t'; }
bool is_break(char c) { return c == '\n' || c == '\r'; }

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

class QuotedDecoder {
public:
    QuotedDecoder(std::string_view s, size_t end) : s_(s), end_(end) {}

    // The spec's flow folding (YAML 1.2 section 7.3, as PyYAML's
    // scan_flow_scalar does it): blanks around a line break are dropped; a
    // single break becomes a space, n breaks in a row become n-1 line feeds.
    std::optional<std::string> decode(size_t i) {
        char quote = s_[i++];
        bool dbl = quote == '"';
        while (i < end_) {
            char c = s_[i];
            if (c == quote) {
                if (!dbl && i + 1 < end_ && s_[i + 1] == '\'') {
                    out_ += '\'';
                    i += 2;
                    continue;
                }
                return i + 1 == end_ ? std::optional<std::string>(std::move(out_)) : std::nullopt;
            }
            if (dbl && c == '\\') {
                if (!escape(i)) return std::nullopt;
                continue;
            }
            if (is_blank(c) || is_break(c)) {
                size_t j = i;
                while (j < end_ && is_blank(s_[j])) ++j;
                if (j < end_ && is_break(s_[j])) {
                    i = skip_break(j);
                    size_t breaks = folded_breaks(i);
                    if (breaks == 0) out_ += ' ';
                    out_.append(breaks, '\n');
                } else {
                    out_.append(s_.substr(i, j - i));
                    i = j;
                }
                continue;
            }
            out_ += c;
            ++i;
        }
        return std::nullopt;
    }

private:
    size_t skip_break(size_t i) const {
        if (s_[i] == '\r' && i + 1 < end_ && s_[i + 1] == '\n') return i + 2;
        return i + 1;
    }

    // Counts the empty lines after a break, leaving `i` at the next line's text.
    size_t folded_breaks(size_t& i) const {
        size_t n = 0;
        while (true) {
            while (i < end_ && is_blank(s_[i])) ++i;
            if (i < end_ && is_break(s_[i])) {
                i = skip_break(i);
                ++n;
            } else {
                return n;
            }
        }
    }

    bool escape(size_t& i) {
        if (i + 1 >= end_) return false;
        char e = s_[i + 1];
        i += 2;
        switch (e) {
            case '0': out_ += '\0'; return true;
            case 'a': out_ += '\a'; return true;
            case 'b': out_ += '\b'; return true;
            case 't': case '\t': out_ += '\t'; return true;
            case 'n': out_ += '\n'; return true;
            case 'v': out_ += '\v'; return true;
            case 'f': out_ += '\f'; return true;
            case 'r': out_ += '\r'; return true;
            case 'e': out_ += '\x1B'; return true;
            case ' ': case '"': case '/': case '\\': out_ += e; return true;
            case 'N': append_utf8(out_, 0x85); return true;
            case '_': append_utf8(out_, 0xA0); return true;
            case 'L': append_utf8(out_, 0x2028); return true;
            case 'P': append_utf8(out_, 0x2029); return true;
            case 'x': return hex(i, 2);
            case 'u': return hex(i, 4);
            case 'U': return hex(i, 8);
            case '\r': case '\n':
                // An escaped line break joins the lines without a space.
                i = skip_break(i - 1);
                out_.append(folded_breaks(i), '\n');
                return true;
            default: return false;
        }
    }

    bool hex(size_t& i, int digits) {
        uint32_t cp = 0;
        for (int k = 0; k < digits; ++k, ++i) {
            if (i >= end_) return false;
            char c = s_[i];
            cp <<= 4;
            if (c >= '0' && c <= '9') cp |= static_cast<uint32_t>(c - '0');
            else if (c >= 'a' && c <= 'f') cp |= static_cast<uint32_t>(c - 'a' + 10);
            else if (c >= 'A' && c <= 'F') cp |= static_cast<uint32_t>(c - 'A' + 10);
            else return false;
        }
        if ((cp >= 0xD800 && cp <= 0xDFFF) || cp > 0x10FFFF) return false;
        append_utf8(out_, cp);
        return true;
    }

    std::string_view s_;
    size_t end_;
    std::string out_;
};

}  // namespace

std::optional<std::string> decode_yaml_quoted(std::string_view text, size_t content, size_t end) {
    if (content >= end || end > text.size() || (text[content] != '"' && text[content] != '\'')) return std::nullopt;
    return QuotedDecoder(text, end).decode(content);
}

}  // namespace vpclint
