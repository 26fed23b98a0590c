#include "core/egress_analysis.h"

#include <functional>

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

namespace {

bool is_ipv4_default(const Route& r) { return r.destination_cidr.is("0.0.0.0/0"); }

struct TableDefault {
    int route = -1;         // the default route
    bool unknown = false;   // a route whose destination cannot be known
};

class EgressSolver {
public:
    EgressSolver(const Model& m, EgressAnalysis& out) : m_(m), out_(out) {}

    void run() {
        index_attachments();
        index_associations();
        index_defaults();
        out_.subnets.resize(m_.subnets.size());
        state_.assign(m_.subnets.size(), 0);
        for (uint32_t s = 0; s < m_.subnets.size(); ++s) solve(s);
    }

private:
    void index_attachments() {
        out_.igw_vpcs.assign(m_.internet_gateways.size(), {});
        out_.igw_attachment_unknown.assign(m_.internet_gateways.size(), false);
        for (const GatewayAttachment& a : m_.gateway_attachments) {
            if (a.internet_gateway.absent()) continue;  // a VPN gateway attachment
            if (!a.internet_gateway.resolved()) {
                // Some gateway of the model may be attached here.
                if (a.internet_gateway.state == LinkState::Unknown) out_.some_attachment_unknown = true;
                continue;
            }
            if (a.vpc.resolved()) out_.igw_vpcs[a.internet_gateway.index].push_back(a.vpc.index);
            else out_.igw_attachment_unknown[a.internet_gateway.index] = true;
        }
    }

    void index_associations() {
        explicit_.assign(m_.subnets.size(), -1);
        association_of_.assign(m_.subnets.size(), -1);
        ambiguous_.assign(m_.subnets.size(), false);
        for (uint32_t i = 0; i < m_.subnet_associations.size(); ++i) {
            const SubnetAssociation& a = m_.subnet_associations[i];
            if (!a.subnet.resolved()) {
                // It may associate any subnet: those without another
                // association cannot rely on the main route table.
                if (!a.subnet.absent()) unknown_association_ = true;
                continue;
            }
            uint32_t s = a.subnet.index;
            int table = a.route_table.resolved() ? static_cast<int>(a.route_table.index) : -2;
            if (explicit_[s] != -1 && explicit_[s] != table) ambiguous_[s] = true;
            explicit_[s] = table;
            association_of_[s] = static_cast<int>(i);
        }
    }

    void index_defaults() {
        defaults_.assign(m_.route_tables.size(), {});
        for (uint32_t t = 0; t < m_.route_tables.size(); ++t) {
            TableDefault& d = defaults_[t];
            for (uint32_t r : m_.route_tables[t].routes) {
                const Route& route = m_.routes[r];
                if (route.destination_cidr.present && !route.destination_cidr.known) d.unknown = true;
                if (!is_ipv4_default(route)) continue;
                if (d.route >= 0) {
                    out_.duplicate_default_routes.push_back({t, static_cast<uint32_t>(d.route), r});
                    d.unknown = true;  // which one wins is not defined
                    continue;
                }
                d.route = static_cast<int>(r);
            }
        }
    }

    void set(uint32_t s, Egress v, std::string reason) {
        out_.subnets[s].verdict = v;
        out_.subnets[s].reason = std::move(reason);
    }

    void step(uint32_t s, const Location& loc, std::string msg) { out_.subnets[s].path.push_back({loc, std::move(msg)}); }

    // Appends the path of subnet `from` to the path of subnet `s`.
    void follow(uint32_t s, uint32_t from) {
        for (const RelatedLocation& r : out_.subnets[from].path) out_.subnets[s].path.push_back(r);
    }

    void solve(uint32_t s) {
        if (state_[s] == 2) return;
        if (state_[s] == 1) {  // a cycle through NAT subnets: nothing reaches the internet
            return;
        }
        state_[s] = 1;
        compute(s);
        state_[s] = 2;
    }

