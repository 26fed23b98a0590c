#include "core/security_group_analysis.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace vpclint {

// ------------------------------------------------------------------ addresses
namespace {

bool less_eq(uint64_t ah, uint64_t al, uint64_t bh, uint64_t bl) { return ah < bh || (ah == bh && al <= bl); }

std::optional<uint64_t> parse_uint(std::string_view s, int base, uint64_t max) {
    if (s.empty() || s.size() > 5) return std::nullopt;
    uint64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
    if (ec != std::errc{} || p != s.data() + s.size() || v > max) return std::nullopt;
    return v;
}

std::optional<uint64_t> parse_ipv4(std::string_view s) {
    uint64_t v = 0;
    for (int part = 0; part < 4; ++part) {
        size_t dot = part < 3 ? s.find('.') : s.size();
        if (dot == std::string_view::npos) return std::nullopt;
        auto octet = parse_uint(s.substr(0, dot), 10, 255);
        if (!octet || dot > 3) return std::nullopt;
        v = (v << 8) | *octet;
        s = part < 3 ? s.substr(dot + 1) : std::string_view{};
    }
    return v;
}

// Eight 16-bit groups, "::" once at most; no embedded IPv4 (rare in rules:
// such a CIDR then stays unknown, never wrong).
std::optional<std::pair<uint64_t, uint64_t>> parse_ipv6(std::string_view s) {
    std::vector<uint16_t> head, tail;
    bool compressed = false;
    size_t dc = s.find("::");
    auto groups = [](std::string_view part, std::vector<uint16_t>& out) {
        if (part.empty()) return true;
        while (true) {
            size_t colon = part.find(':');
            auto g = parse_uint(part.substr(0, colon), 16, 0xffff);
            if (!g || colon == 0 || part.substr(0, colon).size() > 4) return false;
            out.push_back(static_cast<uint16_t>(*g));
            if (colon == std::string_view::npos) return true;
            part = part.substr(colon + 1);
            if (part.empty()) return false;
        }
    };
    if (dc != std::string_view::npos) {
        compressed = true;
        if (s.find("::", dc + 1) != std::string_view::npos) return std::nullopt;
        if (!groups(s.substr(0, dc), head) || !groups(s.substr(dc + 2), tail)) return std::nullopt;
    } else if (!groups(s, head)) {
        return std::nullopt;
    }
    size_t n = head.size() + tail.size();
    if (compressed ? n > 7 : n != 8) return std::nullopt;
    uint16_t all[8] = {};
    for (size_t k = 0; k < head.size(); ++k) all[k] = head[k];
    for (size_t k = 0; k < tail.size(); ++k) all[8 - tail.size() + k] = tail[k];
    uint64_t hi = 0, lo = 0;
    for (int k = 0; k < 4; ++k) hi = (hi << 16) | all[k];
    for (int k = 4; k < 8; ++k) lo = (lo << 16) | all[k];
    return std::pair{hi, lo};
}

// Low `bits` bits set, for 0 <= bits <= 64.
uint64_t low_mask(int bits) { return bits >= 64 ? ~uint64_t{0} : (uint64_t{1} << bits) - 1; }

}  // namespace

bool IpRange::contains(const IpRange& o) const {
    return v6 == o.v6 && less_eq(lo_hi, lo_lo, o.lo_hi, o.lo_lo) && less_eq(o.hi_hi, o.hi_lo, hi_hi, hi_lo);
}

bool IpRange::overlaps(const IpRange& o) const {
    return v6 == o.v6 && less_eq(lo_hi, lo_lo, o.hi_hi, o.hi_lo) && less_eq(o.lo_hi, o.lo_lo, hi_hi, hi_lo);
}

