// The table of AWS-managed policies. Each entry is the policy's default
// version as published in the AWS Managed Policy Reference
// (https://docs.aws.amazon.com/aws-managed-policy/latest/reference/<Name>.html),
// cross-checked against the version history kept by zoph-io/MAMIP
// (policies/<Name>). A policy that is not here is unknown to the analysis:
// roles that attach it get "unknown", never a guessed answer. So an entry must
// hold every statement of its policy, not only the ones that look relevant.
#include "core/managed_policies.h"

#include <algorithm>
#include <array>

namespace vpclint {

namespace {

using S = PolicyStatementData;
constexpr bool Allow = true;
constexpr bool kAction = false;
constexpr bool kNotAction = true;
constexpr bool kNoCondition = false;
constexpr bool kCondition = true;

std::vector<ManagedPolicy> build_table() {
    std::vector<ManagedPolicy> t = {
        // ---------------------------------------------------------- Lambda execution roles
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html
        {"AWSLambdaBasicExecutionRole", "service-role/",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaBasicExecutionRole.html",
         {S{Allow, kAction, {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"}, {"*"},
            kNoCondition}},
         {}},
        // v3 (edited 2024-01-05): v3 added ec2:DescribeSubnets and
        // Assign/UnassignPrivateIpAddresses to the three ENI actions, all on
        // Resource "*" and without a Condition.
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaVPCAccessExecutionRole.html
        {"AWSLambdaVPCAccessExecutionRole", "service-role/",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaVPCAccessExecutionRole.html",
         {S{Allow, kAction,
            {"logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents", "ec2:CreateNetworkInterface",
             "ec2:DescribeNetworkInterfaces", "ec2:DescribeSubnets", "ec2:DeleteNetworkInterface",
             "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"},
            {"*"}, kNoCondition}},
         {}},
        // v2 (edited 2020-10-01). No logs permissions.
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaENIManagementAccess.html
        {"AWSLambdaENIManagementAccess", "service-role/",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaENIManagementAccess.html",
         {S{Allow, kAction,
            {"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface",
             "ec2:AssignPrivateIpAddresses", "ec2:UnassignPrivateIpAddresses"},
            {"*"}, kNoCondition}},
         {}},
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaSQSQueueExecutionRole.html
        {"AWSLambdaSQSQueueExecutionRole", "service-role/",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaSQSQueueExecutionRole.html",
         {S{Allow, kAction,
            {"sqs:ReceiveMessage", "sqs:DeleteMessage", "sqs:GetQueueAttributes", "logs:CreateLogGroup",
             "logs:CreateLogStream", "logs:PutLogEvents"},
            {"*"}, kNoCondition}},
         {}},
        // v2 (edited 2018-11-19).
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaKinesisExecutionRole.html
        {"AWSLambdaKinesisExecutionRole", "service-role/",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaKinesisExecutionRole.html",
         {S{Allow, kAction,
            {"kinesis:DescribeStream", "kinesis:DescribeStreamSummary", "kinesis:GetRecords",
             "kinesis:GetShardIterator", "kinesis:ListShards", "kinesis:ListStreams", "kinesis:SubscribeToShard",
             "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"},
            {"*"}, kNoCondition}},
         {}},
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaDynamoDBExecutionRole.html
        {"AWSLambdaDynamoDBExecutionRole", "service-role/",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaDynamoDBExecutionRole.html",
         {S{Allow, kAction,
            {"dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator", "dynamodb:ListStreams",
             "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"},
            {"*"}, kNoCondition}},
         {}},
        // v2 (2022: kafka:DescribeClusterV2 added). It carries the three ENI
        // actions: Lambda's MSK poller runs in the cluster's VPC.
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaMSKExecutionRole.html
        {"AWSLambdaMSKExecutionRole", "service-role/",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaMSKExecutionRole.html",
         {S{Allow, kAction,
            {"kafka:DescribeCluster", "kafka:DescribeClusterV2", "kafka:GetBootstrapBrokers",
             "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DescribeVpcs",
             "ec2:DeleteNetworkInterface", "ec2:DescribeSubnets", "ec2:DescribeSecurityGroups",
             "logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"},
            {"*"}, kNoCondition}},
         {}},
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaRole.html
        {"AWSLambdaRole", "service-role/",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaRole.html",
         {S{Allow, kAction, {"lambda:InvokeFunction"}, {"*"}, kNoCondition}},
         {}},
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaExecute.html
        {"AWSLambdaExecute", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambdaExecute.html",
         {S{Allow, kAction, {"logs:*"}, {"arn:aws:logs:*:*:*"}, kNoCondition},
          S{Allow, kAction, {"s3:GetObject", "s3:PutObject"}, {"arn:aws:s3:::*"}, kNoCondition}},
         {}},
        // v2 (edited 2024-02-13).
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSXRayDaemonWriteAccess.html
        {"AWSXRayDaemonWriteAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSXRayDaemonWriteAccess.html",
         {S{Allow, kAction,
            {"xray:PutTraceSegments", "xray:PutTelemetryRecords", "xray:GetSamplingRules",
             "xray:GetSamplingTargets", "xray:GetSamplingStatisticSummaries"},
            {"*"}, kNoCondition}},
         {}},
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CloudWatchLambdaInsightsExecutionRolePolicy.html
        {"CloudWatchLambdaInsightsExecutionRolePolicy", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CloudWatchLambdaInsightsExecutionRolePolicy.html",
         {S{Allow, kAction, {"logs:CreateLogGroup"}, {"*"}, kNoCondition},
          S{Allow, kAction, {"logs:CreateLogStream", "logs:PutLogEvents"},
            {"arn:aws:logs:*:*:log-group:/aws/lambda-insights:*"}, kNoCondition}},
         {}},
        // v5 (edited 2026-02-11).
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambda_FullAccess.html
        {"AWSLambda_FullAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSLambda_FullAccess.html",
         {S{Allow, kAction,
            {"cloudformation:DescribeStacks", "cloudformation:ListStackResources", "cloudwatch:ListMetrics",
             "cloudwatch:GetMetricData", "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs",
             "kms:DescribeKey", "kms:ListAliases", "iam:GetPolicy", "iam:GetPolicyVersion", "iam:GetRole",
             "iam:GetRolePolicy", "iam:ListAttachedRolePolicies", "iam:ListRolePolicies", "iam:ListRoles",
             "lambda:*", "logs:DescribeLogGroups", "states:DescribeStateMachine", "states:ListStateMachines",
             "tag:GetResources", "xray:GetTraceSummaries", "xray:BatchGetTraces"},
            {"*"}, kNoCondition},
          S{Allow, kAction, {"iam:PassRole"}, {"*"}, kCondition},
          S{Allow, kAction,
            {"logs:DescribeLogStreams", "logs:GetLogEvents", "logs:FilterLogEvents", "logs:StartLiveTail",
             "logs:StopLiveTail"},
            {"arn:aws:logs:*:*:log-group:/aws/lambda/*"}, kNoCondition},
          S{Allow, kAction, {"iam:CreateServiceLinkedRole"},
            {"arn:aws:iam::*:role/aws-service-role/lambda.amazonaws.com/AWSServiceRoleForLambda"}, kCondition}},
         {}},

        // ---------------------------------------------------------- broad job-function policies
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html
        {"AdministratorAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AdministratorAccess.html",
         {S{Allow, kAction, {"*"}, {"*"}, kNoCondition}},
         {}},
        // v12 (edited 2026-02-12): everything but IAM, Organizations and
        // Account management, through NotAction.
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html
        {"PowerUserAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/PowerUserAccess.html",
         {S{Allow, kNotAction, {"iam:*", "organizations:*", "account:*"}, {"*"}, kNoCondition},
          S{Allow, kAction,
            {"account:GetAccountInformation", "account:GetGovCloudAccountInformation", "account:GetPrimaryEmail",
             "account:ListRegions", "iam:CreateServiceLinkedRole", "iam:DeleteServiceLinkedRole", "iam:ListRoles",
             "organizations:DescribeEffectivePolicy", "organizations:DescribeOrganization"},
            {"*"}, kNoCondition}},
         {}},

        // ---------------------------------------------------------- service policies
        // v5. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2FullAccess.html
        {"AmazonEC2FullAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2FullAccess.html",
         {S{Allow, kAction, {"ec2:*"}, {"*"}, kNoCondition},
          S{Allow, kAction, {"elasticloadbalancing:*"}, {"*"}, kNoCondition},
          S{Allow, kAction, {"cloudwatch:*"}, {"*"}, kNoCondition},
          S{Allow, kAction, {"autoscaling:*"}, {"*"}, kNoCondition},
          S{Allow, kAction, {"iam:CreateServiceLinkedRole"}, {"*"}, kCondition}},
         {}},
        // v2 (edited 2024-02-14): Describe/Get only, so DescribeNetworkInterfaces
        // but neither Create nor Delete.
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2ReadOnlyAccess.html
        {"AmazonEC2ReadOnlyAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonEC2ReadOnlyAccess.html",
         {S{Allow, kAction, {"ec2:Describe*", "ec2:Get*"}, {"*"}, kNoCondition},
          S{Allow, kAction, {"elasticloadbalancing:Describe*"}, {"*"}, kNoCondition},
          S{Allow, kAction, {"cloudwatch:ListMetrics", "cloudwatch:GetMetricStatistics", "cloudwatch:Describe*"},
            {"*"}, kNoCondition},
          S{Allow, kAction, {"autoscaling:Describe*"}, {"*"}, kNoCondition}},
         {}},
        // v15 (edited 2021-01-29).
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonDynamoDBFullAccess.html
        {"AmazonDynamoDBFullAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonDynamoDBFullAccess.html",
         {S{Allow, kAction,
            {"dynamodb:*",
             "dax:*",
             "application-autoscaling:DeleteScalingPolicy",
             "application-autoscaling:DeregisterScalableTarget",
             "application-autoscaling:DescribeScalableTargets",
             "application-autoscaling:DescribeScalingActivities",
             "application-autoscaling:DescribeScalingPolicies",
             "application-autoscaling:PutScalingPolicy",
             "application-autoscaling:RegisterScalableTarget",
             "cloudwatch:DeleteAlarms",
             "cloudwatch:DescribeAlarmHistory",
             "cloudwatch:DescribeAlarms",
             "cloudwatch:DescribeAlarmsForMetric",
             "cloudwatch:GetMetricStatistics",
             "cloudwatch:ListMetrics",
             "cloudwatch:PutMetricAlarm",
             "cloudwatch:GetMetricData",
             "datapipeline:ActivatePipeline",
             "datapipeline:CreatePipeline",
             "datapipeline:DeletePipeline",
             "datapipeline:DescribeObjects",
             "datapipeline:DescribePipelines",
             "datapipeline:GetPipelineDefinition",
             "datapipeline:ListPipelines",
             "datapipeline:PutPipelineDefinition",
             "datapipeline:QueryObjects",
             "ec2:DescribeVpcs",
             "ec2:DescribeSubnets",
             "ec2:DescribeSecurityGroups",
             "iam:GetRole",
             "iam:ListRoles",
             "kms:DescribeKey",
             "kms:ListAliases",
             "sns:CreateTopic",
             "sns:DeleteTopic",
             "sns:ListSubscriptions",
             "sns:ListSubscriptionsByTopic",
             "sns:ListTopics",
             "sns:Subscribe",
             "sns:Unsubscribe",
             "sns:SetTopicAttributes",
             "lambda:CreateFunction",
             "lambda:ListFunctions",
             "lambda:ListEventSourceMappings",
             "lambda:CreateEventSourceMapping",
             "lambda:DeleteEventSourceMapping",
             "lambda:GetFunctionConfiguration",
             "lambda:DeleteFunction",
             "resource-groups:ListGroups",
             "resource-groups:ListGroupResources",
             "resource-groups:GetGroup",
             "resource-groups:GetGroupQuery",
             "resource-groups:DeleteGroup",
             "resource-groups:CreateGroup",
             "tag:GetResources",
             "kinesis:ListStreams",
             "kinesis:DescribeStream",
             "kinesis:DescribeStreamSummary"},
            {"*"}, kNoCondition},
          S{Allow, kAction, {"cloudwatch:GetInsightRuleReport"},
            {"arn:aws:cloudwatch:*:*:insight-rule/DynamoDBContributorInsights*"}, kNoCondition},
          S{Allow, kAction, {"iam:PassRole"}, {"*"}, kCondition},
          S{Allow, kAction, {"iam:CreateServiceLinkedRole"}, {"*"}, kCondition}},
         {}},
        // v2 (edited 2021-09-27).
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3FullAccess.html
        {"AmazonS3FullAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3FullAccess.html",
         {S{Allow, kAction, {"s3:*", "s3-object-lambda:*"}, {"*"}, kNoCondition}},
         {}},
        // v3 (edited 2023-08-10).
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3ReadOnlyAccess.html
        {"AmazonS3ReadOnlyAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonS3ReadOnlyAccess.html",
         {S{Allow, kAction,
            {"s3:Get*", "s3:List*", "s3:Describe*", "s3-object-lambda:Get*", "s3-object-lambda:List*"}, {"*"},
            kNoCondition}},
         {}},
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSQSFullAccess.html
        {"AmazonSQSFullAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSQSFullAccess.html",
         {S{Allow, kAction, {"sqs:*"}, {"*"}, kNoCondition}},
         {}},
        // v3 (edited 2023-06-15).
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSQSReadOnlyAccess.html
        {"AmazonSQSReadOnlyAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSQSReadOnlyAccess.html",
         {S{Allow, kAction,
            {"sqs:GetQueueAttributes", "sqs:GetQueueUrl", "sqs:ListDeadLetterSourceQueues", "sqs:ListQueues",
             "sqs:ListMessageMoveTasks"},
            {"*"}, kNoCondition}},
         {}},
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSNSFullAccess.html
        {"AmazonSNSFullAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSNSFullAccess.html",
         {S{Allow, kAction, {"sns:*"}, {"*"}, kNoCondition}},
         {}},
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonKinesisFullAccess.html
        {"AmazonKinesisFullAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonKinesisFullAccess.html",
         {S{Allow, kAction, {"kinesis:*"}, {"*"}, kNoCondition}},
         {}},
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSSMReadOnlyAccess.html
        {"AmazonSSMReadOnlyAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AmazonSSMReadOnlyAccess.html",
         {S{Allow, kAction, {"ssm:Describe*", "ssm:Get*", "ssm:List*"}, {"*"}, kNoCondition}},
         {}},
        // v1. https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSStepFunctionsFullAccess.html
        {"AWSStepFunctionsFullAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/AWSStepFunctionsFullAccess.html",
         {S{Allow, kAction, {"states:*"}, {"*"}, kNoCondition}},
         {}},
        // v3 (edited 2025-05-20).
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CloudWatchLogsFullAccess.html
        {"CloudWatchLogsFullAccess", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/CloudWatchLogsFullAccess.html",
         {S{Allow, kAction, {"logs:*", "cloudwatch:GenerateQuery", "cloudwatch:GenerateQueryResultsSummary"},
            {"*"}, kNoCondition}},
         {}},
        // v6.
        // https://docs.aws.amazon.com/aws-managed-policy/latest/reference/SecretsManagerReadWrite.html
        {"SecretsManagerReadWrite", "",
         "https://docs.aws.amazon.com/aws-managed-policy/latest/reference/SecretsManagerReadWrite.html",
         {S{Allow, kAction,
            {"secretsmanager:*", "cloudformation:CreateChangeSet", "cloudformation:DescribeChangeSet",
             "cloudformation:DescribeStackResource", "cloudformation:DescribeStacks",
             "cloudformation:ExecuteChangeSet", "docdb-elastic:GetCluster", "docdb-elastic:ListClusters",
             "ec2:DescribeSecurityGroups", "ec2:DescribeSubnets", "ec2:DescribeVpcs", "kms:DescribeKey",
             "kms:ListAliases", "kms:ListKeys", "lambda:ListFunctions", "rds:DescribeDBClusters",
             "rds:DescribeDBInstances", "redshift:DescribeClusters", "redshift-serverless:ListWorkgroups",
             "redshift-serverless:GetNamespace", "tag:GetResources"},
            {"*"}, kNoCondition},
          S{Allow, kAction,
            {"lambda:AddPermission", "lambda:CreateFunction", "lambda:GetFunction", "lambda:InvokeFunction",
             "lambda:UpdateFunctionConfiguration"},
            {"arn:aws:lambda:*:*:function:SecretsManager*"}, kNoCondition},
          S{Allow, kAction, {"serverlessrepo:CreateCloudFormationChangeSet", "serverlessrepo:GetApplication"},
            {"arn:aws:serverlessrepo:*:*:applications/SecretsManager*"}, kNoCondition},
          S{Allow, kAction, {"s3:GetObject"},
            {"arn:aws:s3:::awsserverlessrepo-changesets*", "arn:aws:s3:::secrets-manager-rotation-apps-*/*"},
            kNoCondition},
          S{Allow, kAction, {"cloudformation:TagResource", "cloudformation:UntagResource"}, {"*"}, kCondition}},
         {}},
    };
    Location nowhere;
    for (ManagedPolicy& p : t) p.document = to_policy_document(p.statements, nowhere);
    std::sort(t.begin(), t.end(), [](const ManagedPolicy& a, const ManagedPolicy& b) { return a.name < b.name; });
    return t;
}

const std::vector<ManagedPolicy>& table() {
    static const std::vector<ManagedPolicy> t = build_table();
    return t;
}

// Partitions whose managed policies live at arn:<partition>:iam::aws:policy/.
// https://docs.aws.amazon.com/IAM/latest/UserGuide/reference-arns.html
bool is_partition(std::string_view p) {
    static constexpr std::array<std::string_view, 8> kPartitions = {
        "aws", "aws-cn", "aws-us-gov", "aws-iso", "aws-iso-b", "aws-iso-e", "aws-iso-f", "aws-eusc"};
    return std::find(kPartitions.begin(), kPartitions.end(), p) != kPartitions.end();
}

// `partial`: the ARN is a partial rendering whose one unknown part must be the
// partition; otherwise it is a known ARN and the partition must be a real one.
const ManagedPolicy* lookup(std::string_view arn, bool partial) {
    constexpr std::string_view kArn = "arn:";
    constexpr std::string_view kIam = ":iam::aws:policy/";
    if (arn.substr(0, kArn.size()) != kArn) return nullptr;
    std::string_view rest = arn.substr(kArn.size());
    size_t colon = rest.find(kIam);
    if (colon == std::string_view::npos) return nullptr;
    std::string_view partition = rest.substr(0, colon);
    if (partial ? partition != "${AWS::Partition}" : !is_partition(partition)) return nullptr;
    std::string_view path_and_name = rest.substr(colon + kIam.size());
    if (path_and_name.find("${") != std::string_view::npos) return nullptr;
    size_t slash = path_and_name.rfind('/');
    std::string_view path = slash == std::string_view::npos ? std::string_view{} : path_and_name.substr(0, slash + 1);
    std::string_view name = slash == std::string_view::npos ? path_and_name : path_and_name.substr(slash + 1);
    const ManagedPolicy* p = find_managed_policy(name);
    // The path is part of the ARN: ".../policy/AWSLambdaVPCAccessExecutionRole"
    // without "service-role/" names no policy, and the deployment fails.
    if (!p || p->path != path) return nullptr;
    return p;
}

}  // namespace

std::span<const ManagedPolicy> managed_policies() { return table(); }

const ManagedPolicy* find_managed_policy(std::string_view name) {
    const auto& t = table();
    auto it = std::lower_bound(t.begin(), t.end(), name,
                               [](const ManagedPolicy& p, std::string_view n) { return p.name < n; });
    return it != t.end() && it->name == name ? &*it : nullptr;
}

const ManagedPolicy* find_managed_policy_by_arn(std::string_view arn) { return lookup(arn, false); }

const ManagedPolicy* find_managed_policy_by_arn(const Text& arn) {
    if (!arn.present) return nullptr;
    // An unknown ARN whose only unknown part is the partition still names one
    // policy: the table holds the same statements for every partition.
    return lookup(arn.value, !arn.known);
}

std::string managed_policy_arn(const ManagedPolicy& p) {
    return "arn:${AWS::Partition}:iam::aws:policy/" + std::string(p.path) + std::string(p.name);
}

}  // namespace vpclint
