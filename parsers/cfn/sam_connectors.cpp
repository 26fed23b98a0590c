// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-connector.html
// samtranslator/model/sam_resources.py SamConnector: one managed policy per
// destination, on the source function's role, with the profile's statements
// for the Permissions given.
#include "parsers/cfn/sam_connectors.h"

#include <utility>

#include "parsers/cfn/sam_connector_profiles.h"
#include "parsers/cfn/sam_role_policies.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

// A connector endpoint ({Id: X} or {Type: T, Arn: …}): its resource type.
std::string endpoint_type(const BindContext& c, const EValue& e) {
    if (const EValue* id = e.field("Id"); id && id->known_scalar()) {
        const ResourceInfo* r = c.tpl.resource(id->text);
        return r ? r->type : std::string();
    }
    if (const EValue* type = e.field("Type"); type && type->known_scalar()) return type->text;
    return {};
}

Function* source_function(BindContext& c, const std::string& id) {
    auto it = c.entities.find(id);
    if (it == c.entities.end() || it->second.kind != EntityKind::Function) return nullptr;
    return &c.model.functions[it->second.index];
}

// %{Destination.Arn} and %{Destination.Name}: the Arn written, or what the
// destination resource's ARN or name will be once deployed (unknown here).
Text destination_value(const BindContext& c, const EValue& dest, std::string_view what, const Location& at) {
    if (what == "Arn")
        if (const EValue* arn = dest.field("Arn")) return c.text(arn, nullptr);
    const EValue* id = dest.field("Id");
    std::string name = id && id->known_scalar() ? id->text : std::string("the destination");
    Text t = unknown_resource("the " + std::string(what == "Arn" ? "ARN" : "name") + " of " + name +
                                  ", known once it is deployed",
                              at);
    t.value = "${" + name + (what == "Arn" ? ".Arn}" : ".Name}");
    return t;
}

Text render_resource(const BindContext& c, const EValue& dest, std::string_view pattern, const Location& at) {
    Text out;
    out.present = true;
    out.known = true;
    out.literal = true;
    out.loc = at;
    size_t pos = 0;
    while (pos < pattern.size()) {
        size_t open = pattern.find("%{Destination.", pos);
        if (open == std::string_view::npos) {
            out.value.append(pattern.substr(pos));
            break;
        }
        out.value.append(pattern.substr(pos, open - pos));
        size_t close = pattern.find('}', open);
        std::string_view what = pattern.substr(open + 14, close - open - 14);
        Text part = destination_value(c, dest, what, at);
        if (!part.known) {
            out.known = false;
            if (out.reason.empty()) out.reason = part.reason;
        }
        out.value += part.value;
        pos = close + 1;
    }
    // The ${AWS::Partition}-style parts are known only at deploy time.
    if (out.value.find("${") != std::string::npos) {
        out.known = false;
        if (out.reason.empty()) out.reason = "an ARN with the partition, region and account of the deployment";
    }
    return out;
}

// The managed policy SAM names <Connector>Policy (or …PolicyDestination<i>
// for a list of destinations).
PolicyDocument connector_policy(const BindContext& c, const ConnectorProfile& profile, const EValue* permissions,
                                const EValue& dest, const std::string& policy_name, const Location& at) {
    PolicyDocument d;
    d.present = true;
    d.loc = at;
    d.name = "SAM connector policy " + policy_name;
    if (!permissions || permissions->kind != Kind::List) {
        d.known = false;
        d.reason = "the connector's Permissions are not a known list";
        return d;
    }
    for (const ConnectorAccess& access : profile.access) {
        bool granted = false;
        for (const EValue& p : permissions->items) {
            if (!p.known_scalar()) {
                d.known = false;
                d.reason = "a connector permission is not known";
            } else if (p.text == access.category) {
                granted = true;
            }
        }
        if (!granted) continue;
        for (const ConnectorStatement& cs : access.statements) {
            PolicyStatement s;
            s.loc = at;
            for (std::string_view a : cs.actions) s.actions.push_back(Text{true, true, std::string(a), "", true, at});
            for (std::string_view r : cs.resources) s.resources.push_back(render_resource(c, dest, r, at));
            d.statements.push_back(std::move(s));
        }
    }
    return d;
}

// One connector: a declared need and a policy on the role per destination.
void bind_connector(BindContext& c, Function& f, const std::string& connector_id, const EValue& props,
                    const Node* fallback) {
    const EValue* dest = props.field("Destination");
    if (!dest) return;
    std::vector<const EValue*> items;
    bool multi = dest->kind == Kind::List;
    if (multi)
        for (const EValue& i : dest->items) items.push_back(&i);
    else if (dest->kind == Kind::Map)
        items.push_back(dest);
    Role* role = f.role.resolved() ? &c.model.roles[f.role.index] : nullptr;
    for (size_t i = 0; i < items.size(); ++i) {
        const EValue& d = *items[i];
        // An unsupported pair fails SAM's transform: no need, no policy.
        const ConnectorProfile* profile = lambda_connector_profile(endpoint_type(c, d));
        if (!profile) continue;
        Location at = c.loc(d, fallback);
        if (!profile->service.empty()) f.declared_needs.push_back({std::string(profile->service), at});
        if (role) {
            std::string name = connector_id + (multi ? "PolicyDestination" + std::to_string(i) : "Policy");
            role->inline_policies.push_back(connector_policy(c, *profile, props.field("Permissions"), d, name, at));
        }
    }
}

}  // namespace

void bind_sam_connectors(BindContext& c) {
    if (!c.tpl.sam) return;
    for (const ResourceInfo& r : c.tpl.resources) {
        if (!c.ev.exists(r)) continue;
        if (r.type == "AWS::Serverless::Connector" && r.properties) {
            EValue props = c.ev.eval(r.properties);
            const EValue* source = props.field("Source");
            const EValue* id = source ? source->field("Id") : nullptr;
            if (!id || !id->known_scalar()) continue;
            if (Function* f = source_function(c, id->text)) bind_connector(c, *f, r.id, props, r.node);
            continue;
        }
        // The Connectors attribute: the resource itself is the source, and
        // SAM names the connector <resource id><key> (translator.py).
        const Node* connectors = r.node ? r.node->get("Connectors") : nullptr;
        if (!connectors || !connectors->is_mapping()) continue;
        Function* f = source_function(c, r.id);
        if (!f) continue;
        for (const MapEntry& e : connectors->entries) {
            EValue conn = c.ev.eval(e.value);
            const EValue* props = conn.field("Properties");
            if (props) bind_connector(c, *f, r.id + e.key, *props, e.value);
        }
    }
}

}  // namespace vpclint::cfn