std::optional<IpRange> parse_cidr(std::string_view text) {
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.front()))) text.remove_prefix(1);
    while (!text.empty() && std::isspace(static_cast<unsigned char>(text.back()))) text.remove_suffix(1);
    size_t slash = text.find('/');
    if (slash == std::string_view::npos) return std::nullopt;
    std::string_view addr = text.substr(0, slash);
    IpRange r;
    if (addr.find(':') == std::string_view::npos) {
        auto a = parse_ipv4(addr);
        auto len = parse_uint(text.substr(slash + 1), 10, 32);
        if (!a || !len) return std::nullopt;
        uint64_t host = low_mask(32 - static_cast<int>(*len));
        r.lo_lo = *a & ~host;
        r.hi_lo = r.lo_lo | host;
        return r;
    }
    auto a = parse_ipv6(addr);
    auto len = parse_uint(text.substr(slash + 1), 10, 128);
    if (!a || !len) return std::nullopt;
    r.v6 = true;
    int host_bits = 128 - static_cast<int>(*len);
    uint64_t host_lo = host_bits >= 64 ? ~uint64_t{0} : low_mask(host_bits);
    uint64_t host_hi = host_bits > 64 ? low_mask(host_bits - 64) : 0;
    r.lo_hi = a->first & ~host_hi;
    r.lo_lo = a->second & ~host_lo;
    r.hi_hi = r.lo_hi | host_hi;
    r.hi_lo = r.lo_lo | host_lo;
    return r;
}

// ------------------------------------------------------------------ protocols
std::optional<int> protocol_number(std::string_view text) {
    std::string s(text);
    for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    if (s == "-1" || s == "all") return -1;
    if (s == "tcp") return 6;
    if (s == "udp") return 17;
    if (s == "icmp") return 1;
    if (s == "icmpv6") return 58;
    if (auto n = parse_uint(s, 10, 255)) return static_cast<int>(*n);
    return std::nullopt;
}

namespace {

std::string protocol_name(int p) {
    switch (p) {
        case -1: return "all traffic";
        case 6: return "tcp";
        case 17: return "udp";
        case 1: return "icmp";
        case 58: return "icmpv6";
        default: return "protocol " + std::to_string(p);
    }
}

std::optional<int64_t> port_number(const Text& t) {
    if (!t.known) return std::nullopt;
    std::string_view s = t.value;
    if (!s.empty() && s.front() == '-') {
        if (s == "-1") return -1;
        return std::nullopt;
    }
    auto v = parse_uint(s, 10, 65535);
    if (!v) return std::nullopt;
    return static_cast<int64_t>(*v);
}

}  // namespace

std::string traffic_name(const SgTraffic& t) {
    std::string p = protocol_name(t.protocol);
    return t.port ? p + "/" + std::to_string(*t.port) : p + " (port unknown)";
}

