#include "core/explain_function.h"

namespace vpclint {

namespace {

std::string at(const Location& l) {
    if (!l.known()) return "(position unknown)";
    return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.col);
}

std::string outside(const Link& l, const char* kind) {
    switch (l.state) {
        case LinkState::Absent: return "(not set)";
        case LinkState::External: return l.text + " (a " + std::string(kind) + " outside the model)";
        case LinkState::Unknown: return "unknown (" + l.text + ")";
        case LinkState::Resolved: break;
    }
    return {};
}

// Terraform names inline routes `aws_route_table.public[0].route[0]`, a name
// no one wrote: say "inline route 0.0.0.0/0 of aws_route_table.public[0]".
std::string readable_routes(const Model& m, std::string text) {
    for (const Route& r : m.routes) {
        if (!r.inline_route || !r.route_table.resolved() || r.route_table.index >= m.route_tables.size()) continue;
        const std::string& table = m.route_tables[r.route_table.index].id;
        if (r.id.rfind(table + ".route", 0) != 0) continue;  // CloudFormation ids are names people wrote
        const Text& dest = r.destination_cidr.present ? r.destination_cidr
                           : r.destination_ipv6.present ? r.destination_ipv6 : r.destination_prefix_list;
        std::string readable = "inline route " + (dest.known ? dest.value + " " : std::string()) + "of " + table;
        size_t pos = text.find(r.id);
        while (pos != std::string::npos) {
            size_t end = pos + r.id.size();
            if (end < text.size() && text[end] == '[') {  // an id that only starts the same
                pos = text.find(r.id, end);
                continue;
            }
            // "route X" -> "inline route ... of T", never "route inline route".
            size_t start = pos >= 6 && text.compare(pos - 6, 6, "route ") == 0 ? pos - 6 : pos;
            text.replace(start, end - start, readable);
            pos = text.find(r.id, start + readable.size());
        }
    }
    return text;
}

std::string vpc_of(const Model& m, const Link& vpc) {
    return vpc.resolved() ? "VPC " + m.vpcs[vpc.index].id : "VPC " + outside(vpc, "VPC");
}

std::string list_header(const char* what, const LinkList& l) {
    std::string s = std::string("  ") + what + " at " + at(l.loc);
    if (!l.present) return s + ": (not set)\n";
    if (!l.complete) s += " (not fully known: " + l.reason + ")";
    return s + ":\n";
}

void explain_subnets(const Model& m, const Analyses& a, const Function& f, std::string& s) {
    s += list_header("subnets", f.subnets);
    for (const Link& l : f.subnets.items) {
        if (!l.resolved()) {
            s += "    - " + outside(l, "subnet") + ": egress unknown\n";
            continue;
        }
        const Subnet& sub = m.subnets[l.index];
        const SubnetEgress& e = egress_of_subnet(a.egress, l.index);
        s += "    - " + sub.id + " (" + vpc_of(m, sub.vpc) + "): " + std::string(egress_name(e.verdict)) + ", " +
             readable_routes(m, e.reason) + "\n";
        for (const RelatedLocation& p : e.path) s += "        " + at(p.loc) + "  " + readable_routes(m, p.message) + "\n";
    }
}

void explain_groups(const Model& m, const Function& f, std::string& s) {
    s += list_header("security groups", f.security_groups);
    for (const Link& l : f.security_groups.items) {
        if (!l.resolved()) {
            // A group outside the model has rules the model cannot see.
            s += "    - " + outside(l, "security group") + ": its rules are unknown\n";
            continue;
        }
        const SecurityGroup& g = m.security_groups[l.index];
        s += "    - " + g.id + " (" + vpc_of(m, g.vpc) + ") at " + at(g.loc) + "\n";
    }
}

// One line that answers "can it reach the internet?" from the verdicts.
std::string egress_summary(const Analyses& a, uint32_t function) {
    const FunctionEgress& fe = egress_of_function(a.egress, function);
    int internet = 0, without = 0, unknown = 0;
    for (uint32_t s : fe.subnets) {
        Egress v = egress_of_subnet(a.egress, s).verdict;
        if (v == Egress::Internet) ++internet;
        else if (v == Egress::Unknown) ++unknown;
        else ++without;
    }
    if (!fe.all_subnets_known) ++unknown;
    if (internet && !without && !unknown) return "reaches the internet from every subnet";
    if (without && !internet && !unknown) return "reaches the internet from none of its subnets";
    if (internet && without) return "reaches the internet from some subnets only";
    return "unknown (some subnets are outside the model or their routes cannot be told)";
}

// How each needed service is reached from each subnet (VL401-VL404).
void explain_service_reach(const Model& m, const Analyses& a, uint32_t function, std::string& s) {
    if (!egress_of_function(a.egress, function).vpc_function) return;
    std::vector<FunctionServiceReach> reach = function_service_reach(m, a.egress, a.needs, a.endpoints, function, &a.groups);
    if (reach.empty()) return;
    s += "  AWS services from its subnets:\n";
    for (const FunctionServiceReach& r : reach) {
        s += "    " + r.need->service + ": " +
             (r.reachable == Tri::Yes ? "reachable" : r.reachable == Tri::No ? "NOT reachable" : "unknown") +
             (r.judged ? "" : " (not judged: " + r.why_not_judged + ")") + "\n";
        for (size_t k = 0; k < r.subnets.size() && k < r.per_subnet.size(); ++k)
            s += "      - " + m.subnets[r.subnets[k]].id + ": " + r.per_subnet[k].reason + "\n";
    }
}

}  // namespace

