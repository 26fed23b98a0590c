// The connector profiles of SAM for a Lambda function as the source
// (samtranslator/model/connector_profiles/profiles.json, Permissions
// ."AWS::Lambda::Function"): per destination type and access category, the
// statements of the managed policy SAM attaches to the function's role.
// A test compares this table with the installed samtranslator's copy.
#pragma once
#include <span>
#include <string_view>
#include <vector>

namespace vpclint::cfn {

struct ConnectorStatement {
    std::vector<std::string_view> actions;
    // As profiles.json writes them: "%{Destination.Arn}", "%{Destination.Arn}/*",
    // "arn:${AWS::Partition}:states:…:execution:%{Destination.Name}:*".
    std::vector<std::string_view> resources;
};

struct ConnectorAccess {
    std::string_view category;  // "Read" or "Write"
    std::vector<ConnectorStatement> statements;
};

struct ConnectorProfile {
    std::string_view destination_type;  // a CloudFormation type, after SAM's transform
    std::string_view service;           // the endpoint the calls go to; empty when vpclint has no data on it
    std::vector<ConnectorAccess> access;
};

std::span<const ConnectorProfile> lambda_connector_profiles();

// The profile for a destination of this type, SAM types included
// (AWS::Serverless::Function is an AWS::Lambda::Function once transformed);
// nullptr when SAM supports no connector from a function to it.
const ConnectorProfile* lambda_connector_profile(std::string_view destination_type);

}  // namespace vpclint::cfn
