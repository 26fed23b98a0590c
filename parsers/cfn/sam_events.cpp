#include "parsers/cfn/sam_events.h"

#include <string_view>

#include "parsers/cfn/sam_role_policies.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

struct PolledEvent {
    std::string_view type;            // the event's Type
    std::string_view source;          // the property naming what is polled
    std::string_view managed_policy;  // get_policy_arn(): path and name, or empty
};

// samtranslator/model/eventsources/pull.py, one class per type.
constexpr PolledEvent kPolledEvents[] = {
    {"SQS", "Queue", "service-role/AWSLambdaSQSQueueExecutionRole"},
    {"Kinesis", "Stream", "service-role/AWSLambdaKinesisExecutionRole"},
    {"DynamoDB", "Stream", "service-role/AWSLambdaDynamoDBExecutionRole"},
    {"MSK", "Stream", "service-role/AWSLambdaMSKExecutionRole"},
    {"MQ", "Broker", ""},
    {"SelfManagedKafka", "KafkaBootstrapServers", ""},
    {"DocumentDB", "Cluster", ""},
};

const PolledEvent* polled_event(const EValue& event) {
    const EValue* type = event.field("Type");
    if (!type || type->kind != Kind::Scalar) return nullptr;
    for (const PolledEvent& p : kPolledEvents)
        if (p.type == type->text) return &p;
    return nullptr;
}

// Calls f(name, event, polled type, position of the event's key) per polled event.
template <class F>
void for_each_polled_event(const BindContext& c, const ResourceInfo& r, const EValue& props, F f) {
    const EValue* events = props.field("Events");
    if (!events || events->kind != Kind::Map) return;
    for (size_t i = 0; i < events->fields.size(); ++i) {
        const auto& [name, event] = events->fields[i];
        const PolledEvent* p = polled_event(event);
        if (!p) continue;
        const MapEntry* key = events->field_keys[i];
        f(name, event, *p, key ? c.entry_loc(*key) : c.loc(event, r.node));
    }
}

// The URIs of SourceAccessConfigurations entries whose Type is one of `types`.
std::vector<const EValue*> access_uris(const EValue& props, std::initializer_list<std::string_view> types) {
    std::vector<const EValue*> out;
    const EValue* list = props.field("SourceAccessConfigurations");
    if (!list || list->kind != Kind::List) return out;
    for (const EValue& conf : list->items) {
        const EValue* type = conf.field("Type");
        const EValue* uri = conf.field("URI");
        if (!type || type->kind != Kind::Scalar || !uri) continue;
        for (std::string_view t : types)
            if (type->text == t) out.push_back(uri);
    }
    return out;
}

bool has_access_type(const EValue& props, std::string_view type) {
    const EValue* list = props.field("SourceAccessConfigurations");
    if (!list || list->kind != Kind::List) return false;
    for (const EValue& conf : list->items)
        if (const EValue* t = conf.field("Type"); t && t->kind == Kind::Scalar && t->text == type) return true;
    return false;
}