std::string explain_function(const Model& m, const Analyses& a, std::string_view function_id) {
    for (uint32_t i = 0; i < m.functions.size(); ++i) {
        const Function& f = m.functions[i];
        if (f.id != function_id) continue;
        std::string s = "function " + f.id + " (" + f.type + ") at " + at(f.loc) + "\n";
        if (!m.scenario.empty()) s += "  scenario: " + m.scenario + "\n";
        if (!f.has_vpc_config) {
            s += "  VpcConfig: not set: it runs in a Lambda-owned VPC and reaches the internet and public AWS "
                 "endpoints, but none of your private resources\n";
        } else if (!egress_of_function(a.egress, i).vpc_function) {
            s += "  VpcConfig at " + at(f.vpc_config_loc) +
                 ": not a VPC function (its subnet or security group list is empty)\n";
            explain_subnets(m, a, f, s);
            explain_groups(m, f, s);
        } else {
            s += "  VpcConfig at " + at(f.vpc_config_loc) + ": VPC function\n";
            explain_subnets(m, a, f, s);
            explain_groups(m, f, s);
            s += "  internet egress: " + egress_summary(a, i) + "\n";
        }
        s += "  role: " + (f.role.resolved() ? m.roles[f.role.index].id + " at " + at(m.roles[f.role.index].loc)
                                             : outside(f.role, "role")) +
             "\n";
        const FunctionNeeds& needs = needs_of_function(a.needs, i);
        if (needs.internet.empty() && needs.services.empty()) {
            s += "  needs: no evidence that it calls the internet or an AWS service\n";
            return s;
        }
        s += "  needs:\n";
        for (const Evidence& e : needs.internet)
            s += "    internet (" + std::string(e.strong ? "strong" : "weak") + "): " + e.phrase + ", " + at(e.loc) + "\n";
        for (const ServiceNeed& n : needs.services) {
            s += "    " + n.service + " (" + std::string(n.strong ? "strong" : "weak") + "):\n";
            for (const Evidence& e : n.evidence)
                s += "      - " + std::string(e.strong ? "strong" : "weak") + ": " + e.phrase + ", " + at(e.loc) + "\n";
            if (n.custom_endpoint) s += "      its SDK endpoint is set elsewhere: reachability not judged\n";
        }
        explain_service_reach(m, a, i, s);
        return s;
    }
    return "no function " + std::string(function_id) + "\n";
}

}  // namespace vpclint
