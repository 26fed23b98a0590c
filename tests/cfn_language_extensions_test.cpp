// AWS::LanguageExtensions (Fn::ForEach, Fn::Length, Fn::ToJsonString,
// Fn::FindInMap DefaultValue) and parameter defaults as one scenario among
// others.
#include <catch2/catch.hpp>

#include "core/document.h"
#include "parsers/cfn/cfn_frontend.h"
#include "parsers/cfn/foreach.h"
#include "parsers/cfn/intrinsics.h"
#include "parsers/cfn/template.h"

using namespace vpclint;
using cfn::EValue;
using Kind = EValue::Kind;

namespace {

struct Loaded {
    std::unique_ptr<Document> doc;
    cfn::Template tpl;
    std::vector<Problem> problems;
};

Loaded load(const std::string& text) {
    Loaded l;
    LoadResult r = load_document("t.yaml", text);
    INFO((r.error ? r.error->message : std::string()));
    REQUIRE(!r.error);
    l.doc = std::move(r.doc);
    l.tpl = cfn::read_template(*l.doc, {}, l.problems);
    return l;
}

EValue output(const Loaded& l, const std::string& name) {
    cfn::Scenario s;
    cfn::Evaluator ev(l.tpl, s);
    const Node* outputs = l.tpl.root->get("Outputs");
    REQUIRE(outputs);
    const Node* o = outputs->get(name);
    INFO(name);
    REQUIRE(o);
    return ev.eval(o->get("Value"));
}

std::vector<std::string> problems_of(const std::string& text) {
    LoadResult r = load_document("t.yaml", text);
    REQUIRE(!r.error);
    std::vector<std::string> out;
    for (const Model& m : build_cfn_models(*r.doc, {}))
        for (const Problem& p : m.problems) out.push_back(std::to_string(p.loc.line) + " " + p.message);
    return out;
}

}  // namespace

TEST_CASE("Fn::ForEach expands resources, outputs and conditions before binding", "[cfn][foreach]") {
    Loaded l = load(R"(Transform: AWS::LanguageExtensions
Parameters:
  Envs: {Type: CommaDelimitedList, Default: "dev, prod"}
Conditions:
  Fn::ForEach::EnvConditions:
    - Env
    - !Ref Envs
    - Is${Env}: !Equals [!Ref AWS::Region, !Ref Env]
Resources:
  Fn::ForEach::Topics:
    - Name
    - [Orders, order-events]
    - Topic&{Name}:
        Type: AWS::SNS::Topic
        Properties:
          TopicName: !Ref Name
          DisplayName: !Sub ${Name}-${AWS::Region}
  Fn::ForEach::Outer:
    - Zone
    - !Split [",", "a,b"]
    - Fn::ForEach::Inner:
        - Tier
        - [Public, Private]
        - ${Tier}Subnet${Zone}:
            Type: AWS::EC2::Subnet
            Properties:
              VpcId: vpc-0123456789abcdef0
              CidrBlock: 10.0.0.0/24
              Tags: [{Key: Name, Value: !Sub "${Tier}-${Zone}"}]
Outputs:
  Fn::ForEach::TopicArns:
    - Name
    - [Orders]
    - ${Name}Arn:
        Value: !Ref
          Fn::Sub: Topic${Name}
  Count: {Value: !Length [a, b, c]}
  CountParam: {Value: !Length {Ref: Envs}}
  Json: {Value: !ToJsonString {Port: 443, Name: api, On: true, List: [a, "1"]}}
  JsonUnknown: {Value: !ToJsonString {Topic: !Ref TopicOrders}}
  Fallback: {Value: !FindInMap [Missing, a, b, {DefaultValue: fallback}]}
)");
    CHECK(l.problems.empty());
    for (const char* id : {"TopicOrders", "Topicorderevents", "PublicSubneta", "PrivateSubneta", "PublicSubnetb",
                           "PrivateSubnetb"}) {
        INFO(id);
        CHECK(l.tpl.resource(id));
    }
    CHECK(l.tpl.resources.size() == 6);
    CHECK(l.tpl.conditions.count("Isdev") == 1);
    CHECK(l.tpl.conditions.count("Isprod") == 1);

    // The identifier as a Ref is its value; Fn::Sub substitutes it.
    cfn::Scenario s;
    cfn::Evaluator ev(l.tpl, s);
    const cfn::ResourceInfo* topic = l.tpl.resource("Topicorderevents");
    CHECK(ev.eval(topic->properties->get("TopicName")).text == "order-events");
    CHECK(ev.eval(topic->properties->get("DisplayName")).aux == "order-events-${AWS::Region}");
    const Node* tags = l.tpl.resource("PrivateSubnetb")->properties->get("Tags");
    CHECK(ev.eval(tags->items[0]->get("Value")).text == "Private-b");
    // A generated resource is where its loop body is written.
    CHECK(l.doc->key_location(*topic->entry).line == 13);

    EValue arn = output(l, "OrdersArn");
    CHECK(arn.kind == Kind::ResourceRef);
    CHECK(arn.text == "TopicOrders");
    CHECK(output(l, "Count").text == "3");
    CHECK(output(l, "CountParam").text == "2");
    CHECK(output(l, "Json").text == R"({"Port":443,"Name":"api","On":true,"List":["a","1"]})");
    CHECK(output(l, "JsonUnknown").kind == Kind::Unknown);
    CHECK(output(l, "Fallback").text == "fallback");
}

