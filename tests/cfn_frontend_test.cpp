// The CloudFormation frontend: intrinsic evaluation, condition scenarios and
// binders, on small templates loaded from text.
#include <catch2/catch.hpp>
#include <set>

#include "cli/analyze_file.h"
#include "core/document.h"
#include "parsers/cfn/cfn_frontend.h"
#include "parsers/cfn/intrinsics.h"
#include "parsers/cfn/stack_exports.h"
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

Loaded load(const std::string& text, std::map<std::string, std::string> params = {}) {
    Loaded l;
    LoadResult r = load_document("t.yaml", text);
    INFO((r.error ? r.error->message : std::string()));
    REQUIRE(!r.error);
    l.doc = std::move(r.doc);
    l.tpl = cfn::read_template(*l.doc, params, l.problems);
    return l;
}

// Evaluates Outputs.<name>.Value in the default (empty) scenario.
EValue output(const Loaded& l, const std::string& name) {
    cfn::Scenario s;
    cfn::Evaluator ev(l.tpl, s);
    const Node* o = l.doc->root->get("Outputs")->get(name)->get("Value");
    return ev.eval(o);
}

const char* kIntrinsics = R"(
Parameters:
  Env: {Type: String, Default: prod}
  Subnets: {Type: CommaDelimitedList, Default: "subnet-1, subnet-2"}
  NoDefault: {Type: String}
  Ssm: {Type: 'AWS::SSM::Parameter::Value<String>', Default: /my/param}
Mappings:
  Regions:
    prod: {Cidr: 10.0.0.0/16}
Resources:
  Queue: {Type: AWS::SQS::Queue}
Outputs:
  Sub: {Value: !Sub 'arn:${AWS::Partition}:iam::aws:policy/${Env}'}
  SubVars: {Value: !Sub ['${A}-${B}', {A: x, B: !Ref Env}]}
  SubOne: {Value: !Sub '${Queue.Arn}'}
  SubEscape: {Value: !Sub 'a${!Literal}b'}
  Join: {Value: !Join [',', [a, !Ref Env]]}
  JoinUnknown: {Value: !Join ['', ['https://', !GetAtt Queue.QueueName, '.example.com']]}
  Select: {Value: !Select [1, !Ref Subnets]}
  Split: {Value: !Split [',', 'a,b,c']}
  FindInMap: {Value: !FindInMap [Regions, !Ref Env, Cidr]}
  FindMissing: {Value: !FindInMap [Regions, dev, Cidr]}
  Import: {Value: !ImportValue shared-vpc}
  Azs: {Value: !Select [0, !GetAZs '']}
  NoValue: {Value: !Ref NoDefault}
  SsmValue: {Value: !Ref Ssm}
  Base64: {Value: !Base64 hello}
  Cidr: {Value: !Cidr [10.0.0.0/16, 2, 8]}
  Equals: {Value: !Equals [!Ref Env, prod]}
  And: {Value: !And [!Equals [a, a], !Not [!Equals [a, b]]]}
  OrUnknown: {Value: !Or [!Equals [!Ref NoDefault, x], !Equals [a, b]]}
  LongGetAtt: {Value: {"Fn::GetAtt": [Queue, Arn]}}
  ShortGetAtt: {Value: !GetAtt Queue.Arn}
)";

}  // namespace

