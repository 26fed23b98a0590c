#include "parsers/cfn/cfn_frontend.h"

#include "parsers/cfn/bind_context.h"
#include "parsers/cfn/bind_resources.h"
#include "parsers/cfn/reference_checks.h"
#include "parsers/cfn/scenario_slices.h"
#include "parsers/cfn/scenarios.h"
#include "parsers/cfn/template_paths.h"

namespace vpclint {

namespace {

// Metadata: {vpclint: {ignore: [VL101, {rule: VL107, reason: "…"}]}}
std::vector<Suppression> declared_suppressions(const cfn::Template& tpl) {
    std::vector<Suppression> out;
    for (const cfn::ResourceInfo& r : tpl.resources) {
        const Node* vl = r.metadata ? r.metadata->get("vpclint") : nullptr;
        const Node* ignore = vl ? vl->get("ignore") : nullptr;
        if (!ignore) continue;
        std::vector<const Node*> items = ignore->is_sequence() ? std::vector<const Node*>(ignore->items.begin(), ignore->items.end()) : std::vector<const Node*>{ignore};
        for (const Node* i : items) {
            Suppression s;
            s.resource = r.id;
            s.loc = cfn::with_path(tpl.doc->location(*i), *tpl.doc);
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

struct CfnScenarios::State {
    const Document* doc = nullptr;
    std::vector<Problem> problems;
    cfn::Template tpl;
    std::vector<cfn::ScenarioChoice> choices;
    std::vector<bool> varies;  // conditions that differ between scenarios
    std::vector<Suppression> suppressions;
};

CfnScenarios::CfnScenarios(const Document& doc, const FrontendOptions& opts) : state_(std::make_unique<State>()) {
    using namespace cfn;
    State& s = *state_;
    s.doc = &doc;
    s.tpl = read_template(doc, opts.parameters, s.problems, opts.unknown_parameters);
    check_references(s.tpl, s.problems);
    std::vector<const ResourceInfo*> modelled;
    for (const ResourceInfo& r : s.tpl.resources)
        if (entity_kind_of_type(r.type) != EntityKind::Other) modelled.push_back(&r);
    s.choices = enumerate_scenarios(s.tpl, conditions_used_by(s.tpl, modelled), modelled);
    // Name only the conditions that differ between scenarios.
    s.varies.assign(s.choices.front().conditions.size(), false);
    for (const ScenarioChoice& c : s.choices)
        for (size_t i = 0; i < c.conditions.size(); ++i)
            if (c.conditions[i].second != s.choices.front().conditions[i].second) s.varies[i] = true;
    s.suppressions = declared_suppressions(s.tpl);
}

CfnScenarios::~CfnScenarios() = default;

namespace {

// The conditions a scenario's model names: those that differ between
// scenarios and are known.
std::vector<std::pair<std::string, bool>> labels_of(const cfn::ScenarioChoice& choice, const std::vector<bool>& varies) {
    std::vector<std::pair<std::string, bool>> out;
    for (size_t i = 0; i < choice.conditions.size(); ++i)
        if (varies[i] && choice.conditions[i].second != Tri::Unknown)
            out.emplace_back(choice.conditions[i].first, choice.conditions[i].second == Tri::Yes);
    return out;
}

}  // namespace

ScenarioSlices CfnScenarios::slices(const std::vector<std::pair<std::string, std::string>>& extra_reads) const {
    const State& s = *state_;
    std::vector<std::vector<std::pair<std::string, bool>>> labels;
    labels.reserve(s.choices.size());
    for (const cfn::ScenarioChoice& c : s.choices) labels.push_back(labels_of(c, s.varies));
    // One scenario is checked once whatever the slices say: no need to
    // evaluate every resource's dependencies (a tenth of a large template's
    // time).
    if (s.choices.size() == 1) {
        ScenarioSlices one;
        one.labels = std::move(labels);
        return one;
    }
    return cfn::slice_scenarios(s.tpl, s.choices, std::move(labels), extra_reads);
}

size_t CfnScenarios::count() const { return state_->choices.size(); }

Model CfnScenarios::scenario(size_t k) const {
    using namespace cfn;
    const State& s = *state_;
    const ScenarioChoice& choice = s.choices[k];
    Model m;
    m.file = s.doc->path;
    m.format = InputFormat::CloudFormation;
    Evaluator ev(s.tpl, choice.scenario);
    bind_resources(s.tpl, ev, m);
    m.problems = s.problems;
    m.suppressions = s.suppressions;
    m.conditions = labels_of(choice, s.varies);
    return m;
}

std::vector<Model> build_cfn_models(const Document& doc, const FrontendOptions& opts) {
    CfnScenarios scenarios(doc, opts);
    std::vector<Model> models;
    models.reserve(scenarios.count());
    for (size_t i = 0; i < scenarios.count(); ++i) models.push_back(scenarios.scenario(i));
    return models;
}

}  // namespace vpclint
