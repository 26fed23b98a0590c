// What every CloudFormation binder shares: the template, the evaluator of the
// current scenario, the model being filled, and the conversions from
// evaluated values to IR fields (with their positions).
#pragma once
#include <string>
#include <unordered_map>

#include "core/model.h"
#include "parsers/entity_kind.h"
#include "parsers/cfn/cfn_value.h"
#include "parsers/cfn/intrinsics.h"
#include "parsers/cfn/template.h"

namespace vpclint::cfn {

struct BindContext {
    const Template& tpl;
    Evaluator& ev;
    Model& model;
    // Every resource that exists in this scenario, by logical id.
    std::unordered_map<std::string, EntityRef> entities;

    Location loc(const Node* n) const;
    Location loc(const EValue& v, const Node* fallback) const;
    Location key_loc(const EValue& map, std::string_view key) const;
    Location entry_loc(const MapEntry& e) const;  // the key's position

    Text text(const EValue* v, const Node* fallback) const;
    Flag flag(const EValue* v, Tri default_value, const Node* fallback) const;
    // A link to an entity of kind `expected`.
    Link link(const EValue* v, EntityKind expected, const Node* fallback) const;
    LinkList links(const EValue* v, EntityKind expected, const Node* fallback) const;
    PolicyDocument policy(const EValue* v, const Node* fallback) const;
    std::vector<ResourceMention> mentions(const EValue& v) const;
};

// An entity vector's Entity fields for resource `r`.
void init_entity(Entity& e, const ResourceInfo& r, const Document& doc);

// Binders, one per family (parsers/cfn/bind_*.cpp). Each is called for a
// resource whose entity slot was created by `entity_kind_of_type`.
EntityKind entity_kind_of_type(std::string_view type);
bool is_data_store_type(std::string_view type);
void bind_function(BindContext& c, const ResourceInfo& r, const EValue& props, Function& f);
void bind_network(BindContext& c, const ResourceInfo& r, const EValue& props, EntityRef ref);
void bind_security_group(BindContext& c, const ResourceInfo& r, const EValue& props, EntityRef ref);
// SecurityGroup::used_by_non_functions, once every resource is bound.
void mark_group_users(BindContext& c);
void bind_iam(BindContext& c, const ResourceInfo& r, const EValue& props, EntityRef ref);
void bind_data_store(BindContext& c, const ResourceInfo& r, const EValue& props, DataStore& d);
void bind_endpoint(BindContext& c, const ResourceInfo& r, const EValue& props, VpcEndpoint& e);
void bind_event_source(BindContext& c, const ResourceInfo& r, const EValue& props, EventSourceMapping& e);

}  // namespace vpclint::cfn
