#include "parsers/terraform/remote_state.h"

#include <vector>

namespace vpclint::tf {

namespace {

constexpr unsigned kMaxModuleDepth = 64;  // module nesting; deeper is cut, never recursed
constexpr unsigned kMaxValueDepth = 32;

// Each module's `resources` under a `root_module` (child_modules walked
// iteratively, bounded).
template <typename F>
void each_resource(const Node* root_module, const F& fn) {
    std::vector<std::pair<const Node*, unsigned>> pending{{root_module, 0}};
    while (!pending.empty()) {
        auto [m, depth] = pending.back();
        pending.pop_back();
        if (!m || !m->is_mapping()) continue;
        if (const Node* rs = m->get("resources"); rs && rs->is_sequence())
            for (const Node* r : rs->items)
                if (r && r->is_mapping()) fn(*r);
        if (const Node* cs = m->get("child_modules"); cs && cs->is_sequence() && depth < kMaxModuleDepth)
            for (const Node* c : cs->items) pending.emplace_back(c, depth + 1);
    }
}

std::string scalar(const Node& n, const char* key) {
    const Node* v = n.get(key);
    return v && v->is_scalar() ? v->text : std::string();
}

void strings_in(const Node* n, std::set<std::string>& out, unsigned depth) {
    if (!n || depth > kMaxValueDepth) return;
    if (n->is_scalar()) out.insert(n->text);
    for (const Node* i : n->items) strings_in(i, out, depth + 1);
    for (const MapEntry& e : n->entries) strings_in(e.value, out, depth + 1);
}

const Node* values_root(const Node* values) {
    return values && values->is_mapping() ? values->get("root_module") : nullptr;
}

}  // namespace

std::map<std::string, std::set<std::string>> remote_state_outputs(const Document& plan) {
    std::map<std::string, std::set<std::string>> out;
    const Node* root = plan.root;
    if (!root || !root->is_mapping()) return out;
    auto collect = [&](const Node& r) {
        if (scalar(r, "mode") != "data" || scalar(r, "type") != "terraform_remote_state") return;
        const Node* values = r.get("values");
        const Node* outputs = values && values->is_mapping() ? values->get("outputs") : nullptr;
        // The outputs of a remote state are an object of name -> value.
        if (outputs) strings_in(outputs, out[scalar(r, "name")], 0);
    };
    each_resource(values_root(root->get("planned_values")), collect);
    const Node* prior = root->get("prior_state");
    if (prior && prior->is_mapping()) each_resource(values_root(prior->get("values")), collect);
    return out;
}

std::map<std::string, std::string> resource_ids(const Document& state) {
    std::map<std::string, std::string> out;
    const Node* root = state.root;
    if (!root || !root->is_mapping()) return out;
    auto collect = [&](const Node& r) {
        if (scalar(r, "mode") != "managed") return;
        const Node* values = r.get("values");
        if (!values || !values->is_mapping()) return;
        std::string id = scalar(*values, "id"), address = scalar(r, "address");
        if (!id.empty() && !address.empty()) out.emplace(id, address);
    };
    each_resource(values_root(root->get("values")), collect);
    return out;
}

}  // namespace vpclint::tf
