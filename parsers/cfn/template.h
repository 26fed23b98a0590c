// The sections of a CloudFormation template, indexed once.
#pragma once
#include <deque>
#include <map>
#include <set>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "core/document.h"
#include "core/model.h"

namespace vpclint::cfn {

struct ParameterInfo {
    std::string name;
    std::string type;
    const MapEntry* entry = nullptr;
    std::optional<std::string> default_value;
    std::vector<std::string> allowed_values;
    std::optional<std::string> user_value;  // --parameter / --parameters-file

    bool is_list() const;  // List<…>, CommaDelimitedList
    bool is_ssm() const;   // AWS::SSM::Parameter::Value<…>: resolved at deploy time
};

struct ResourceInfo {
    std::string id;
    std::string type;
    const MapEntry* entry = nullptr;     // the logical id key
    const Node* node = nullptr;          // the resource mapping
    const Node* properties = nullptr;
    const Node* metadata = nullptr;
    std::string condition;               // the Condition attribute, if any
};

struct Template {
    const Document* doc = nullptr;
    const Node* root = nullptr;
    const Node* mappings = nullptr;
    const Node* globals = nullptr;  // SAM Globals
    std::vector<ParameterInfo> parameters;
    std::unordered_map<std::string, size_t> parameter_index;
    std::vector<ResourceInfo> resources;
    std::unordered_map<std::string, size_t> resource_index;
    std::map<std::string, const Node*> conditions;  // sorted: scenario order is stable
    bool sam = false;              // Transform includes AWS::Serverless-2016-10-31
    // SAM: logical ids of generated resources a template may reference
    // (`<Function>Role`), each with the index of the resource that generates
    // it (parsers/cfn/sam_generated_ids.h).
    std::unordered_map<std::string, size_t> sam_generated;
    bool language_extensions = false;
    bool other_transform = false;  // a macro may add resources we cannot see
    // AWS::LanguageExtensions: the nodes Fn::ForEach expansion made (`root`
    // points into them), and the key patterns of loops over unknown
    // collections (parsers/cfn/foreach.h).
    std::shared_ptr<NodeArena> expanded_nodes;
    std::vector<std::string> unknown_generated;

    const ParameterInfo* parameter(const std::string& name) const;
    const ResourceInfo* resource(const std::string& id) const;
    // The resource that generates `id` (SAM), or nullptr.
    const ResourceInfo* generated_by(const std::string& id) const;
    // Whether a loop over an unknown collection may generate `key`.
    bool maybe_generated(const std::string& key) const;
};

// Reads the sections; structural problems (VL002) go to `problems`.
// `unknown_values`: parameters whose Default does not apply (FrontendOptions).
Template read_template(const Document& doc, const std::map<std::string, std::string>& user_values,
                       std::vector<Problem>& problems, const std::set<std::string>& unknown_values = {});

bool is_pseudo_parameter(std::string_view name);

}  // namespace vpclint::cfn