TEST_CASE("intrinsics evaluate to known, reference or unknown values", "[cfn]") {
    Loaded l = load(kIntrinsics);
    EValue v = output(l, "Sub");
    CHECK(v.kind == Kind::Unknown);
    CHECK(v.aux == "arn:${AWS::Partition}:iam::aws:policy/prod");

    CHECK(output(l, "SubVars").text == "x-prod");
    v = output(l, "SubOne");
    CHECK(v.kind == Kind::ResourceRef);
    CHECK(v.text == "Queue");
    CHECK(v.aux == "Arn");
    CHECK(output(l, "SubEscape").text == "a${Literal}b");

    CHECK(output(l, "Join").text == "a,prod");
    v = output(l, "JoinUnknown");
    CHECK(v.kind == Kind::Unknown);
    CHECK(v.aux == "https://${Queue.QueueName}.example.com");
    REQUIRE(v.mentions.size() == 1);
    CHECK(v.mentions[0].first == "Queue");

    v = output(l, "Select");
    CHECK(v.kind == Kind::Scalar);
    CHECK(v.text == "subnet-2");
    CHECK_FALSE(v.literal);  // from a parameter
    v = output(l, "Split");
    REQUIRE(v.kind == Kind::List);
    CHECK(v.items.size() == 3);

    v = output(l, "FindInMap");
    CHECK(v.text == "10.0.0.0/16");
    CHECK(v.literal);
    CHECK(output(l, "FindMissing").kind == Kind::Unknown);
    v = output(l, "Import");
    CHECK(v.kind == Kind::Unknown);
    CHECK(v.text.find("shared-vpc") != std::string::npos);
    CHECK(output(l, "Azs").text == "availability zone 0 of the region");
    CHECK(output(l, "NoValue").text == "parameter NoDefault has no value");
    CHECK(output(l, "SsmValue").kind == Kind::Unknown);
    CHECK(output(l, "Base64").text == "hello");
    CHECK(output(l, "Cidr").kind == Kind::Unknown);
    CHECK(output(l, "Equals").text == "true");
    CHECK(output(l, "And").text == "true");
    CHECK(output(l, "OrUnknown").kind == Kind::Unknown);
    EValue a = output(l, "LongGetAtt"), b = output(l, "ShortGetAtt");
    CHECK(a.kind == Kind::ResourceRef);
    CHECK((a.text == b.text && a.aux == b.aux));
}

TEST_CASE("user parameter values replace defaults", "[cfn]") {
    Loaded l = load(kIntrinsics, {{"Env", "dev"}, {"NoDefault", "given"}});
    CHECK(output(l, "Join").text == "a,dev");
    CHECK(output(l, "NoValue").text == "given");
}

TEST_CASE("references to undefined names and unknown intrinsics are VL002 problems", "[cfn]") {
    LoadResult r = load_document("t.yaml", R"(
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Nope.Arn
      Handler: !Ref Missing
      Runtime: !Foo bar
      Code: {ZipFile: !Sub '${Gone} ${AWS::Region} ${!Skip}'}
)");
    REQUIRE(!r.error);
    std::vector<Model> models = build_cfn_models(*r.doc, {});
    REQUIRE(models.size() == 1);
    std::vector<std::string> msgs;
    for (const Problem& p : models[0].problems) msgs.push_back(std::to_string(p.loc.line) + " " + p.message);
    REQUIRE(msgs.size() == 4);
    CHECK(msgs[0].rfind("6 Fn::GetAtt on Nope", 0) == 0);
    CHECK(msgs[1].rfind("7 Ref to Missing", 0) == 0);
    CHECK(msgs[2].rfind("8 Unknown intrinsic function Fn::Foo", 0) == 0);
    CHECK(msgs[3].rfind("9 Fn::Sub names ${Gone}", 0) == 0);
}

TEST_CASE("conditions on unset parameters are switches: one model per scenario", "[cfn][scenarios]") {
    LoadResult r = load_document("t.yaml", R"(
Parameters:
  EnableVpc: {Type: String, AllowedValues: ['true', 'false'], Default: 'false'}
  Subnets: {Type: 'List<AWS::EC2::Subnet::Id>'}
  Unrelated: {Type: String, Default: a}
Conditions:
  HasVpc: !Equals [!Ref EnableVpc, 'true']
  Other: !Equals [!Ref Unrelated, b]
Resources:
  Bucket: {Type: AWS::S3::Bucket, Condition: Other}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      VpcConfig: !If
        - HasVpc
        - {SubnetIds: !Ref Subnets, SecurityGroupIds: [sg-12345678]}
        - !Ref AWS::NoValue
)");
    REQUIRE(!r.error);
    std::vector<Model> models = build_cfn_models(*r.doc, {});
    // Other only guards a resource the model ignores: it is not enumerated.
    REQUIRE(models.size() == 2);
    CHECK_FALSE(models[0].functions[0].has_vpc_config);  // the default: EnableVpc=false
    CHECK(models[1].functions[0].has_vpc_config);
    CHECK(models[1].functions[0].subnets.complete == false);
    REQUIRE(models[1].conditions.size() == 1);
    CHECK(models[1].conditions[0] == std::make_pair(std::string("HasVpc"), true));

    FrontendOptions set;
    set.parameters["EnableVpc"] = "true";
    CHECK(build_cfn_models(*r.doc, set).size() == 1);
}

