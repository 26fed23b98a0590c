// The module inputs a module's resources are made from: aws_subnet.public in
// module.vpc reads var.public_subnets, which the `module "vpc"` block sets
// (`public_subnets = [...]`); findings about the subnet point there too.
// Read from the configuration's references, so plans and .tf files give the
// same; the position is the input's line in the calling .tf file, or the
// expression in the plan when no .tf file is at hand.
#include <algorithm>
#include <set>
#include <tuple>

#include "parsers/terraform/tf_bind_context.h"

namespace vpclint::tf {

namespace {

constexpr unsigned kMaxDepth = 64;

// The variables an expression (or a tree of them: a resource's nested
// blocks) references, once each, in order.
void var_refs(const Node* n, std::vector<std::string>& out, unsigned depth) {
    if (!n || depth > kMaxDepth) return;
    if (n->is_sequence()) {
        for (const Node* i : n->items) var_refs(i, out, depth + 1);
        return;
    }
    if (!n->is_mapping()) return;
    if (const Node* refs = n->get("references"); refs && refs->is_sequence())
        for (const Node* r : refs->items) {
            if (!r || !r->is_scalar() || r->text.rfind("var.", 0) != 0) continue;
            std::string name = r->text.substr(4);
            name = name.substr(0, name.find_first_of(".["));
            if (!name.empty() && std::find(out.begin(), out.end(), name) == out.end()) out.push_back(name);
        }
    for (const MapEntry& e : n->entries)
        if (e.key != "references" && e.key != "constant_value") var_refs(e.value, out, depth + 1);
}

// The `module` call that made the module instance at `path`, in the configuration.
const Node* call_of(const Document& doc, const ModulePath& path) {
    const Node* config = doc.root->get("configuration");
    const Node* module = config ? config->get("root_module") : nullptr;
    const Node* call = nullptr;
    for (const ModuleStep& s : path) {
        const Node* calls = module ? module->get("module_calls") : nullptr;
        call = calls ? calls->get(s.name) : nullptr;
        if (!call) return nullptr;
        module = call->get("module");
    }
    return call;
}

struct Origins {
    BindContext& c;
    std::set<std::tuple<std::string, uint32_t, uint32_t, std::string>> seen;

    void inputs(const ModulePath& path, const std::vector<std::string>& vars, const Location& at, const std::string& reader,
                unsigned depth) {
        if (path.empty() || depth > kMaxDepth) return;
        const Node* call = call_of(c.doc, path);
        const Node* exprs = call ? call->get("expressions") : nullptr;
        if (!exprs) return;
        ModulePath parent(path.begin(), path.end() - 1);
        std::string scope = scope_name(path);
        const TfBlock* block = nullptr;
        if (auto dir = c.tf_blocks.find(scope_name(parent)); dir != c.tf_blocks.end())
            if (auto b = dir->second.find("module." + path.back().name); b != dir->second.end()) block = &b->second;
        for (const std::string& v : vars) {
            const Node* e = exprs->get(v);
            if (!e) continue;  // not set: the module's default
            Location loc = c.doc.location(*e);
            if (block)
                if (auto a = block->attributes.find(v); a != block->attributes.end()) loc = a->second;
            std::string message = "input " + v + " of " + scope + ", read by " + reader;
            if (seen.emplace(at.file + "\n" + message, at.line, at.col, loc.file).second)
                c.model.value_origins.push_back({at, loc, message});
            std::vector<std::string> up;
            var_refs(e, up, 0);
            inputs(parent, up, at, scope + " (input " + v + ")", depth + 1);
        }
    }
};

}  // namespace

void add_module_input_origins(BindContext& c) {
    Origins o{c, {}};
    for (const Instance& i : c.plan.instances()) {
        if (i.module_path->empty() || !i.config || i.data) continue;
        std::vector<std::string> vars;
        // Tags name things; they decide nothing a rule reads.
        if (const Node* exprs = i.config->get("expressions"); exprs && exprs->is_mapping())
            for (const MapEntry& e : exprs->entries)
                if (e.key != "tags" && e.key != "tags_all") var_refs(e.value, vars, 0);
        var_refs(i.config->get("count_expression"), vars, 0);
        var_refs(i.config->get("for_each_expression"), vars, 0);
        o.inputs(*i.module_path, vars, c.loc(i), i.type + "." + i.name, 0);
    }
}

}  // namespace vpclint::tf
