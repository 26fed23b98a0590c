// What the Terraform binders share: the plan index, the model being filled,
// and conversions from plan values (with after_unknown and configuration
// references) to IR fields with their positions.
#pragma once
#include <map>
#include <optional>
#include <unordered_map>
#include <string>
#include <vector>

#include "core/model.h"
#include "core/property_path.h"
#include "parsers/entity_kind.h"
#include "parsers/terraform/plan_index.h"
#include "parsers/terraform/tf_source_scan.h"

namespace vpclint::tf {

using Path = std::vector<std::string>;

// Where an attribute's value is (in planned_values / values) and where its
// expression is (in configuration). They differ for items of set-typed
// nested blocks (`route`, `ingress`): a set is stored in hash order, the
// configuration in source order. An empty `expr` with `has_expr` false
// means "no expression to follow" (only values and ids count).
struct Attr {
    Path value;
    Path expr;
    bool has_expr = true;
    // A nested block the configuration holds as one expression: Terraform
    // collapses an attribute-as-block (`route`, `ingress`, `egress`) into
    // {"references": [...]} when a value inside it is unknown at plan time.
    // The values the plan marks unknown inside the block come from those
    // references (see BindContext::expression).
    const Node* collapsed = nullptr;

    Attr(Path p) : value(p), expr(std::move(p)) {}  // NOLINT: implicit on purpose, most attributes are plain paths
    Attr(std::initializer_list<std::string> p) : value(p), expr(p) {}
    Attr(Path v, Path e, bool has) : value(std::move(v)), expr(std::move(e)), has_expr(has) {}
};

struct BindContext {
    const PlanIndex& plan;
    const Document& doc;
    Model& model;
    std::vector<EntityRef> entity_of;                                  // by instance index
    std::map<std::string, std::map<std::string, TfBlock>> tf_blocks;  // module scope -> blocks of its .tf files
    // VPC index -> the route table AWS created with it (`main_route_table_id`,
    // adopted by aws_default_route_table, or made up by the frontend when
    // routes or associations name it).
    std::map<uint32_t, uint32_t> original_main_table;
    std::unordered_map<std::string, uint32_t> main_table_ids;  // its known id -> route table
    // aws_route instances by the route table they name: its known id, or
    // the table instance its reference resolves to (index_route_resources).
    std::unordered_map<std::string, std::vector<size_t>> routes_by_table_id;
    std::unordered_map<size_t, std::vector<size_t>> routes_by_table_instance;
    // Each instance's address as a property path (core/property_path.h), by
    // instance index, interned on first use.
    mutable std::vector<PathId> address_paths;

    const Node* value(const Instance& i, const Path& p) const { return at_path(i.values, p); }
    const Node* expression(const Instance& i, const Attr& a) const;
    bool unknown(const Instance& i, const Path& p) const;  // after_unknown says "known after apply"
    // "known after apply (aws_subnet.private[0].id)": the reference the value
    // comes from, else the attribute itself.
    std::string unknown_reason(const Instance& i, const Attr& a) const;
    // Whether the configuration writes the attribute; true when the plan has
    // no configuration to tell (older formats).
    bool configured(const Instance& i, const Path& p) const;
    // Unknown only because the provider computes it when the configuration
    // leaves it out (optional + computed arguments: a route's
    // network_interface_id, a VPC's enable_dns_hostnames): not a value the
    // configuration asked for.
    bool computed_unknown(const Instance& i, const Attr& a) const;

    // The .tf block of an instance, when a scan found it.
    const TfBlock* block(const Instance& i) const;
    Location loc(const Instance& i) const;
    Location attr_loc(const Instance& i, const Attr& a) const;
    // "module.app.aws_lambda_function.fn" and, for an attribute,
    // ".../vpc_config/0/subnet_ids": the property path its Locations carry.
    PathId address_path(const Instance& i) const;
    PathId attr_path(const Instance& i, const Attr& a) const;
    Location attr_position(const Instance& i, const Attr& a) const;  // attr_loc without the path

    Text text(const Instance& i, const Attr& a) const;
    Flag flag(const Instance& i, const Attr& a, Tri default_value) const;
    Link link(const Instance& i, const Attr& a, EntityKind expected) const;
    LinkList links(const Instance& i, const Attr& a, EntityKind expected) const;
    // The entity of `kind` whose attribute, read by one of the references, has the value `text`.
    std::optional<uint32_t> read_from(const Resolution& r, const std::string& text, EntityKind kind) const;
    PolicyDocument policy(const Instance& i, const Attr& a) const;  // a JSON string attribute

    // Item `k` of the set-typed nested block `block` in values, paired with
    // its configuration block by the constant values of `keys` (or carrying
    // the block's collapsed expression, see Attr::collapsed).
    Attr set_item(const Instance& i, const std::string& block, size_t k, const std::vector<std::string>& keys) const;
    // The model entities of `kind` a resolution leads to, in order, once each
    // (a VPC's `main_route_table_id` leads to its original main route table).
    std::vector<uint32_t> entities_of(const Resolution& r, EntityKind kind) const;
    // The model entities of `kind` whose known id (or ARN) is `id`.
    std::vector<uint32_t> ids_of(const std::string& id, EntityKind kind) const;
};

EntityKind entity_kind_of_tf_type(std::string_view type);
EntityKind tf_data_store_kind(std::string_view type);  // DataStore or Other
void init_tf_entity(Entity& e, const Instance& i, const BindContext& c);
Attr child(const Attr& a, const std::string& name);  // a nested attribute of a block item

// Binders by family (parsers/terraform/bind_*.cpp).
void bind_tf_lambda(BindContext& c, const Instance& i, EntityRef ref);
void bind_tf_network(BindContext& c, const Instance& i, EntityRef ref);
void bind_tf_security(BindContext& c, const Instance& i, EntityRef ref);
void bind_tf_iam(BindContext& c, const Instance& i, EntityRef ref);
void bind_tf_data_store(BindContext& c, const Instance& i, EntityRef ref);
// A VPC's original main route table (parsers/terraform/main_route_tables.cpp):
// aws_default_route_table adopts it; routes and associations that name
// `aws_vpc.x.main_route_table_id` get an entity made up for it. Runs after
// entity slots exist and before the binders.
void prepare_main_route_tables(BindContext& c);
// Fills routes_by_table_id / routes_by_table_instance; runs before the binders.
void index_route_resources(BindContext& c);
// Resources that modify other entities, bound after every entity exists.
void apply_main_route_table_association(BindContext& c, const Instance& i);
void apply_policy_attachment(BindContext& c, const Instance& i);
void apply_endpoint_route_table_association(BindContext& c, const Instance& i);
void apply_endpoint_subnet_association(BindContext& c, const Instance& i);
void apply_endpoint_security_group_association(BindContext& c, const Instance& i);
void apply_endpoint_private_dns(BindContext& c, const Instance& i);
// Model::value_origins: the module inputs each module resource reads
// (parsers/terraform/module_input_origins.cpp).
void add_module_input_origins(BindContext& c);

}  // namespace vpclint::tf
