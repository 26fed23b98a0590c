#include "parsers/cfn/scenario_slices.h"

#include <algorithm>
#include <map>
#include <numeric>
#include <set>
#include <unordered_map>

#include "parsers/cfn/bind_context.h"
#include "parsers/cfn/intrinsics.h"

namespace vpclint::cfn {

namespace {

using Vars = std::vector<uint32_t>;  // indices into Switches::names

// The values a scenario sets: every condition, and every switched parameter.
struct Switches {
    std::vector<std::string> names;                   // "c:Name" / "p:Name"
    std::unordered_map<std::string, uint32_t> index;  // name -> position
    Vars global;  // what every resource depends on (pseudo parameters, optional inputs)

    uint32_t add(const std::string& name) {
        auto [it, inserted] = index.try_emplace(name, static_cast<uint32_t>(names.size()));
        if (inserted) names.push_back(name);
        return it->second;
    }
    const uint32_t* find(const std::string& name) const {
        auto it = index.find(name);
        return it == index.end() ? nullptr : &it->second;
    }
};

struct Edge {
    size_t target;
    Vars guards;  // the Fn::If conditions around the reference
};

struct ResourceScan {
    Vars own;
    std::vector<Edge> edges;
};

// The switches and resources one resource's values name.
struct Scanner {
    const Template& tpl;
    const Switches& sw;
    ResourceScan* out = nullptr;

