#include "rules/subnet_verdicts.h"

#include <algorithm>

namespace vpclint::rules {

FunctionSubnets subnet_verdicts(const RuleContext& ctx, const Function& f) {
    FunctionSubnets out;
    out.all_known = f.subnets.complete;
    for (const Link& l : f.subnets.items) {
        if (!l.resolved()) {
            out.all_known = false;
            continue;
        }
        bool dup = std::any_of(out.known.begin(), out.known.end(), [&](const SubnetVerdict& v) { return v.subnet == l.index; });
        if (!dup) out.known.push_back({l.index, &ctx.analyses.egress.subnets[l.index]});
    }
    return out;
}

std::string join_names(const std::vector<std::string>& names) {
    std::string out;
    for (size_t i = 0; i < names.size(); ++i) {
        if (i) out += i + 1 == names.size() ? " and " : ", ";
        out += names[i];
    }
    return out;
}

std::vector<RelatedLocation> function_path(const RuleContext& ctx, const Function& f, const SubnetVerdict& v) {
    std::vector<RelatedLocation> path;
    path.push_back({f.subnets.loc, "function " + f.id + " is placed in subnet " + ctx.model.subnets[v.subnet].id});
    for (const RelatedLocation& r : v.egress->path) path.push_back(r);
    return path;
}

std::string internet_evidence(const RuleContext& ctx, uint32_t function_index, bool strong_only) {
    for (const Evidence& e : ctx.analyses.needs.functions[function_index].internet)
        if (e.strong || !strong_only) return e.phrase;
    return {};
}

}  // namespace vpclint::rules
