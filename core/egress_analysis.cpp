#include "core/egress_analysis.h"

namespace vpclint {

std::string_view egress_name(Egress e) {
    switch (e) {
        case Egress::Public: return "public";
        case Egress::Internet: return "internet";
        case Egress::None: return "none";
        case Egress::Unknown: return "unknown";
    }
    return "unknown";
}

bool is_vpc_function(const Function& f) {
    auto may_have = [](const LinkList& l) { return l.present && (!l.items.empty() || !l.complete); };
    return f.has_vpc_config && may_have(f.subnets) && may_have(f.security_groups);
}

Tri igw_attached(const EgressAnalysis& e, uint32_t igw, uint32_t vpc) {
    if (igw >= e.igw_vpcs.size()) return Tri::Unknown;
    for (uint32_t v : e.igw_vpcs[igw])
        if (v == vpc) return Tri::Yes;
    return e.igw_attachment_unknown[igw] || e.some_attachment_unknown ? Tri::Unknown : Tri::No;
}

const SubnetEgress& egress_of_subnet(const EgressAnalysis& e, uint32_t subnet) { return e.subnets.at(subnet); }

const FunctionEgress& egress_of_function(const EgressAnalysis& e, uint32_t function) {
    return e.functions.at(function);
}

namespace {

bool is_ipv4_default(const Route& r) { return r.destination_cidr.is("0.0.0.0/0"); }

// A route the model cannot rule out as an IPv4 default route: its CIDR is
// unknown, or its destination is a prefix list (a customer-managed list may
// hold 0.0.0.0/0).
bool may_be_ipv4_default(const Route& r) {
    if (r.destination_cidr.present) return !r.destination_cidr.known;
    if (r.destination_prefix_list.present) return true;
    return !r.destination_ipv6.present;
}

// The entities a link may point at: the one it resolves to, or the candidates
// of an unknown link (Terraform count/for_each); empty when nothing is known.
std::vector<uint32_t> targets_of(const Link& l) {
    if (l.resolved()) return {l.index};
    if (l.state == LinkState::Unknown) return l.candidates;
    return {};
}

std::string link_problem(const Link& l, const std::string& what) {
    switch (l.state) {
        case LinkState::External: return what + " " + l.text + " is not in the model";
        case LinkState::Unknown: return what + " is unknown" + (l.text.empty() ? "" : " (" + l.text + ")");
        case LinkState::Absent: return what + " is not set";
        case LinkState::Resolved: break;
    }
    return what + " is known";
}

struct TableDefault {
    int route = -1;          // the IPv4 default route
    bool duplicate = false;  // two of them: which one applies is not defined
    bool maybe = false;      // a route of the table may be a default route
};

// One way to judge a subnet: its verdict and the steps that prove it.
struct Outcome {
    Egress verdict = Egress::Unknown;
    std::string reason;
    int route_table = -1;
    int default_route = -1;
    std::vector<RelatedLocation> steps;
    // Judged one level deep: the subnet of the NAT where judgment stopped.
    int chain_subnet = -1;
};

Outcome unknown(std::string reason) {
    Outcome o;
    o.reason = std::move(reason);
    return o;
}

// Several candidates (route tables, NAT gateways) count only when they agree.
Outcome merge(std::vector<Outcome> all, const std::string& what) {
    for (const Outcome& o : all)
        if (o.verdict != all.front().verdict)
            return unknown("its " + what + " is one of several candidates that differ in egress");
    Outcome first = std::move(all.front());
    for (const Outcome& o : all)
        if (o.chain_subnet != first.chain_subnet) first.chain_subnet = -1;
    if (all.size() > 1) first.reason += " (all " + std::to_string(all.size()) + " candidate " + what + "s agree)";
    return first;
}

class EgressSolver {
public:
    EgressSolver(const Model& m, EgressAnalysis& out) : m_(m), out_(out) {}

