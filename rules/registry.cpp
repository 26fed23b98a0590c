#include <algorithm>
#include <array>

#include "core/rule.h"

namespace vpclint {

#define VPCLINT_RULE(ns)                          \
    namespace rules::ns {                          \
    extern const RuleDescriptor descriptor;        \
    void check(const RuleContext& ctx);            \
    }
#include "rules/rule_list.h"
#undef VPCLINT_RULE

namespace {
const std::array kRules = {
#define VPCLINT_RULE(ns) Rule{&rules::ns::descriptor, &rules::ns::check},
#include "rules/rule_list.h"
#undef VPCLINT_RULE
};
}  // namespace

std::span<const Rule> all_rules() { return kRules; }

const Rule* find_rule(std::string_view id) {
    for (const Rule& r : kRules)
        if (r.descriptor->id == id) return &r;
    return nullptr;
}

Diagnostic& RuleContext::report(Severity severity, const Location& loc, std::string resource,
                                std::string message, std::string fix) const {
    Diagnostic& d = out_.emplace_back();
    d.rule_id = std::string(rule.id);
    d.slug = std::string(rule.slug);
    d.severity = severity;
    d.loc = loc;
    d.resource = std::move(resource);
    d.message = std::move(message);
    d.fix = fix.empty() ? std::string(rule.fix) : std::move(fix);
    return d;
}

}  // namespace vpclint
