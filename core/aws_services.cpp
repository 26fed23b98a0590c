#include "core/aws_services.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace vpclint {

namespace {

// Endpoint service names: VPC user guide, "AWS services that integrate with
// AWS PrivateLink". Host labels and AWS_ENDPOINT_URL_ ids: the AWS SDKs and
// Tools reference guide, "Service-specific endpoints" (the service id, upper
// case, spaces as underscores). Only services whose API a function calls over
// HTTPS and whose endpoint names are certain are listed: a service missing
// here is never judged (no finding), which is the safe side.
std::vector<AwsService> build_table() {
    std::vector<AwsService> t = {
        {"dynamodb", {"dynamodb"}, {"dynamodb"}, true, {"dynamodb"}, {"DYNAMODB"},
         {"AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable", "aws_dynamodb_table"},
         {}},
        {"s3", {"s3"}, {"s3"}, true, {"s3"}, {"S3"},
         {"AWS::S3::Bucket", "aws_s3_bucket"}, {}},
        {"sqs", {"sqs"}, {"sqs"}, false, {"sqs", "queue"}, {"SQS"},
         {"AWS::SQS::Queue", "aws_sqs_queue"}, {}},
        {"sns", {"sns"}, {"sns"}, false, {"sns"}, {"SNS"},
         {"AWS::SNS::Topic", "aws_sns_topic"}, {}},
        {"secretsmanager", {"secretsmanager"}, {"secretsmanager"}, false, {"secretsmanager"}, {"SECRETS_MANAGER"},
         {"AWS::SecretsManager::Secret", "aws_secretsmanager_secret"}, {"secrets-manager"}},
        {"ssm", {"ssm"}, {"ssm"}, false, {"ssm"}, {"SSM"},
         {"AWS::SSM::Parameter", "aws_ssm_parameter"}, {}},
        {"kms", {"kms"}, {"kms"}, false, {"kms"}, {"KMS"},
         {"AWS::KMS::Key", "AWS::KMS::Alias", "aws_kms_key", "aws_kms_alias"}, {}},
        {"states", {"states"}, {"states"}, false, {"states"}, {"SFN"},
         {"AWS::StepFunctions::StateMachine", "AWS::Serverless::StateMachine", "aws_sfn_state_machine"},
         {"stepfunctions", "sfn", "step-functions"}},
        {"events", {"events"}, {"events"}, false, {"events"}, {"EVENTBRIDGE"},
         {"AWS::Events::EventBus", "aws_cloudwatch_event_bus"}, {"eventbridge"}},
        {"kinesis", {"kinesis"}, {"kinesis-streams"}, false, {"kinesis"}, {"KINESIS"},
         {"AWS::Kinesis::Stream", "aws_kinesis_stream"}, {"kinesis-streams"}},
        {"firehose", {"firehose"}, {"kinesis-firehose"}, false, {"firehose"}, {"FIREHOSE"},
         {"AWS::KinesisFirehose::DeliveryStream", "aws_kinesis_firehose_delivery_stream"}, {"kinesis-firehose"}},
        {"lambda", {"lambda"}, {"lambda"}, false, {"lambda"}, {"LAMBDA"},
         {"AWS::Lambda::Function", "AWS::Serverless::Function", "aws_lambda_function"}, {}},
        // Pulling images needs ecr.dkr as well, but the API calls a function
        // makes (ecr:DescribeImages, ...) go to ecr.api.
        {"ecr", {"ecr"}, {"ecr.api"}, false, {"api.ecr"}, {"ECR"},
         {"AWS::ECR::Repository", "aws_ecr_repository"}, {}},
        {"sts", {"sts"}, {"sts"}, false, {"sts"}, {"STS"}, {}, {}},
        {"monitoring", {"cloudwatch"}, {"monitoring"}, false, {"monitoring"}, {"CLOUDWATCH"}, {}, {"cloudwatch"}},
        {"logs", {"logs"}, {"logs"}, false, {"logs"}, {"CLOUDWATCH_LOGS"}, {}, {"cloudwatch-logs"}},
        {"athena", {"athena"}, {"athena"}, false, {"athena"}, {"ATHENA"}, {}, {}},
        {"glue", {"glue"}, {"glue"}, false, {"glue"}, {"GLUE"}, {}, {}},
        {"rekognition", {"rekognition"}, {"rekognition"}, false, {"rekognition"}, {"REKOGNITION"}, {}, {}},
        {"textract", {"textract"}, {"textract"}, false, {"textract"}, {"TEXTRACT"}, {}, {}},
        {"translate", {"translate"}, {"translate"}, false, {"translate"}, {"TRANSLATE"}, {}, {}},
        {"comprehend", {"comprehend"}, {"comprehend"}, false, {"comprehend"}, {"COMPREHEND"}, {}, {}},
        {"ec2", {"ec2"}, {"ec2"}, false, {"ec2"}, {"EC2"}, {}, {}},
        {"ecs", {"ecs"}, {"ecs"}, false, {"ecs"}, {"ECS"}, {}, {}},
        {"rds-data", {"rds-data"}, {"rds-data"}, false, {"rds-data"}, {"RDS_DATA"}, {}, {}},
    };
    return t;
}

const std::vector<AwsService>& table() {
    static const std::vector<AwsService> t = build_table();
    return t;
}

bool contains(const std::vector<std::string_view>& v, std::string_view s) {
    return std::find(v.begin(), v.end(), s) != v.end();
}

template <class Pred>
const AwsService* find_if(Pred p) {
    for (const AwsService& s : table())
        if (p(s)) return &s;
    return nullptr;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// "eu-west-1", "us-gov-west-1", "cn-north-1": two letters, words, a number.
bool looks_like_region(std::string_view label) {
    size_t i = 0;
    auto lower_run = [&]() {
        size_t start = i;
        while (i < label.size() && std::islower(static_cast<unsigned char>(label[i]))) ++i;
        return i - start;
    };
    if (lower_run() != 2) return false;
    size_t words = 0;
    while (i < label.size() && label[i] == '-') {
        ++i;
        if (i < label.size() && std::isdigit(static_cast<unsigned char>(label[i]))) {
            while (i < label.size() && std::isdigit(static_cast<unsigned char>(label[i]))) ++i;
            return words > 0 && i == label.size();
        }
        if (lower_run() == 0) return false;
        ++words;
    }
    return false;
}

// Actions Lambda itself uses with the execution role, never the function's
// code: the action sets of AWSLambdaSQSQueueExecutionRole,
// AWSLambdaKinesisExecutionRole, AWSLambdaDynamoDBExecutionRole and
// AWSLambdaMSKExecutionRole (event source mappings are polled by the Lambda
// service, not through the function's ENIs), and the network interface
// actions (AWSLambdaVPCAccessExecutionRole, AWSLambdaENIManagementAccess,
// SAM's VPCAccessPolicy). logs:* and xray:* are handled by prefix.
constexpr std::array<std::string_view, 26> kLambdaOnlyActions = {
    "dynamodb:describestream", "dynamodb:getrecords", "dynamodb:getsharditerator", "dynamodb:liststreams",
    "ec2:assignprivateipaddresses", "ec2:createnetworkinterface", "ec2:deletenetworkinterface",
    "ec2:describenetworkinterfaces", "ec2:describesecuritygroups", "ec2:describesubnets", "ec2:describevpcs",
    "ec2:detachnetworkinterface", "ec2:unassignprivateipaddresses", "kafka:describecluster",
    "kafka:describeclusterv2", "kafka:getbootstrapbrokers", "kinesis:describestream",
    "kinesis:describestreamsummary", "kinesis:getrecords", "kinesis:getsharditerator", "kinesis:listshards",
    "kinesis:liststreams", "kinesis:subscribetoshard", "sqs:deletemessage", "sqs:getqueueattributes",
    "sqs:receivemessage"};

}  // namespace

std::span<const AwsService> aws_services() { return table(); }

const AwsService* find_service(std::string_view name) {
    return find_if([&](const AwsService& s) { return s.key == name || contains(s.aliases, name); });
}

const AwsService* service_of_iam_prefix(std::string_view prefix) {
    return find_if([&](const AwsService& s) { return contains(s.iam_prefixes, prefix); });
}

const AwsService* service_of_resource_type(std::string_view type) {
    return find_if([&](const AwsService& s) { return contains(s.resource_types, type); });
}

const AwsService* service_of_sdk_env_id(std::string_view id) {
    return find_if([&](const AwsService& s) { return contains(s.sdk_env_ids, id); });
}

const AwsService* service_of_endpoint_service(std::string_view service) {
    return find_if([&](const AwsService& s) { return contains(s.endpoint_services, service); });
}

const AwsService* service_of_host(std::string_view host) {
    std::string h(host);
    for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    if (!h.empty() && h.back() == '.') h.pop_back();
    std::string_view rest = h;
    if (ends_with(rest, ".amazonaws.com")) rest.remove_suffix(14);
    else if (ends_with(rest, ".amazonaws.com.cn")) rest.remove_suffix(17);
    else return nullptr;
    std::vector<std::string_view> labels;
    for (size_t start = 0; start <= rest.size();) {
        size_t dot = rest.find('.', start);
        if (dot == std::string_view::npos) dot = rest.size();
        labels.push_back(rest.substr(start, dot - start));
        start = dot + 1;
    }
    if (labels.empty()) return nullptr;
    // An endpoint-specific name (vpce-….dynamodb.eu-west-1.vpce.amazonaws.com)
    // is not the SDK's default host: the needs analysis reads those itself.
    if (labels.back() == "vpce") return nullptr;
    // <service>.<region>, <bucket>.s3.<region>, <region>.queue (legacy SQS),
    // <service> (global endpoints such as sts.amazonaws.com).
    std::string_view label = labels.back();
    if (looks_like_region(label)) {
        if (labels.size() < 2) return nullptr;
        label = labels[labels.size() - 2];
    } else if (label.rfind("s3-", 0) == 0 && looks_like_region(label.substr(3))) {
        label = "s3";  // s3-eu-west-1.amazonaws.com, the legacy dash form
    }
    // api.ecr.<region>: two labels.
    if (label == "ecr" && labels.size() >= 3 && labels[labels.size() - 3] == "api") label = "api.ecr";
    return find_if([&](const AwsService& s) { return contains(s.host_labels, label); });
}

std::string endpoint_service_part(std::string_view name) {
    constexpr std::string_view kPrefix = "com.amazonaws.";
    if (name.rfind(kPrefix, 0) != 0) return {};
    std::string_view rest = name.substr(kPrefix.size());
    // The region: one label, or a ${…} placeholder (which holds no dot in
    // the pseudo parameters that stand for it).
    size_t dot = rest.find('.');
    if (dot == std::string_view::npos) return {};
    std::string_view service = rest.substr(dot + 1);
    if (service.empty() || service.find_first_of("${}") != std::string_view::npos) return {};
    return std::string(service);
}

bool is_lambda_only_action(std::string_view action) {
    std::string a(action);
    for (char& c : a) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    size_t colon = a.find(':');
    if (colon == std::string::npos) return false;
    std::string_view prefix = std::string_view(a).substr(0, colon);
    if (prefix == "logs" || prefix == "xray") return true;
    return std::find(kLambdaOnlyActions.begin(), kLambdaOnlyActions.end(), a) != kLambdaOnlyActions.end();
}

}  // namespace vpclint