    void run() {
        index_attachments();
        index_associations();
        index_routes();
        out_.subnets.resize(m_.subnets.size());
        direct_.resize(m_.subnets.size());
        direct_done_.assign(m_.subnets.size(), false);
        for (uint32_t s = 0; s < m_.subnets.size(); ++s) compute(s);
        index_functions();
    }

private:
    void index_attachments() {
        out_.igw_vpcs.assign(m_.internet_gateways.size(), {});
        out_.igw_attachment_unknown.assign(m_.internet_gateways.size(), false);
        for (const GatewayAttachment& a : m_.gateway_attachments) {
            if (a.internet_gateway.absent()) continue;  // a VPN gateway attachment
            if (a.internet_gateway.state == LinkState::External) continue;  // a gateway outside the model
            if (!a.internet_gateway.resolved()) {
                if (a.internet_gateway.candidates.empty()) out_.some_attachment_unknown = true;
                for (uint32_t c : a.internet_gateway.candidates) mark_igw_unknown(c);
                continue;
            }
            if (a.vpc.resolved()) out_.igw_vpcs[a.internet_gateway.index].push_back(a.vpc.index);
            else mark_igw_unknown(a.internet_gateway.index);
        }
    }

    void mark_igw_unknown(uint32_t igw) {
        if (igw < out_.igw_attachment_unknown.size()) out_.igw_attachment_unknown[igw] = true;
    }

    void index_associations() {
        explicit_.assign(m_.subnets.size(), -1);
        ambiguous_.assign(m_.subnets.size(), false);
        maybe_associated_.assign(m_.subnets.size(), false);
        for (uint32_t i = 0; i < m_.subnet_associations.size(); ++i) {
            const SubnetAssociation& a = m_.subnet_associations[i];
            if (a.subnet.resolved()) {
                uint32_t s = a.subnet.index;
                if (explicit_[s] != -1) ambiguous_[s] = true;
                explicit_[s] = static_cast<int>(i);
            } else if (a.subnet.state == LinkState::Unknown) {
                // It may associate a subnet of the model, which then does not
                // use its VPC's main route table.
                if (a.subnet.candidates.empty()) stray_association_ = true;
                for (uint32_t c : a.subnet.candidates)
                    if (c < maybe_associated_.size()) maybe_associated_[c] = true;
            }
        }
    }

    void index_routes() {
        defaults_.assign(m_.route_tables.size(), {});
        maybe_default_.assign(m_.route_tables.size(), false);
        for (uint32_t t = 0; t < m_.route_tables.size(); ++t) {
            TableDefault& d = defaults_[t];
            for (uint32_t r : m_.route_tables[t].routes) {
                const Route& route = m_.routes[r];
                if (may_be_ipv4_default(route)) d.maybe = true;
                if (!is_ipv4_default(route)) continue;
                if (d.route >= 0) {
                    out_.duplicate_default_routes.push_back({t, static_cast<uint32_t>(d.route), r});
                    d.duplicate = true;
                    continue;
                }
                d.route = static_cast<int>(r);
            }
        }
        // A default route whose table the model cannot resolve may belong to
        // any table (or to the candidates it names).
        for (const Route& route : m_.routes) {
            if (route.route_table.state != LinkState::Unknown) continue;
            if (!is_ipv4_default(route) && !may_be_ipv4_default(route)) continue;
            if (route.route_table.candidates.empty()) stray_default_route_ = true;
            for (uint32_t c : route.route_table.candidates)
                if (c < maybe_default_.size()) maybe_default_[c] = true;
        }
    }

    void index_functions() {
        out_.functions.resize(m_.functions.size());
        // seen[s] == function index + 1: subnet s is already listed (linear dedup).
        std::vector<uint32_t> seen(m_.subnets.size(), 0);
        for (uint32_t i = 0; i < m_.functions.size(); ++i) {
            const Function& f = m_.functions[i];
            FunctionEgress& fe = out_.functions[i];
            fe.vpc_function = is_vpc_function(f);
            fe.all_subnets_known = f.subnets.complete;
            for (const Link& l : f.subnets.items) {
                if (!l.resolved() || l.index >= m_.subnets.size()) {
                    fe.all_subnets_known = false;
                    continue;
                }
                if (seen[l.index] == i + 1) continue;
                seen[l.index] = i + 1;
                fe.subnets.push_back(l.index);
            }
        }
    }

    void compute(uint32_t s) {
        const Subnet& sub = m_.subnets[s];
        std::vector<RelatedLocation> head{{sub.loc, "subnet " + sub.id}};
        Outcome o = judge_subnet(s, head, false);
        SubnetEgress& e = out_.subnets[s];
        e.verdict = o.verdict;
        e.reason = std::move(o.reason);
        e.association = explicit_[s] >= 0 && !ambiguous_[s] ? explicit_[s] : -1;
        e.route_table = o.route_table;
        e.default_route = o.default_route;
        e.path = std::move(head);
        for (RelatedLocation& r : o.steps) e.path.push_back(std::move(r));
    }

