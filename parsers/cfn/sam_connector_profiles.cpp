// Copied from samtranslator 1.110 profiles.json; see the header.
#include "parsers/cfn/sam_connector_profiles.h"

#include <utility>

namespace vpclint::cfn {

namespace {

// Amazon Location (geo) is left without a service: vpclint has no endpoint
// data for it, so a connector to a place index declares no need.
const std::vector<ConnectorProfile>& table() {
    static const std::vector<ConnectorProfile> profiles = {
        {"AWS::Lambda::Function", "lambda", {
            {"Write", {
                {{"lambda:InvokeAsync", "lambda:InvokeFunction"},
                 {"%{Destination.Arn}"}},
            }},
        }},
        {"AWS::S3::Bucket", "s3", {
            {"Read", {
                {{"s3:GetObject", "s3:GetObjectAcl", "s3:GetObjectLegalHold", "s3:GetObjectRetention", "s3:GetObjectTorrent", "s3:GetObjectVersion", "s3:GetObjectVersionAcl", "s3:GetObjectVersionForReplication", "s3:GetObjectVersionTorrent", "s3:ListBucket", "s3:ListBucketMultipartUploads", "s3:ListBucketVersions", "s3:ListMultipartUploadParts"},
                 {"%{Destination.Arn}", "%{Destination.Arn}/*"}},
            }},
            {"Write", {
                {{"s3:AbortMultipartUpload", "s3:DeleteObject", "s3:DeleteObjectVersion", "s3:PutObject", "s3:PutObjectLegalHold", "s3:PutObjectRetention", "s3:RestoreObject"},
                 {"%{Destination.Arn}", "%{Destination.Arn}/*"}},
            }},
        }},
        {"AWS::DynamoDB::Table", "dynamodb", {
            {"Read", {
                {{"dynamodb:GetItem", "dynamodb:Query", "dynamodb:Scan", "dynamodb:BatchGetItem", "dynamodb:ConditionCheckItem", "dynamodb:PartiQLSelect"},
                 {"%{Destination.Arn}", "%{Destination.Arn}/index/*"}},
            }},
            {"Write", {
                {{"dynamodb:PutItem", "dynamodb:UpdateItem", "dynamodb:DeleteItem", "dynamodb:BatchWriteItem", "dynamodb:PartiQLDelete", "dynamodb:PartiQLInsert", "dynamodb:PartiQLUpdate"},
                 {"%{Destination.Arn}", "%{Destination.Arn}/index/*"}},
            }},
        }},
        {"AWS::SQS::Queue", "sqs", {
            {"Read", {
                {{"sqs:ReceiveMessage", "sqs:GetQueueAttributes"},
                 {"%{Destination.Arn}"}},
            }},
            {"Write", {
                {{"sqs:DeleteMessage", "sqs:SendMessage", "sqs:ChangeMessageVisibility", "sqs:PurgeQueue"},
                 {"%{Destination.Arn}"}},
            }},
        }},
        {"AWS::SNS::Topic", "sns", {
            {"Write", {
                {{"sns:Publish"},
                 {"%{Destination.Arn}"}},
            }},
        }},
        {"AWS::StepFunctions::StateMachine", "states", {
            {"Write", {
                {{"states:StartExecution", "states:StartSyncExecution"},
                 {"%{Destination.Arn}"}},
                {{"states:StopExecution"},
                 {"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:%{Destination.Name}:*"}},
            }},
            {"Read", {
                {{"states:DescribeStateMachine", "states:ListExecutions"},
                 {"%{Destination.Arn}"}},
                {{"states:DescribeExecution", "states:DescribeStateMachineForExecution", "states:GetExecutionHistory"},
                 {"arn:${AWS::Partition}:states:${AWS::Region}:${AWS::AccountId}:execution:%{Destination.Name}:*"}},
            }},
        }},
        {"AWS::Events::EventBus", "events", {
            {"Write", {
                {{"events:PutEvents"},
                 {"%{Destination.Arn}"}},
            }},
        }},
        {"AWS::Location::PlaceIndex", "", {
            {"Read", {
                {{"geo:DescribePlaceIndex", "geo:GetPlace", "geo:SearchPlaceIndexForPosition", "geo:SearchPlaceIndexForSuggestions", "geo:SearchPlaceIndexForText"},
                 {"%{Destination.Arn}"}},
            }},
        }},
    };
    return profiles;
}

}  // namespace

std::span<const ConnectorProfile> lambda_connector_profiles() { return table(); }

const ConnectorProfile* lambda_connector_profile(std::string_view destination_type) {
    // SAM transforms its own resources before connectors, keeping the logical
    // id: the connector sees the CloudFormation type they become.
    static const std::pair<std::string_view, std::string_view> kTransformed[] = {
        {"AWS::Serverless::Function", "AWS::Lambda::Function"},
        {"AWS::Serverless::SimpleTable", "AWS::DynamoDB::Table"},
        {"AWS::Serverless::StateMachine", "AWS::StepFunctions::StateMachine"},
    };
    for (const auto& [sam, cfn] : kTransformed)
        if (destination_type == sam) destination_type = cfn;
    for (const ConnectorProfile& p : table())
        if (p.destination_type == destination_type) return &p;
    return nullptr;
}

}  // namespace vpclint::cfn