TEST_CASE("binders link resources and apply CloudFormation defaults", "[cfn][binders]") {
    LoadResult r = load_document("t.yaml", R"(
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Igw: {Type: AWS::EC2::InternetGateway}
  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}
  Public: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: !Select [0, !GetAZs '']}}
  PublicRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  ToIgw: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}
  ToNat: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 10.1.0.0/16, GatewayId: nat-0123456789abcdef0}}
  ToTgw: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 10.2.0.0/16, TransitGatewayId: tgw-1}}
  Assoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Public, RouteTableId: !Ref PublicRt}}
  Eip: {Type: AWS::EC2::EIP}
  Nat: {Type: AWS::EC2::NatGateway, Properties: {SubnetId: !Ref Public, AllocationId: !GetAtt Eip.AllocationId}}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: x
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/8}]
  SgEgress: {Type: AWS::EC2::SecurityGroupEgress, Properties: {GroupId: !GetAtt Sg.GroupId, IpProtocol: '-1', CidrIp: 0.0.0.0/0}}
  Db: {Type: AWS::RDS::DBInstance, Properties: {Engine: postgres, VPCSecurityGroups: [!Ref Sg]}}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: [lambda.amazonaws.com]}, Action: 'sts:AssumeRole'}]}
      ManagedPolicyArns: [!Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']
      Policies: [{PolicyName: p, PolicyDocument: {Statement: [{Effect: Deny, NotAction: ['s3:*'], Resource: '*'}]}}]
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Role.Arn
      VpcConfig: {SubnetIds: [!Ref Public], SecurityGroupIds: [!GetAtt Sg.GroupId]}
      Environment: {Variables: {DB: !GetAtt Db.Endpoint.Address, API: 'https://api.example.com'}}
)");
    REQUIRE(!r.error);
    std::vector<Model> models = build_cfn_models(*r.doc, {});
    REQUIRE(models.size() == 1);
    const Model& m = models[0];
    CHECK(m.problems.empty());
    REQUIRE(m.subnets.size() == 1);
    CHECK(m.subnets[0].vpc.resolved());
    CHECK_FALSE(m.subnets[0].availability_zone.known);
    REQUIRE(m.routes.size() == 3);
    CHECK(m.routes[0].target_kind == RouteTarget::InternetGateway);
    CHECK(m.routes[0].target.resolved());
    CHECK(m.routes[1].target_kind == RouteTarget::NatGateway);  // by id prefix, not by property name
    CHECK(m.routes[1].target.state == LinkState::External);
    CHECK(m.routes[2].target_kind == RouteTarget::TransitGateway);
    REQUIRE(m.route_tables.size() == 1);
    CHECK(m.route_tables[0].routes.size() == 3);
    CHECK(m.subnet_associations[0].subnet.resolved());
    CHECK(m.gateway_attachments[0].internet_gateway.resolved());
    CHECK(m.nat_gateways[0].allocation_id.present);
    CHECK(m.nat_gateways[0].subnet.resolved());
    REQUIRE(m.security_groups.size() == 1);
    CHECK(m.security_groups[0].rules.size() == 2);
    CHECK(m.security_groups[0].egress_declared);
    CHECK_FALSE(m.security_groups[0].default_allow_all_egress);
    CHECK(m.data_stores[0].port.value == "5432");
    CHECK(m.vpcs[0].dns_hostnames.value == Tri::No);
    const Role& role = m.roles[0];
    CHECK(role.trust_policy.statements.size() == 1);
    CHECK(role.trust_policy.statements[0].service_principals[0].value == "lambda.amazonaws.com");
    REQUIRE(role.managed_policies.size() == 1);
    CHECK(role.managed_policies[0].arn.value ==
          "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");
    CHECK(role.inline_policies[0].statements[0].uses_not_action);
    CHECK_FALSE(role.inline_policies[0].statements[0].allow);
    const Function& f = m.functions[0];
    CHECK(f.has_vpc_config);
    CHECK(f.role.resolved());
    CHECK(f.subnets.items[0].resolved());
    CHECK(f.security_groups.items[0].resolved());
    REQUIRE(f.environment.size() == 2);
    CHECK(f.environment[0].refs.at(0).id == "Db");
    CHECK(f.environment[1].value.value == "https://api.example.com");
    CHECK(f.environment[1].loc.line == 33);
}