TEST_CASE("Fn::ForEach over an unknown collection generates an unknown set, never VL002", "[cfn][foreach]") {
    const char* kTemplate = R"(Transform: AWS::LanguageExtensions
Parameters:
  Zones: {Type: CommaDelimitedList}
Resources:
  Fn::ForEach::Subnets:
    - Zone
    - !Ref Zones
    - Subnet&{Zone}:
        Type: AWS::EC2::Subnet
        Properties: {VpcId: vpc-0123456789abcdef0, CidrBlock: 10.0.0.0/24}
  Fn::ForEach::Azs:
    - Az
    - !GetAZs ""
    - Table${Az}: {Type: AWS::EC2::RouteTable, Properties: {VpcId: vpc-0123456789abcdef0}}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      VpcConfig:
        SubnetIds: [!Ref Subneta, !GetAtt Subnetb.SubnetId]
        SecurityGroupIds: [sg-12345678]
      Environment: {Variables: {T: !Ref Tableuseast1a, Typo: !Ref Nowhere}}
)";
    std::vector<std::string> problems = problems_of(kTemplate);
    REQUIRE(problems.size() == 1);
    CHECK(problems[0].rfind("22 Ref to Nowhere", 0) == 0);

    LoadResult r = load_document("t.yaml", kTemplate);
    std::vector<Model> models = build_cfn_models(*r.doc, {});
    REQUIRE(models.size() == 1);
    CHECK(models[0].subnets.empty());
    REQUIRE(models[0].functions.size() == 1);
    const LinkList& subnets = models[0].functions[0].subnets;
    REQUIRE(subnets.items.size() == 2);
    for (const Link& l : subnets.items) CHECK(l.state == LinkState::Unknown);

    CHECK(cfn::matches_generated_key("Subnet*", "Subneta"));
    CHECK(cfn::matches_generated_key("*Subnet*", "PublicSubnet"));
    CHECK_FALSE(cfn::matches_generated_key("Subnet*", "Table"));
}

TEST_CASE("a parameter default is one scenario: other values decide conditions", "[cfn][scenarios]") {
    LoadResult r = load_document("t.yaml", R"(
Parameters:
  SubnetIds: {Type: CommaDelimitedList, Default: ""}
  SecurityGroupIds: {Type: CommaDelimitedList, Default: ""}
  Env: {Type: String, Default: dev}
Conditions:
  HasSubnets: !Not [!Equals [!Join [",", !Ref SubnetIds], ""]]
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      Description: !If [IsProd, production, other]
      VpcConfig: !If
        - HasSubnets
        - {SubnetIds: !Ref SubnetIds, SecurityGroupIds: !Ref SecurityGroupIds}
        - !Ref AWS::NoValue
)");
    REQUIRE(!r.error);
    std::vector<Model> models = build_cfn_models(*r.doc, {});
    // SubnetIds: the default ("") or another value; Env: dev, prod or another.
    // Env=dev and Env=other decide IsProd alike and merge.
    REQUIRE(models.size() == 4);
    int in_vpc = 0;
    for (const Model& m : models) {
        REQUIRE(m.conditions.size() == 2);
        CHECK(m.conditions[0].first == "HasSubnets");
        REQUIRE(m.functions.size() == 1);
        CHECK(m.functions[0].has_vpc_config == m.conditions[0].second);
        if (m.functions[0].has_vpc_config) {
            ++in_vpc;
            // The subnets stay unknown: consistent with the condition, not the default.
            CHECK_FALSE(m.functions[0].subnets.complete);
        }
    }
    CHECK(in_vpc == 2);
}

TEST_CASE("intrinsics in DeletionPolicy and UpdateReplacePolicy must name what exists", "[cfn][language-extensions]") {
    auto problems_of = [](const std::string& text) {
        LoadResult r = load_document("t.yaml", text);
        REQUIRE(!r.error);
        std::vector<Model> models = build_cfn_models(*r.doc, {});
        REQUIRE(models.size() == 1);
        return models[0].problems;
    };
    const std::string head = R"(AWSTemplateFormatVersion: "2010-09-09"
Transform: AWS::LanguageExtensions
Parameters:
  Policy: {Type: String, AllowedValues: [Retain, Delete], Default: Delete}
Conditions:
  IsProd: !Equals [!Ref Policy, Retain]
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: !Ref Policy
)";
    CHECK(problems_of(head + "    UpdateReplacePolicy: !If [IsProd, Retain, !Ref Policy]\n").empty());
    std::vector<Problem> bad = problems_of(head + "    UpdateReplacePolicy: !If [IsProd, Retain, !Ref Policy2]\n");
    REQUIRE(bad.size() == 1);
    CHECK(bad[0].message.rfind("Ref to Policy2", 0) == 0);
    CHECK(bad[0].loc.line == 11);
    CHECK(problems_of(head + "    UpdateReplacePolicy: !If [IsLive, Retain, Delete]\n").size() == 1);
}
