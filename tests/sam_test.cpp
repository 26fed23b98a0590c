// SAM expansion in the CloudFormation frontend: Globals merge, the implicit
// role, Policies, events, on small templates loaded from text.
#include <catch2/catch.hpp>

#include <algorithm>

#include "cli/analyze_file.h"
#include "core/document.h"
#include "core/iam_analysis.h"
#include "core/managed_policies.h"
#include "parsers/cfn/cfn_frontend.h"

using namespace vpclint;

namespace {

struct Built {
    std::unique_ptr<Document> doc;
    std::vector<Model> models;
};

Built build(const std::string& text) {
    Built b;
    LoadResult r = load_document("sam.yaml", text);
    INFO((r.error ? r.error->message : std::string()));
    REQUIRE(!r.error);
    b.doc = std::move(r.doc);
    b.models = build_cfn_models(*b.doc, FrontendOptions{});
    REQUIRE(!b.models.empty());
    return b;
}

const Function& function(const Model& m, const std::string& id) {
    auto it = std::find_if(m.functions.begin(), m.functions.end(), [&](const Function& f) { return f.id == id; });
    REQUIRE(it != m.functions.end());
    return *it;
}

const Role* role(const Model& m, const std::string& id) {
    auto it = std::find_if(m.roles.begin(), m.roles.end(), [&](const Role& r) { return r.id == id; });
    return it == m.roles.end() ? nullptr : &*it;
}

const EnvVar* env(const Function& f, const std::string& name) {
    for (const EnvVar& v : f.environment)
        if (v.name == name) return &v;
    return nullptr;
}

std::vector<std::string> link_texts(const LinkList& l) {
    std::vector<std::string> out;
    for (const Link& i : l.items) out.push_back(i.text);
    return out;
}

std::vector<std::string> managed_names(const Role& r) {
    std::vector<std::string> out;
    for (const ManagedPolicyRef& p : r.managed_policies) {
        const ManagedPolicy* known = find_managed_policy_by_arn(p.arn);
        out.push_back(known ? std::string(known->name) : p.arn.value);
    }
    return out;
}

bool role_allows(const Model& m, const Role& r, std::string_view action) {
    IamAnalysis iam = compute_iam(m);
    return iam.allows(static_cast<uint32_t>(&r - m.roles.data()), action).value == Tri::Yes;
}

std::vector<std::string> findings(const std::string& text, const std::string& rule) {
    FileResult r = analyze_text("sam.yaml", text, FrontendOptions{}, RuleFilter{{rule}, {}});
    std::vector<std::string> out;
    for (const Diagnostic& d : r.diagnostics)
        out.push_back(d.rule_id + " " + d.resource + " " + std::to_string(d.loc.line) + ":" +
                      std::to_string(d.loc.col));
    return out;
}

// Literal ids: enough for a VPC function, no network to reason about.
const char* kVpcFunction = R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
      VpcConfig:
        SubnetIds: [subnet-0123456789abcdef0]
        SecurityGroupIds: [sg-0123456789abcdef0]
)";

}  // namespace

TEST_CASE("Globals.Function: maps merge key by key, the function's scalars win, positions stay where written", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Environment:
      Variables:
        SHARED: https://api.example.com
        LEVEL: info
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Environment:
        Variables:
          LEVEL: debug
          OWN: x
)");
    const Function& f = function(b.models[0], "Fn");
    REQUIRE(f.environment.size() == 3);
    // Globals keys first, then the function's own (GlobalProperties._merge_dict).
    CHECK(f.environment[0].name == "SHARED");
    CHECK(f.environment[1].name == "LEVEL");
    CHECK(f.environment[2].name == "OWN");
    CHECK(env(f, "SHARED")->value.value == "https://api.example.com");
    CHECK(env(f, "SHARED")->value.loc.line == 6);
    CHECK(env(f, "SHARED")->loc.line == 6);
    CHECK(env(f, "LEVEL")->value.value == "debug");
    CHECK(env(f, "LEVEL")->value.loc.line == 14);
    CHECK(env(f, "LEVEL")->loc.line == 14);
    CHECK(env(f, "OWN")->value.loc.line == 15);
}

