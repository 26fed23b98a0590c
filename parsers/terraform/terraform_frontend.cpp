#include "parsers/terraform/terraform_frontend.h"

#include <filesystem>

#include "parsers/hcl/tf_eval.h"
#include "parsers/hcl/tf_plan_doc.h"
#include "parsers/terraform/plan_index.h"
#include "parsers/terraform/tf_bind_context.h"

namespace vpclint {

namespace {

using tf::BindContext;
using tf::Instance;

template <class T>
uint32_t add_entity(std::vector<T>& v, const Instance& i, const BindContext& c) {
    tf::init_tf_entity(v.emplace_back(), i, c);
    return static_cast<uint32_t>(v.size() - 1);
}

uint32_t create_slot(Model& m, EntityKind k, const Instance& i, const BindContext& c) {
    switch (k) {
        case EntityKind::Function: return add_entity(m.functions, i, c);
        case EntityKind::Vpc: return add_entity(m.vpcs, i, c);
        case EntityKind::Subnet: return add_entity(m.subnets, i, c);
        case EntityKind::RouteTable: return add_entity(m.route_tables, i, c);
        case EntityKind::Route: return add_entity(m.routes, i, c);
        case EntityKind::SubnetAssociation: return add_entity(m.subnet_associations, i, c);
        case EntityKind::InternetGateway: return add_entity(m.internet_gateways, i, c);
        case EntityKind::GatewayAttachment: return add_entity(m.gateway_attachments, i, c);
        case EntityKind::NatGateway: return add_entity(m.nat_gateways, i, c);
        case EntityKind::ElasticIp: return add_entity(m.elastic_ips, i, c);
        case EntityKind::Instance: return add_entity(m.instances, i, c);
        case EntityKind::SecurityGroup: return add_entity(m.security_groups, i, c);
        case EntityKind::SecurityGroupRule: return add_entity(m.security_group_rules, i, c);
        case EntityKind::Role: return add_entity(m.roles, i, c);
        case EntityKind::Policy: return add_entity(m.policies, i, c);
        case EntityKind::VpcEndpoint: return add_entity(m.vpc_endpoints, i, c);
        case EntityKind::DataStore: return add_entity(m.data_stores, i, c);
        case EntityKind::EventSourceMapping: return add_entity(m.event_source_mappings, i, c);
        default: return 0;
    }
}

// Module scope -> directory of its .tf files: the plan's directory (or
// --tf-root) for the root module, `source` paths for local child modules.
void module_dirs(const Node* module_config, const std::string& scope, const std::filesystem::path& dir,
                 std::map<std::string, std::string>& out, unsigned depth) {
    if (!module_config || depth > 32) return;
    out[scope] = dir.string();
    const Node* calls = module_config->get("module_calls");
    if (!calls || !calls->is_mapping()) return;
    for (const MapEntry& e : calls->entries) {
        const Node* source = e.value->get("source");
        if (!source || !source->is_scalar() || (source->text.rfind("./", 0) != 0 && source->text.rfind("../", 0) != 0))
            continue;  // registry and remote modules have no local source
        module_dirs(e.value->get("module"), (scope.empty() ? "" : scope + ".") + "module." + e.key,
                    (dir / std::string_view(source->text)).lexically_normal(), out, depth + 1);
    }
}

// A plan value as HCL text (JSON is HCL), for the variables the plan was made with.
void hcl_text(const Node* n, std::string& out, unsigned depth) {
    if (!n || depth > 64 || n->is_null()) {
        out += "null";
    } else if (n->is_scalar()) {
        if (!n->quoted) {
            out += n->text;
            return;
        }
        out += '"';
        for (char c : n->text) {
            if (c == '"' || c == '\\') out += '\\';
            if (c == '$' || c == '%') out += c;  // $${ and %%{: literal
            if (c == '\n') {
                out += "\\n";
                continue;
            }
            out += c;
        }
        out += '"';
    } else if (n->is_sequence()) {
        out += '[';
        for (size_t k = 0; k < n->items.size(); ++k) {
            if (k) out += ", ";
            hcl_text(n->items[k], out, depth + 1);
        }
        out += ']';
    } else {
        out += '{';
        for (size_t k = 0; k < n->entries.size(); ++k) {
            if (k) out += ", ";
            Node key;
            key.kind = NodeKind::Scalar;
            key.quoted = true;
            key.text = n->entries[k].key;
            hcl_text(&key, out, depth + 1);
            out += ": ";
            hcl_text(n->entries[k].value, out, depth + 1);
        }
        out += '}';
    }
}

// Plans with their sources: a plan's configuration leaves dynamic blocks out
// (terraform-aws-modules/lambda's dynamic "vpc_config"), so their values have
// no references. When the .tf files are at hand, their evaluation (with the
// plan's variables) supplies the expressions the plan lacks; the plan keeps
// every value and every expression it has.
struct SourcesForPlan {
    std::unique_ptr<hcl::Evaluation> ev;
    hcl::PlanDocument pd;

