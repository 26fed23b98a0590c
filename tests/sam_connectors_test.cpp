// SAM connectors as declared connections, and the names SAM generates for
// AutoPublishAlias, DeploymentPreference and nested applications.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>

#include "core/document.h"
#include "parsers/cfn/cfn_frontend.h"
#include "parsers/cfn/sam_connector_profiles.h"

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

    // The managed policies SAM attaches to the generated role, by SAM's names.
    REQUIRE(worker.role.resolved());
    const Role& role = m.roles[worker.role.index];
    std::vector<std::string> names;
    for (const PolicyDocument& d : role.inline_policies)
        if (d.name.rfind("SAM connector policy ", 0) == 0) names.push_back(d.name.substr(21));
    std::sort(names.begin(), names.end());
    CHECK(names == std::vector<std::string>{"WorkerToTableAndBusPolicyDestination0",
                                            "WorkerToTableAndBusPolicyDestination1", "WorkerWriteQueuePolicy"});
    for (const PolicyDocument& d : role.inline_policies) {
        INFO(d.name);
        if (d.name == "SAM connector policy WorkerWriteQueuePolicy") {
            CHECK(d.known);
            REQUIRE(d.statements.size() == 1);  // Write only
            CHECK(d.statements[0].actions.size() == 4);
            CHECK(d.statements[0].actions[1].value == "sqs:SendMessage");
            REQUIRE(d.statements[0].resources.size() == 1);
            CHECK(!d.statements[0].resources[0].known);
            CHECK(d.statements[0].resources[0].value == "${Queue.Arn}");
        }
        if (d.name == "SAM connector policy WorkerToTableAndBusPolicyDestination0") {
            REQUIRE(d.statements.size() == 2);  // Read and Write
            CHECK(d.statements[0].actions[0].value == "dynamodb:GetItem");
            CHECK(d.statements[1].actions[0].value == "dynamodb:PutItem");
            REQUIRE(d.statements[0].resources.size() == 2);
            CHECK(d.statements[0].resources[1].value == "${Table.Arn}/index/*");
        }
        if (d.name == "SAM connector policy WorkerToTableAndBusPolicyDestination1") {
            // The event bus allows only Write: Read adds nothing.
            REQUIRE(d.statements.size() == 1);
            CHECK(d.statements[0].actions[0].value == "events:PutEvents");
        }
    }
    CHECK(m.roles[other.role.index].inline_policies.size() <
          role.inline_policies.size());
}

TEST_CASE("a connector to a destination SAM does not support declares nothing", "[sam][connectors]") {
    std::vector<Model> models = models_of(R"(Transform: AWS::Serverless-2016-10-31
Resources:
  Secret: {Type: AWS::SecretsManager::Secret}
  Worker:
    Type: AWS::Serverless::Function
    Properties: {Runtime: python3.12, Handler: index.handler, InlineCode: "def handler(e, c): pass"}
  WorkerToSecret:
    Type: AWS::Serverless::Connector
    Properties:
      Source: {Id: Worker}
      Destination: {Id: Secret}
      Permissions: [Read]
)");
    REQUIRE(models.size() == 1);
    REQUIRE(models[0].functions.size() == 1);
    CHECK(models[0].functions[0].declared_needs.empty());
    for (const PolicyDocument& d : models[0].roles[models[0].functions[0].role.index].inline_policies)
        CHECK(d.name.rfind("SAM connector policy", 0) != 0);
}

namespace {

// The installed samtranslator's connector profiles, or "" without it.
std::string samtranslator_profiles_path() {
    const char* cmd =
        "python3 -c \"import os, samtranslator; print(os.path.join(os.path.dirname(samtranslator.__file__), "
        "'model', 'connector_profiles', 'profiles.json'))\" 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd, "r"), pclose);
    if (!pipe) return {};
    std::string out;
    std::array<char, 512> buf{};
    while (fgets(buf.data(), static_cast<int>(buf.size()), pipe.get())) out += buf.data();
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

}  // namespace

TEST_CASE("connector profiles equal the installed samtranslator's", "[sam][connectors]") {
    std::string path = samtranslator_profiles_path();
    std::ifstream in(path);
    if (path.empty() || !in) {
        WARN("python3 or samtranslator is not installed: skipping the comparison with profiles.json");
        return;
    }
    const nlohmann::json profiles = nlohmann::json::parse(in).at("Permissions").at("AWS::Lambda::Function");
    CHECK(profiles.size() == cfn::lambda_connector_profiles().size());
    for (const cfn::ConnectorProfile& p : cfn::lambda_connector_profiles()) {
        std::string type(p.destination_type);
        INFO(type);
        REQUIRE(profiles.contains(type));
        const nlohmann::json& profile = profiles.at(type);
        // Resource policies on the destination grant the function nothing.
        CHECK(profile.at("Type") == "AWS_IAM_ROLE_MANAGED_POLICY");
        CHECK(profile.at("Properties").at("SourcePolicy") == true);
        const nlohmann::json& categories = profile.at("Properties").at("AccessCategories");
        REQUIRE(categories.size() == p.access.size());
        for (const cfn::ConnectorAccess& a : p.access) {
            std::string category(a.category);
            INFO(category);
            REQUIRE(categories.contains(category));
            const nlohmann::json& statements = categories.at(category).at("Statement");
            REQUIRE(statements.size() == a.statements.size());
            for (size_t i = 0; i < statements.size(); ++i) {
                CHECK(statements[i].at("Effect") == "Allow");
                CHECK(statements[i].at("Action").get<std::vector<std::string>>() ==
                      std::vector<std::string>(a.statements[i].actions.begin(), a.statements[i].actions.end()));
                CHECK(statements[i].at("Resource").get<std::vector<std::string>>() ==
                      std::vector<std::string>(a.statements[i].resources.begin(), a.statements[i].resources.end()));
            }
        }
    }
    for (const auto& [type, _] : profiles.items()) CHECK(cfn::lambda_connector_profile(type) != nullptr);
    CHECK(cfn::lambda_connector_profile("AWS::Serverless::SimpleTable") ==
          cfn::lambda_connector_profile("AWS::DynamoDB::Table"));
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
