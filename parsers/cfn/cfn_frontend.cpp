#include "parsers/cfn/cfn_frontend.h"

#include "parsers/cfn/bind_context.h"
#include "parsers/cfn/bind_resources.h"
#include "parsers/cfn/reference_checks.h"
#include "parsers/cfn/scenarios.h"

namespace vpclint {

namespace {

// Metadata: {vpclint: {ignore: [VL101, {rule: VL107, reason: "…"}]}}
std::vector<Suppression> declared_suppressions(const cfn::Template& tpl) {
    std::vector<Suppression> out;
    for (const cfn::ResourceInfo& r : tpl.resources) {
        const Node* vl = r.metadata ? r.metadata->get("vpclint") : nullptr;
        const Node* ignore = vl ? vl->get("ignore") : nullptr;
        if (!ignore) continue;
        std::vector<const Node*> items = ignore->is_sequence() ? ignore->items : std::vector<const Node*>{ignore};
        for (const Node* i : items) {
            Suppression s;
            s.resource = r.id;
            s.loc = tpl.doc->location(*i);
            s.justification = "Metadata vpclint.ignore of " + r.id;
            if (i->is_scalar()) {
                s.rule = i->text;
            } else if (i->is_mapping()) {
                const Node* rule = i->get("rule") ? i->get("rule") : i->get("id");
                if (!rule || !rule->is_scalar()) continue;
                s.rule = rule->text;
                if (const Node* why = i->get("reason"); why && why->is_scalar()) s.justification = why->text;
            }
            if (!s.rule.empty()) out.push_back(std::move(s));
        }
    }
    return out;
}

}  // namespace

std::vector<Model> build_cfn_models(const Document& doc, const FrontendOptions& opts) {
    using namespace cfn;
    std::vector<Problem> problems;
    Template tpl = read_template(doc, opts.parameters, problems);
    check_references(tpl, problems);

    std::vector<const ResourceInfo*> modelled;
    for (const ResourceInfo& r : tpl.resources)
        if (entity_kind_of_type(r.type) != EntityKind::Other) modelled.push_back(&r);
    std::vector<ScenarioChoice> choices = enumerate_scenarios(tpl, conditions_used_by(tpl, modelled), modelled);

    // Name only the conditions that differ between scenarios.
    std::vector<bool> varies(choices.front().conditions.size(), false);
    for (const ScenarioChoice& c : choices)
        for (size_t i = 0; i < c.conditions.size(); ++i)
            if (c.conditions[i].second != choices.front().conditions[i].second) varies[i] = true;

    std::vector<Model> models;
    models.reserve(choices.size());
    for (const ScenarioChoice& choice : choices) {
        Model& m = models.emplace_back();
        m.file = doc.path;
        m.format = InputFormat::CloudFormation;
        Evaluator ev(tpl, choice.scenario);
        bind_resources(tpl, ev, m);
        m.problems = problems;
        m.suppressions = declared_suppressions(tpl);
        for (size_t i = 0; i < choice.conditions.size(); ++i)
            if (varies[i] && choice.conditions[i].second != Tri::Unknown)
                m.conditions.emplace_back(choice.conditions[i].first, choice.conditions[i].second == Tri::Yes);
    }
    return models;
}

}  // namespace vpclint