// ------------------------------------------------------------------ compiling
namespace {

CompiledRule compile(const Model& m, uint32_t index) {
    const SecurityGroupRule& r = m.security_group_rules[index];
    CompiledRule c;
    c.rule = index;
    c.direction = r.direction;
    if (!r.protocol.present) {
        c.unknown_reason = "its protocol is not given";
    } else if (!r.protocol.known) {
        c.unknown_reason = "its protocol is unknown" + (r.protocol.reason.empty() ? "" : " (" + r.protocol.reason + ")");
    } else if (auto p = protocol_number(r.protocol.value)) {
        c.protocol_known = true;
        c.protocol = *p;
    } else {
        c.unknown_reason = "protocol '" + r.protocol.value + "' is not understood";
    }
    if (c.protocol_known && (c.protocol == 6 || c.protocol == 17)) {
        auto from = port_number(r.from_port);
        auto to = port_number(r.to_port);
        if (from && to && *from >= 0 && *to >= *from) {
            c.ports_known = true;
            c.from_port = static_cast<uint32_t>(*from);
            c.to_port = static_cast<uint32_t>(*to);
        } else if (c.unknown_reason.empty()) {
            c.unknown_reason = "its port range is unknown";
        }
    }
    if (r.self) {
        c.peer = PeerKind::Self;
    } else if (!r.peer_group.absent()) {
        c.peer = r.peer_group.state == LinkState::Unknown ? PeerKind::Unknown : PeerKind::Group;
        c.peer_resolved = r.peer_group.resolved();
        if (c.peer_resolved) c.peer_group = r.peer_group.index;
        if (r.peer_group.state == LinkState::External) c.peer_external = r.peer_group.text;
        if (c.peer == PeerKind::Unknown && c.unknown_reason.empty())
            c.unknown_reason = "its peer group is unknown (" + r.peer_group.text + ")";
    } else if (r.cidr_ipv4.present || r.cidr_ipv6.present) {
        const Text& t = r.cidr_ipv4.present ? r.cidr_ipv4 : r.cidr_ipv6;
        std::optional<IpRange> range = t.known ? parse_cidr(t.value) : std::nullopt;
        if (range && range->v6 == !r.cidr_ipv4.present) {
            c.peer = range->v6 ? PeerKind::Cidr6 : PeerKind::Cidr4;
            c.range = *range;
        } else {
            c.peer = PeerKind::Unknown;
            if (c.unknown_reason.empty())
                c.unknown_reason = t.known ? "CIDR '" + t.value + "' is not understood"
                                           : "its CIDR is unknown" + (t.reason.empty() ? "" : " (" + t.reason + ")");
        }
    } else if (r.prefix_list.present) {
        c.peer = PeerKind::PrefixList;
    } else if (!c.protocol_known) {
        c.peer = PeerKind::Unknown;  // a rule of unknown content (a computed rule list)
    }
    return c;
}

Tri tri_and(Tri a, Tri b) {
    if (a == Tri::No || b == Tri::No) return Tri::No;
    if (a == Tri::Yes && b == Tri::Yes) return Tri::Yes;
    return Tri::Unknown;
}

bool has(const std::vector<uint32_t>& v, uint32_t x) { return std::find(v.begin(), v.end(), x) != v.end(); }

bool has(const std::vector<std::string>& v, const std::string& x) { return std::find(v.begin(), v.end(), x) != v.end(); }

Tri protocol_matches(const CompiledRule& c, const SgTraffic& t) {
    if (!c.protocol_known) return Tri::Unknown;
    if (c.protocol == -1) return Tri::Yes;
    if (c.protocol != t.protocol) return Tri::No;
    if (t.protocol != 6 && t.protocol != 17) return Tri::Yes;
    if (!c.ports_known) return Tri::Unknown;
    if (t.port) return *t.port >= c.from_port && *t.port <= c.to_port ? Tri::Yes : Tri::No;
    return c.from_port == 0 && c.to_port == 65535 ? Tri::Yes : Tri::Unknown;
}

// Where an address of the peer lies relative to `range`: Yes when every
// address it may use is inside, No when none is.
Tri ranges_inside(const IpRange& range, const std::vector<IpRange>& peer, bool known) {
    bool whole = range.v6 ? range.lo_hi == 0 && range.lo_lo == 0 && range.hi_hi == ~uint64_t{0} && range.hi_lo == ~uint64_t{0}
                          : range.lo_lo == 0 && range.hi_lo == 0xffffffffu;
    if (whole) return Tri::Yes;
    if (!known || peer.empty()) return Tri::Unknown;
    bool all_in = true, any_overlap = false;
    for (const IpRange& p : peer) {
        all_in = all_in && range.contains(p);
        any_overlap = any_overlap || range.overlaps(p);
    }
    return all_in ? Tri::Yes : any_overlap ? Tri::Unknown : Tri::No;
}

Tri peer_matches(const Model& m, const CompiledRule& c, uint32_t owner, const SgPeer& p) {
    auto by_group = [&](uint32_t g) {
        if (has(p.groups, g)) return Tri::Yes;
        // A literal id on the other end may be this very group (a Terraform
        // state knows its id).
        return p.groups_complete && p.external_groups.empty() ? Tri::No : Tri::Unknown;
    };
    switch (c.peer) {
        case PeerKind::None: return Tri::No;
        case PeerKind::Self: return by_group(owner);
        case PeerKind::Group:
            if (c.peer_resolved) return by_group(c.peer_group);
            if (has(p.external_groups, c.peer_external)) return Tri::Yes;
            // A literal id in a template never names a group that template
            // creates; in Terraform it may (state ids are known).
            return m.format == InputFormat::CloudFormation && p.groups_complete && p.external_groups.empty()
                       ? Tri::No
                       : Tri::Unknown;
        case PeerKind::Cidr4: return ranges_inside(c.range, p.ipv4, p.ipv4_known);
        case PeerKind::Cidr6: {
            if (p.ipv6 == Tri::No) return Tri::No;
            Tri inside = ranges_inside(c.range, p.ipv6_ranges, p.ipv6_known);
            return inside == Tri::Yes && p.ipv6 != Tri::Yes ? Tri::Unknown : inside;
        }
        case PeerKind::PrefixList:
        case PeerKind::Unknown: return Tri::Unknown;
    }
    return Tri::Unknown;
}

std::string group_name(const Model& m, uint32_t g) { return m.security_groups[g].id; }

std::string peer_text(const Model& m, const CompiledRule& c) {
    const SecurityGroupRule& r = m.security_group_rules[c.rule];
    switch (c.peer) {
        case PeerKind::None: return "no source or destination";
        case PeerKind::Self: return "its own group (self)";
        case PeerKind::Group: return c.peer_resolved ? group_name(m, c.peer_group) : c.peer_external;
        case PeerKind::Cidr4: return r.cidr_ipv4.value;
        case PeerKind::Cidr6: return r.cidr_ipv6.value;
        case PeerKind::PrefixList:
            return "prefix list " + (r.prefix_list.known ? r.prefix_list.value : std::string("(unknown)"));
        case PeerKind::Unknown: return "an unknown peer";
    }
    return "";
}

std::string rule_text(const Model& m, const CompiledRule& c) {
    const SecurityGroupRule& r = m.security_group_rules[c.rule];
    std::string what;
    if (!c.protocol_known) what = "unknown traffic";
    else if (c.protocol == -1) what = "all traffic";
    else if (c.protocol == 6 || c.protocol == 17) {
        what = protocol_name(c.protocol) + "/";
        if (!c.ports_known) what += "(unknown ports)";
        else if (c.from_port == c.to_port) what += std::to_string(c.from_port);
        else what += std::to_string(c.from_port) + "-" + std::to_string(c.to_port);
    } else {
        what = protocol_name(c.protocol);
    }
    bool in = r.direction == RuleDirection::Ingress;
    return std::string(in ? "ingress" : "egress") + " rule " + r.id + " allows " + what + (in ? " from " : " to ") +
           peer_text(m, c);
}

Location rule_loc(const Model& m, const CompiledRule& c) {
    const SecurityGroupRule& r = m.security_group_rules[c.rule];
    return r.loc.known() || !r.plan_loc.known() ? r.loc : r.plan_loc;
}

}  // namespace

