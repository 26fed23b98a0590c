// The AWS-managed policies that matter for Lambda functions, as data: their
// names, ARN paths and statements, so that a role's effective permissions can
// be computed without calling IAM.
#pragma once
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/policy_data.h"

namespace vpclint {

struct ManagedPolicy {
    std::string_view name;    // "AWSLambdaVPCAccessExecutionRole"
    std::string_view path;    // "service-role/" or "" (the part between "policy/" and the name)
    std::string_view source;  // the reference page the statements were taken from
    std::vector<PolicyStatementData> statements;
    PolicyDocument document;  // the statements as the IR holds them
};

// Every policy in the table.
std::span<const ManagedPolicy> managed_policies();

// By exact name ("AWSLambdaBasicExecutionRole"); nullptr when not in the table.
const ManagedPolicy* find_managed_policy(std::string_view name);

// By ARN: `arn:<partition>:iam::aws:policy/<path><name>` in any partition
// (aws, aws-cn, aws-us-gov, the isolated ones) or with the partition left as
// `${AWS::Partition}` in a partial rendering. nullptr for anything else: a
// customer-managed ARN, another unknown part, a wrong path, a policy not in
// the table. The caller then knows nothing about the policy's content.
const ManagedPolicy* find_managed_policy_by_arn(const Text& arn);
const ManagedPolicy* find_managed_policy_by_arn(std::string_view arn);

// "arn:${AWS::Partition}:iam::aws:policy/<path><name>", as a fix hint writes it.
std::string managed_policy_arn(const ManagedPolicy& p);

}  // namespace vpclint
