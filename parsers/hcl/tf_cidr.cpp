// cidrsubnet and cidrhost as Terraform computes them (go-cidr on Go's
// net.IPNet): IPv4 and IPv6, network and host numbers up to 128 bits, the
// result printed as Go prints addresses (RFC 5952 for IPv6). Where
// Terraform fails, or does something go-cidr does not mean (a negative
// newbits or netnum, a netnum beyond the extension), the result is unknown.
#include <cctype>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <string>
#include <vector>

#include "parsers/hcl/tf_builtins.h"

namespace vpclint::hcl {

namespace {

__extension__ typedef unsigned __int128 u128;

Value bad(const char* fn, const std::string& why) { return Value::unknown(std::string(fn) + ": " + why); }

struct Prefix {
    bool v6 = false;
    u128 addr = 0;  // IPv4 in the low 32 bits
    int bits = 0;
    int width() const { return v6 ? 128 : 32; }
};

bool digits_only(const std::string& s, size_t from) {
    if (from >= s.size()) return false;
    for (size_t k = from; k < s.size(); ++k)
        if (s[k] < '0' || s[k] > '9') return false;
    return true;
}

bool parse_len(const std::string& s, int max, int& out) {
    if (!digits_only(s, 0) || s.size() > 3) return false;
    out = std::stoi(s);
    return out <= max;
}

bool parse_v4(const std::string& s, u128& out) {
    unsigned a, b, c, d;
    char tail;
    if (std::sscanf(s.c_str(), "%3u.%3u.%3u.%3u%c", &a, &b, &c, &d, &tail) != 4) return false;
    for (char ch : s)
        if (ch != '.' && (ch < '0' || ch > '9')) return false;
    if (a > 255 || b > 255 || c > 255 || d > 255) return false;
    out = (u128(a) << 24) | (u128(b) << 16) | (u128(c) << 8) | u128(d);
    return true;
}

// Hex groups and one "::"; no embedded IPv4 and no zone (vpclint does not
// print those as Go does, so they are not evaluated).
bool parse_v6(const std::string& s, u128& out) {
    std::vector<uint16_t> head, tail;
    bool gap = false;
    size_t k = 0;
    if (s.rfind("::", 0) == 0) {
        gap = true;
        k = 2;
    }
    while (k < s.size()) {
        size_t end = k;
        unsigned g = 0;
        while (end < s.size() && end - k < 5 && std::isxdigit(static_cast<unsigned char>(s[end]))) {
            char c = static_cast<char>(std::tolower(static_cast<unsigned char>(s[end])));
            g = g * 16 + static_cast<unsigned>(c <= '9' ? c - '0' : c - 'a' + 10);
            ++end;
        }
        if (end == k || end - k > 4) return false;
        (gap ? tail : head).push_back(static_cast<uint16_t>(g));
        k = end;
        if (k == s.size()) break;
        if (s[k] != ':') return false;
        if (k + 1 < s.size() && s[k + 1] == ':') {
            if (gap) return false;
            gap = true;
            k += 2;
        } else {
            ++k;
            if (k == s.size()) return false;  // a trailing single colon
        }
    }
    size_t groups = head.size() + tail.size();
    if (gap ? groups > 7 : groups != 8) return false;
    out = 0;
    for (uint16_t g : head) out = (out << 16) | g;
    for (size_t z = groups; z < 8; ++z) out <<= 16;
    for (uint16_t g : tail) out = (out << 16) | g;
    if (head.empty() && tail.empty() && !gap) return false;
    return true;
}

bool parse_prefix(const std::string& s, Prefix& p, std::string& why) {
    size_t slash = s.find('/');
    if (slash == std::string::npos) {
        why = "\"" + s + "\" is not a CIDR prefix";
        return false;
    }
    std::string addr = s.substr(0, slash), len = s.substr(slash + 1);
    p.v6 = addr.find(':') != std::string::npos;
    bool ok = p.v6 ? parse_v6(addr, p.addr) : parse_v4(addr, p.addr);
    if (!ok || !parse_len(len, p.width(), p.bits)) {
        why = "\"" + s + "\" is not a CIDR prefix vpclint evaluates";
        return false;
    }
    // Go treats ::ffff:a.b.c.d (IPv4-mapped) as IPv4 and prints it so.
    if (p.v6 && (p.addr >> 32) == 0xffff) {
        why = "an IPv4-mapped IPv6 prefix is not evaluated";
        return false;
    }
    return true;
}

u128 mask_of(const Prefix& p) {
    if (p.bits == 0) return 0;
    u128 all = p.v6 ? ~u128(0) : u128(0xffffffffu);
    return all & (all << (p.width() - p.bits));
}

// A whole number argument, exactly: from the digits Terraform would read
// (a literal or a string), or from a double that holds it exactly.
bool whole(const Value& v, bool& negative, u128& out) {
    std::string text;
    if (v.k == Value::K::String) {
        Value n;
        if (!parse_number_text(v.s, n)) return false;
        return whole(n, negative, out);
    }
    if (v.k != Value::K::Number) return false;
    text = v.s;
    negative = !text.empty() && text[0] == '-';
    size_t from = negative ? 1 : 0;
    if (digits_only(text, from)) {
        out = 0;
        for (size_t k = from; k < text.size(); ++k) {
            u128 next = out * 10 + static_cast<unsigned>(text[k] - '0');
            if (next / 10 != out) return false;  // beyond 128 bits
            out = next;
        }
        return true;
    }
    if (!std::isfinite(v.n) || v.n != std::floor(v.n) || std::fabs(v.n) > 9007199254740992.0) return false;
    negative = v.n < 0;
    out = static_cast<u128>(static_cast<unsigned long long>(std::fabs(v.n)));
    return true;
}

std::string text_of(const Prefix& p, u128 a) {
    if (!p.v6) {
        auto part = [&](int shift) { return std::to_string(static_cast<unsigned>((a >> shift) & 255)); };
        return part(24) + "." + part(16) + "." + part(8) + "." + part(0);
    }
    uint16_t g[8];
    for (int k = 0; k < 8; ++k) g[k] = static_cast<uint16_t>(a >> (16 * (7 - k)));
    // The first longest run of two or more zero groups becomes "::" (Go's net.IP.String).
    int best = -1, best_len = 0;
    for (int k = 0; k < 8;) {
        if (g[k] != 0) {
            ++k;
            continue;
        }
        int j = k;
        while (j < 8 && g[j] == 0) ++j;
        if (j - k > best_len) {
            best = k;
            best_len = j - k;
        }
        k = j;
    }
    if (best_len < 2) best = -1;
    std::string out;
    char buf[8];
    for (int k = 0; k < 8; ++k) {
        if (k == best) {
            out += "::";
            k += best_len - 1;
            continue;
        }
        if (!out.empty() && out.back() != ':') out += ':';
        std::snprintf(buf, sizeof buf, "%x", g[k]);
        out += buf;
    }
    return out;
}

}  // namespace

Value cidrsubnet_fn(const std::vector<Value>& args) {
    const char* fn = "cidrsubnet";
    if (args.size() != 3 || args[0].k != Value::K::String) return bad(fn, "a prefix and two numbers");
    Prefix p;
    std::string why;
    if (!parse_prefix(args[0].s, p, why)) return bad(fn, why);
    bool nb_neg = false, num_neg = false;
    u128 newbits = 0, netnum = 0;
    if (!whole(args[1], nb_neg, newbits) || !whole(args[2], num_neg, netnum)) return bad(fn, "newbits and netnum must be whole numbers");
    if (nb_neg || num_neg) return bad(fn, "a negative newbits or netnum");
    if (newbits > static_cast<u128>(p.width() - p.bits))
        return bad(fn, "insufficient address space to extend prefix of " + std::to_string(p.bits));
    int nb = static_cast<int>(newbits), len = p.bits + nb;
    if (nb < 128 && netnum >> nb != 0) return bad(fn, "prefix extension of " + std::to_string(nb) + " does not accommodate the subnet number");
    u128 net = p.addr & mask_of(p);
    if (netnum != 0) net |= netnum << (p.width() - len);
    return Value::string(text_of(p, net) + "/" + std::to_string(len));
}

Value cidrhost_fn(const std::vector<Value>& args) {
    const char* fn = "cidrhost";
    if (args.size() != 2 || args[0].k != Value::K::String) return bad(fn, "a prefix and a number");
    Prefix p;
    std::string why;
    if (!parse_prefix(args[0].s, p, why)) return bad(fn, why);
    bool neg = false;
    u128 host = 0;
    if (!whole(args[1], neg, host)) return bad(fn, "hostnum must be a whole number");
    int host_bits = p.width() - p.bits;
    u128 max = host_bits == 128 ? ~u128(0) : (u128(1) << host_bits) - 1;
    // A negative number counts from the end: -1 is the last address.
    if (neg) {
        if (host == 0) neg = false;
        else if (host - 1 > max) return bad(fn, "the host number does not fit the prefix");
        else host = max - (host - 1);
    } else if (host > max) {
        return bad(fn, "prefix of " + std::to_string(p.bits) + " does not accommodate the host number");
    }
    return Value::string(text_of(p, (p.addr & mask_of(p)) | host));
}

}  // namespace vpclint::hcl