    // The egress of a NAT's own subnet, judged one level deep: a NAT there
    // that itself routes through a NAT is not a design the VPC User Guide
    // describes, so the chain stops with "unknown". No recursion, no loops,
    // and every path has a bounded length.
    const Outcome& direct(uint32_t s) {
        if (direct_done_[s]) return direct_[s];
        std::vector<RelatedLocation> head{{m_.subnets[s].loc, "subnet " + m_.subnets[s].id}};
        Outcome o = judge_subnet(s, head, true);
        for (RelatedLocation& r : o.steps) head.push_back(std::move(r));
        o.steps = std::move(head);
        direct_[s] = std::move(o);
        direct_done_[s] = true;
        return direct_[s];
    }

    // The effective route table: the explicit association, else the VPC's
    // main route table (VPC User Guide, "Subnet route tables").
    Outcome judge_subnet(uint32_t s, std::vector<RelatedLocation>& head, bool nested) {
        const Subnet& sub = m_.subnets[s];
        if (ambiguous_[s]) return unknown("it is associated with more than one route table");
        std::vector<uint32_t> tables;
        if (explicit_[s] >= 0) {
            const SubnetAssociation& a = m_.subnet_associations[explicit_[s]];
            tables = targets_of(a.route_table);
            if (tables.empty()) return unknown(link_problem(a.route_table, "the route table of association " + a.id));
            head.push_back({a.loc, "associated with route table " +
                                       (a.route_table.resolved() ? m_.route_tables[tables[0]].id : "(one of several)") +
                                       " by " + a.id});
        } else {
            if (maybe_associated_[s] || stray_association_)
                return unknown("a route table association whose subnet cannot be resolved may apply to it");
            if (!sub.vpc.resolved())
                return unknown("it has no explicit route table association and " + link_problem(sub.vpc, "its VPC") +
                               ", so its main route table is unknown");
            const Vpc& vpc = m_.vpcs[sub.vpc.index];
            if (vpc.main_route_table.absent()) {
                // A VPC created here gets a main route table with only the
                // local route (VPC User Guide, "Main route table").
                head.push_back({vpc.loc, "no explicit route table association: VPC " + vpc.id +
                                             "'s main route table has only the local route"});
                Outcome o;
                o.verdict = Egress::None;
                o.reason = "it uses the main route table of VPC " + vpc.id + ", which has only the local route";
                return o;
            }
            tables = targets_of(vpc.main_route_table);
            if (tables.empty()) return unknown(link_problem(vpc.main_route_table, "VPC " + vpc.id + "'s main route table"));
            head.push_back({vpc.loc, "no explicit route table association: it uses VPC " + vpc.id + "'s main route table"});
        }
        std::vector<Outcome> all;
        for (uint32_t t : tables) {
            if (t >= m_.route_tables.size()) return unknown("its route table is not in the model");
            all.push_back(judge_table(s, t, nested));
        }
        return merge(std::move(all), "route table");
    }

    Outcome judge_table(uint32_t s, uint32_t t, bool nested) {
        const RouteTable& rt = m_.route_tables[t];
        const TableDefault& d = defaults_[t];
        Outcome o;
        o.route_table = static_cast<int>(t);
        if (d.duplicate) {
            o.reason = "route table " + rt.id + " has two 0.0.0.0/0 routes";
            return o;
        }
        if (d.route < 0) {
            if (d.maybe || maybe_default_[t] || stray_default_route_) {
                o.reason = "route table " + rt.id + " may have a 0.0.0.0/0 route the model cannot see";
                return o;
            }
            o.steps.push_back({rt.loc, "route table " + rt.id + " has no 0.0.0.0/0 route"});
            o.verdict = Egress::None;
            o.reason = "route table " + rt.id + " has no 0.0.0.0/0 route";
            return o;
        }
        // A known default route wins: a second one, wherever it comes from,
        // would make the stack fail ("route already exists").
        o.default_route = d.route;
        const Route& route = m_.routes[d.route];
        o.steps.push_back({rt.loc, "route table " + rt.id});
        o.steps.push_back({route.loc, "route " + route.id + ": 0.0.0.0/0 -> " +
                                          std::string(route_target_name(route.target_kind)) + " " + target_name(route)});
        Outcome target = judge_route(s, rt, route, nested);
        o.verdict = target.verdict;
        o.reason = std::move(target.reason);
        o.chain_subnet = target.chain_subnet;
        for (RelatedLocation& r : target.steps) o.steps.push_back(std::move(r));
        return o;
    }

