// What the Terraform binders share: the plan index, the model being filled,
// and conversions from plan values (with after_unknown and configuration
// references) to IR fields with their positions.
#pragma once
#include <map>
#include <string>
#include <vector>

#include "core/model.h"
#include "parsers/entity_kind.h"
#include "parsers/terraform/plan_index.h"
#include "parsers/terraform/tf_source_scan.h"

namespace vpclint::tf {

using Path = std::vector<std::string>;

struct BindContext {
    const PlanIndex& plan;
    const Document& doc;
    Model& model;
    std::vector<EntityRef> entity_of;          // by instance index
    std::map<std::string, std::map<std::string, TfBlock>> tf_blocks;  // module scope dir -> blocks
    std::map<std::string, std::string> module_dirs;                   // module address scope -> .tf directory

    const Node* value(const Instance& i, const Path& p) const { return at_path(i.values, p); }
    bool unknown(const Instance& i, const Path& p) const;  // after_unknown says "known after apply"

    // The .tf block of an instance, when a scan found it.
    const TfBlock* block(const Instance& i) const;
    Location loc(const Instance& i) const;
    Location attr_loc(const Instance& i, const Path& p) const;

    Text text(const Instance& i, const Path& p) const;
    Flag flag(const Instance& i, const Path& p, Tri default_value) const;
    Link link(const Instance& i, const Path& p, EntityKind expected) const;
    LinkList links(const Instance& i, const Path& p, EntityKind expected) const;
    PolicyDocument policy(const Instance& i, const Path& p) const;  // a JSON string attribute
};

EntityKind entity_kind_of_tf_type(std::string_view type);
void init_tf_entity(Entity& e, const Instance& i, const BindContext& c);

// Binders by family (parsers/terraform/bind_*.cpp).
void bind_tf_lambda(BindContext& c, const Instance& i, EntityRef ref);
void bind_tf_network(BindContext& c, const Instance& i, EntityRef ref);
void bind_tf_security(BindContext& c, const Instance& i, EntityRef ref);
void bind_tf_iam(BindContext& c, const Instance& i, EntityRef ref);
void bind_tf_data_store(BindContext& c, const Instance& i, EntityRef ref);
// Resources that modify other entities, bound after every entity exists.
void apply_main_route_table_association(BindContext& c, const Instance& i);
void apply_policy_attachment(BindContext& c, const Instance& i);
void apply_endpoint_route_table_association(BindContext& c, const Instance& i);

}  // namespace vpclint::tf
