#include "parsers/terraform/plan_index.h"

#include <algorithm>

namespace vpclint::tf {

const Node* at_path(const Node* n, const std::vector<std::string>& path) {
    for (const std::string& p : path) {
        if (!n) return nullptr;
        if (n->is_mapping()) {
            n = n->get(p);
        } else if (n->is_sequence()) {
            size_t i = 0;
            for (char c : p) {
                if (c < '0' || c > '9') return nullptr;
                i = i * 10 + static_cast<size_t>(c - '0');
            }
            n = i < n->items.size() ? n->items[i] : nullptr;
        } else {
            return nullptr;
        }
    }
    return n;
}

namespace {

std::string scalar(const Node* n) { return n && n->is_scalar() ? n->text : std::string(); }

// module.vpc[0].module.sub["a"] -> module.vpc.module.sub: configuration
// scopes know module calls, not their instances.
std::string scope_of(const std::string& module_address) {
    std::string out;
    int depth = 0;
    for (char c : module_address) {
        if (c == '[') ++depth;
        else if (c == ']') --depth;
        else if (depth == 0) out += c;
    }
    return out;
}

struct ParsedRef {
    std::string type, name, index;  // index with its quotes for string keys
    bool has_index = false;
};

// "aws_subnet.private[0].id" -> {aws_subnet, private, 0}
bool parse_resource_ref(const std::string& ref, ParsedRef& out) {
    size_t dot = ref.find('.');
    if (dot == std::string::npos || dot == 0) return false;
    out.type = ref.substr(0, dot);
    size_t end = ref.find_first_of(".[", dot + 1);
    out.name = ref.substr(dot + 1, end == std::string::npos ? std::string::npos : end - dot - 1);
    if (out.name.empty()) return false;
    if (end != std::string::npos && ref[end] == '[') {
        size_t close = ref.find(']', end);
        if (close == std::string::npos) return false;
        out.index = ref.substr(end + 1, close - end - 1);
        out.has_index = true;
    }
    return true;
}

}  // namespace

PlanIndex::PlanIndex(const Document& doc, InputKind kind) {
    const Node* root = doc.root;
    if (kind == InputKind::TerraformPlan) {
        if (const Node* changes = root->get("resource_changes"); changes && changes->is_sequence())
            for (const Node* c : changes->items) {
                const Node* change = c->get("change");
                if (const Node* au = change ? change->get("after_unknown") : nullptr) after_unknown_[scalar(c->get("address"))] = au;
            }
        if (const Node* pv = root->get("planned_values")) add_module(pv->get("root_module"), nullptr);
        // Resources that exist already (and data sources read) keep their ids here.
        if (const Node* prior = root->get("prior_state"))
            if (const Node* values = prior->get("values")) add_module(values->get("root_module"), nullptr);
        if (const Node* config = root->get("configuration")) index_config(config->get("root_module"), "");
    } else {
        if (const Node* values = root->get("values")) add_module(values->get("root_module"), nullptr);
    }
    for (Instance& i : instances_) {
        auto cfg = module_config_.find(scope_of(i.module));
        if (cfg == module_config_.end()) continue;
        const Node* resources = cfg->second->get("resources");
        if (!resources || !resources->is_sequence()) continue;
        std::string want = (i.data ? "data." : "") + i.type + "." + i.name;
        for (const Node* r : resources->items)
            if (scalar(r->get("address")) == want) i.config = r;
    }
}

void PlanIndex::add_module(const Node* module, const Node*) {
    if (!module || !module->is_mapping()) return;
    std::string module_address = scalar(module->get("address"));
    if (const Node* resources = module->get("resources"); resources && resources->is_sequence()) {
        for (const Node* r : resources->items) {
            if (!r->is_mapping()) continue;
            Instance i;
            i.address = scalar(r->get("address"));
            if (i.address.empty() || by_address_.count(i.address)) continue;  // prior_state repeats planned ones
            i.module = module_address;
            i.type = scalar(r->get("type"));
            i.name = scalar(r->get("name"));
            i.data = scalar(r->get("mode")) == "data";
            if (const Node* idx = r->get("index"); idx && idx->is_scalar())
                i.index = idx->quoted ? "\"" + idx->text + "\"" : idx->text;
            i.node = r;
            i.values = r->get("values");
            if (auto au = after_unknown_.find(i.address); au != after_unknown_.end()) i.after_unknown = au->second;
            size_t n = instances_.size();
            by_address_[i.address] = n;
            std::string base = (i.data ? std::string("data.") : std::string()) + i.type + "." + i.name;
            by_base_[scope_of(i.module).empty() ? base : scope_of(i.module) + "." + base].push_back(n);
            for (const char* key : {"id", "arn"}) {
                std::string id = scalar(i.values ? i.values->get(key) : nullptr);
                if (!id.empty()) by_id_.emplace(id, n);
            }
            instances_.push_back(std::move(i));
        }
    }
    if (const Node* children = module->get("child_modules"); children && children->is_sequence())
        for (const Node* c : children->items) add_module(c, nullptr);
}

void PlanIndex::index_config(const Node* module_config, const std::string& scope) {
    if (!module_config || !module_config->is_mapping()) return;
    module_config_[scope] = module_config;
    if (const Node* calls = module_config->get("module_calls"); calls && calls->is_mapping())
        for (const MapEntry& e : calls->entries) {
            std::string child = (scope.empty() ? "" : scope + ".") + "module." + e.key;
            module_call_[child] = {scope, e.value};
            index_config(e.value->get("module"), child);
        }
}

const Instance* PlanIndex::find(const std::string& address) const {
    auto it = by_address_.find(address);
    return it == by_address_.end() ? nullptr : &instances_[it->second];
}

const Instance* PlanIndex::by_id(const std::string& id) const {
    auto it = by_id_.find(id);
    return it == by_id_.end() ? nullptr : &instances_[it->second];
}

const Node* PlanIndex::expression(const Instance& self, const std::vector<std::string>& attr_path) const {
    if (!self.config) return nullptr;
    return at_path(self.config->get("expressions"), attr_path);
}

Resolution PlanIndex::resolve(const Instance& self, const Node* expression) const {
    return resolve_in(scope_of(self.module), expression, &self, 0);
}

Resolution PlanIndex::resolve_in(const std::string& scope, const Node* expression, const Instance* self,
                                 unsigned depth) const {
    Resolution out;
    if (!expression) return out;
    const Node* refs = expression->is_mapping() ? expression->get("references") : nullptr;
    if (!refs || !refs->is_sequence()) return out;
    std::vector<std::string> all;
    for (const Node* r : refs->items)
        if (r->is_scalar()) all.push_back(r->text);
    for (const std::string& ref : all) resolve_reference(scope, ref, all, self, depth, out);
    std::sort(out.instances.begin(), out.instances.end());
    out.instances.erase(std::unique(out.instances.begin(), out.instances.end()), out.instances.end());
    return out;
}

void PlanIndex::resolve_reference(const std::string& scope, const std::string& ref, const std::vector<std::string>& all,
                                  const Instance* self, unsigned depth, Resolution& out) const {
    auto unresolved = [&](std::string why) {
        out.unresolved = true;
        if (out.reason.empty()) out.reason = std::move(why);
    };
    auto starts = [&](const char* p) { return ref.rfind(p, 0) == 0; };
    if (depth > 16) return unresolved("references nest too deeply");
    if (starts("count.") || starts("each.") || starts("path.") || starts("terraform.") || starts("self.")) return;
    if (starts("var.")) {
        std::string var = ref.substr(4, ref.find_first_of(".[", 4) - 4);
        auto call = module_call_.find(scope);
        const Node* expr = call == module_call_.end() ? nullptr : at_path(call->second.second, {"expressions", var});
        if (!expr) return unresolved("variable " + var + " has no value in the plan");
        Resolution r = resolve_in(call->second.first, expr, nullptr, depth + 1);
        out.instances.insert(out.instances.end(), r.instances.begin(), r.instances.end());
        if (r.unresolved) unresolved(r.reason);
        if (r.instances.empty() && !r.unresolved) unresolved("variable " + var + " is a constant");
        return;
    }
    if (starts("local.")) return unresolved("local value " + ref.substr(6) + " (locals are not in the plan)");
    if (starts("data.")) return unresolved(ref + " is a data source: it lives outside the plan");
    if (starts("module.")) {
        size_t dot = ref.find('.', 7);
        if (dot == std::string::npos) {
            // "module.vpc" stands beside "module.vpc.private_subnets": the
            // specific output says what is used.
            bool specific = std::any_of(all.begin(), all.end(), [&](const std::string& r) { return r.rfind(ref + ".", 0) == 0; });
            if (!specific) unresolved("a whole module");
            return;
        }
        std::string m = ref.substr(7, dot - 7);
        size_t bracket = m.find('[');
        if (bracket != std::string::npos) m = m.substr(0, bracket);
        std::string output = ref.substr(dot + 1, ref.find_first_of(".[", dot + 1) - dot - 1);
        std::string child = (scope.empty() ? "" : scope + ".") + "module." + m;
        auto cfg = module_config_.find(child);
        const Node* expr = cfg == module_config_.end() ? nullptr : at_path(cfg->second, {"outputs", output, "expression"});
        if (!expr) return unresolved("output " + output + " of module " + m + " is not in the plan");
        Resolution r = resolve_in(child, expr, nullptr, depth + 1);
        out.instances.insert(out.instances.end(), r.instances.begin(), r.instances.end());
        if (r.unresolved) unresolved(r.reason);
        return;
    }
    ParsedRef p;
    if (!parse_resource_ref(ref, p)) return;
    std::string base = (scope.empty() ? "" : scope + ".") + p.type + "." + p.name;
    auto it = by_base_.find(base);
    if (it == by_base_.end()) return unresolved(p.type + "." + p.name + " is not in the plan");
    if (p.has_index) {
        for (size_t i : it->second)
            if (instances_[i].index == p.index) out.instances.push_back(i);
        return;
    }
    // The plan lists aws_subnet.a[0].id, aws_subnet.a[0] and aws_subnet.a for
    // one use: the indexed forms say which instances.
    std::string prefix = p.type + "." + p.name + "[";
    if (std::any_of(all.begin(), all.end(), [&](const std::string& r) { return r.rfind(prefix, 0) == 0; })) return;
    // x[count.index] / x[each.key]: the instance paired with this one.
    bool paired = std::any_of(all.begin(), all.end(), [](const std::string& r) {
        return r == "count.index" || r.rfind("each.", 0) == 0;
    });
    if (paired && self && !self->index.empty()) {
        for (size_t i : it->second)
            if (instances_[i].index == self->index) {
                out.instances.push_back(i);
                return;
            }
    }
    out.instances.insert(out.instances.end(), it->second.begin(), it->second.end());
}

}  // namespace vpclint::tf