    std::string target_name(const Route& r) const {
        if (!r.target.resolved()) return r.target.text;
        switch (r.target_kind) {
            case RouteTarget::InternetGateway: return m_.internet_gateways[r.target.index].id;
            case RouteTarget::NatGateway: return m_.nat_gateways[r.target.index].id;
            case RouteTarget::Instance: return m_.instances[r.target.index].id;
            default: return r.target.text;
        }
    }

    Outcome judge_route(uint32_t s, const RouteTable& rt, const Route& route, bool nested) {
        std::string kind(route_target_name(route.target_kind));
        if (nested && (route.target_kind == RouteTarget::NatGateway || route.target_kind == RouteTarget::Instance))
            return nested_nat(s, route, kind);
        size_t limit = 0;
        switch (route.target_kind) {
            case RouteTarget::InternetGateway: limit = m_.internet_gateways.size(); break;
            case RouteTarget::NatGateway: limit = m_.nat_gateways.size(); break;
            case RouteTarget::Instance: limit = m_.instances.size(); break;
            default:
                // Transit and VPN gateways, peering, interfaces, firewall
                // endpoints...: what lies beyond is outside the model.
                return unknown("route table " + rt.id + " sends 0.0.0.0/0 to a " + kind +
                               ", whose path to the internet the model cannot see");
        }
        std::vector<uint32_t> targets = targets_of(route.target);
        if (targets.empty()) return unknown(link_problem(route.target, "the " + kind + " of route " + route.id));
        std::vector<Outcome> all;
        for (uint32_t x : targets) {
            if (x >= limit) return unknown("the " + kind + " of route " + route.id + " is not in the model");
            switch (route.target_kind) {
                case RouteTarget::InternetGateway: all.push_back(judge_igw(s, rt, x)); break;
                case RouteTarget::NatGateway: all.push_back(judge_nat_gateway(s, x)); break;
                default: all.push_back(judge_instance(s, x)); break;
            }
        }
        return merge(std::move(all), kind);
    }

    // A NAT's subnet that itself routes through a NAT: a loop back into the
    // same subnet is certain to go nowhere; anything longer is left unknown
    // (through() closes loops of two).
    Outcome nested_nat(uint32_t s, const Route& route, const std::string& kind) {
        std::vector<uint32_t> targets = targets_of(route.target);
        int next = -1;
        if (targets.size() == 1) {
            const Link* sub = nullptr;
            if (route.target_kind == RouteTarget::NatGateway && targets[0] < m_.nat_gateways.size())
                sub = &m_.nat_gateways[targets[0]].subnet;
            if (route.target_kind == RouteTarget::Instance && targets[0] < m_.instances.size())
                sub = &m_.instances[targets[0]].subnet;
            if (sub && sub->resolved()) next = static_cast<int>(sub->index);
        }
        Outcome o;
        if (next == static_cast<int>(s)) {
            o.verdict = Egress::None;
            o.reason = "subnet " + m_.subnets[s].id + " sends 0.0.0.0/0 to a " + kind + " inside itself, a loop";
            return o;
        }
        o.reason = "subnet " + m_.subnets[s].id + " itself sends 0.0.0.0/0 through a " + kind;
        o.chain_subnet = next;
        return o;
    }

    Outcome judge_igw(uint32_t s, const RouteTable& rt, uint32_t x) {
        const InternetGateway& igw = m_.internet_gateways[x];
        // A subnet's route table is in the subnet's VPC (AWS refuses an
        // association across VPCs), so the subnet's VPC stands in for an
        // unresolved table VPC.
        const Link& vpc = rt.vpc.resolved() ? rt.vpc : m_.subnets[s].vpc;
        if (!vpc.resolved()) return unknown(link_problem(rt.vpc, "the VPC of route table " + rt.id));
        const std::string& vpc_id = m_.vpcs[vpc.index].id;
        Outcome o;
        switch (igw_attached(out_, x, vpc.index)) {
            case Tri::Yes:
                o.steps.push_back({igw.loc, "internet gateway " + igw.id + ", attached to VPC " + vpc_id});
                o.verdict = Egress::Public;
                o.reason = "route table " + rt.id + " sends 0.0.0.0/0 to internet gateway " + igw.id;
                break;
            case Tri::No:
                o.steps.push_back({igw.loc, "internet gateway " + igw.id + " is not attached to VPC " + vpc_id +
                                                ": the route leads nowhere"});
                o.verdict = Egress::None;
                o.reason = "internet gateway " + igw.id + " is not attached to VPC " + vpc_id;
                break;
            case Tri::Unknown:
                o.reason = "whether internet gateway " + igw.id + " is attached to VPC " + vpc_id + " is unknown";
                break;
        }
        return o;
    }