TEST_CASE("imports and nested-stack outputs are recorded on the links, not in reason text", "[cfn][binders][stacks]") {
    LoadResult r = load_document("t.yaml", R"(
Parameters:
  Net: {Type: String, Default: network}
Resources:
  Child: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: child.yaml}}
  Db: {Type: AWS::RDS::DBInstance, Properties: {Engine: postgres, VPCSecurityGroups: [!ImportValue db-sg]}}
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !ImportValue {"Fn::Sub": "${AWS::StackName}-RoleArn"}
      VpcConfig:
        SubnetIds: !Split [",", !ImportValue {"Fn::Sub": "${Net}-PrivateSubnets"}]
        SecurityGroupIds: [!Join ["", [!ImportValue {"Fn::Sub": "${Net}-Sg"}]]]
  Other:
    Type: AWS::Lambda::Function
    Properties:
      Role: !GetAtt Child.Outputs.RoleArn
      VpcConfig:
        SubnetIds: !Split [",", !GetAtt Child.Outputs.Subnets]
        SecurityGroupIds: [!Select [0, !Split [",", !ImportValue x]]]
  Third:
    Type: AWS::Lambda::Function
    Properties:
      Role: !Split [",", !ImportValue roles]
)");
    REQUIRE(!r.error);
    std::vector<Model> models = build_cfn_models(*r.doc, {});
    REQUIRE(models.size() == 1);
    const Model& m = models[0];
    REQUIRE(m.functions.size() == 3);
    CHECK(m.functions[2].role.import.value_or_empty().imported.empty());  // a list where one id is expected
    CHECK(m.functions[2].role.import.value_or_empty().split.empty());
    const Function& f = m.functions[0];
    CHECK(f.role.state == LinkState::Unknown);
    CHECK(f.role.import.value_or_empty().imported == "${AWS::StackName}-RoleArn");  // the importing stack's name, filled in by the linker
    CHECK_FALSE(f.subnets.complete);
    CHECK(f.subnets.import.value_or_empty().imported == "network-PrivateSubnets");
    CHECK(f.subnets.import.value_or_empty().split == ",");
    REQUIRE(f.security_groups.items.size() == 1);
    CHECK(f.security_groups.items[0].import.value_or_empty().imported == "network-Sg");
    CHECK(f.security_groups.import.value_or_empty().split.empty());
    REQUIRE(m.data_stores.size() == 1);
    REQUIRE(m.data_stores[0].security_groups.items.size() == 1);
    CHECK(m.data_stores[0].security_groups.items[0].import.value_or_empty().imported == "db-sg");
    const Function& g = m.functions[1];
    CHECK(g.role.import.value_or_empty().nested_output == std::pair<std::string, std::string>{"Child", "RoleArn"});
    CHECK(g.role.import.value_or_empty().imported.empty());
    CHECK(g.subnets.import.value_or_empty().nested_output == std::pair<std::string, std::string>{"Child", "Subnets"});
    CHECK(g.subnets.import.value_or_empty().split == ",");
    // One item picked out of a split import: the import, the delimiter and the index.
    REQUIRE(g.security_groups.items.size() == 1);
    CHECK(g.security_groups.items[0].state == LinkState::Unknown);
    CHECK(g.security_groups.items[0].import.value_or_empty().imported == "x");
    CHECK(g.security_groups.items[0].import.value_or_empty().split == ",");
    CHECK(g.security_groups.items[0].import.value_or_empty().split_index == 0);
    // A whole split list in a one-id slot is no one id.
    CHECK(f.subnets.items.empty());
}