SecurityGroupAnalysis compute_security_groups(const Model& model) {
    SecurityGroupAnalysis a;
    a.ingress.resize(model.security_groups.size());
    a.egress.resize(model.security_groups.size());
    a.compiled.reserve(model.security_group_rules.size());
    for (uint32_t i = 0; i < model.security_group_rules.size(); ++i) {
        a.compiled.push_back(compile(model, i));
        const SecurityGroupRule& r = model.security_group_rules[i];
        bool in = r.direction == RuleDirection::Ingress;
        if (r.group.resolved() && r.group.index < model.security_groups.size()) {
            (in ? a.ingress : a.egress)[r.group.index].push_back(i);
        } else if (r.group.state == LinkState::Unknown &&
                   (model.format != InputFormat::CloudFormation || !r.group.candidates.empty())) {
            (in ? a.floating_ingress : a.floating_egress).push_back(i);
        }
    }
    return a;
}

SgPeer peer_of(const Model& m, const LinkList& groups, const std::vector<uint32_t>& subnets, bool subnets_complete) {
    SgPeer p;
    p.groups_complete = groups.complete;
    for (const Link& l : groups.items) {
        if (l.resolved()) {
            if (!has(p.groups, l.index)) p.groups.push_back(l.index);
            if (p.name.empty()) p.name = m.security_groups[l.index].id;
        } else if (l.state == LinkState::External) {
            p.external_groups.push_back(l.text);
            if (p.name.empty()) p.name = l.text;
        } else if (l.state == LinkState::Unknown) {
            p.groups_complete = false;
        }
    }
    p.ipv4_known = subnets_complete && !subnets.empty();
    for (uint32_t s : subnets) {
        const Text& cidr = m.subnets[s].cidr;
        std::optional<IpRange> r = cidr.known ? parse_cidr(cidr.value) : std::nullopt;
        if (r && !r->v6) p.ipv4.push_back(*r);
        else p.ipv4_known = false;
    }
    if (!p.ipv4_known) p.ipv4.clear();
    return p;
}

