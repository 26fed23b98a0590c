// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/sam-resource-connector.html
#include "parsers/cfn/sam_connectors.h"

#include <utility>

namespace vpclint::cfn {

using Kind = EValue::Kind;

std::string_view connector_service(std::string_view type) {
    static const std::pair<std::string_view, std::string_view> kServices[] = {
        {"AWS::DynamoDB::Table", "dynamodb"},
        {"AWS::Serverless::SimpleTable", "dynamodb"},
        {"AWS::S3::Bucket", "s3"},
        {"AWS::SQS::Queue", "sqs"},
        {"AWS::SNS::Topic", "sns"},
        {"AWS::Events::EventBus", "events"},
        {"AWS::StepFunctions::StateMachine", "states"},
        {"AWS::Serverless::StateMachine", "states"},
        {"AWS::Lambda::Function", "lambda"},
        {"AWS::Serverless::Function", "lambda"},
        {"AWS::SecretsManager::Secret", "secretsmanager"},
    };
    for (const auto& [t, s] : kServices)
        if (t == type) return s;
    return {};
}

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

void add_destinations(BindContext& c, Function& f, const EValue* dest, const Node* fallback) {
    if (!dest) return;
    std::vector<const EValue*> items;
    if (dest->kind == Kind::List)
        for (const EValue& i : dest->items) items.push_back(&i);
    else if (dest->kind == Kind::Map)
        items.push_back(dest);
    for (const EValue* d : items) {
        std::string_view service = connector_service(endpoint_type(c, *d));
        if (service.empty()) continue;
        f.declared_needs.push_back({std::string(service), c.loc(*d, fallback)});
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
            if (Function* f = source_function(c, id->text)) add_destinations(c, *f, props.field("Destination"), r.node);
            continue;
        }
        // The Connectors attribute: the resource itself is the source.
        const Node* connectors = r.node ? r.node->get("Connectors") : nullptr;
        if (!connectors || !connectors->is_mapping()) continue;
        Function* f = source_function(c, r.id);
        if (!f) continue;
        for (const MapEntry& e : connectors->entries) {
            EValue conn = c.ev.eval(e.value);
            const EValue* props = conn.field("Properties");
            if (props) add_destinations(c, *f, props->field("Destination"), e.value);
        }
    }
}

}  // namespace vpclint::cfn
