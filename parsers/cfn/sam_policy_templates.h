// SAM policy templates (`Policies: [DynamoDBCrudPolicy: {TableName: …}]` on an
// AWS::Serverless::Function), as data: the statements each template expands
// to. Parameter placeholders (${tableName}) stay as text: what the analyses
// need are the actions.
// Source: aws-sam-translator, samtranslator/policy_templates_data/policy_templates.json
// https://docs.aws.amazon.com/serverless-application-model/latest/developerguide/serverless-policy-templates.html
#pragma once
#include <span>
#include <string_view>
#include <vector>

#include "core/model.h"
#include "core/policy_data.h"

namespace vpclint::cfn {

struct SamPolicyTemplate {
    std::string_view name;                     // "DynamoDBCrudPolicy"
    std::vector<std::string_view> parameters;  // "TableName" (what the template's mapping supplies)
    std::vector<PolicyStatementData> statements;
};

// Every template, sorted by name.
std::span<const SamPolicyTemplate> sam_policy_templates();

// nullptr when SAM has no template of that name.
const SamPolicyTemplate* find_sam_policy_template(std::string_view name);

// The template's statements as the IR holds them, positioned at `loc` (the
// Policies entry). Resources with placeholders are unknown text with the
// placeholder rendering; the frontend may substitute known parameter values.
PolicyDocument sam_policy_document(const SamPolicyTemplate& t, const Location& loc);

}  // namespace vpclint::cfn
