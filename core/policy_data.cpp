#include "core/policy_data.h"

#include <string>

namespace vpclint {

namespace {

Text data_text(std::string_view v, const Location& loc, bool placeholder_is_unknown) {
    Text t;
    t.present = true;
    t.literal = true;
    t.loc = loc;
    t.value = std::string(v);
    t.known = !(placeholder_is_unknown && v.find("${") != std::string_view::npos);
    if (!t.known) t.reason = "filled in by the template that uses the policy";
    return t;
}

}  // namespace

PolicyDocument to_policy_document(const std::vector<PolicyStatementData>& statements,
                                  const Location& loc) {
    PolicyDocument doc;
    doc.present = true;
    doc.known = true;
    doc.loc = loc;
    for (const PolicyStatementData& d : statements) {
        PolicyStatement s;
        s.allow = d.allow;
        s.uses_not_action = d.not_action;
        s.has_condition = d.has_condition;
        s.loc = loc;
        for (std::string_view a : d.actions) s.actions.push_back(data_text(a, loc, false));
        for (std::string_view r : d.resources) s.resources.push_back(data_text(r, loc, true));
        doc.statements.push_back(std::move(s));
    }
    return doc;
}

}  // namespace vpclint