TEST_CASE("Globals.Function: lists concatenate, Globals first; scalars are overridden", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    VpcConfig:
      SubnetIds: [subnet-0000000000000000a]
      SecurityGroupIds: [sg-0000000000000000a]
      Ipv6AllowedForDualStack: true
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      VpcConfig:
        SubnetIds: [subnet-0000000000000000b]
        Ipv6AllowedForDualStack: false
)");
    const Function& f = function(b.models[0], "Fn");
    CHECK(f.has_vpc_config);
    CHECK(link_texts(f.subnets) == std::vector<std::string>{"subnet-0000000000000000a", "subnet-0000000000000000b"});
    CHECK(f.subnets.items[0].loc.line == 5);
    CHECK(f.subnets.items[1].loc.line == 13);
    CHECK(f.subnets.loc.line == 13);  // the merged list is the function's
    CHECK(link_texts(f.security_groups) == std::vector<std::string>{"sg-0000000000000000a"});
    CHECK(f.security_groups.loc.line == 6);
    CHECK(f.ipv6_dual_stack.value == Tri::No);
    CHECK(f.ipv6_dual_stack.loc.line == 14);
}

TEST_CASE("Globals.Function: an intrinsic function replaces the Globals value instead of merging", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Parameters:
  Subnets: {Type: CommaDelimitedList, Default: "subnet-0000000000000000c"}
Globals:
  Function:
    VpcConfig:
      SubnetIds: [subnet-0000000000000000a]
      SecurityGroupIds: [sg-0000000000000000a]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      VpcConfig:
        SubnetIds: !Ref Subnets
  Detached:
    Type: AWS::Serverless::Function
    Properties:
      VpcConfig: !Ref AWS::NoValue
)");
    const Model& m = b.models[0];
    CHECK(link_texts(function(m, "Fn").subnets) == std::vector<std::string>{"subnet-0000000000000000c"});
    // The function's AWS::NoValue wins over Globals: no VpcConfig at all.
    CHECK_FALSE(function(m, "Detached").has_vpc_config);
    CHECK_FALSE(function(m, "Detached").subnets.present);
}

TEST_CASE("Globals.Function: IgnoreGlobals, functions without Properties, keys Globals may not hold", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Globals:
  Function:
    Role: arn:aws:iam::123456789012:role/from-globals
    Environment:
      Variables: {A: a}
    VpcConfig:
      SubnetIds: [subnet-0000000000000000a]
      SecurityGroupIds: [sg-0000000000000000a]
Resources:
  Bare:
    Type: AWS::Serverless::Function
  IgnoresAll:
    Type: AWS::Serverless::Function
    IgnoreGlobals: "*"
    Properties: {Runtime: python3.12}
  IgnoresVpc:
    Type: AWS::Serverless::Function
    IgnoreGlobals: [VpcConfig]
    Properties: {Runtime: python3.12}
)");
    const Model& m = b.models[0];
    const Function& bare = function(m, "Bare");
    CHECK(bare.has_vpc_config);
    CHECK(env(bare, "A"));
    // Role is not a Globals property (Globals.supported_properties): SAM
    // generates the role.
    REQUIRE(bare.role.resolved());
    CHECK(m.roles[bare.role.index].id == "BareRole");
    CHECK_FALSE(function(m, "IgnoresAll").has_vpc_config);
    CHECK(function(m, "IgnoresAll").environment.empty());
    CHECK_FALSE(function(m, "IgnoresVpc").has_vpc_config);
    CHECK(env(function(m, "IgnoresVpc"), "A"));
}

TEST_CASE("Globals.Function: conditions used in Globals are scenario switches", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Parameters:
  UseVpc: {Type: String, Default: "false", AllowedValues: ["true", "false"]}
Conditions:
  VpcEnabled: !Equals [!Ref UseVpc, "true"]
Globals:
  Function:
    VpcConfig: !If
      - VpcEnabled
      - SubnetIds: [subnet-0000000000000000a]
        SecurityGroupIds: [sg-0000000000000000a]
      - !Ref AWS::NoValue
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12}
)");
    REQUIRE(b.models.size() == 2);
    int with_vpc = 0;
    for (const Model& m : b.models) with_vpc += function(m, "Fn").has_vpc_config ? 1 : 0;
    CHECK(with_vpc == 1);
}

