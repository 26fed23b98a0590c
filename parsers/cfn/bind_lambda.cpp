// AWS::Lambda::Function and AWS::Lambda::EventSourceMapping.
#include <sstream>

#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

// Metadata: {vpclint: {needs: [internet, dynamodb]}} (a list, or one
// space/comma separated string).
void bind_declared_needs(BindContext& c, const ResourceInfo& r, Function& f) {
    if (!r.metadata) return;
    const Node* vl = r.metadata->get("vpclint");
    const Node* needs = vl ? vl->get("needs") : nullptr;
    if (!needs) return;
    f.declared_needs_present = true;
    auto add_words = [&](const Node* n) {
        std::string s = n->text;
        for (char& ch : s)
            if (ch == ',') ch = ' ';
        std::istringstream in(s);
        std::string w;
        while (in >> w) f.declared_needs.push_back({w, c.loc(n)});
    };
    if (needs->is_sequence()) {
        for (const Node* n : needs->items)
            if (n->is_scalar()) add_words(n);
    } else if (needs->is_scalar()) {
        add_words(needs);
    }
}

}  // namespace

void bind_function(BindContext& c, const ResourceInfo& r, const EValue& props, Function& f) {
    if (const EValue* vpc = props.field("VpcConfig"); vpc && vpc->kind != Kind::Null) {
        f.has_vpc_config = true;
        f.vpc_config_loc = c.loc(*vpc, r.node);
        if (vpc->kind == Kind::Map) {
            f.subnets = c.links(vpc->field("SubnetIds"), EntityKind::Subnet, vpc->node);
            f.security_groups = c.links(vpc->field("SecurityGroupIds"), EntityKind::SecurityGroup, vpc->node);
            f.ipv6_dual_stack = c.flag(vpc->field("Ipv6AllowedForDualStack"), Tri::No, vpc->node);
            // A list written but removed in this scenario (`!If [C, [...],
            // !Ref AWS::NoValue]`) is absent; its key is still where to point.
            if (vpc->node && vpc->node->is_mapping())
                for (auto [list, key] : {std::pair{&f.subnets, "SubnetIds"}, std::pair{&f.security_groups, "SecurityGroupIds"}})
                    if (!list->present)
                        if (const MapEntry* e = vpc->node->entry(key)) list->loc = c.entry_loc(*e);
        } else {
            // The whole VpcConfig is computed (a parameter, an If on unknowns).
            std::string why = vpc->kind == Kind::Unknown ? vpc->text : "VpcConfig is computed";
            for (LinkList* l : {&f.subnets, &f.security_groups}) {
                l->present = true;
                l->complete = false;
                l->reason = why;
                l->loc = f.vpc_config_loc;
            }
        }
    }
    f.role = c.link(props.field("Role"), EntityKind::Role, r.node);
    if (const EValue* env = props.field("Environment"))
        if (const EValue* vars = env->field("Variables"); vars && vars->kind == Kind::Map)
            for (size_t i = 0; i < vars->fields.size(); ++i) {
                const auto& [name, value] = vars->fields[i];
                EnvVar ev;
                ev.name = name;
                ev.value = c.text(&value, vars->node);
                ev.refs = c.mentions(value);
                ev.loc = vars->field_keys[i] ? c.entry_loc(*vars->field_keys[i]) : ev.value.loc;
                f.environment.push_back(std::move(ev));
            }
    // FileSystemConfigs: [{Arn: !GetAtt AccessPoint.Arn, LocalMountPath}]:
    // the function mounts EFS through the access point's mount targets.
    if (const EValue* fs = props.field("FileSystemConfigs"); fs && fs->kind != Kind::NoValue) {
        f.file_systems.present = true;
        f.file_systems.loc = c.loc(*fs, r.node);
        if (fs->kind == Kind::List) {
            for (const EValue& item : fs->items)
                if (item.kind == Kind::Map) f.file_systems.items.push_back(c.link(item.field("Arn"), EntityKind::DataStore, fs->node));
        } else {
            f.file_systems.complete = false;
            f.file_systems.reason = fs->kind == Kind::Unknown ? fs->text : "FileSystemConfigs is computed";
        }
    }
    if (const EValue* code = props.field("Code"))
        if (const EValue* zip = code->field("ZipFile")) f.inline_code = c.text(zip, code->node);
    bind_declared_needs(c, r, f);
}

void bind_event_source(BindContext& c, const ResourceInfo& r, const EValue& props, EventSourceMapping& e) {
    e.function = c.link(props.field("FunctionName"), EntityKind::Function, r.node);
    const EValue* src = props.field("EventSourceArn");
    if (!src) src = props.field("SelfManagedEventSource");
    e.event_source = c.text(src, r.node);
}

}  // namespace vpclint::cfn
