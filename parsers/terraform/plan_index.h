// Every resource instance of a Terraform plan or state, with its values, its
// unknown markers and its configuration, and the resolution of configuration
// `references` (through module outputs and variables) into instances.
#pragma once
#include <deque>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
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

// The text fields are views of the plan document's text (the index and its
// instances live no longer than the document): a 100 MB plan has ~47,000
// instances, and a heap copy of each string was a good part of the index's
// time and memory.
struct Instance {
    NodeText address;  // module.vpc.aws_subnet.public[0]
    NodeText module;   // module.vpc ("" for the root module)
    const ModulePath* module_path = nullptr;  // the same, split (shared by the module's instances)
    NodeText type;     // aws_subnet
    NodeText name;     // public
    std::string index;    // what stands in brackets: 0, "a"; empty without count/for_each
    bool data = false;    // a data source: lives outside the plan
    const Node* node = nullptr;          // the entry in planned_values / values
    const Node* values = nullptr;
    const Node* after_unknown = nullptr;  // resource_changes[].change.after_unknown
    const Node* config = nullptr;         // configuration resource (expressions)
    // Where `node` is (PlanIndex::json_path): the module entry and the position in its resources.
    uint32_t module_entry = 0;
    uint32_t position = 0;
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
    const Instance* find(std::string_view address) const;
    // The instances whose known `id` or `arn` equals `id` (ids of different
    // resource types may coincide: IAM role ids are their names).
    const std::vector<size_t>& by_id(std::string_view id) const;
    // planned_values.root_module.child_modules[2].resources[3]: where the instance is in the plan.
    std::string json_path(const Instance& i) const;
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

    // A resource's name within a group of modules: the group (a module
    // scope or instance, by its number in one of the *_ids_ tables below),
    // data or managed, type and name. Views of the document's text: no key
    // string is built per instance or per lookup.
    struct BaseKey {
        uint32_t group = 0;
        bool data = false;
        std::string_view type, name;
        bool operator==(const BaseKey& o) const {
            return group == o.group && data == o.data && type == o.type && name == o.name;
        }
    };
    struct BaseKeyHash {
        size_t operator()(const BaseKey& k) const;
    };
    using BaseMap = std::unordered_map<BaseKey, std::vector<size_t>, BaseKeyHash>;
    // The group numbers of configuration scopes ("module.a.module.b"), module
    // instances ("module.a[\"x\"].module.b") and module instances with the
    // last call's key left out ("module.a[\"x\"].module.b" for module.a["x"].module.b[0]).
    std::unordered_map<std::string, uint32_t> scope_ids_, instance_ids_, last_any_ids_;
    static uint32_t group_of(std::unordered_map<std::string, uint32_t>& ids, std::string key);
    static const uint32_t* find_group(const std::unordered_map<std::string, uint32_t>& ids, const std::string& key);

    std::vector<Instance> instances_;
    std::deque<ModulePath> module_paths_;  // one per module entry (stable addresses)
    std::vector<std::string> module_json_paths_;  // by module entry
    std::unordered_map<std::string_view, size_t> by_address_;
    // aws_subnet.public by configuration scope (module calls without instance keys) -> instances.
    BaseMap by_base_;
    // The same per module instance: a reference inside one of 10,000
    // instances of a module call looks at its own instance's resources, not
    // at all 10,000 instances' (that was quadratic).
    BaseMap by_base_in_;
    // The same with the last call's key left out: module.vpc.<output> read
    // in one instance of module.s looks at the vpc instances of that one.
    BaseMap by_base_last_any_;
    // The instances of type.name in the module instances `scope` allows;
    // `scratch` holds them when they are not one list of the index.
    const std::vector<size_t>& in_scope(const ModulePath& scope, std::string_view type, std::string_view name,
                                        std::vector<size_t>& scratch) const;
    std::unordered_map<std::string_view, std::vector<size_t>> by_id_;
    std::unordered_map<std::string_view, const Node*> after_unknown_;  // address -> after_unknown
    std::unordered_set<std::string_view> deleted_;                     // addresses the plan destroys
    // scope ("" or "module.vpc") -> that module's configuration node.
    std::unordered_map<std::string, const Node*> module_config_;
    // (scope, address) -> configuration resource.
    std::unordered_map<BaseKey, const Node*, BaseKeyHash> config_resources_;
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