// The statements SAM writes for the source (get_policy_statements).
void add_source_statements(const BindContext& c, const PolledEvent& p, const EValue& props, const Location& at,
                           Role& role) {
    auto add = [&](std::initializer_list<std::string_view> actions, Text resource) {
        role.inline_policies.push_back(sam_service_policy(actions, std::move(resource), at));
    };
    auto secret = [&](const EValue* uri) { add({"secretsmanager:GetSecretValue"}, c.text(uri, nullptr)); };
    auto kms = [&] {
        if (props.field("SecretsManagerKmsKeyId"))
            add({"kms:Decrypt"}, unknown_resource("the KMS key ARN SAM builds from SecretsManagerKmsKeyId", at));
    };
    auto schema_registry = [&] {
        if (props.field("SchemaRegistryConfig"))
            role.inline_policies.push_back(
                unknown_policy("the schema registry permissions SAM adds for SchemaRegistryConfig", at));
    };
    // The actions the poller uses to reach a broker or cluster in a VPC.
    auto vpc = [&] {
        add({"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
             "ec2:DescribeVpcs", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups"},
            Text{true, true, "*", "", true, at});
    };
    if (p.type == "MSK") {
        schema_registry();
        for (const EValue* uri : access_uris(props, {"CLIENT_CERTIFICATE_TLS_AUTH"})) secret(uri);
    } else if (p.type == "MQ") {
        for (const EValue* uri : access_uris(props, {"BASIC_AUTH"})) secret(uri);
        add({"mq:DescribeBroker"}, c.text(props.field("Broker"), nullptr));
        kms();
    } else if (p.type == "SelfManagedKafka") {
        for (const EValue* uri : access_uris(props, {"SASL_SCRAM_256_AUTH", "SASL_SCRAM_512_AUTH", "BASIC_AUTH",
                                                     "CLIENT_CERTIFICATE_TLS_AUTH", "SERVER_ROOT_CA_CERTIFICATE"}))
            secret(uri);
        if (has_access_type(props, "VPC_SUBNET") && has_access_type(props, "VPC_SECURITY_GROUP")) vpc();
        kms();
        schema_registry();
    } else if (p.type == "DocumentDB") {
        for (const EValue* uri : access_uris(props, {"BASIC_AUTH"})) secret(uri);
        add({"rds:DescribeDBClusterParameters"}, unknown_resource("cluster parameter groups of the account", at));
        add({"rds:DescribeDBSubnetGroups"}, unknown_resource("subnet groups of the account", at));
        add({"rds:DescribeDBClusters"}, c.text(props.field("Cluster"), nullptr));
        vpc();
        kms();
    }
}

// DestinationConfig.OnFailure with a Type: SAM writes the policy that lets
// the function send failed records there.
void add_destination_statements(const BindContext& c, const EValue& props, const Location& at, Role& role) {
    const EValue* config = props.field("DestinationConfig");
    const EValue* on_failure = config ? config->field("OnFailure") : nullptr;
    const EValue* type = on_failure ? on_failure->field("Type") : nullptr;
    if (!type || type->kind != Kind::Scalar) return;
    Text destination = c.text(on_failure->field("Destination"), nullptr);
    if (type->text == "SQS") {
        role.inline_policies.push_back(sam_service_policy({"sqs:SendMessage"}, destination, at));
    } else if (type->text == "SNS") {
        role.inline_policies.push_back(sam_service_policy({"sns:publish"}, destination, at));
    } else if (type->text == "S3") {
        role.inline_policies.push_back(
            sam_service_policy({"s3:PutObject"}, unknown_resource("the objects of the destination bucket", at), at));
        role.inline_policies.push_back(sam_service_policy({"s3:ListBucket"}, destination, at));
    }
}

}  // namespace

void add_sam_event_source_mappings(BindContext& c, const ResourceInfo& r, const EValue& props,
                                   uint32_t function_index) {
    for_each_polled_event(c, r, props, [&](const std::string& name, const EValue& event, const PolledEvent& p,
                                           const Location& at) {
        EventSourceMapping& e = c.model.event_source_mappings.emplace_back();
        // SamFunction._generate_event_resources: logical id = function id + event name.
        e.id = r.id + name;
        e.type = "AWS::Lambda::EventSourceMapping";
        e.loc = at;
        e.function.state = LinkState::Resolved;
        e.function.index = function_index;
        e.function.loc = at;
        if (const EValue* ep = event.field("Properties")) {
            const EValue* source = ep->field(p.source);
            // Self-managed Kafka has no ARN: its first bootstrap server names it.
            if (source && source->kind == Kind::List && !source->items.empty()) source = &source->items[0];
            e.event_source = c.text(source, r.node);
        }
    });
}

void add_sam_event_permissions(const BindContext& c, const ResourceInfo& r, const EValue& props, Role& role) {
    for_each_polled_event(c, r, props, [&](const std::string&, const EValue& event, const PolledEvent& p,
                                           const Location& at) {
        if (!p.managed_policy.empty()) add_managed_policy(role, sam_managed_policy_arn(p.managed_policy, at), Link{}, at);
        const EValue* ep = event.field("Properties");
        if (!ep || ep->kind != Kind::Map) return;
        add_source_statements(c, p, *ep, at, role);
        add_destination_statements(c, *ep, at, role);
    });
}

}  // namespace vpclint::cfn
