// The partial evaluator for CloudFormation intrinsic functions, under one
// condition scenario.
#pragma once
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/model.h"
#include "parsers/cfn/cfn_value.h"
#include "parsers/cfn/template.h"

namespace vpclint::cfn {

// One consistent setting of the switches a deployer controls: parameters the
// user did not set (and pseudo parameters) that conditions depend on.
struct Scenario {
    // Assigned value; nullopt means "some value no condition compares with".
    std::unordered_map<std::string, std::optional<std::string>> atoms;
    // Some parameter whose default is empty ("not given") has another value
    // here: the deployer fills in optional inputs, so the other parameters
    // left empty by default are unknown too, not empty.
    bool optional_inputs_given = false;
};

class Evaluator {
public:
    Evaluator(const Template& tpl, const Scenario& scenario) : tpl_(tpl), scenario_(scenario) {}

    EValue eval(const Node* n);
    // Yes / No, or Unknown when the condition depends on values no scenario sets.
    Tri condition(const std::string& name);
    // Whether a resource exists in this scenario (its Condition is not false).
    bool exists(const ResourceInfo& r);

private:
    EValue eval_intrinsic(const Node* n, const std::string& fn, const Node* arg);
    EValue ref(const Node* at, const std::string& name);
    EValue sub(const Node* at, const Node* arg);
    EValue join(const Node* at, const Node* arg);
    EValue select(const Node* at, const Node* arg);
    EValue split(const Node* at, const Node* arg);
    // Fn::Join of evaluated arguments.
    EValue join_values(const Node* at, const EValue& delim, const EValue& list);
    // `!Split [D, !Join [D, [parts...]]]` whose join is unknown: the parts' items,
    // each known, a resource or a value a linker may know; nullopt otherwise.
    std::optional<EValue> split_of_join(const Node* at, const std::string& delim, const EValue& jdelim,
                                        const EValue& parts);
    EValue length(const Node* at, const Node* arg);
    EValue to_json_string(const Node* at, const Node* arg);
    EValue find_in_map(const Node* at, const Node* arg);
    EValue if_(const Node* at, const Node* arg);
    EValue condition_value(const Node* at, const Node* arg, const std::string& fn);
    EValue parameter_value(const Node* at, const ParameterInfo& p, const std::string& value);

    const Template& tpl_;
    const Scenario& scenario_;
    std::unordered_map<std::string, Tri> conditions_;
    unsigned condition_depth_ = 0;
    // Nesting of eval() calls. The loaders bound a tree's written depth, but
    // aliases and Fn::FindInMap reach further: past the limit a value is
    // unknown, never a stack overflow.
    unsigned eval_depth_ = 0;
    // Mapping values being evaluated (a value that looks itself up again is
    // a cycle; CloudFormation allows no intrinsic there, VL002 says so).
    std::vector<const Node*> active_map_values_;
};

// How deeply eval() may nest (twice the loaders' written-depth limit).
constexpr unsigned kMaxEvalDepth = 2 * kMaxDepth;

// The text of an intrinsic call's function name when `n` is one
// ({"Ref": …} or {"Fn::X": …}); empty otherwise.
std::string intrinsic_name(const Node* n);

}  // namespace vpclint::cfn