SgAnswer sg_allows(const SecurityGroupAnalysis& sga, const Model& m, const LinkList& groups, RuleDirection direction,
                   const SgPeer& peer, const SgTraffic& traffic) {
    SgAnswer yes, unknown;
    yes.verdict = Tri::Yes;
    unknown.verdict = Tri::Unknown;
    SgAnswer no;
    no.verdict = Tri::No;
    bool in = direction == RuleDirection::Ingress;
    const std::string dir = in ? "ingress" : "egress";
    const std::string towards = in ? " from " : " to ";
    const std::string peer_name = peer.name.empty() ? "the other end" : peer.name;

    auto note_unknown = [&](Location loc, std::string why, int rule) {
        if (unknown.reason.empty()) unknown.reason = why;
        if (unknown.deciding.size() < 3) unknown.deciding.push_back({std::move(loc), std::move(why)});
        if (rule >= 0) unknown.rules.push_back(static_cast<uint32_t>(rule));
    };
    // Returns true when the rule proves the traffic passes.
    auto consider = [&](uint32_t owner, uint32_t ci) {
        const CompiledRule& c = sga.compiled[ci];
        Tri proto = protocol_matches(c, traffic);
        Tri v = tri_and(proto, peer_matches(m, c, owner, peer));
        if (v == Tri::Yes) {
            yes.reason = rule_text(m, c);
            yes.deciding.push_back({rule_loc(m, c), yes.reason + ", which admits " + traffic_name(traffic) + towards +
                                                        peer_name});
            yes.rules.push_back(c.rule);
            return true;
        }
        if (v == Tri::Unknown) {
            std::string why = rule_text(m, c);
            if (!c.unknown_reason.empty()) why += ", but " + c.unknown_reason;
            else if (c.peer == PeerKind::PrefixList) why += " (its CIDRs are not in the model)";
            else why += ", which may or may not match " + peer_name;
            note_unknown(rule_loc(m, c), std::move(why), static_cast<int>(c.rule));
        } else if (proto != Tri::No && no.deciding.size() < 5) {
            // A near miss: the right traffic, another peer.
            no.deciding.push_back({rule_loc(m, c), rule_text(m, c) + ", not" + towards + peer_name});
            no.rules.push_back(c.rule);
        }
        return false;
    };

    if (!groups.complete) note_unknown(groups.loc, "the security groups are not all known (" + groups.reason + ")", -1);
    std::vector<uint32_t> asked;
    for (const Link& l : groups.items) {
        if (l.state == LinkState::External) {
            note_unknown(l.loc, "security group " + l.text + " is not described by this input", -1);
        } else if (l.state == LinkState::Unknown) {
            note_unknown(l.loc, "a security group is unknown (" + l.text + ")", -1);
        } else if (l.resolved() && !has(asked, l.index)) {
            asked.push_back(l.index);
        }
    }
    if (groups.items.empty() && groups.complete)
        note_unknown(groups.loc, "no security groups are given, so the VPC's default group applies", -1);

    for (uint32_t g : asked) {
        const SecurityGroup& sg = m.security_groups[g];
        if (!in && sg.default_allow_all_egress) {
            yes.reason = "security group " + sg.id + " declares no egress rule, so it keeps the default allow-all egress";
            yes.deciding.push_back({sg.loc, yes.reason});
            return yes;
        }
        for (uint32_t ci : (in ? sga.ingress : sga.egress)[g])
            if (consider(g, ci)) return yes;
    }
    for (uint32_t ci : in ? sga.floating_ingress : sga.floating_egress) {
        const SecurityGroupRule& r = m.security_group_rules[sga.compiled[ci].rule];
        bool may_apply = r.group.candidates.empty();
        uint32_t owner = 0;
        for (uint32_t cand : r.group.candidates)
            if (has(asked, cand)) {
                may_apply = true;
                owner = cand;
            }
        if (!may_apply || asked.empty()) continue;
        if (r.group.candidates.empty()) owner = asked.front();
        const CompiledRule& c = sga.compiled[ci];
        if (tri_and(protocol_matches(c, traffic), peer_matches(m, c, owner, peer)) != Tri::No)
            note_unknown(rule_loc(m, c), dir + " rule " + r.id + " belongs to a group that cannot be resolved (" +
                                              r.group.text + "), possibly one of these",
                         static_cast<int>(c.rule));
    }
    if (!unknown.deciding.empty() || !unknown.reason.empty()) return unknown;

    // Every group known, every rule known, none matches.
    std::vector<std::string> names;
    for (uint32_t g : asked) names.push_back(m.security_groups[g].id);
    std::string list;
    for (size_t k = 0; k < names.size(); ++k) list += (k ? (k + 1 == names.size() ? " and " : ", ") : "") + names[k];
    no.reason = "no " + dir + " rule of " + list + " allows " + traffic_name(traffic) + towards + peer_name;
    for (uint32_t g : asked)
        if ((in ? sga.ingress : sga.egress)[g].empty()) {
            const SecurityGroup& sg = m.security_groups[g];
            no.deciding.push_back({sg.loc, "security group " + sg.id + " has no " + dir + " rules" +
                                               (!in && m.format != InputFormat::CloudFormation
                                                    ? " (Terraform removes the default allow-all egress)"
                                                    : "")});
        }
    if (no.deciding.empty())  // rules exist, none even for this traffic: show the groups' first rules
        for (uint32_t g : asked)
            for (uint32_t ci : (in ? sga.ingress : sga.egress)[g]) {
                if (no.deciding.size() >= 5) break;
                const CompiledRule& c = sga.compiled[ci];
                no.deciding.push_back({rule_loc(m, c), rule_text(m, c)});
                no.rules.push_back(c.rule);
            }
    return no;
}

std::string sg_fix(const Model& m, uint32_t group, RuleDirection direction, const SgTraffic& traffic,
                   const std::string& peer_name) {
    bool in = direction == RuleDirection::Ingress;
    std::string t = traffic.port ? protocol_name(traffic.protocol) + "/" + std::to_string(*traffic.port)
                                 : protocol_name(traffic.protocol) + " on the resource's port";
    return std::string("add an ") + (in ? "ingress" : "egress") + " rule on " + m.security_groups[group].id + " for " + t +
           (in ? " from " : " to ") + peer_name;
}

}  // namespace vpclint