    void compute(uint32_t s) {
        const Subnet& sub = m_.subnets[s];
        step(s, sub.loc, "subnet " + sub.id);
        // The effective route table: the explicit association, else the main one.
        int table = -1;
        if (ambiguous_[s]) return set(s, Egress::Unknown, "it is associated with more than one route table");
        if (explicit_[s] == -2) return set(s, Egress::Unknown, "its route table association cannot be resolved");
        if (explicit_[s] >= 0) {
            table = explicit_[s];
            const SubnetAssociation& a = m_.subnet_associations[association_of_[s]];
            step(s, a.loc, "associated with route table " + m_.route_tables[table].id + " by " + a.id);
        } else {
            if (unknown_association_)
                return set(s, Egress::Unknown, "an association whose subnet cannot be resolved may apply to it");
            if (!sub.vpc.resolved())
                return set(s, Egress::Unknown, "it has no explicit route table and its VPC's main route table is unknown");
            const Vpc& vpc = m_.vpcs[sub.vpc.index];
            if (vpc.main_route_table.absent()) {
                // A VPC created here gets a main route table with only the
                // local route (VPC User Guide, "Main route table").
                step(s, vpc.loc, "no explicit route table: VPC " + vpc.id + "'s main route table has only the local route");
                return set(s, Egress::None, "it uses the main route table of VPC " + vpc.id + ", which has no default route");
            }
            if (!vpc.main_route_table.resolved())
                return set(s, Egress::Unknown, "its VPC's main route table is not in the model");
            table = static_cast<int>(vpc.main_route_table.index);
            step(s, m_.route_tables[table].loc, "main route table " + m_.route_tables[table].id + " of VPC " + vpc.id);
        }
        out_.subnets[s].route_table = table;
        const RouteTable& rt = m_.route_tables[table];
        const TableDefault& d = defaults_[table];
        if (d.route < 0) {
            if (d.unknown) return set(s, Egress::Unknown, "route table " + rt.id + " has routes whose destination is unknown");
            step(s, rt.loc, "route table " + rt.id + " has no 0.0.0.0/0 route");
            return set(s, Egress::None, "route table " + rt.id + " has no default route");
        }
        if (d.unknown) return set(s, Egress::Unknown, "route table " + rt.id + " has an ambiguous default route");
        out_.subnets[s].default_route = d.route;
        const Route& route = m_.routes[d.route];
        step(s, route.loc, "route 0.0.0.0/0 in " + rt.id + " -> " + std::string(route_target_name(route.target_kind)) +
                               (route.target.resolved() || route.target.state == LinkState::External ? " " + target_name(route) : ""));
        judge_target(s, rt, route);
    }

    std::string target_name(const Route& r) const {
        if (r.target.state == LinkState::External) return r.target.text;
        if (!r.target.resolved()) return r.target.text;
        switch (r.target_kind) {
            case RouteTarget::InternetGateway: return m_.internet_gateways[r.target.index].id;
            case RouteTarget::NatGateway: return m_.nat_gateways[r.target.index].id;
            case RouteTarget::Instance: return m_.instances[r.target.index].id;
            default: return r.target.text;
        }
    }