TEST_CASE("Implicit role: <Function>Role with basic execution, VPC access when VpcConfig is set", "[sam]") {
    Built b = build(std::string(kVpcFunction) + R"(  Plain:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: x}
)");
    const Model& m = b.models[0];
    const Function& f = function(m, "Fn");
    REQUIRE(f.role.resolved());
    const Role& r = m.roles[f.role.index];
    CHECK(r.id == "FnRole");
    CHECK(r.type == "AWS::IAM::Role");
    CHECK(r.generated_from == "Fn");
    // Generated resources point at the function's declaration.
    CHECK(r.loc.line == 3);
    CHECK(r.loc.col == 3);
    CHECK(f.role.loc.line == 3);
    CHECK_FALSE(f.generated_from.empty());
    CHECK(managed_names(r) ==
          std::vector<std::string>{"AWSLambdaBasicExecutionRole", "AWSLambdaVPCAccessExecutionRole"});
    CHECK(r.managed_policies[0].arn.value ==
          "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole");
    CHECK(role_allows(m, r, "ec2:CreateNetworkInterface"));
    IamAnalysis iam = compute_iam(m);
    CHECK(iam.can_assume(f.role.index, "lambda.amazonaws.com").value == Tri::Yes);

    const Function& plain = function(m, "Plain");
    REQUIRE(plain.role.resolved());
    CHECK(managed_names(m.roles[plain.role.index]) == std::vector<std::string>{"AWSLambdaBasicExecutionRole"});
}

TEST_CASE("Implicit role: none when Role is set, and Policies are then ignored", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/given
      Policies: [VPCAccessPolicy: {}]
)");
    const Model& m = b.models[0];
    CHECK(m.roles.empty());
    const Function& f = function(m, "Fn");
    CHECK(f.role.state == LinkState::External);
    CHECK(f.generated_from.empty());
}

TEST_CASE("Implicit role: a Role that is AWS::NoValue in a scenario gets the generated role there", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Parameters:
  RoleArn: {Type: String, Default: ""}
Conditions:
  NoRoleGiven: !Equals [!Ref RoleArn, ""]
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Role: !If [NoRoleGiven, !Ref AWS::NoValue, !Ref RoleArn]
)");
    REQUIRE(b.models.size() == 2);
    int generated = 0;
    for (const Model& m : b.models) {
        const Function& f = function(m, "Fn");
        if (f.role.resolved()) {
            ++generated;
            CHECK(m.roles[f.role.index].id == "FnRole");
        } else {
            CHECK(role(m, "FnRole") == nullptr);
        }
    }
    CHECK(generated == 1);
}

TEST_CASE("Implicit role: references to <Function>Role resolve to the generated role", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Owner:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12}
  Borrower:
    Type: AWS::Serverless::Function
    Properties:
      Role: !GetAtt OwnerRole.Arn
  GivenRole:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/given
  Extra:
    Type: AWS::IAM::Policy
    Properties:
      PolicyName: extra
      Roles: [!Ref OwnerRole, !Ref GivenRoleRole]
      PolicyDocument:
        Statement: [{Effect: Allow, Action: "ec2:*", Resource: "*"}]
)");
    const Model& m = b.models[0];
    const Role* owner = role(m, "OwnerRole");
    REQUIRE(owner);
    const Function& borrower = function(m, "Borrower");
    REQUIRE(borrower.role.resolved());
    CHECK(&m.roles[borrower.role.index] == owner);
    CHECK(borrower.role.loc.line == 9);
    CHECK(role(m, "BorrowerRole") == nullptr);
    REQUIRE(m.policies.size() == 1);
    const LinkList& attached = m.policies[0].roles;
    REQUIRE(attached.items.size() == 2);
    REQUIRE(attached.items[0].resolved());
    CHECK(&m.roles[attached.items[0].index] == owner);
    // GivenRole has a Role: SAM generates nothing under that name.
    CHECK(attached.items[1].state == LinkState::Unknown);
    CHECK(role_allows(m, *owner, "ec2:CreateNetworkInterface"));
}