TEST_CASE("parameters a parent may pass, and splits of joined imports, are recorded on the links", "[cfn][binders][stacks]") {
    LoadResult r = load_document("t.yaml", R"(
Parameters:
  Subnets: {Type: "List<AWS::EC2::Subnet::Id>"}
  Csv: {Type: String}
  Role: {Type: String}
  Given: {Type: String, Default: sg-0123456789abcdef0}
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: !Ref Role
      VpcConfig:
        SubnetIds: !Ref Subnets
        SecurityGroupIds: [!Ref Given, !Select [1, !Split [",", !Ref Csv]]]
  Other:
    Type: AWS::Lambda::Function
    Properties:
      Role: !Select [0, !Ref Subnets]
      VpcConfig:
        SubnetIds: !Split [",", !Join [",", [!ImportValue a, subnet-0a1b2c3d4e5f60718, !ImportValue b]]]
        SecurityGroupIds: !Split [",", !Join [",", [!ImportValue a, !GetAZs ""]]]
)");
    REQUIRE(!r.error);
    std::vector<Model> models = build_cfn_models(*r.doc, {});
    REQUIRE(models.size() == 1);
    const Function& f = models[0].functions[0];
    CHECK(f.role.state == LinkState::Unknown);
    CHECK(f.role.import.value_or_empty().parameter == "Role");
    CHECK(f.role.import.value_or_empty().split.empty());
    // A list parameter is the parent's items joined with commas.
    CHECK_FALSE(f.subnets.complete);
    CHECK(f.subnets.import.value_or_empty().parameter == "Subnets");
    CHECK(f.subnets.import.value_or_empty().split == ",");
    REQUIRE(f.security_groups.items.size() == 2);
    CHECK(f.security_groups.items[0].state == LinkState::External);  // a Default: no side record
    CHECK(f.security_groups.items[0].import.get() == nullptr);
    CHECK(f.security_groups.items[1].import.value_or_empty().parameter == "Csv");
    CHECK(f.security_groups.items[1].import.value_or_empty().split_index == 1);
    const Function& g = models[0].functions[1];
    CHECK(g.role.import.value_or_empty().parameter == "Subnets");
    CHECK(g.role.import.value_or_empty().split_index == 0);
    CHECK_FALSE(g.role.import.value_or_empty().single);
    // Item by item: each import is one item of the list, the literal another.
    REQUIRE(g.subnets.complete);
    REQUIRE(g.subnets.items.size() == 3);
    CHECK(g.subnets.items[0].import.value_or_empty().imported == "a");
    CHECK(g.subnets.items[0].import.value_or_empty().single);
    CHECK(g.subnets.items[1].state == LinkState::External);
    CHECK(g.subnets.items[2].import.value_or_empty().imported == "b");
    // A part nothing can know: the whole list stays unknown.
    CHECK_FALSE(g.security_groups.complete);
    CHECK(g.security_groups.items.empty());
}

