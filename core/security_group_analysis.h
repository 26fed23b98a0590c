// Security-group reachability, three-valued: does a set of groups admit
// traffic from (ingress) or to (egress) another end, for one protocol and a
// port? Every rule of the model is compiled once (protocol, port interval,
// peer: a group, `self`, an IPv4/IPv6 CIDR interval, or a prefix list); a
// question then scans the rules of the groups asked about once, so its cost
// is linear in their rules and no range is ever enumerated.
//
// AWS semantics (VPC user guide, "Security group rules"): rules only allow,
// a group set admits what any rule of any group admits; a rule naming a
// group matches traffic from (to) any ENI that carries that group; a CIDR
// rule matches addresses inside it; protocol -1 means every protocol and
// port. CloudFormation gives a group without any egress rule (inline or
// AWS::EC2::SecurityGroupEgress) an allow-all egress rule; Terraform removes
// it (SecurityGroup::default_allow_all_egress, set by the frontends).
//
// An answer is Yes when one rule proves the traffic passes, No when every
// group is known, every rule is known and none matches, Unknown otherwise.
// It names the rules that decide it, as locations.
#pragma once
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/model.h"

namespace vpclint {

// ------------------------------------------------------------------ addresses
// An address interval of one family; IPv4 addresses sit in the low 32 bits.
struct IpRange {
    bool v6 = false;
    uint64_t lo_hi = 0, lo_lo = 0;  // first address (high, low 64 bits)
    uint64_t hi_hi = 0, hi_lo = 0;  // last address

    bool contains(const IpRange& o) const;
    bool overlaps(const IpRange& o) const;
};

// "10.0.0.0/16", "2001:db8::/56". Host bits set are accepted (AWS keeps the
// network: 10.0.0.1/16 means 10.0.0.0/16). Nothing else parses.
std::optional<IpRange> parse_cidr(std::string_view text);

// ------------------------------------------------------------------ questions
// The traffic: an IP protocol number (6 tcp, 17 udp) and the destination
// port, when known. An unknown port is "some port in 0-65535": a rule decides
// it only when it covers every port.
struct SgTraffic {
    int protocol = 6;
    std::optional<uint32_t> port;
};

std::string traffic_name(const SgTraffic& t);  // "tcp/5432", "tcp (port unknown)"

// The other end of the traffic: the groups its ENIs carry and the addresses
// they use. `ipv4` is where its address lies (any one of the ranges); empty
// with `ipv4_known` false when the model does not know it. IPv6 rules decide
// only when the other end is known not to use IPv6 (`ipv6` No, the default:
// they then never match) or known to use addresses in `ipv6_ranges`.
struct SgPeer {
    std::vector<uint32_t> groups;               // -> Model::security_groups
    std::vector<std::string> external_groups;   // literal ids ("sg-0abc...")
    bool groups_complete = true;                // false: it may carry groups not listed
    std::vector<IpRange> ipv4;
    bool ipv4_known = false;
    Tri ipv6 = Tri::No;
    std::vector<IpRange> ipv6_ranges;
    bool ipv6_known = false;
    std::string name;                           // for messages ("LambdaSecurityGroup")
};

// The groups' ENIs carry (a function's SecurityGroupIds), with their
// completeness, and the address ranges of `subnets` (the CIDRs of every
// subnet, when all are known).
SgPeer peer_of(const Model& m, const LinkList& groups, const std::vector<uint32_t>& subnets, bool subnets_complete);

struct SgAnswer {
    Tri verdict = Tri::Unknown;
    // One phrase: why ("ingress rule DatabaseSecurityGroup.SecurityGroupIngress[0]
    // admits tcp/5432 from LambdaSecurityGroup", "group X is a parameter").
    std::string reason;
    // Yes: the rule that admits it. Unknown: what could not be decided. No:
    // the groups asked about and their rules in that direction for this
    // protocol and port (the near misses), or the group itself when it has
    // none.
    std::vector<RelatedLocation> deciding;
    // The rules (-> Model::security_group_rules) behind `deciding`; a default
    // CloudFormation egress has no rule of its own and is not listed here.
    std::vector<uint32_t> rules;
};

struct CompiledRule;

struct SecurityGroupAnalysis {
    // Per group: its compiled ingress and egress rules, in model order.
    std::vector<std::vector<uint32_t>> ingress;  // -> compiled
    std::vector<std::vector<uint32_t>> egress;
    std::vector<CompiledRule> compiled;           // one per Model::security_group_rules
    // Rules of a direction whose group is unknown but may be one of the
    // model's (Terraform references the frontend could not resolve; a
    // CloudFormation parameter or import never names a group of its own
    // template): they may add to any group.
    std::vector<uint32_t> floating_ingress;
    std::vector<uint32_t> floating_egress;
};

SecurityGroupAnalysis compute_security_groups(const Model& model);

// Does the set `groups` admit `traffic` in `direction`: ingress from `peer`,
// or egress to `peer`? All groups of `groups` must be known for a No.
SgAnswer sg_allows(const SecurityGroupAnalysis& sga, const Model& m, const LinkList& groups, RuleDirection direction,
                   const SgPeer& peer, const SgTraffic& traffic);

// ------------------------------------------------------------------ internals
// Exposed for the unit tests and for messages.
enum class PeerKind : uint8_t { None, Group, Self, Cidr4, Cidr6, PrefixList, Unknown };

struct CompiledRule {
    uint32_t rule = 0;            // -> Model::security_group_rules
    RuleDirection direction = RuleDirection::Ingress;
    // Protocol: -1 every protocol (ports ignored), a number, or unknown.
    bool protocol_known = false;
    int protocol = -1;
    bool ports_known = false;     // meaningful for tcp/udp only
    uint32_t from_port = 0, to_port = 65535;
    PeerKind peer = PeerKind::None;
    uint32_t peer_group = 0;      // PeerKind::Group, resolved
    std::string peer_external;    // PeerKind::Group, a literal id (empty when resolved)
    bool peer_resolved = false;
    IpRange range;                // Cidr4 / Cidr6
    std::string unknown_reason;   // why a part is unknown
};

// "tcp", "udp", "icmp", "icmpv6", "all"/"-1", or a number: the protocol
// number (-1 for all); nullopt when the text is none of those.
std::optional<int> protocol_number(std::string_view text);

// "add an ingress rule on DatabaseSecurityGroup for tcp/5432 from
// LambdaSecurityGroup": the fix that makes a No a Yes.
std::string sg_fix(const Model& m, uint32_t group, RuleDirection direction, const SgTraffic& traffic,
                   const std::string& peer_name);

}  // namespace vpclint
