// Evaluation of one Terraform root module directory: its .tf files, its
// local and installed modules, variables from every source Terraform reads.
#pragma once
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <utility>
#include <vector>

#include "parsers/hcl/hcl_ast.h"
#include "parsers/hcl/tf_value.h"

namespace vpclint::hcl {

struct TfInputs {
    std::vector<std::string> var_files;                       // --tf-var-file, in order
    std::vector<std::pair<std::string, std::string>> vars;    // --tf-var K=V, in order
    std::vector<std::pair<std::string, std::string>> env;     // TF_VAR_* (name without the prefix)
};

struct FileError {
    std::string file;
    SyntaxError error;
};

// The blocks of one module directory.
struct ModuleDef {
    std::string dir;
    std::vector<std::unique_ptr<ParseResult>> files;
    std::map<std::string, const Block*> variables, outputs, module_calls;
    std::map<std::string, const Attribute*> locals;
    std::vector<const Block*> resources;                   // managed and data, source order
    std::map<std::string, const Block*> resource_by_name;  // "aws_subnet.a", "data.aws_x.y"
};

struct ModuleInst;

// A resource block in a module instance, expanded.
struct ResourceEval {
    const Block* block = nullptr;
    std::string type, name;
    bool data = false;
    enum State : uint8_t { Pending, Busy, Done } state = Pending;
    bool expanded = false;              // count or for_each
    bool by_count = false;
    bool instances_unknown = false;     // count/for_each unknown: no instances
    std::string unknown_reason;
    std::vector<std::pair<Value, Value>> keys;  // instance key (number or string), each.value
    std::vector<Value> values;                  // evaluated body per instance
    std::vector<std::string> addresses;
    std::optional<Value> whole;  // the list or map of every instance, built once
};

struct ModuleInst {
    const ModuleDef* def = nullptr;
    std::string address;  // "" | module.vpc | module.a["x"].module.b
    ModuleInst* parent = nullptr;
    const Block* call = nullptr;  // in parent
    Value each_key, each_value, count_index;  // of the module call instance
    bool has_each = false, has_count = false;
    std::map<std::string, Value> inputs_root;  // root module: variable values from tfvars/env/CLI
    std::unordered_map<std::string, Value> vars, locals;
    std::unordered_map<std::string, int> busy;  // cycle guard: "local.x", "var.y"
    std::map<std::string, ResourceEval> resources;
    // Module calls: name -> instances (one without count/for_each); unknown when their count is.
    struct Call {
        bool done = false, busy = false, unknown = false, expanded = false, by_count = false;
        std::string reason;
        std::vector<std::pair<Value, std::unique_ptr<ModuleInst>>> instances;
    };
    std::map<std::string, Call> calls;
};

struct Evaluation {
    std::vector<std::unique_ptr<ModuleDef>> defs;
    std::unique_ptr<ModuleInst> root;
    std::vector<FileError> errors;
    std::map<std::string, std::string> scope_dirs;  // "module.vpc" -> its directory
    std::map<std::string, std::string> texts;       // every .tf file read -> its text (reporters quote lines)
};

// Reads `dir` (and its modules) and evaluates everything; errors hold the
// syntax errors (VL001).
std::unique_ptr<Evaluation> evaluate_root_module(const std::string& dir, const TfInputs& inputs);

// Internals shared by the evaluator's files.
struct Scope {
    ModuleInst* mod = nullptr;
    const Value* count_index = nullptr;
    const Value* each_key = nullptr;
    const Value* each_value = nullptr;
    std::vector<std::pair<std::string, Value>> locals;  // for-expression and dynamic-block variables
    const Evaluation* ev = nullptr;
};

class Evaluator {
public:
    explicit Evaluator(Evaluation& e) : ev_(e) {}
    Value eval(const Expr* e, Scope& s, unsigned depth);
    void evaluate_module(ModuleInst& m, unsigned depth);
    Value body_value(const Body& b, Scope& s, unsigned depth);
    ResourceEval& resource(ModuleInst& m, const std::string& key, unsigned depth);
    ModuleInst::Call& module_call(ModuleInst& m, const std::string& name, unsigned depth);
    Value variable(ModuleInst& m, const std::string& name, unsigned depth);
    Value call_function(const std::string& name, std::vector<Value> args, const Expr* e, Scope& s, unsigned depth);

private:
    Value traverse_root(const std::string& root, const Expr* e, Scope& s, unsigned depth, const Expr*& rest_skip);
    Value local(ModuleInst& m, const std::string& name, unsigned depth);
    Value resource_value(ModuleInst& m, const std::string& key, unsigned depth);
    Value output(ModuleInst& m, const std::string& name, unsigned depth);
    Value module_value(ModuleInst& m, const std::string& name, unsigned depth);
    Value policy_document(const Value& body, const std::string& origin);
    Value splat(const Expr* e, Scope& s, unsigned depth);
    Value templ(const std::vector<TemplatePart>& parts, Scope& s, unsigned depth, bool whole);
    Evaluation& ev_;
    bool scope_free(const Expr* e, unsigned depth);
    size_t steps_ = 0;
    // Splats that mention no count, each or bound name give one value per
    // module instance: `element(aws_subnet.a[*].id, count.index)` in 10,000
    // instances must not build the list 10,000 times.
    std::map<std::pair<const Expr*, const ModuleInst*>, Value> splat_memo_;
    std::unordered_map<const Expr*, bool> scope_free_;  // expressions evaluated: bounded, so no input can make evaluation run away
};

Value get_attr(const Value& v, const std::string& name);
Value get_index(const Value& v, const Value& key);

}  // namespace vpclint::hcl
