// The AWS services a function may call from inside a VPC, as data: how each
// is named in IAM actions, in VPC endpoint service names, in SDK host names
// and AWS_ENDPOINT_URL_* variables, and which resource types belong to it.
// Needs analysis, service reachability and the VL1xx/VL4xx rules read it;
// nothing else spells these names.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace vpclint {

struct AwsService {
    std::string_view key;            // the name needs and messages use ("dynamodb", "states")
    std::vector<std::string_view> iam_prefixes;    // "dynamodb", "states"
    // Endpoint service names, without "com.amazonaws.<region>.": any one of
    // them serves the service's API ("ecr.api", "kinesis-streams").
    std::vector<std::string_view> endpoint_services;
    bool gateway_endpoint = false;   // S3 and DynamoDB only (VPC user guide, "Gateway endpoints")
    // The first label of the SDK's default host ("dynamodb" in
    // dynamodb.eu-west-1.amazonaws.com), and the service identifier of
    // AWS_ENDPOINT_URL_<ID> (AWS SDKs and Tools reference, "Service-specific endpoints").
    std::vector<std::string_view> host_labels;
    std::vector<std::string_view> sdk_env_ids;     // "DYNAMODB", "SECRETS_MANAGER"
    std::vector<std::string_view> resource_types;  // "AWS::DynamoDB::Table", "aws_dynamodb_table"
    std::vector<std::string_view> aliases;         // other names a declaration may use ("sfn")
};

std::span<const AwsService> aws_services();

// By key or alias ("dynamodb", "sfn"); nullptr when not in the table.
const AwsService* find_service(std::string_view name);
// By IAM action prefix ("dynamodb" of dynamodb:PutItem).
const AwsService* service_of_iam_prefix(std::string_view prefix);
// By resource type, CloudFormation or Terraform.
const AwsService* service_of_resource_type(std::string_view type);
// By the host of an AWS API URL: "dynamodb.eu-west-1.amazonaws.com",
// "sqs.us-east-1.amazonaws.com", "s3.amazonaws.com", "bucket.s3.eu-west-1.amazonaws.com".
const AwsService* service_of_host(std::string_view host);
// By the suffix of AWS_ENDPOINT_URL_<ID> ("DYNAMODB").
const AwsService* service_of_sdk_env_id(std::string_view id);
// By the endpoint service part of a VPC endpoint service name (see
// endpoint_service_part): "dynamodb", "ecr.api".
const AwsService* service_of_endpoint_service(std::string_view service);

// The part of a VPC endpoint service name after "com.amazonaws.<region>."
// ("ecr.api" of com.amazonaws.eu-west-1.ecr.api). The region may be unknown
// text such as "${AWS::Region}": it still matches. Empty when the name is not
// of that form or its service part is not known text.
std::string endpoint_service_part(std::string_view service_name);

// Whether an IAM action is one that only Lambda itself uses with the
// execution role (event source polling, log delivery, tracing, network
// interfaces): such an action is no evidence that the function's code calls
// the service (rules.md, "Needs"). Wildcards are compared as written:
// "logs:*" and "xray:*" are not evidence, "sqs:*" is.
bool is_lambda_only_action(std::string_view action);

}  // namespace vpclint