TEST_CASE("Implicit role: Policies entries by kind", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Custom:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Statement: [{Effect: Allow, Action: s3:GetObject, Resource: "*"}]
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies:
        - AWSLambdaENIManagementAccess
        - AWSLambdaBasicExecutionRole
        - arn:aws:iam::123456789012:policy/team
        - !Ref Custom
        - !Sub arn:${AWS::Partition}:iam::aws:policy/AmazonSQSReadOnlyAccess
        - Statement:
            - Effect: Allow
              Action: dynamodb:GetItem
              Resource: "*"
        - DynamoDBReadPolicy: {TableName: orders}
        - NoSuchTemplatePolicy: {}
)");
    const Model& m = b.models[0];
    const Role* r = role(m, "FnRole");
    REQUIRE(r);
    // A name becomes the AWS managed policy's ARN (with its path); an ARN and
    // an intrinsic stay as written; SAM de-duplicates the basic policy.
    REQUIRE(r->managed_policies.size() == 5);
    CHECK(managed_names(*r)[1] == "AWSLambdaENIManagementAccess");
    CHECK(r->managed_policies[1].arn.value ==
          "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaENIManagementAccess");
    CHECK(r->managed_policies[1].loc.line == 12);
    CHECK(r->managed_policies[2].arn.is("arn:aws:iam::123456789012:policy/team"));
    CHECK(r->managed_policies[3].policy.resolved());
    CHECK(m.policies[r->managed_policies[3].policy.index].id == "Custom");
    CHECK(managed_names(*r)[4] == "AmazonSQSReadOnlyAccess");
    REQUIRE(r->inline_policies.size() == 3);
    CHECK(r->inline_policies[0].known);
    CHECK(r->inline_policies[0].statements[0].actions[0].value == "dynamodb:GetItem");
    CHECK(r->inline_policies[1].known);
    CHECK(r->inline_policies[1].loc.line == 21);
    CHECK_FALSE(r->inline_policies[1].statements.empty());
    CHECK_FALSE(r->inline_policies[2].known);
    CHECK(r->inline_policies[2].reason.find("NoSuchTemplatePolicy") != std::string::npos);
    // Policies of unknown content keep the answer from being certain either way.
    IamAnalysis iam = compute_iam(m);
    CHECK(iam.allows(static_cast<uint32_t>(r - m.roles.data()), "ec2:CreateNetworkInterface").value != Tri::No);
}

TEST_CASE("Implicit role: the VPCAccessPolicy template alone grants the ENI actions", "[sam]") {
    // No VpcConfig: AWSLambdaVPCAccessExecutionRole is not attached, only the template can grant them.
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies: [VPCAccessPolicy: {}]
  Without:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12}
)");
    const Model& m = b.models[0];
    for (std::string_view action : kLambdaEniActions) {
        CHECK(role_allows(m, *role(m, "FnRole"), action));
        CHECK_FALSE(role_allows(m, *role(m, "WithoutRole"), action));
    }
}

TEST_CASE("Implicit role: VPCAccessPolicy template, trust policy and permissions boundary as written", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Policies: [VPCAccessPolicy: {}]
      PermissionsBoundary: arn:aws:iam::123456789012:policy/boundary
      AssumeRolePolicyDocument:
        Statement:
          - Effect: Allow
            Principal: {Service: edgelambda.amazonaws.com}
            Action: sts:AssumeRole
)");
    const Model& m = b.models[0];
    const Role* r = role(m, "FnRole");
    REQUIRE(r);
    CHECK(r->permissions_boundary.is("arn:aws:iam::123456789012:policy/boundary"));
    REQUIRE(r->trust_policy.statements.size() == 1);
    CHECK(r->trust_policy.statements[0].service_principals[0].value == "edgelambda.amazonaws.com");
    CHECK(r->trust_policy.loc.line == 9);
    IamAnalysis iam = compute_iam(m);
    CHECK(iam.can_assume(static_cast<uint32_t>(r - m.roles.data()), "lambda.amazonaws.com").value == Tri::No);
}

