#include "parsers/cfn/scenarios.h"

#include <algorithm>
#include <map>
#include <optional>
#include <set>

namespace vpclint::cfn {

namespace {

using Candidates = std::vector<std::optional<std::string>>;

bool is_switch_pseudo(const std::string& name) {
    return name == "AWS::Region" || name == "AWS::AccountId" || name == "AWS::Partition" ||
           name == "AWS::StackName" || name == "AWS::URLSuffix";
}

const NodeText* ref_target(const Node* n) {
    if (n && n->is_mapping() && n->entries.size() == 1 && n->entries[0].key == "Ref" &&
        n->entries[0].value->is_scalar())
        return &n->entries[0].value->text;
    return nullptr;
}

struct AtomScan {
    const Template& tpl;
    std::map<std::string, std::set<std::string>> compared;  // atom -> literals it is compared with
    std::set<std::string> atoms;
    // Parameters with AllowedValues that key an Fn::FindInMap: each allowed
    // key is a scenario of its own (domain.md, "Condition scenarios").
    std::set<std::string> map_keys;

    bool is_atom(const std::string& name) const {
        if (const ParameterInfo* p = tpl.parameter(name)) return !p->user_value && !p->is_ssm();
        return is_switch_pseudo(name);
    }

    void walk(const Node* n, unsigned depth) {
        if (!n || depth > kMaxDepth) return;
        if (const NodeText* t = ref_target(n)) {
            if (is_atom(*t)) atoms.insert(*t);
            return;
        }
        if (n->is_mapping() && n->entries.size() == 1 && n->entries[0].key == "Fn::Equals") {
            const Node* arg = n->entries[0].value;
            if (arg->is_sequence() && arg->items.size() == 2) {
                for (int side = 0; side < 2; ++side) {
                    const NodeText* t = ref_target(arg->items[side]);
                    const Node* other = arg->items[1 - side];
                    if (t && is_atom(*t) && other->is_scalar()) compared[*t].insert(other->text);
                }
            }
        }
        if (n->is_scalar() && n->text.find("${") != std::string::npos) {
            size_t i = 0;
            while ((i = n->text.find("${", i)) != std::string::npos) {
                size_t close = n->text.find('}', i);
                if (close == std::string::npos) break;
                std::string name = n->text.substr(i + 2, close - i - 2);
                if (is_atom(name)) atoms.insert(name);
                i = close;
            }
        }
        for (const Node* c : n->items) walk(c, depth + 1);
        for (const MapEntry& e : n->entries) walk(e.value, depth + 1);
    }

