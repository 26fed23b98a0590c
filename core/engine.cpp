#include "core/engine.h"

#include <algorithm>
#include <map>
#include <tuple>
#include <unordered_map>

#include "core/analyses.h"
#include "core/rule.h"

namespace vpclint {

bool RuleFilter::enabled(std::string_view id) const {
    auto listed = [&](const std::vector<std::string>& ids) {
        return std::any_of(ids.begin(), ids.end(), [&](const std::string& s) {
            // A prefix selects a family: "VL1" selects VL101…VL199.
            return id.rfind(s, 0) == 0;
        });
    };
    if (!select.empty() && !listed(select)) return false;
    return !listed(ignore);
}

namespace {

using FindingKey = std::tuple<std::string, std::string, uint32_t, uint32_t, std::string, std::string>;

FindingKey key_of(const Diagnostic& d) {
    return {d.rule_id, d.loc.file, d.loc.line, d.loc.col, d.resource, d.message};
}

// The smallest set of condition values (greedy) that holds in every scenario
// where the finding appears and rules out the scenarios where it does not.
using Conditions = std::vector<std::pair<std::string, bool>>;

std::string describe_scenario(const std::vector<Conditions>& models, const std::vector<bool>& holds) {
    std::vector<size_t> in, out;
    for (size_t i = 0; i < models.size(); ++i) (holds[i] ? in : out).push_back(i);
    if (out.empty() || in.empty()) return {};
    const auto& conds = models[in.front()];
    std::vector<std::pair<std::string, bool>> chosen;
    std::vector<size_t> remaining = out;
    std::vector<bool> used(conds.size(), false);
    while (!remaining.empty()) {
        size_t best = conds.size(), best_excluded = 0;
        for (size_t c = 0; c < conds.size(); ++c) {
            if (used[c]) continue;
            // A pair, not a structured binding: clang before 16 cannot capture
            // bindings in lambdas.
            const std::pair<std::string, bool>& cond = conds[c];
            bool constant = std::all_of(in.begin(), in.end(), [&](size_t i) {
                const auto& mc = models[i];
                return std::find(mc.begin(), mc.end(), cond) != mc.end();
            });
            if (!constant) continue;
            size_t excluded = std::count_if(remaining.begin(), remaining.end(), [&](size_t i) {
                const auto& mc = models[i];
                return std::find(mc.begin(), mc.end(), cond) == mc.end();
            });
            // `Param=value` entries: "Env is prod" says more than "Env is not dev".
            bool better_name = excluded == best_excluded && excluded > 0 && best < conds.size() && cond.second &&
                               !conds[best].second && cond.first.find('=') != std::string::npos;
            if (excluded > best_excluded || better_name) best = c, best_excluded = excluded;
        }
        if (best == conds.size()) break;
        used[best] = true;
        chosen.push_back(conds[best]);
        const auto pick = conds[best];
        remaining.erase(std::remove_if(remaining.begin(), remaining.end(), [&](size_t i) {
                            const auto& mc = models[i];
                            return std::find(mc.begin(), mc.end(), pick) == mc.end();
                        }),
                        remaining.end());
    }
    std::string s;
    for (size_t i = 0; i < chosen.size(); ++i) {
        if (i) s += i + 1 == chosen.size() ? " and " : ", ";
        // `Param=value` (parameters/cfn scenarios): a mapping key parameter.
        if (size_t eq = chosen[i].first.find('='); eq != std::string::npos)
            s += chosen[i].first.substr(0, eq) + (chosen[i].second ? " is " : " is not ") + chosen[i].first.substr(eq + 1);
        else
            s += chosen[i].first + (chosen[i].second ? " is true" : " is false");
    }
    return s.empty() ? "in some condition scenarios" : "when " + s;
}

void append_scenario(Diagnostic& d, const std::string& scenario) {
    if (scenario.empty()) return;
    if (!d.message.empty() && d.message.back() == '.') {
        d.message.pop_back();
        d.message += " (" + scenario + ").";
    } else {
        d.message += " (" + scenario + ")";
    }
}

}  // namespace

namespace {

// Terraform: with .tf sources found, findings point there and the plan entry
// of the reported resource follows as a related location. Either way the
// finding carries that entry's JSON path; when it points into the plan itself
// (often one minified line), the message names the path too.
void add_plan_locations(const Model& m, std::vector<Diagnostic>& found) {
    if (m.format == InputFormat::CloudFormation) return;
    std::unordered_map<std::string, const Entity*> entities;
    auto index = [&](const auto& list) {
        for (const Entity& e : list)
            if (e.plan_loc.known() || !e.plan_path.empty()) entities.emplace(e.id, &e);
    };
    index(m.functions), index(m.routes), index(m.nat_gateways), index(m.route_tables), index(m.subnets);
    index(m.roles), index(m.security_groups), index(m.vpcs), index(m.instances), index(m.internet_gateways);
    index(m.gateway_attachments), index(m.subnet_associations), index(m.security_group_rules);
    index(m.policies), index(m.vpc_endpoints), index(m.data_stores), index(m.event_source_mappings);
    if (entities.empty()) return;
    for (Diagnostic& d : found) {
        auto it = entities.find(d.resource);
        if (it == entities.end()) continue;
        const Entity& e = *it->second;
        if (e.plan_loc.known()) d.related.push_back({e.plan_loc, "plan entry of " + d.resource});
        if (e.plan_path.empty()) continue;
        d.plan_path = e.plan_path;
        if (d.loc.file != m.file) continue;
        std::string where = " (plan entry " + e.plan_path + ")";
        if (!d.message.empty() && d.message.back() == '.')
            d.message.insert(d.message.size() - 1, where);
        else
            d.message += where;
    }
}

// A finding that points at an entity (its location, a related location or
// a step of its path) also points at where that entity's values came from:
// the module inputs of a Terraform module's resources.
void add_value_origins(const Model& m, std::vector<Diagnostic>& found) {
    if (m.value_origins.empty()) return;
    auto key = [](const Location& l) { return l.file + ":" + std::to_string(l.line) + ":" + std::to_string(l.col); };
    std::unordered_map<std::string, std::vector<const ValueOrigin*>> by_at;
    for (const ValueOrigin& o : m.value_origins) by_at[key(o.at)].push_back(&o);
    for (Diagnostic& d : found) {
        std::vector<const ValueOrigin*> add;
        auto look = [&](const Location& l) {
            auto it = by_at.find(key(l));
            if (it == by_at.end()) return;
            for (const ValueOrigin* o : it->second)
                if (std::find(add.begin(), add.end(), o) == add.end()) add.push_back(o);
        };
        look(d.loc);
        for (const RelatedLocation& r : d.related) look(r.loc);
        for (const RelatedLocation& r : d.path) look(r.loc);
        for (const ValueOrigin* o : add) {
            bool have = std::any_of(d.related.begin(), d.related.end(), [&](const RelatedLocation& r) {
                return key(r.loc) == key(o->origin) && r.message == o->message;
            });
            if (!have) d.related.push_back({o->origin, o->message});
        }
    }
}

}  // namespace

namespace {

// One scenario model's findings, before merging.
std::vector<Diagnostic> findings_of(const Model& m, const RuleFilter& filter) {
    Analyses analyses = compute_analyses(m);
    std::vector<Diagnostic> found;
    for (const Rule& r : all_rules()) {
        if (!filter.enabled(r.descriptor->id)) continue;
        RuleContext ctx(m, analyses, *r.descriptor, found);
        r.check(ctx);
    }
    add_value_origins(m, found);
    add_plan_locations(m, found);
    return found;
}

using Merged = std::map<FindingKey, std::pair<Diagnostic, std::vector<bool>>>;

std::vector<bool>& holds_of(Merged& merged, Diagnostic& d, size_t count) {
    auto [it, inserted] = merged.try_emplace(key_of(d));
    if (inserted) {
        it->second.first = std::move(d);
        it->second.second.assign(count, false);
    }
    return it->second.second;
}

// Findings that hold in the same scenarios get the same words: described
// once per distinct set of scenarios.
std::vector<Diagnostic> describe_merged(Merged& merged, const std::vector<Conditions>& conditions) {
    std::map<std::vector<bool>, std::string> described;
    std::vector<Diagnostic> out;
    out.reserve(merged.size());
    for (auto& [key, entry] : merged) {
        auto [it, inserted] = described.try_emplace(entry.second);
        if (inserted) it->second = describe_scenario(conditions, entry.second);
        append_scenario(entry.first, it->second);
        out.push_back(std::move(entry.first));
    }
    sort_diagnostics(out);
    return out;
}

}  // namespace

std::vector<Diagnostic> check_model_stream(size_t count, const std::function<const Model&(size_t, Model&)>& build,
                                           const RuleFilter& filter, std::vector<Suppression>* suppressions) {
    Merged merged;
    // Only each scenario's condition values are kept: its model and analyses
    // are released before the next one is built.
    std::vector<Conditions> conditions(count);
    for (size_t i = 0; i < count; ++i) {
        Model scratch;
        const Model& m = build(i, scratch);
        conditions[i] = m.conditions;
        if (i == 0 && suppressions) *suppressions = m.suppressions;
        for (Diagnostic& d : findings_of(m, filter)) holds_of(merged, d, count)[i] = true;
    }
    return describe_merged(merged, conditions);
}

namespace {

// Scenarios to check so that every (group, class) pair is seen: scenario 0,
// then greedily the scenario that shows the most pairs not yet seen.
std::vector<size_t> covering_scenarios(const ScenarioSlices& slices) {
    size_t count = slices.labels.size();
    std::vector<std::vector<bool>> seen(slices.classes.size());
    for (size_t g = 0; g < slices.classes.size(); ++g) {
        uint32_t most = 0;
        for (uint32_t c : slices.classes[g]) most = std::max(most, c);
        seen[g].assign(size_t{most} + 1, false);
    }
    std::vector<size_t> order;
    std::vector<bool> chosen(count, false);
    auto take = [&](size_t s) {
        chosen[s] = true;
        order.push_back(s);
        for (size_t g = 0; g < slices.classes.size(); ++g) seen[g][slices.classes[g][s]] = true;
    };
    take(0);
    for (;;) {
        size_t best = count, best_new = 0;
        for (size_t s = 0; s < count; ++s) {
            if (chosen[s]) continue;
            size_t fresh = 0;
            for (size_t g = 0; g < slices.classes.size(); ++g) fresh += !seen[g][slices.classes[g][s]];
            if (fresh > best_new) best = s, best_new = fresh;
        }
        if (best == count) break;
        take(best);
    }
    return order;
}

}  // namespace

std::vector<Diagnostic> check_scenario_slices(const ScenarioSlices& slices,
                                              const std::function<const Model&(size_t, Model&)>& build,
                                              const RuleFilter& filter, std::vector<Suppression>* suppressions) {
    size_t count = slices.labels.size();
    if (count == 0) return {};
    Merged merged;
    std::vector<bool> checked(count, false);
    bool every_scenario = false;
    auto check_one = [&](size_t s) {
        Model scratch;
        const Model& m = build(s, scratch);
        checked[s] = true;
        if (s == 0 && suppressions) *suppressions = m.suppressions;
        for (Diagnostic& d : findings_of(m, filter)) {
            auto g = slices.group_of.find(d.resource);
            std::vector<bool>& holds = holds_of(merged, d, count);
            holds[s] = true;
            if (g == slices.group_of.end()) {
                every_scenario = true;  // nothing says which scenarios it shares
                continue;
            }
            const std::vector<uint32_t>& cls = slices.classes[g->second];
            for (size_t t = 0; t < count; ++t)
                if (cls[t] == cls[s]) holds[t] = true;
        }
    };
    for (size_t s : covering_scenarios(slices)) check_one(s);
    if (every_scenario)
        for (size_t s = 0; s < count; ++s)
            if (!checked[s]) check_one(s);
    return describe_merged(merged, slices.labels);
}

std::vector<Diagnostic> check_models(const std::vector<Model>& models, const RuleFilter& filter) {
    return check_model_stream(models.size(), [&](size_t i, Model&) -> const Model& { return models[i]; }, filter,
                              nullptr);
}

void apply_suppressions(std::vector<Diagnostic>& diagnostics, const std::vector<Suppression>& declared,
                        const std::function<std::string(uint32_t line)>& source_line) {
    for (Diagnostic& d : diagnostics) {
        if (d.rule_id == "VL001") continue;  // a file that does not parse cannot be waived
        for (const Suppression& s : declared)
            if (s.resource == d.resource && d.rule_id.rfind(s.rule, 0) == 0) {
                d.suppressed = true;
                d.justification = s.justification;
            }
        if (d.suppressed || !source_line) continue;
        // An inline comment on the reported line: `# vpclint: ignore VL101 [reason]`.
        std::string line = source_line(d.loc.line);
        size_t at = line.find("vpclint: ignore");
        if (at == std::string::npos) at = line.find("vpclint:ignore");
        if (at == std::string::npos) continue;
        std::string rest = line.substr(line.find("ignore", at) + 6);
        size_t b = rest.find_first_not_of(' ');
        if (b == std::string::npos) continue;
        size_t e = rest.find_first_of(" ,", b);
        std::string ids = rest.substr(b, e == std::string::npos ? std::string::npos : e - b);
        if (d.rule_id.rfind(ids, 0) == 0 || ids == "all") {
            d.suppressed = true;
            size_t r = e == std::string::npos ? std::string::npos : rest.find_first_not_of(" ,", e);
            // The reason ends where another comment starts (`# vpclint: ignore
            // VL504  # TODO` gives none).
            std::string reason = r == std::string::npos ? std::string() : rest.substr(r, rest.find('#', r) - r);
            while (!reason.empty() && (reason.back() == ' ' || reason.back() == '\t' || reason.back() == '\r'))
                reason.pop_back();
            d.justification = reason.empty() ? "inline comment" : reason;
        }
    }
}

}  // namespace vpclint