TEST_CASE("Implicit role: what tracing, dead-letter queues, destinations and polled events add", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Tracing: Active
      DeadLetterQueue: {Type: SNS, TargetArn: arn:aws:sns:us-east-1:123456789012:dlq}
      EventInvokeConfig:
        DestinationConfig:
          OnFailure: {Type: SQS}
      Events:
        Queue:
          Type: SQS
          Properties: {Queue: arn:aws:sqs:us-east-1:123456789012:q}
        Broker:
          Type: MQ
          Properties:
            Broker: arn:aws:mq:us-east-1:123456789012:broker:b
            Queues: [q]
            SourceAccessConfigurations:
              - {Type: BASIC_AUTH, URI: arn:aws:secretsmanager:us-east-1:123456789012:secret:s}
  Untraced:
    Type: AWS::Serverless::Function
    Properties: {Tracing: Disabled}
)");
    const Model& m = b.models[0];
    const Role* r = role(m, "FnRole");
    REQUIRE(r);
    std::vector<std::string> names = managed_names(*r);
    REQUIRE(names.size() == 3);
    CHECK(names[0] == "AWSLambdaBasicExecutionRole");
    CHECK(names[1].find("AWSXrayWriteOnlyAccess") != std::string::npos);
    CHECK(names[2] == "AWSLambdaSQSQueueExecutionRole");
    std::vector<std::string> actions;
    for (const PolicyDocument& d : r->inline_policies)
        for (const PolicyStatement& s : d.statements)
            for (const Text& a : s.actions) actions.push_back(a.value);
    CHECK(actions == std::vector<std::string>{"sns:Publish", "sqs:SendMessage", "secretsmanager:GetSecretValue",
                                              "mq:DescribeBroker"});
    CHECK(managed_names(*role(m, "UntracedRole")) == std::vector<std::string>{"AWSLambdaBasicExecutionRole"});
}

TEST_CASE("Events: polled sources become event source mappings named <Function><Event>", "[sam]") {
    Built b = build(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Stream:
    Type: AWS::Kinesis::Stream
    Properties: {ShardCount: 1}
  Fn:
    Type: AWS::Serverless::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/given
      Events:
        Records:
          Type: Kinesis
          Properties: {Stream: !GetAtt Stream.Arn, StartingPosition: LATEST}
        Http:
          Type: Api
          Properties: {Path: /, Method: get}
        Uploads:
          Type: S3
          Properties: {Bucket: uploads, Events: "s3:ObjectCreated:*"}
        Kafka:
          Type: SelfManagedKafka
          Properties:
            KafkaBootstrapServers: ["broker:9092"]
            Topics: [t]
)");
    const Model& m = b.models[0];
    REQUIRE(m.event_source_mappings.size() == 2);
    const EventSourceMapping& records = m.event_source_mappings[0];
    CHECK(records.id == "FnRecords");
    CHECK(records.type == "AWS::Lambda::EventSourceMapping");
    REQUIRE(records.function.resolved());
    CHECK(m.functions[records.function.index].id == "Fn");
    CHECK(records.loc.line == 11);
    CHECK(records.event_source.present);
    CHECK_FALSE(records.event_source.known);
    CHECK(records.event_source.value == "${Stream.Arn}");
    CHECK(m.event_source_mappings[1].id == "FnKafka");
    CHECK(m.event_source_mappings[1].event_source.is("broker:9092"));
    // With Role given, SAM adds nothing to any role.
    CHECK(m.roles.empty());
}

TEST_CASE("Acceptance: VL201 on SAM functions", "[sam]") {
    SECTION("VpcConfig and no Role: the generated role has AWSLambdaVPCAccessExecutionRole") {
        CHECK(findings(kVpcFunction, "VL201").empty());
    }
    SECTION("Role pointing at a role with only basic execution") {
        std::string t = std::string(kVpcFunction) + R"(      Role: !GetAtt BasicRole.Arn
  BasicRole:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Statement:
          - {Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}
      ManagedPolicyArns:
        - !Sub arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole
)";
        CHECK(findings(t, "VL201") == std::vector<std::string>{"VL201 Fn 12:13"});
    }
    SECTION("Policies: [VPCAccessPolicy: {}] alongside a role SAM generates") {
        std::string t = std::string(kVpcFunction) + "      Policies: [VPCAccessPolicy: {}]\n";
        CHECK(findings(t, "VL201").empty());
    }
}