    void var(const std::string& name) {
        if (const uint32_t* v = sw.find(name)) out->own.push_back(*v);
    }
    // A logical id (or an attribute of one, `Db.Endpoint.Address`) or a name.
    void name(const std::string& text, const Vars& guards) {
        std::string id = text.substr(0, text.find('.'));
        const ResourceInfo* r = tpl.resource(id);
        if (!r) r = tpl.generated_by(id);
        if (r) {
            out->edges.push_back({static_cast<size_t>(r - tpl.resources.data()), guards});
            return;
        }
        var("p:" + text);
    }
    void sub_names(const std::string& text, const Vars& guards) {
        size_t i = 0;
        while ((i = text.find("${", i)) != std::string::npos) {
            size_t close = text.find('}', i);
            if (close == std::string::npos) return;
            if (text[i + 2] != '!') name(text.substr(i + 2, close - i - 2), guards);
            i = close;
        }
    }
    void walk(const Node* n, Vars& guards, unsigned depth) {
        if (!n || depth > kMaxDepth) return;
        if (n->is_scalar()) {
            // A plain logical id (DependsOn, SAM connectors and event
            // sources name resources so) or a Sub string.
            if (tpl.resource(n->text) || tpl.generated_by(n->text)) name(n->text, guards);
            if (n->text.find("${") != std::string::npos) sub_names(n->text, guards);
            return;
        }
        if (n->is_mapping() && n->entries.size() == 1) {
            const std::string& fn = n->entries[0].key;
            const Node* arg = n->entries[0].value;
            if (fn == "Fn::If" && arg && arg->is_sequence() && !arg->items.empty() && arg->items[0]->is_scalar()) {
                const uint32_t* c = sw.find("c:" + arg->items[0]->text);
                if (c) out->own.push_back(*c), guards.push_back(*c);
                for (size_t i = 1; i < arg->items.size(); ++i) walk(arg->items[i], guards, depth + 1);
                if (c) guards.pop_back();
                return;
            }
            if (fn == "Condition" && arg && arg->is_scalar()) var("c:" + arg->text);
            if (fn == "Ref" && arg && arg->is_scalar()) name(arg->text, guards);
            if (fn == "Fn::GetAtt" && arg && arg->is_sequence() && !arg->items.empty() && arg->items[0]->is_scalar())
                name(arg->items[0]->text, guards);
            if (fn == "Fn::GetAtt" && arg && arg->is_scalar()) name(arg->text, guards);
            if (fn == "Fn::GetAZs") var("p:AWS::Region");
        }
        for (const Node* c : n->items) walk(c, guards, depth + 1);
        for (const MapEntry& e : n->entries) walk(e.value, guards, depth + 1);
    }
};

bool is_function(const ResourceInfo& r) { return entity_kind_of_type(r.type) == EntityKind::Function; }

size_t find_root(std::vector<size_t>& parent, size_t i) {
    while (parent[i] != i) i = parent[i] = parent[parent[i]];
    return i;
}

void sort_unique(Vars& v) {
    std::sort(v.begin(), v.end());
    v.erase(std::unique(v.begin(), v.end()), v.end());
}

}  // namespace

ScenarioSlices slice_scenarios(const Template& tpl, const std::vector<ScenarioChoice>& choices,
                               std::vector<std::vector<std::pair<std::string, bool>>> labels,
                               const std::vector<std::pair<std::string, std::string>>& extra_reads) {
    ScenarioSlices out;
    out.labels = std::move(labels);
    const size_t count = choices.size();

    Switches sw;
    for (const auto& [name, def] : tpl.conditions) sw.add("c:" + name);
    bool optional_varies = false;
    for (const ScenarioChoice& c : choices) {
        for (const auto& [name, value] : c.scenario.atoms) {
            uint32_t v = sw.add("p:" + name);
            // A pseudo parameter reaches values the frontend fills in itself
            // (ARNs, zones): everything depends on it.
            if (is_pseudo_parameter(name)) sw.global.push_back(v);
        }
        if (c.scenario.optional_inputs_given != choices.front().scenario.optional_inputs_given) optional_varies = true;
    }
    const uint32_t optional_var = sw.add("optional inputs");
    if (optional_varies) sw.global.push_back(optional_var);
    sort_unique(sw.global);

    // Each scenario's value of every switch.
    std::vector<std::vector<int>> value(count, std::vector<int>(sw.names.size(), -2));
    std::vector<std::map<std::string, int>> spelled(sw.names.size());
    for (size_t s = 0; s < count; ++s) {
        Evaluator ev(tpl, choices[s].scenario);
        for (const auto& [name, def] : tpl.conditions)
            value[s][*sw.find("c:" + name)] = static_cast<int>(ev.condition(name));
        for (const auto& [name, v] : choices[s].scenario.atoms) {
            uint32_t i = *sw.find("p:" + name);
            value[s][i] = v ? spelled[i].try_emplace(*v, static_cast<int>(spelled[i].size())).first->second : -1;
        }
        value[s][optional_var] = choices[s].scenario.optional_inputs_given ? 1 : 0;
    }

    // What each resource names.
    const size_t n = tpl.resources.size();
    std::vector<ResourceScan> scans(n);
    ResourceScan globals;
    Scanner scanner{tpl, sw};
    Vars guards;
    scanner.out = &globals;
    scanner.walk(tpl.globals, guards, 0);
    for (size_t i = 0; i < n; ++i) {
        const ResourceInfo& r = tpl.resources[i];
        scanner.out = &scans[i];
        if (!r.condition.empty()) scanner.var("c:" + r.condition);
        scanner.walk(r.node, guards, 0);
        // SAM merges Globals into its serverless resources (sam_globals.cpp).
        if (r.type.rfind("AWS::Serverless::", 0) == 0) {
            scans[i].own.insert(scans[i].own.end(), globals.own.begin(), globals.own.end());
            scans[i].edges.insert(scans[i].edges.end(), globals.edges.begin(), globals.edges.end());
        }
        sort_unique(scans[i].own);
    }
    for (const auto& [reader, read] : extra_reads) {
        const ResourceInfo* from = tpl.resource(reader);
        const ResourceInfo* to = tpl.resource(read);
        if (!to) to = tpl.generated_by(read);
        if (from && to) scans[from - tpl.resources.data()].edges.push_back({static_cast<size_t>(to - tpl.resources.data()), {}});
    }

    // Resources other than functions read each other both ways (a subnet's
    // route table is found through the association that names them both):
    // they form components. A component reaches the functions its members
    // reference; a function reaches what it references and the components
    // of whatever references it.
    std::vector<bool> fn(n);
    for (size_t i = 0; i < n; ++i) fn[i] = is_function(tpl.resources[i]);
    std::vector<size_t> parent(n);
    std::iota(parent.begin(), parent.end(), size_t{0});
    for (size_t i = 0; i < n; ++i)
        if (!fn[i])
            for (const Edge& e : scans[i].edges)
                if (!fn[e.target]) parent[find_root(parent, i)] = find_root(parent, e.target);
    // Super nodes: 0..n-1 the functions (by resource index), n + root for a component.
    std::vector<Vars> comp_vars(n);
    std::vector<std::vector<size_t>> next(2 * n);  // super node -> super nodes it reads
    for (size_t i = 0; i < n; ++i) {
        if (fn[i]) {
            for (const Edge& e : scans[i].edges)
                next[i].push_back(fn[e.target] ? e.target : n + find_root(parent, e.target));
            continue;
        }
        size_t root = find_root(parent, i);
        comp_vars[root].insert(comp_vars[root].end(), scans[i].own.begin(), scans[i].own.end());
        for (const Edge& e : scans[i].edges)
            if (fn[e.target]) {
                next[n + root].push_back(e.target);
                next[e.target].push_back(n + root);
            }
    }
    for (Vars& v : comp_vars) sort_unique(v);

    std::vector<char> seen(2 * n, 0);
    std::vector<size_t> stack, visited;
    auto reach = [&](size_t start, Vars& vars) {
        stack.assign(1, start);
        seen[start] = 1;
        visited.assign(1, start);
        while (!stack.empty()) {
            size_t s = stack.back();
            stack.pop_back();
            const Vars& add = s < n ? scans[s].own : comp_vars[s - n];
            vars.insert(vars.end(), add.begin(), add.end());
            for (size_t t : next[s])
                if (!seen[t]) seen[t] = 1, stack.push_back(t), visited.push_back(t);
        }
        for (size_t v : visited) seen[v] = 0;
    };

    // A function's checks read, of a resource it references, only whether
    // and where it does: the function's Condition and the Fn::If around.
    std::vector<Vars> referenced_by_functions(n);
    for (size_t i = 0; i < n; ++i)
        if (fn[i])
            for (const Edge& e : scans[i].edges) {
                Vars& v = referenced_by_functions[e.target];
                v.insert(v.end(), e.guards.begin(), e.guards.end());
                if (const std::string& c = tpl.resources[i].condition; !c.empty())
                    if (const uint32_t* cv = sw.find("c:" + c)) v.push_back(*cv);
            }

    std::map<Vars, uint32_t> group_index;
    std::vector<Vars> group_vars;
    auto group_of = [&](Vars vars) {
        vars.insert(vars.end(), sw.global.begin(), sw.global.end());
        sort_unique(vars);
        auto [it, inserted] = group_index.try_emplace(vars, static_cast<uint32_t>(group_vars.size()));
        if (inserted) group_vars.push_back(vars);
        return it->second;
    };
    std::vector<uint32_t> resource_group(n);
    for (size_t i = 0; i < n; ++i) {
        Vars vars;
        reach(fn[i] ? i : n + find_root(parent, i), vars);
        if (!fn[i]) vars.insert(vars.end(), referenced_by_functions[i].begin(), referenced_by_functions[i].end());
        resource_group[i] = group_of(std::move(vars));
        out.group_of.emplace(tpl.resources[i].id, resource_group[i]);
    }
    for (const auto& [id, generator] : tpl.sam_generated) out.group_of.emplace(id, resource_group[generator]);
    // The template's own problems (VL001/VL002 without a resource) are read
    // once and are the same in every scenario.
    out.group_of.emplace("", group_of({}));

    out.classes.resize(group_vars.size());
    for (size_t g = 0; g < group_vars.size(); ++g) {
        std::map<std::vector<int>, uint32_t> classes;
        out.classes[g].resize(count);
        std::vector<int> key;
        for (size_t s = 0; s < count; ++s) {
            key.clear();
            for (uint32_t v : group_vars[g]) key.push_back(value[s][v]);
            out.classes[g][s] = classes.try_emplace(key, static_cast<uint32_t>(classes.size())).first->second;
        }
    }
    return out;
}

}  // namespace vpclint::cfn
