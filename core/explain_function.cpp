#include "core/explain_function.h"

namespace vpclint {

namespace {

std::string at(const Location& l) {
    return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.col);
}

std::string link_text(const Model& m, const Link& l, const char* kind) {
    switch (l.state) {
        case LinkState::Absent: return "(not set)";
        case LinkState::External: return l.text + " (" + kind + " outside the model: its routes are unknown)";
        case LinkState::Unknown: return "unknown: " + l.text;
        case LinkState::Resolved: break;
    }
    if (std::string_view(kind) == "subnet") return m.subnets[l.index].id;
    if (std::string_view(kind) == "security group") return m.security_groups[l.index].id;
    if (std::string_view(kind) == "role") return m.roles[l.index].id;
    return l.text;
}

}  // namespace

std::string explain_function(const Model& m, const Analyses& a, std::string_view function_id) {
    for (size_t i = 0; i < m.functions.size(); ++i) {
        const Function& f = m.functions[i];
        if (f.id != function_id) continue;
        std::string s = "Function " + f.id + " (" + f.type + ") at " + at(f.loc) + "\n";
        if (!f.has_vpc_config) {
            s += "  not attached to a VPC: it reaches the internet and public AWS APIs, not private resources\n";
        } else {
            s += std::string("  VPC function: ") + (is_vpc_function(f) ? "yes" : "no (a subnet or security group list is empty)") +
                 " (VpcConfig at " + at(f.vpc_config_loc) + ")\n";
            s += "  subnets" + std::string(f.subnets.complete ? "" : " (list not fully known: " + f.subnets.reason + ")") + ":\n";
            for (const Link& l : f.subnets.items) {
                s += "    - " + link_text(m, l, "subnet");
                if (l.resolved()) {
                    const SubnetEgress& e = a.egress.subnets[l.index];
                    s += ": " + std::string(egress_name(e.verdict)) + " (" + e.reason + ")\n";
                    for (const RelatedLocation& p : e.path) s += "        " + at(p.loc) + "  " + p.message + "\n";
                } else {
                    s += "\n";
                }
            }
            s += "  security groups" +
                 std::string(f.security_groups.complete ? "" : " (list not fully known: " + f.security_groups.reason + ")") + ":\n";
            for (const Link& l : f.security_groups.items) s += "    - " + link_text(m, l, "security group") + "\n";
        }
        s += "  role: " + link_text(m, f.role, "role") + "\n";
        const FunctionNeeds& needs = a.needs.functions[i];
        if (needs.internet.empty() && needs.services.empty()) s += "  needs: no evidence of internet or AWS service use\n";
        for (const Evidence& e : needs.internet)
            s += "  needs the internet (" + std::string(e.strong ? "strong" : "weak") + "): " + e.phrase + " at " + at(e.loc) + "\n";
        for (const std::string& svc : needs.services) s += "  declares it needs AWS service " + svc + "\n";
        return s;
    }
    return "no function " + std::string(function_id) + "\n";
}

}  // namespace vpclint