    void supply(const Document& doc, const std::filesystem::path& dir, tf::PlanIndex& plan) {
        std::error_code ec;
        bool any_tf = false;
        for (auto it = std::filesystem::directory_iterator(dir, ec); !ec && it != std::filesystem::directory_iterator(); it.increment(ec))
            if (it->path().extension() == ".tf") any_tf = true;
        const Node* vars = doc.root->get("variables");
        if (!any_tf) return;
        hcl::TfInputs in;
        if (vars && vars->is_mapping())
            for (const MapEntry& e : vars->entries) {
                const Node* v = e.value->get("value");
                if (!v) continue;
                std::string text;
                if (v->is_scalar() && v->quoted) text = v->text;
                else hcl_text(v, text, 0);
                in.vars.emplace_back(e.key, text);
            }
        ev = hcl::evaluate_root_module(dir.string(), in);
        if (!ev->errors.empty()) return;  // a module that does not parse supplies nothing
        pd = hcl::plan_document(*ev, dir.string());
        std::map<std::string, const Node*> own;  // address -> the .tf instance's configuration
        std::vector<const Node*> modules{pd.doc->root->get("planned_values")->get("root_module")};
        while (!modules.empty()) {
            const Node* m = modules.back();
            modules.pop_back();
            if (const Node* rs = m->get("resources"))
                for (const Node* r : rs->items)
                    if (const Node* c = r->get("vpclint_config"); c && r->get("address"))
                        own[r->get("address")->text] = c;
            if (const Node* cs = m->get("child_modules"))
                for (const Node* c : cs->items) modules.push_back(c);
        }
        for (size_t k = 0; k < plan.instances().size(); ++k) {
            const tf::Instance& i = plan.instances()[k];
            auto it = own.find(i.address);
            if (i.data || it == own.end()) continue;
            const Node* theirs = i.config ? i.config->get("expressions") : nullptr;
            const Node* ours = it->second->get("expressions");
            if (!ours || !ours->is_mapping()) continue;
            Node& exprs = pd.doc->make();
            exprs.kind = NodeKind::Mapping;
            if (theirs && theirs->is_mapping()) exprs.entries = theirs->entries;  // shared until pushed to
            bool added = false;
            for (const MapEntry& e : ours->entries)
                if (!exprs.get(e.key)) {
                    pd.doc->arena.push(exprs.entries, e);
                    added = true;
                }
            if (!added) continue;
            Node& merged = pd.doc->make();
            merged.kind = NodeKind::Mapping;
            if (i.config && i.config->is_mapping())
                for (const MapEntry& e : i.config->entries)
                    if (e.key != "expressions") pd.doc->arena.push(merged.entries, e);
            pd.doc->arena.push(merged.entries, MapEntry{"expressions", {}, {}, &exprs});
            plan.set_config(k, &merged);
        }
    }
};
// The shape the index relies on: where a plan or state holds something else
// than the object or list Terraform writes, the file is not a plan we can
// read (VL001 at that value, with its JSON path), never a clean result.
bool wrong_shape(const Node* n, bool want_list, const std::string& path, Model& m, const Document& doc) {
    if (!n || (want_list ? n->is_sequence() : n->is_mapping())) return false;
    m.problems.push_back({ProblemKind::Parse,
                          "invalid Terraform " + std::string(m.format == InputFormat::TerraformState ? "state" : "plan") +
                              ": " + path + " must be " + (want_list ? "a list" : "an object") + ", not " +
                              (n->is_null() ? "null" : n->is_scalar() ? "a scalar" : n->is_sequence() ? "a list" : "an object"),
                          "", doc.location(*n)});
    return true;
}

bool check_module_shape(const Node* module, const std::string& path, Model& m, const Document& doc) {
    // An explicit stack: module nesting comes from the input.
    std::vector<std::pair<const Node*, std::string>> pending{{module, path}};
    while (!pending.empty()) {
        auto [mod, p] = std::move(pending.back());
        pending.pop_back();
        if (wrong_shape(mod, false, p, m, doc)) return true;
        if (!mod) continue;
        if (wrong_shape(mod->get("resources"), true, p + ".resources", m, doc)) return true;
        const Node* children = mod->get("child_modules");
        if (wrong_shape(children, true, p + ".child_modules", m, doc)) return true;
        if (children)
            for (size_t k = 0; k < children->items.size(); ++k)
                pending.emplace_back(children->items[k], p + ".child_modules[" + std::to_string(k) + "]");
    }
    return false;
}

bool structurally_invalid(const Document& doc, InputKind kind, Model& m) {
    const Node* root = doc.root;
    if (kind == InputKind::TerraformState) {
        const Node* values = root->get("values");
        return wrong_shape(values, false, "values", m, doc) ||
               (values && check_module_shape(values->get("root_module"), "values.root_module", m, doc));
    }
    const Node* pv = root->get("planned_values");
    if (wrong_shape(pv, false, "planned_values", m, doc) ||
        (pv && check_module_shape(pv->get("root_module"), "planned_values.root_module", m, doc)))
        return true;
    if (wrong_shape(root->get("resource_changes"), true, "resource_changes", m, doc)) return true;
    const Node* config = root->get("configuration");
    return wrong_shape(config, false, "configuration", m, doc) ||
           (config && wrong_shape(config->get("root_module"), false, "configuration.root_module", m, doc));
}

}  // namespace

std::vector<Model> build_terraform_models(const Document& doc, InputKind kind, const FrontendOptions& opts) {
    return build_terraform_models(doc, kind, opts, {});
}

std::vector<Model> build_terraform_models(const Document& doc, InputKind kind, const FrontendOptions& opts,
                                          std::map<std::string, std::map<std::string, tf::TfBlock>> blocks) {
    Model m;
    m.file = doc.path;
    m.format = kind == InputKind::TerraformState ? InputFormat::TerraformState : InputFormat::TerraformPlan;
    if (structurally_invalid(doc, kind, m)) {
        std::vector<Model> out;
        out.push_back(std::move(m));
        return out;
    }
    tf::PlanIndex plan(doc, kind);
    BindContext c{plan, doc, m, {}, {}, {}, {}, {}, {}, {}};

    bool scan = blocks.empty();
    c.tf_blocks = std::move(blocks);
    std::filesystem::path root_dir = opts.tf_root.empty() ? std::filesystem::path(doc.path).parent_path()
                                                          : std::filesystem::path(opts.tf_root);
    if (root_dir.empty()) root_dir = ".";
    std::map<std::string, std::string> dirs;
    const Node* config = doc.root->get("configuration");
    module_dirs(config ? config->get("root_module") : nullptr, "", root_dir, dirs, 0);
    if (dirs.empty()) dirs[""] = root_dir.string();
    for (const auto& [scope, dir] : dirs) {
        if (!scan) break;
        auto found = tf::scan_tf_dir(dir, &m.source_texts);
        if (!found.empty()) c.tf_blocks[scope] = std::move(found);
    }
    SourcesForPlan sources;
    if (scan && kind == InputKind::TerraformPlan) sources.supply(doc, root_dir, plan);

    const auto& instances = plan.instances();
    c.entity_of.resize(instances.size());
    for (size_t k = 0; k < instances.size(); ++k) {
        const tf::Instance& i = instances[k];
        EntityRef ref{i.data ? EntityKind::Other : tf::entity_kind_of_tf_type(i.type), 0};
        ref.index = create_slot(m, ref.kind, i, c);
        c.entity_of[k] = ref;
    }
    tf::prepare_main_route_tables(c);
    tf::index_route_resources(c);
    for (size_t k = 0; k < instances.size(); ++k) {
        const tf::Instance& i = instances[k];
        EntityRef ref = c.entity_of[k];
        switch (ref.kind) {
            case EntityKind::Other: break;
            case EntityKind::Function:
            case EntityKind::EventSourceMapping: tf::bind_tf_lambda(c, i, ref); break;
            case EntityKind::SecurityGroup:
            case EntityKind::SecurityGroupRule: tf::bind_tf_security(c, i, ref); break;
            case EntityKind::Role:
            case EntityKind::Policy: tf::bind_tf_iam(c, i, ref); break;
            case EntityKind::DataStore:
            case EntityKind::VpcEndpoint: tf::bind_tf_data_store(c, i, ref); break;
            default: tf::bind_tf_network(c, i, ref); break;
        }
    }
    for (const tf::Instance& i : instances) {
        if (i.data) continue;
        if (i.type == "aws_main_route_table_association") tf::apply_main_route_table_association(c, i);
        if (i.type == "aws_iam_role_policy_attachment" || i.type == "aws_iam_policy_attachment")
            tf::apply_policy_attachment(c, i);
        if (i.type == "aws_vpc_endpoint_route_table_association") tf::apply_endpoint_route_table_association(c, i);
        if (i.type == "aws_vpc_endpoint_subnet_association") tf::apply_endpoint_subnet_association(c, i);
        if (i.type == "aws_vpc_endpoint_security_group_association") tf::apply_endpoint_security_group_association(c, i);
        if (i.type == "aws_vpc_endpoint_private_dns") tf::apply_endpoint_private_dns(c, i);
    }
    tf::add_module_input_origins(c);
    index_children(m);
    for (const tf::PlanIndex::Cycle& cy : plan.cycles())
        m.problems.push_back({ProblemKind::InvalidTemplate,
                              "references form a cycle (" + cy.text + "); Terraform refuses cyclic references, so this plan "
                              "was not written by Terraform",
                              "", doc.location(*cy.at)});
    // Tag vpclint:ignore = "VL101 VL107" accepts those findings on the resource.
    for (const tf::Instance& i : instances) {
        const Node* tag = tf::at_path(i.values, {"tags", "vpclint:ignore"});
        if (!tag || !tag->is_scalar()) continue;
        std::string ids = tag->text;
        for (char& ch : ids)
            if (ch == ',') ch = ' ';
        size_t pos = 0;
        while (pos < ids.size()) {
            size_t b = ids.find_first_not_of(' ', pos);
            if (b == std::string::npos) break;
            size_t e = ids.find(' ', b);
            m.suppressions.push_back({i.address, ids.substr(b, e == std::string::npos ? std::string::npos : e - b),
                                      "tag vpclint:ignore of " + i.address, doc.location(*tag)});
            pos = e == std::string::npos ? ids.size() : e;
        }
    }
    std::vector<Model> out;  // not `return {std::move(m)}`: an initializer list copies
    out.push_back(std::move(m));
    return out;
}

}  // namespace vpclint