TEST_CASE("exports decided in every condition scenario, and values a parent passes to a child", "[cfn][stacks]") {
    // Subnets, a group, a sibling stack and a child the parent passes them to.
    const std::string resources = R"(
Resources:
  A: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-0123456789abcdef0, CidrBlock: 10.0.0.0/24}}
  B: {Type: AWS::EC2::Subnet, Properties: {VpcId: vpc-0123456789abcdef0, CidrBlock: 10.0.1.0/24}}
  Sg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: x, VpcId: vpc-0123456789abcdef0}}
  Net: {Type: AWS::CloudFormation::Stack, Properties: {TemplateURL: net.yaml}}
  App:
    Type: AWS::CloudFormation::Stack
    Properties:
      TemplateURL: app.yaml
      Parameters:
        Subnets: !Join [",", [!Ref A, !Ref B]]
        Group: !GetAtt Sg.GroupId
        FromSibling: !GetAtt Net.Outputs.Private
        Imported: !ImportValue x
        Literal: "10"
)";
    LoadResult r = load_document("t.yaml", R"(
Parameters:
  Share: {Type: String, AllowedValues: ["yes", "no"], Default: "no"}
  Env: {Type: String, AllowedValues: [dev, prod], Default: dev}
Conditions:
  IsShared: !Equals [!Ref Share, "yes"]
  IsProd: !Equals [!Ref Env, prod])" + resources + R"(Outputs:
  OnlyShared: {Condition: IsShared, Value: !Ref A, Export: {Name: only-shared}}
  Same: {Value: !If [IsProd, !Ref B, !Ref B], Export: {Name: same}}
  Differs: {Value: !If [IsProd, !Ref A, !Ref B], Export: {Name: differs}}
)");
    REQUIRE(!r.error);
    std::vector<cfn::StackExport> ex = cfn::stack_exports(*r.doc, {});
    REQUIRE(ex.size() == 3);
    CHECK(ex[0].output == "OnlyShared");
    CHECK(ex[0].resource == "A");
    CHECK(ex[1].resource == "B");
    CHECK(ex[2].output == "Differs");
    CHECK(ex[2].resource.empty());
    CHECK_FALSE(ex[2].value.known);
    // A parent with conditions passes only literals (which resource it
    // passes may be the deployer's choice).
    std::vector<cfn::NestedStackRef> with_conditions = cfn::nested_stacks(*r.doc, {});
    REQUIRE(with_conditions.size() == 2);
    CHECK(with_conditions[1].passed.empty());
    // Without them: its resources, a sibling's output; an import is unknown.
    LoadResult plain = load_document("p.yaml", resources);
    REQUIRE(!plain.error);
    std::vector<cfn::NestedStackRef> n = cfn::nested_stacks(*plain.doc, {});
    REQUIRE(n.size() == 2);
    const cfn::NestedStackRef& app = n[1];
    CHECK(app.parameters.at("Literal") == "10");
    CHECK(app.unknown_parameters == std::set<std::string>{"FromSibling", "Group", "Imported", "Subnets"});
    REQUIRE(app.passed.size() == 3);
    CHECK(app.passed.at("Subnets").value.joined_with == ",");
    REQUIRE(app.passed.at("Subnets").value.items.size() == 2);
    CHECK(app.passed.at("Subnets").value.items[1].resource == "B");
    CHECK(app.passed.at("Group").value.resource == "Sg");
    CHECK(app.passed.at("FromSibling").sibling == "Net");
    CHECK(app.passed.at("FromSibling").value.output == "Private");
    CHECK_FALSE(app.passed.count("Imported"));
}

TEST_CASE("a split of a join nested in another is evaluated once per level", "[cfn][stacks][hostile]") {
    // Each level's join parts are evaluated once: 40 levels are 40
    // evaluations, not 2^40 (the innermost part is nothing anyone knows).
    std::string value = "!GetAZs \"\"";
    for (int i = 0; i < 40; ++i) value = "{\"Fn::Split\": [\",\", {\"Fn::Join\": [\",\", [" + value + "]]}]}";
    LoadResult r = load_document("t.yaml", "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    Properties:\n"
                                           "      VpcConfig:\n        SubnetIds: " + value + "\n");
    REQUIRE(!r.error);
    std::vector<Model> models = build_cfn_models(*r.doc, {});
    REQUIRE(models.size() == 1);
    CHECK_FALSE(models[0].functions.at(0).subnets.complete);
}