    Outcome judge_nat_gateway(uint32_t s, uint32_t x) {
        const NatGateway& nat = m_.nat_gateways[x];
        std::string what = "NAT gateway " + nat.id;
        if (nat.connectivity.present && !nat.connectivity.known)
            return unknown(what + "'s connectivity type is unknown");
        bool is_private = nat.connectivity.is("private");
        if (nat.regional) return unknown(what + " is regional: its path to the internet is not modelled");
        if (!nat.subnet.resolved()) return unknown(link_problem(nat.subnet, what + "'s subnet"));
        Outcome o;
        o.steps.push_back({nat.loc, what + (is_private ? " (private)" : "") + " in subnet " + m_.subnets[nat.subnet.index].id});
        return through(std::move(o), s, nat.subnet.index, what, is_private);
    }

    Outcome judge_instance(uint32_t s, uint32_t x) {
        const Instance& inst = m_.instances[x];
        std::string what = "NAT instance " + inst.id;
        if (inst.source_dest_check.value == Tri::Unknown)
            return unknown("instance " + inst.id + "'s source/destination check is unknown");
        Outcome o;
        if (inst.source_dest_check.value == Tri::Yes) {
            // EC2 drops traffic an instance neither sent nor receives unless
            // the check is off (VPC User Guide, "NAT instances").
            o.steps.push_back({inst.source_dest_check.present ? inst.source_dest_check.loc : inst.loc,
                               "instance " + inst.id + " has its source/destination check on: it forwards nothing"});
            o.verdict = Egress::None;
            o.reason = "instance " + inst.id + " has its source/destination check on";
            return o;
        }
        if (!inst.subnet.resolved()) return unknown(link_problem(inst.subnet, what + "'s subnet"));
        o.steps.push_back({inst.loc, what + " in subnet " + m_.subnets[inst.subnet.index].id});
        return through(std::move(o), s, inst.subnet.index, what, false);
    }

    // A NAT reaches the internet only from a public subnet whose internet
    // gateway is attached to its VPC (VPC User Guide, "NAT gateways").
    Outcome through(Outcome o, uint32_t s, uint32_t nat_subnet, const std::string& what, bool is_private) {
        const std::string& sid = m_.subnets[nat_subnet].id;
        const Outcome& n = direct(nat_subnet);
        for (const RelatedLocation& r : n.steps) o.steps.push_back(r);
        if (n.chain_subnet == static_cast<int>(s)) {
            o.verdict = Egress::None;
            o.reason = what + " sits in subnet " + sid + ", which sends 0.0.0.0/0 back into subnet " + m_.subnets[s].id +
                       ", a loop";
            return o;
        }
        switch (n.verdict) {
            case Egress::Public:
                if (is_private) {
                    // A private NAT gateway has no Elastic IP: the internet
                    // gateway drops what it sends.
                    o.verdict = Egress::None;
                    o.reason = what + " is private: it gives no internet access";
                } else {
                    o.verdict = Egress::Internet;
                    o.reason = "0.0.0.0/0 goes to " + what + " in public subnet " + sid;
                }
                return o;
            case Egress::None:
                o.verdict = Egress::None;
                o.reason = what + " sits in subnet " + sid + ", which has no way to the internet (" + n.reason + ")";
                return o;
            case Egress::Internet:
            case Egress::Unknown:
                o.reason = what + " sits in subnet " + sid + ", whose egress is unknown (" + n.reason + ")";
                return o;
        }
        return o;
    }

    const Model& m_;
    EgressAnalysis& out_;
    std::vector<int> explicit_;  // subnet -> its association, -1 none
    std::vector<bool> ambiguous_, maybe_associated_, maybe_default_;
    bool stray_association_ = false, stray_default_route_ = false;
    std::vector<TableDefault> defaults_;
    std::vector<Outcome> direct_;   // memo of direct()
    std::vector<bool> direct_done_;
};

}  // namespace

EgressAnalysis compute_egress(const Model& model) {
    EgressAnalysis out;
    EgressSolver(model, out).run();
    return out;
}

}  // namespace vpclint