    void judge_target(uint32_t s, const RouteTable& rt, const Route& route) {
        std::string target = std::string(route_target_name(route.target_kind));
        switch (route.target_kind) {
            case RouteTarget::InternetGateway: {
                if (!route.target.resolved())
                    return set(s, Egress::Unknown, "the internet gateway " + route.target.text + " is not in the model");
                const InternetGateway& igw = m_.internet_gateways[route.target.index];
                Link vpc = rt.vpc.resolved() ? rt.vpc : m_.subnets[s].vpc;
                if (!vpc.resolved()) return set(s, Egress::Unknown, "the route table's VPC is not in the model");
                switch (igw_attached(out_, route.target.index, vpc.index)) {
                    case Tri::Yes:
                        step(s, igw.loc, "internet gateway " + igw.id + ", attached to " + m_.vpcs[vpc.index].id);
                        return set(s, Egress::Public, "route table " + rt.id + " sends 0.0.0.0/0 to internet gateway " + igw.id);
                    case Tri::No:
                        step(s, igw.loc, "internet gateway " + igw.id + " is not attached to " + m_.vpcs[vpc.index].id);
                        return set(s, Egress::None, "internet gateway " + igw.id + " is not attached to the VPC");
                    case Tri::Unknown:
                        return set(s, Egress::Unknown, "whether internet gateway " + igw.id + " is attached is unknown");
                }
                return;
            }
            case RouteTarget::NatGateway: {
                if (!route.target.resolved())
                    return set(s, Egress::Unknown, "the NAT gateway " + route.target.text + " is not in the model");
                const NatGateway& nat = m_.nat_gateways[route.target.index];
                if (nat.connectivity.present && !nat.connectivity.known)
                    return set(s, Egress::Unknown, "NAT gateway " + nat.id + "'s connectivity type is unknown");
                if (nat.connectivity.is("private")) {
                    step(s, nat.loc, "NAT gateway " + nat.id + " is private: it gives no internet access");
                    return set(s, Egress::None, "NAT gateway " + nat.id + " is private");
                }
                if (nat.regional || !nat.subnet.resolved())
                    return set(s, Egress::Unknown, "NAT gateway " + nat.id + "'s own subnet is not in the model");
                step(s, nat.loc, "NAT gateway " + nat.id + " in subnet " + m_.subnets[nat.subnet.index].id);
                return through(s, nat.subnet.index, "NAT gateway " + nat.id);
            }
            case RouteTarget::Instance: {
                if (!route.target.resolved())
                    return set(s, Egress::Unknown, "the instance " + route.target.text + " is not in the model");
                const Instance& inst = m_.instances[route.target.index];
                if (inst.source_dest_check.value == Tri::Unknown)
                    return set(s, Egress::Unknown, "instance " + inst.id + "'s source/destination check is unknown");
                if (inst.source_dest_check.value == Tri::Yes) {
                    step(s, inst.loc, "instance " + inst.id + " has its source/destination check on: it forwards nothing");
                    return set(s, Egress::None, "NAT instance " + inst.id + " has its source/destination check on");
                }
                if (!inst.subnet.resolved())
                    return set(s, Egress::Unknown, "instance " + inst.id + "'s subnet is not in the model");
                step(s, inst.loc, "NAT instance " + inst.id + " in subnet " + m_.subnets[inst.subnet.index].id);
                return through(s, inst.subnet.index, "NAT instance " + inst.id);
            }
            default:
                return set(s, Egress::Unknown, "route table " + rt.id + " sends 0.0.0.0/0 to a " + target);
        }
    }

    // A NAT reaches the internet only from a public subnet.
    void through(uint32_t s, uint32_t nat_subnet, const std::string& what) {
        solve(nat_subnet);
        if (state_[nat_subnet] != 2) return set(s, Egress::None, what + " routes back into a loop");
        const SubnetEgress& n = out_.subnets[nat_subnet];
        follow(s, nat_subnet);
        switch (n.verdict) {
            case Egress::Public: return set(s, Egress::Internet, "0.0.0.0/0 goes to " + what + " in public subnet " + m_.subnets[nat_subnet].id);
            case Egress::Unknown: return set(s, Egress::Unknown, what + "'s subnet has unknown egress");
            default: return set(s, Egress::None, what + " sits in subnet " + m_.subnets[nat_subnet].id + ", which has no route to an internet gateway");
        }
    }

    const Model& m_;
    EgressAnalysis& out_;
    std::vector<int> explicit_, association_of_;
    std::vector<bool> ambiguous_;
    std::vector<TableDefault> defaults_;
    std::vector<uint8_t> state_;
    bool unknown_association_ = false;
};

}  // namespace

EgressAnalysis compute_egress(const Model& model) {
    EgressAnalysis out;
    EgressSolver(model, out).run();
    return out;
}

}  // namespace vpclint
