// SAM connectors as declared connections, and the names SAM generates for
// AutoPublishAlias, DeploymentPreference and nested applications.
#include <catch2/catch.hpp>

#include <algorithm>

#include "core/document.h"
#include "parsers/cfn/cfn_frontend.h"

using namespace vpclint;

namespace {

std::vector<Model> models_of(const std::string& text) {
    LoadResult r = load_document("t.yaml", text);
    INFO((r.error ? r.error->message : std::string()));
    REQUIRE(!r.error);
    return build_cfn_models(*r.doc, {});
}

std::vector<std::string> needs_of(const Function& f) {
    std::vector<std::string> out;
    for (const DeclaredNeed& d : f.declared_needs) out.push_back(d.need);
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("SAM connectors declare the services their source function uses", "[sam][connectors]") {
    std::vector<Model> models = models_of(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Table: {Type: AWS::DynamoDB::Table}
  Queue: {Type: AWS::SQS::Queue}
  Worker:
    Type: AWS::Serverless::Function
    Connectors:
      WriteQueue:
        Properties:
          Destination: {Id: Queue}
          Permissions: [Write]
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
  Other:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: "def handler(e, c): pass"}
  WorkerToTableAndBus:
    Type: AWS::Serverless::Connector
    Properties:
      Source: {Id: Worker}
      Destination:
        - {Id: Table}
        - {Type: AWS::Events::EventBus, Arn: !Sub "arn:${AWS::Partition}:events:${AWS::Region}:${AWS::AccountId}:event-bus/default"}
      Permissions: [Read, Write]
)");
    REQUIRE(models.size() == 1);
    const Model& m = models[0];
    CHECK(m.problems.empty());
    REQUIRE(m.functions.size() == 2);
    const Function& worker = m.functions[0].id == "Worker" ? m.functions[0] : m.functions[1];
    const Function& other = m.functions[0].id == "Worker" ? m.functions[1] : m.functions[0];
    CHECK(needs_of(worker) == std::vector<std::string>{"dynamodb", "events", "sqs"});
    for (const DeclaredNeed& d : worker.declared_needs) CHECK(d.loc.known());
    CHECK(other.declared_needs.empty());
}

TEST_CASE("names SAM generates for aliases, deployments and nested applications are references", "[sam]") {
    std::vector<Model> models = models_of(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Api:
    Type: AWS::Serverless::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      InlineCode: "def handler(e, c): pass"
      AutoPublishAlias: live
      DeploymentPreference: {Type: Canary10Percent5Minutes}
  Network:
    Type: AWS::Serverless::Application
    Properties:
      Location: {ApplicationId: arn:aws:serverlessrepo:us-east-1:123456789012:applications/vpc, SemanticVersion: 1.0.0}
Outputs:
  Alias: {Value: !Ref ApiAliaslive}
  Version: {Value: !Ref Api.Version}
  Group: {Value: !Ref ApiDeploymentGroup}
  Role: {Value: !GetAtt CodeDeployServiceRole.Arn}
  App: {Value: !Ref ServerlessDeploymentApplication}
  Subnets: {Value: !GetAtt Network.Outputs.PrivateSubnets}
  Typo: {Value: !Ref Nowhere}
)");
    REQUIRE(models.size() == 1);
    REQUIRE(models[0].problems.size() == 1);
    CHECK(models[0].problems[0].message.rfind("Ref to Nowhere", 0) == 0);
}
