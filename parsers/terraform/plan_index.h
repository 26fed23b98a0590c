// Every resource instance of a Terraform plan or state, with its values, its
// unknown markers and its configuration, and the resolution of configuration
// `references` (through module outputs and variables) into instances.
#pragma once
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "parsers/frontend.h"

namespace vpclint::tf {

// A module instance address split into its calls: module.a["x"].module.b ->
// {a, "x"}, {b}. In a pattern, `any` matches every instance of the call.
struct ModuleStep {
    std::string name;
    std::string index;  // with quotes for string keys, as in addresses
    bool any = false;
};
using ModulePath = std::vector<ModuleStep>;

struct Instance {
    std::string address;  // module.vpc.aws_subnet.public[0]
    std::string module;   // module.vpc ("" for the root module)
    ModulePath module_path;  // the same, split
    std::string type;     // aws_subnet
    std::string name;     // public
    std::string index;    // what stands in brackets: 0, "a"; empty without count/for_each
    bool data = false;    // a data source: lives outside the plan
    const Node* node = nullptr;          // the entry in planned_values / values
    std::string json_path;               // planned_values.root_module.resources[3]
    const Node* values = nullptr;
    const Node* after_unknown = nullptr;  // resource_changes[].change.after_unknown
    const Node* config = nullptr;         // configuration resource (expressions)
};

// One instance a reference leads to, with the attribute it reads
// ("main_route_table_id"; empty when the reference names the instance).
struct Hit {
    size_t instance = 0;
    std::string attr;
};

// A value an attribute refers to: instances of the plan, or why not.
struct Resolution {
    std::vector<size_t> instances;  // indices into PlanIndex::instances, sorted, unique
    std::vector<Hit> hits;          // the same instances with the attributes read
    bool unresolved = false;        // some reference leads outside the plan (var, data, local)
    std::string reason;
};

class PlanIndex {
public:
    PlanIndex(const Document& doc, InputKind kind);

    const std::vector<Instance>& instances() const { return instances_; }
    const Instance* find(const std::string& address) const;
    // The instances whose known `id` or `arn` equals `id` (ids of different
    // resource types may coincide: IAM role ids are their names).
    std::vector<size_t> by_id(const std::string& id) const;
    // The configuration expression of `attr_path` (e.g. {"vpc_config", "0", "subnet_ids"}) of `self`.
    const Node* expression(const Instance& self, const std::vector<std::string>& attr_path) const;
    // Resolves an expression's references in the scope of `self`'s module instance.
    Resolution resolve(const Instance& self, const Node* expression) const;
    // Reference cycles met while resolving ("module.m.o0 -> var.a -> module.m.o0");
    // Terraform refuses them, so a plan holding one was edited by hand.
    struct Cycle {
        std::string text;
        const Node* at = nullptr;  // the expression where the cycle closes
        std::vector<std::string> members;  // its expressions' keys, sorted
    };
    const std::vector<Cycle>& cycles() const { return cycles_; }
    size_t index_of(const Instance& i) const { return static_cast<size_t>(&i - instances_.data()); }
    // A configuration for instance `k` from elsewhere (the .tf files beside the plan).
    void set_config(size_t k, const Node* config) { instances_[k].config = config; }

private:
    void add_module(const Node* module, const std::string& json_path, bool from_prior_state);
    void index_config(const Node* module_config, const std::string& scope);
    Resolution resolve_in(const ModulePath& scope, const Node* expression, const Instance* self, unsigned depth,
                          const std::string& via = {}) const;
    void resolve_reference(const ModulePath& scope, const std::string& ref, const std::vector<std::string>& all,
                           const Instance* self, unsigned depth, Resolution& out) const;

    std::vector<Instance> instances_;
    std::unordered_map<std::string, size_t> by_address_;
    // "module.vpc.aws_subnet.public" (module calls without instance keys) -> instances.
    std::unordered_map<std::string, std::vector<size_t>> by_base_;
    // The same per module instance ("module.s[\"a\"]|aws_subnet.public"): a
    // reference inside one of 10,000 instances of a module call looks at its
    // own instance's resources, not at all 10,000 instances' (that was quadratic).
    std::unordered_map<std::string, std::vector<size_t>> by_base_in_;
    // The same with the last call's key left out ("module.s[\"a\"].module.vpc|aws_subnet.public"):
    // module.vpc.<output> read in one instance of module.s looks at the vpc instances of that one.
    std::unordered_map<std::string, std::vector<size_t>> by_base_last_any_;
    // The instances of `base` (aws_subnet.public) in the module instances `scope` allows.
    std::vector<size_t> in_scope(const ModulePath& scope, const std::string& base) const;
    std::unordered_map<std::string, std::vector<size_t>> by_id_;
    std::unordered_map<std::string, const Node*> after_unknown_;  // address -> after_unknown
    std::unordered_map<std::string, bool> deleted_;               // address -> the plan destroys it
    // scope ("" or "module.vpc") -> that module's configuration node.
    std::unordered_map<std::string, const Node*> module_config_;
    // "scope|address" ("module.vpc|aws_subnet.public") -> configuration resource.
    std::unordered_map<std::string, const Node*> config_resources_;
    // child scope -> the module call (in the parent) that created it.
    std::unordered_map<std::string, const Node*> module_call_;
    const Node* root_variables_ = nullptr;  // the plan's `variables`: name -> {value}
    // Resolutions of module outputs and variables (which do not depend on the
    // instance asking), by module instance path and expression: each is
    // solved once, so references that fan out do not multiply.
    mutable std::unordered_map<std::string, Resolution> memo_;
    // The expressions being resolved, innermost last, with the reference
    // that led to each: meeting one again is a cycle.
    mutable std::vector<std::pair<std::string, std::string>> active_;
    mutable std::vector<Cycle> cycles_;
};

// The child value at `path` ("vpc_config", "0", "subnet_ids") of a JSON value.
const Node* at_path(const Node* n, const std::vector<std::string>& path);

// module.a["x"].module.b -> its steps; false when the address is malformed.
bool parse_module_path(const std::string& address, ModulePath& out);
// The configuration scope of a module path: module.a.module.b (no keys).
std::string scope_name(const ModulePath& p);

}  // namespace vpclint::tf