    void walk_find_in_map(const Node* n, unsigned depth) {
        if (!n || depth > kMaxDepth) return;
        if (n->is_mapping() && n->entries.size() == 1 && n->entries[0].key == "Fn::FindInMap" &&
            n->entries[0].value->is_sequence()) {
            const auto& args = n->entries[0].value->items;
            for (size_t i = 0; i < args.size() && i < 3; ++i)
                if (const NodeText* t = ref_target(args[i])) {
                    const ParameterInfo* p = tpl.parameter(*t);
                    if (p && is_atom(*t) && !p->allowed_values.empty() && !p->is_list()) {
                        atoms.insert(*t);
                        map_keys.insert(*t);
                    }
                }
        }
        for (const Node* c : n->items) walk_find_in_map(c, depth + 1);
        for (const MapEntry& e : n->entries) walk_find_in_map(e.value, depth + 1);
    }
};

Candidates candidates_for(const Template& tpl, const std::string& atom, const std::set<std::string>& compared,
                          bool map_key) {
    Candidates out;
    auto add = [&](std::optional<std::string> v) {
        if (std::find(out.begin(), out.end(), v) == out.end()) out.push_back(std::move(v));
    };
    const ParameterInfo* p = tpl.parameter(atom);
    if (p && p->default_value) add(*p->default_value);
    if (p && !p->allowed_values.empty()) {
        if (p->allowed_values.size() <= 6 || map_key) {
            for (const auto& v : p->allowed_values) add(v);
        } else {
            for (const auto& v : p->allowed_values)
                if (compared.count(v)) add(v);
            for (const auto& v : p->allowed_values)
                if (!compared.count(v) && (!p->default_value || v != *p->default_value)) {
                    add(v);
                    break;
                }
        }
        return out;
    }
    for (const auto& v : compared) add(v);
    add(std::nullopt);  // any value the template does not name
    return out;
}

}  // namespace

namespace {

void collect_conditions(const Node* n, std::set<std::string>& out, unsigned depth) {
    if (!n || depth > kMaxDepth) return;
    if (n->is_mapping() && n->entries.size() == 1) {
        const MapEntry& e = n->entries[0];
        if (e.key == "Fn::If" && e.value->is_sequence() && !e.value->items.empty() && e.value->items[0]->is_scalar())
            out.insert(e.value->items[0]->text);
        if (e.key == "Condition" && e.value->is_scalar()) out.insert(e.value->text);
    }
    for (const Node* c : n->items) collect_conditions(c, out, depth + 1);
    for (const MapEntry& e : n->entries) collect_conditions(e.value, out, depth + 1);
}

}  // namespace

std::set<std::string> conditions_used_by(const Template& tpl, const std::vector<const ResourceInfo*>& resources) {
    std::set<std::string> out;
    for (const ResourceInfo* r : resources) {
        if (!r->condition.empty()) out.insert(r->condition);
        collect_conditions(r->properties, out, 0);
        collect_conditions(r->metadata, out, 0);
    }
    // SAM merges Globals into its serverless resources (sam_globals.cpp).
    collect_conditions(tpl.globals, out, 0);
    // Conditions built from other conditions depend on those too.
    std::vector<std::string> work(out.begin(), out.end());
    while (!work.empty()) {
        std::string name = work.back();
        work.pop_back();
        auto it = tpl.conditions.find(name);
        if (it == tpl.conditions.end()) continue;
        std::set<std::string> inner;
        collect_conditions(it->second, inner, 0);
        for (const std::string& c : inner)
            if (out.insert(c).second) work.push_back(c);
    }
    return out;
}

std::vector<ScenarioChoice> enumerate_scenarios(const Template& tpl, const std::set<std::string>& relevant,
                                                const std::vector<const ResourceInfo*>& resources, bool* complete) {
    AtomScan scan{tpl, {}, {}, {}};
    for (const auto& [name, def] : tpl.conditions)
        if (relevant.count(name)) scan.walk(def, 0);
    for (const ResourceInfo* r : resources) scan.walk_find_in_map(r->properties, 0);
    scan.walk_find_in_map(tpl.globals, 0);

    std::vector<std::pair<std::string, Candidates>> atoms;
    for (const std::string& a : scan.atoms)
        atoms.emplace_back(a, candidates_for(tpl, a, scan.compared[a], scan.map_keys.count(a) > 0));

    std::vector<Scenario> raw;
    size_t product = 1;
    for (const auto& [name, c] : atoms) {
        product *= std::max<size_t>(c.size(), 1);
        if (product > kMaxScenarios) break;
    }
    if (complete) *complete = product <= kMaxScenarios;
    if (product <= kMaxScenarios) {
        raw.emplace_back();
        for (const auto& [name, cands] : atoms) {
            std::vector<Scenario> next;
            for (const Scenario& s : raw)
                for (const auto& v : cands) {
                    Scenario t = s;
                    t.atoms[name] = v;
                    next.push_back(std::move(t));
                }
            raw = std::move(next);
        }
    } else {
        Scenario base;
        for (const auto& [name, cands] : atoms) base.atoms[name] = cands.front();
        raw.push_back(base);
        for (const auto& [name, cands] : atoms)
            for (size_t i = 1; i < cands.size(); ++i) {
                Scenario t = base;
                t.atoms[name] = cands[i];
                raw.push_back(std::move(t));
            }
    }

    std::vector<ScenarioChoice> out;
    std::set<std::pair<std::vector<Tri>, std::vector<std::string>>> seen;
    for (Scenario& s : raw) {
        for (const auto& [name, value] : s.atoms) {
            const ParameterInfo* p = tpl.parameter(name);
            if (!value && p && p->default_value && p->default_value->empty()) s.optional_inputs_given = true;
        }
        Evaluator ev(tpl, s);
        ScenarioChoice choice;
        std::vector<Tri> key;
        for (const auto& [name, def] : tpl.conditions) {
            if (!relevant.count(name)) continue;
            Tri t = ev.condition(name);
            choice.conditions.emplace_back(name, t);
            key.push_back(t);
        }
        // A mapping key parameter is a switch of its own: `Env=prod`.
        std::vector<std::string> keys;
        for (const std::string& a : scan.map_keys)
            if (auto it = s.atoms.find(a); it != s.atoms.end() && it->second) {
                // In candidate order: every scenario lists the same names.
                for (const auto& [name, cands] : atoms)
                    if (name == a)
                        for (const auto& c : cands)
                            if (c) choice.conditions.emplace_back(a + "=" + *c, c == it->second ? Tri::Yes : Tri::No);
                keys.push_back(*it->second);
            }
        if (!seen.insert({key, keys}).second) continue;
        choice.scenario = std::move(s);
        out.push_back(std::move(choice));
    }
    if (out.empty()) out.emplace_back();
    return out;
}

}  // namespace vpclint::cfn
