#include "parsers/cfn/cfn_frontend.h"

#include "parsers/cfn/bind_context.h"
#include "parsers/cfn/bind_resources.h"
#include "parsers/cfn/reference_checks.h"
#include "parsers/cfn/scenarios.h"

namespace vpclint {

std::vector<Model> build_cfn_models(const Document& doc, const FrontendOptions& opts) {
    using namespace cfn;
    std::vector<Problem> problems;
    Template tpl = read_template(doc, opts.parameters, problems);
    check_references(tpl, problems);

    std::vector<const ResourceInfo*> modelled;
    for (const ResourceInfo& r : tpl.resources)
        if (entity_kind_of_type(r.type) != EntityKind::Other) modelled.push_back(&r);
    std::vector<ScenarioChoice> choices = enumerate_scenarios(tpl, conditions_used_by(tpl, modelled));

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
        for (size_t i = 0; i < choice.conditions.size(); ++i)
            if (varies[i] && choice.conditions[i].second != Tri::Unknown)
                m.conditions.emplace_back(choice.conditions[i].first, choice.conditions[i].second == Tri::Yes);
    }
    return models;
}

}  // namespace vpclint
