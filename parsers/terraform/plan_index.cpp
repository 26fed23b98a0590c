#include "parsers/terraform/plan_index.h"

#include <algorithm>

namespace vpclint::tf {

const Node* at_path(const Node* n, const std::vector<std::string>& path) {
    for (const std::string& p : path) {
        if (!n) return nullptr;
        if (n->is_mapping()) {
            n = n->get(p);
        } else if (n->is_sequence()) {
            if (p.empty() || p.size() > 9) return nullptr;
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

NodeText scalar(const Node* n) { return n && n->is_scalar() ? n->text : NodeText(); }

// Reads `[key]` at `pos` (quotes kept, brackets inside quotes allowed);
// returns the position after `]`, or npos when malformed.
size_t read_index(const std::string& s, size_t pos, std::string& key) {
    if (pos >= s.size() || s[pos] != '[') return std::string::npos;
    bool quoted = false;
    for (size_t k = pos + 1; k < s.size(); ++k) {
        char c = s[k];
        if (quoted && c == '\\') {
            ++k;
            continue;
        }
        if (c == '"') quoted = !quoted;
        if (c == ']' && !quoted) {
            key = s.substr(pos + 1, k - pos - 1);
            return k + 1;
        }
    }
    return std::string::npos;
}

// "aws_subnet.private[0].id" -> {aws_subnet, private, 0, id}
struct ParsedRef {
    std::string type, name, index, attr;
    bool has_index = false;
};

bool parse_resource_ref(const std::string& ref, ParsedRef& out) {
    size_t dot = ref.find('.');
    if (dot == std::string::npos || dot == 0) return false;
    out.type = ref.substr(0, dot);
    size_t end = ref.find_first_of(".[", dot + 1);
    out.name = ref.substr(dot + 1, end == std::string::npos ? std::string::npos : end - dot - 1);
    if (out.name.empty()) return false;
    if (end != std::string::npos && ref[end] == '[') {
        end = read_index(ref, end, out.index);
        if (end == std::string::npos) return false;
        out.has_index = true;
    }
    if (end != std::string::npos && end < ref.size() && ref[end] == '.') {
        size_t stop = ref.find_first_of(".[", end + 1);
        out.attr = ref.substr(end + 1, stop == std::string::npos ? std::string::npos : stop - end - 1);
    }
    return true;
}

// A variable's value that cannot hold a resource id: a boolean, a number or
// null (conditions, counts). Strings and lists may hold ids.
bool names_nothing(const Node* v) { return v && (v->is_null() || (v->is_scalar() && !v->quoted)); }

bool matches(const ModulePath& pattern, const ModulePath& concrete) {
    if (pattern.size() != concrete.size()) return false;
    for (size_t k = 0; k < pattern.size(); ++k) {
        if (pattern[k].name != concrete[k].name) return false;
        if (!pattern[k].any && pattern[k].index != concrete[k].index) return false;
    }
    return true;
}

// A module instance path as one key: module.a["x"].module.b.
std::string instance_key(const ModulePath& p) {
    std::string out;
    for (const ModuleStep& s : p) {
        out += out.empty() ? "module." : ".module.";
        out += s.name;
        if (!s.index.empty()) out += "[" + s.index + "]";
    }
    return out;
}

// The same with the last call's key left out: module.a["x"].module.b[0] -> module.a["x"].module.b.
std::string last_any_key(const ModulePath& p) {
    ModulePath head(p.begin(), p.end() - 1);
    std::string out = instance_key(head);
    return out + (out.empty() ? "module." : ".module.") + p.back().name;
}

}  // namespace

bool parse_module_path(const std::string& address, ModulePath& out) {
    out.clear();
    size_t pos = 0;
    while (pos < address.size()) {
        if (address.compare(pos, 7, "module.") != 0) return false;
        pos += 7;
        size_t end = address.find_first_of(".[", pos);
        ModuleStep step;
        step.name = address.substr(pos, end == std::string::npos ? std::string::npos : end - pos);
        if (step.name.empty()) return false;
        pos = end == std::string::npos ? address.size() : end;
        if (pos < address.size() && address[pos] == '[') {
            pos = read_index(address, pos, step.index);
            if (pos == std::string::npos) return false;
        }
        out.push_back(std::move(step));
        if (pos < address.size()) {
            if (address[pos] != '.') return false;
            ++pos;
        }
    }
    return true;
}

std::string scope_name(const ModulePath& p) {
    std::string out;
    for (const ModuleStep& s : p) out.append(out.empty() ? "module." : ".module.").append(s.name);
    return out;
}

size_t PlanIndex::BaseKeyHash::operator()(const BaseKey& k) const {
    std::hash<std::string_view> h;
    size_t x = h(k.type) * 31 + h(k.name);
    return x ^ (size_t{k.group} << 1 | k.data) * 0x9e3779b97f4a7c15ULL;
}

uint32_t PlanIndex::group_of(std::unordered_map<std::string, uint32_t>& ids, std::string key) {
    return ids.emplace(std::move(key), static_cast<uint32_t>(ids.size())).first->second;
}

const uint32_t* PlanIndex::find_group(const std::unordered_map<std::string, uint32_t>& ids, const std::string& key) {
    auto it = ids.find(key);
    return it == ids.end() ? nullptr : &it->second;
}

PlanIndex::PlanIndex(const Document& doc, InputKind kind) {
    const Node* root = doc.root;
    if (!root || !root->is_mapping()) return;
    if (kind == InputKind::TerraformPlan) {
        if (const Node* changes = root->get("resource_changes"); changes && changes->is_sequence()) {
            after_unknown_.reserve(changes->items.size());
            for (const Node* c : changes->items) {
                if (!c->is_mapping()) continue;
                NodeText address = scalar(c->get("address"));
                const Node* change = c->get("change");
                if (!change || !change->is_mapping()) continue;
                if (const Node* au = change->get("after_unknown")) after_unknown_[address] = au;
                const Node* actions = change->get("actions");
                if (actions && actions->is_sequence() && actions->items.size() == 1 &&
                    scalar(actions->items[0]) == "delete")
                    deleted_.insert(address);
            }
        }
        // The configuration first: each instance finds its configuration
        // resource when it is indexed.
        if (const Node* config = root->get("configuration"); config && config->is_mapping())
            index_config(config->get("root_module"), "");
        if (const Node* pv = root->get("planned_values"); pv && pv->is_mapping())
            add_module(pv->get("root_module"), "planned_values.root_module", false);
        // Data sources read while planning, and resources the plan leaves
        // alone, keep their values (and ids) here.
        if (const Node* prior = root->get("prior_state"); prior && prior->is_mapping())
            if (const Node* values = prior->get("values"); values && values->is_mapping())
                add_module(values->get("root_module"), "prior_state.values.root_module", true);
        if (const Node* vars = root->get("variables"); vars && vars->is_mapping()) root_variables_ = vars;
    } else if (const Node* values = root->get("values"); values && values->is_mapping()) {
        add_module(values->get("root_module"), "values.root_module", false);
    }
}

std::string PlanIndex::json_path(const Instance& i) const {
    return module_json_paths_[i.module_entry] + ".resources[" + std::to_string(i.position) + "]";
}

void PlanIndex::add_module(const Node* module, const std::string& json_path, bool from_prior_state) {
    // An explicit stack: module nesting depth comes from the input.
    std::vector<std::pair<const Node*, std::string>> pending{{module, json_path}};
    while (!pending.empty()) {
        auto [m, m_path] = std::move(pending.back());
        pending.pop_back();
        if (!m || !m->is_mapping()) continue;
        NodeText module_address = scalar(m->get("address"));
        ModulePath path;
        if (!parse_module_path(std::string(module_address), path)) continue;
        // The same for every resource of the module (a module instance of a
        // large plan has hundreds of resources).
        const uint32_t scope = group_of(scope_ids_, scope_name(path));
        const uint32_t in_group = group_of(instance_ids_, instance_key(path));
        const uint32_t last_group = path.empty() ? 0 : group_of(last_any_ids_, last_any_key(path));
        const uint32_t entry = static_cast<uint32_t>(module_json_paths_.size());
        module_json_paths_.push_back(std::move(m_path));
        const ModulePath& shared_path = module_paths_.emplace_back(std::move(path));
        if (const Node* resources = m->get("resources"); resources && resources->is_sequence()) {
            for (size_t k = 0; k < resources->items.size(); ++k) {
                const Node* r = resources->items[k];
                if (!r->is_mapping()) continue;
                Instance i;
                i.address = scalar(r->get("address"));
                i.module_entry = entry;
                i.position = static_cast<uint32_t>(k);
                // prior_state repeats planned resources: planned values win.
                if (i.address.empty() || by_address_.count(i.address)) continue;
                i.module = module_address;
                i.module_path = &shared_path;
                i.type = scalar(r->get("type"));
                i.name = scalar(r->get("name"));
                if (i.type.empty() || i.name.empty()) continue;
                i.data = scalar(r->get("mode")) == "data";
                // A resource this plan destroys is not part of what it builds.
                if (from_prior_state && !i.data && deleted_.count(i.address)) continue;
                if (const Node* idx = r->get("index"); idx && idx->is_scalar())
                    i.index = idx->quoted ? "\"" + idx->text + "\"" : std::string(idx->text);
                i.node = r;
                if (const Node* v = r->get("values"); v && v->is_mapping()) i.values = v;
                // The .tf frontend's own configuration of this instance: the
                // references of its values as evaluated (Terraform plans have none).
                if (const Node* own = r->get("vpclint_config"); own && own->is_mapping()) i.config = own;
                if (auto au = after_unknown_.find(i.address); au != after_unknown_.end() && !from_prior_state)
                    i.after_unknown = au->second;
                if (!i.config)
                    if (auto c = config_resources_.find({scope, i.data, i.type, i.name}); c != config_resources_.end())
                        i.config = c->second;
                size_t n = instances_.size();
                by_address_[i.address] = n;
                by_base_[{scope, i.data, i.type, i.name}].push_back(n);
                by_base_in_[{in_group, i.data, i.type, i.name}].push_back(n);
                if (!shared_path.empty()) by_base_last_any_[{last_group, i.data, i.type, i.name}].push_back(n);
                for (const char* key : {"id", "arn"}) {
                    NodeText id = scalar(i.values ? i.values->get(key) : nullptr);
                    if (!id.empty()) by_id_[id].push_back(n);
                }
                instances_.push_back(std::move(i));
            }
        }
        if (const Node* children = m->get("child_modules"); children && children->is_sequence())
            for (size_t k = children->items.size(); k-- > 0;)
                pending.emplace_back(children->items[k], module_json_paths_[entry] + ".child_modules[" + std::to_string(k) + "]");
    }
}

void PlanIndex::index_config(const Node* module_config, const std::string& scope) {
    std::vector<std::pair<const Node*, std::string>> pending{{module_config, scope}};
    while (!pending.empty()) {
        auto [config, name] = pending.back();
        pending.pop_back();
        if (!config || !config->is_mapping() || module_config_.count(name)) continue;
        module_config_[name] = config;
        // Indexed once: every instance looks its configuration up by address
        // (a scan per instance was instances x configuration resources).
        if (const Node* resources = config->get("resources"); resources && resources->is_sequence())
            for (const Node* r : resources->items)
                if (r->is_mapping()) {
                    // "data.aws_x.y" or "aws_x.y", as an instance's mode, type and name.
                    std::string_view address = scalar(r->get("address"));
                    bool data = address.starts_with("data.");
                    if (data) address.remove_prefix(5);
                    size_t dot = address.find('.');
                    if (dot == std::string_view::npos) continue;
                    config_resources_[{group_of(scope_ids_, name), data, address.substr(0, dot), address.substr(dot + 1)}] = r;
                }
        if (const Node* calls = config->get("module_calls"); calls && calls->is_mapping())
            for (const MapEntry& e : calls->entries) {
                if (!e.value->is_mapping()) continue;
                std::string child = (name.empty() ? "" : name + ".") + "module." + e.key;
                module_call_[child] = e.value;
                pending.push_back({e.value->get("module"), child});
            }
    }
}

const Instance* PlanIndex::find(std::string_view address) const {
    auto it = by_address_.find(address);
    return it == by_address_.end() ? nullptr : &instances_[it->second];
}

const std::vector<size_t>& PlanIndex::by_id(std::string_view id) const {
    static const std::vector<size_t> none;
    auto it = by_id_.find(id);
    return it == by_id_.end() ? none : it->second;
}

const Node* PlanIndex::expression(const Instance& self, const std::vector<std::string>& attr_path) const {
    if (!self.config) return nullptr;
    return at_path(self.config->get("expressions"), attr_path);
}

Resolution PlanIndex::resolve(const Instance& self, const Node* expression) const {
    return resolve_in(*self.module_path, expression, &self, 0);
}

Resolution PlanIndex::resolve_in(const ModulePath& scope, const Node* expression, const Instance* self,
                                 unsigned depth, const std::string& via) const {
    Resolution out;
    if (!expression) return out;
    std::string key;
    if (!self) {
        for (const ModuleStep& s : scope) key += s.name + "[" + s.index + (s.any ? "]*." : "].");
        key += std::to_string(reinterpret_cast<uintptr_t>(expression));
        if (auto it = memo_.find(key); it != memo_.end()) return it->second;
        auto on_stack = std::find_if(active_.begin(), active_.end(), [&](const auto& a) { return a.first == key; });
        if (on_stack != active_.end()) {
            std::string cycle;
            std::vector<std::string> members;
            for (auto a = on_stack; a != active_.end(); ++a) {
                cycle += a->second + " -> ";
                members.push_back(a->first);
            }
            cycle += via;
            // One report per cycle, whichever member it was entered from.
            std::sort(members.begin(), members.end());
            if (std::none_of(cycles_.begin(), cycles_.end(), [&](const Cycle& c) { return c.members == members; }))
                cycles_.push_back({cycle, expression, std::move(members)});
            out.unresolved = true;
            out.reason = "references form a cycle (" + cycle + ")";
            return out;
        }
        active_.emplace_back(key, via);
    }
    struct Pop {
        std::vector<std::pair<std::string, std::string>>* active;
        ~Pop() {
            if (active) active->pop_back();
        }
    } pop{self ? nullptr : &active_};
    const Node* refs = expression->is_mapping() ? expression->get("references") : nullptr;
    if (!refs || !refs->is_sequence()) return out;
    std::vector<std::string> all;
    for (const Node* r : refs->items)
        if (r->is_scalar()) all.push_back(r->text);
    for (const std::string& ref : all) resolve_reference(scope, ref, all, self, depth, out);
    // The same instance reached along several paths counts once.
    std::sort(out.hits.begin(), out.hits.end(),
              [](const Hit& a, const Hit& b) { return a.instance != b.instance ? a.instance < b.instance : a.attr < b.attr; });
    out.hits.erase(std::unique(out.hits.begin(), out.hits.end(),
                               [](const Hit& a, const Hit& b) { return a.instance == b.instance && a.attr == b.attr; }),
                   out.hits.end());
    for (const Hit& h : out.hits) out.instances.push_back(h.instance);
    std::sort(out.instances.begin(), out.instances.end());
    out.instances.erase(std::unique(out.instances.begin(), out.instances.end()), out.instances.end());
    if (!self) memo_[key] = out;
    return out;
}

void PlanIndex::resolve_reference(const ModulePath& scope, const std::string& ref, const std::vector<std::string>& all,
                                  const Instance* self, unsigned depth, Resolution& out) const {
    auto unresolved = [&](std::string why) {
        out.unresolved = true;
        if (out.reason.empty()) out.reason = std::move(why);
    };
    auto starts = [&](const char* p) { return ref.rfind(p, 0) == 0; };
    auto merge = [&](const Resolution& r) {
        out.hits.insert(out.hits.end(), r.hits.begin(), r.hits.end());
        if (r.unresolved) unresolved(r.reason);
    };
    if (depth > 32) return unresolved("references nest too deeply");
    if (starts("each.value") && self && !self->index.empty() && self->config) {
        // for_each = aws_subnet.private: each.value is the instance of that
        // resource with this instance's key, each.value.id its id.
        const Node* fe = self->config->get("for_each_expression");
        const Node* fe_refs = fe && fe->is_mapping() ? fe->get("references") : nullptr;
        if (fe_refs && fe_refs->is_sequence() && fe_refs->items.size() == 1 && fe_refs->items[0]->is_scalar()) {
            ParsedRef over;
            const std::string& target = fe_refs->items[0]->text;
            if (target.rfind("data.", 0) != 0 && parse_resource_ref(target, over) && !over.has_index && over.attr.empty()) {
                std::string attr = ref.size() > 11 && ref[10] == '.' ? ref.substr(11, ref.find_first_of(".[", 11) - 11) : "";
                std::vector<size_t> scratch;
                for (size_t i : in_scope(scope, over.type, over.name, scratch))
                    if (instances_[i].index == self->index) {
                        out.hits.push_back({i, attr});
                        return;
                    }
            }
        }
    }
    if (starts("count.") || starts("each.") || starts("path.") || starts("terraform.") || starts("self.")) return;
    if (starts("var.")) {
        std::string var = ref.substr(4, ref.find_first_of(".[", 4) - 4);
        if (scope.empty()) {
            // A root variable's value is in the plan. A boolean or a number
            // (a condition, a count) names no resource; a string or a list
            // may hold ids of resources outside the plan.
            const Node* value = at_path(root_variables_, {var, "value"});
            if (names_nothing(value)) return;
            return unresolved(value ? "variable " + var + " is a value set outside the plan's resources"
                                    : "variable " + var + " is set outside the plan's resources");
        }
        auto call = module_call_.find(scope_name(scope));
        const Node* expr = call == module_call_.end() ? nullptr : at_path(call->second, {"expressions", var});
        if (!expr) {
            // Not passed by the call: the module's default, a value.
            auto cfg = module_config_.find(scope_name(scope));
            const Node* def = cfg == module_config_.end() ? nullptr : at_path(cfg->second, {"variables", var, "default"});
            if (names_nothing(def)) return;
            return unresolved(def ? "variable " + var + " takes its default value, not a resource"
                                  : "variable " + var + " has no value in the plan");
        }
        if (const Node* constant = expr->is_mapping() ? expr->get("constant_value") : nullptr) {
            if (names_nothing(constant)) return;
            return unresolved("variable " + var + " is a value written in the module call, not a resource");
        }
        ModulePath parent(scope.begin(), scope.end() - 1);
        Resolution r = resolve_in(parent, expr, nullptr, depth + 1, scope_name(scope) + ".var." + var);
        merge(r);
        if (r.hits.empty() && !r.unresolved) unresolved("variable " + var + " references no resource");
        return;
    }
    if (starts("local.")) return unresolved("local value " + ref.substr(6) + " (locals are not in the plan)");
    if (starts("data.")) return unresolved(ref + " is a data source: it lives outside the plan");
    if (starts("module.")) {
        // An instance's absolute address with the attribute read
        // ("module.vpc.aws_subnet.public[0].id"), as the .tf frontend writes
        // the instances an evaluated value comes from. Terraform's own
        // references name module outputs, never resources inside modules.
        if (size_t dot = ref.rfind('.'); dot != std::string::npos && dot > 7)
            if (auto it = by_address_.find(ref.substr(0, dot)); it != by_address_.end() && !instances_[it->second].module.empty()) {
                out.hits.push_back({it->second, ref.substr(dot + 1)});
                return;
            }
        ModuleStep step;
        size_t end = ref.find_first_of(".[", 7);
        step.name = ref.substr(7, end == std::string::npos ? std::string::npos : end - 7);
        if (end != std::string::npos && ref[end] == '[') end = read_index(ref, end, step.index);
        else step.any = true;  // no key: every instance of the call (or the only one)
        if (end == std::string::npos || end >= ref.size()) {
            // "module.vpc" stands beside "module.vpc.private_subnets": the
            // specific output says what is used.
            std::string call = "module." + step.name;
            bool specific = std::any_of(all.begin(), all.end(), [&](const std::string& r) {
                return r != ref && r.rfind(call, 0) == 0 && r.size() > call.size() &&
                       (r[call.size()] == '.' || r[call.size()] == '[');
            });
            if (!specific) unresolved("the whole module " + step.name);
            return;
        }
        if (ref[end] != '.') return unresolved("an unexpected reference " + ref);
        std::string output = ref.substr(end + 1, ref.find_first_of(".[", end + 1) - end - 1);
        ModulePath child = scope;
        child.push_back(step);
        auto cfg = module_config_.find(scope_name(child));
        const Node* expr = cfg == module_config_.end() ? nullptr : at_path(cfg->second, {"outputs", output, "expression"});
        if (!expr) return unresolved("output " + output + " of module " + step.name + " is not in the plan");
        Resolution r = resolve_in(child, expr, nullptr, depth + 1, scope_name(child) + ".output." + output);
        merge(r);
        if (r.hits.empty() && !r.unresolved) unresolved("output " + output + " of module " + step.name + " references no resource");
        return;
    }
    ParsedRef p;
    if (!parse_resource_ref(ref, p)) return;
    const uint32_t* scope_group = find_group(scope_ids_, scope_name(scope));
    if (!scope_group || !by_base_.count({*scope_group, false, p.type, p.name}))
        return unresolved(p.type + "." + p.name + " is not in the plan");
    std::vector<size_t> scratch;
    const std::vector<size_t>& here = in_scope(scope, p.type, p.name, scratch);
    auto add = [&](size_t i, const std::string& attr) { out.hits.push_back({i, attr}); };
    if (p.has_index) {
        for (size_t i : here)
            if (instances_[i].index == p.index) add(i, p.attr);
        return;
    }
    // The plan lists aws_subnet.a[0].id, aws_subnet.a[0] and aws_subnet.a for
    // one use: the indexed forms say which instances.
    std::string prefix = p.type + "." + p.name + "[";
    if (std::any_of(all.begin(), all.end(), [&](const std::string& r) { return r.rfind(prefix, 0) == 0; })) return;
    // x[count.index] / x[each.key] list only "x" and "count.index": the
    // instance paired with this one. each.value names something else.
    bool paired = std::any_of(all.begin(), all.end(), [](const std::string& r) {
        return r == "count.index" || r == "each.key";
    });
    if (paired && self && !self->index.empty()) {
        for (size_t i : here)
            if (instances_[i].index == self->index) {
                add(i, p.attr);
                return;
            }
    }
    for (size_t i : here) add(i, p.attr);
}

const std::vector<size_t>& PlanIndex::in_scope(const ModulePath& scope, std::string_view type, std::string_view name,
                                               std::vector<size_t>& scratch) const {
    static const std::vector<size_t> none;
    auto in_group = [&](const BaseMap& map, const std::unordered_map<std::string, uint32_t>& ids,
                        const std::string& key) -> const std::vector<size_t>& {
        const uint32_t* group = find_group(ids, key);
        if (!group) return none;
        auto it = map.find({*group, false, type, name});
        return it == map.end() ? none : it->second;
    };
    if (std::none_of(scope.begin(), scope.end(), [](const ModuleStep& s) { return s.any; }))
        return in_group(by_base_in_, instance_ids_, instance_key(scope));
    // A scope with a call written without its key (module.vpc in a module
    // called with count): every instance of the call.
    if (std::none_of(scope.begin(), scope.end() - 1, [](const ModuleStep& s) { return s.any; }))
        return in_group(by_base_last_any_, last_any_ids_, last_any_key(scope));
    scratch.clear();
    for (size_t i : in_group(by_base_, scope_ids_, scope_name(scope)))
        if (matches(scope, *instances_[i].module_path)) scratch.push_back(i);
    return scratch;
}

}  // namespace vpclint::tf
