// Condition scenarios checked through slices (parsers/cfn/scenario_slices.h,
// core/engine.h check_scenario_slices) give exactly the diagnostics of
// checking every scenario, while building fewer models.
#include <catch2/catch.hpp>

#include <cstdlib>
#include <filesystem>
#include <optional>
#include <fstream>
#include <sstream>

#include "core/document.h"
#include "core/engine.h"
#include "parsers/cfn/cfn_frontend.h"
#include "parsers/frontend.h"

using namespace vpclint;

namespace {

std::string render(const std::vector<Diagnostic>& ds) {
    std::ostringstream out;
    for (const Diagnostic& d : ds) {
        out << d.rule_id << ' ' << severity_name(d.severity) << ' ' << d.loc.line << ':' << d.loc.col << ' ' << d.resource
            << ' ' << d.message << " | " << d.fix << '\n';
        for (const RelatedLocation& r : d.related) out << "  related " << r.loc.line << ':' << r.loc.col << ' ' << r.message << '\n';
        for (const RelatedLocation& r : d.path) out << "  path " << r.loc.line << ':' << r.loc.col << ' ' << r.message << '\n';
    }
    return out.str();
}

struct Compared {
    std::string every, sliced;
    size_t scenarios = 0, built = 0;
};

Compared compare(const std::string& path, const std::string& text) {
    Compared c;
    LoadResult loaded = load_document(path, text);
    REQUIRE(!loaded.error);
    FrontendOptions opts;
    CfnScenarios scenarios(*loaded.doc, opts);
    c.scenarios = scenarios.count();
    RuleFilter all;
    auto build = [&](size_t i, Model& scratch) -> const Model& {
        ++c.built;
        scratch = scenarios.scenario(i);
        return scratch;
    };
    c.every = render(check_model_stream(scenarios.count(), build, all, nullptr));
    c.built = 0;
    c.sliced = render(check_scenario_slices(scenarios.slices(), build, all, nullptr));
    return c;
}

std::string read(const std::filesystem::path& p) {
    std::ifstream in(p, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

// A VPC with a public and a private subnet; `fns` functions, function i
// switched by condition i % switches (through its environment only).
std::string network(int fns, int switches, bool nat_switch, bool vpc_switch) {
    std::string t = "Parameters:\n";
    for (int j = 0; j < switches; ++j) t += "  Sw" + std::to_string(j) + ": {Type: String, AllowedValues: ['yes', 'no']}\n";
    t += "  Nat: {Type: String, AllowedValues: ['yes', 'no']}\n";
    t += "Conditions:\n";
    for (int j = 0; j < switches; ++j) t += "  On" + std::to_string(j) + ": !Equals [!Ref Sw" + std::to_string(j) + ", 'yes']\n";
    t += "  UseNat: !Equals [!Ref Nat, 'yes']\n";
    t += R"(Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Igw: {Type: AWS::EC2::InternetGateway}
  Attach: {Type: AWS::EC2::VPCGatewayAttachment, Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}}
  PublicRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  PublicDefault: {Type: AWS::EC2::Route, Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}}
  Public: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.0.0/24, AvailabilityZone: eu-west-1a}}
  PublicAssoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Public, RouteTableId: !Ref PublicRt}}
  Private: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}}
  PrivateRt: {Type: AWS::EC2::RouteTable, Properties: {VpcId: !Ref Vpc}}
  PrivateAssoc: {Type: AWS::EC2::SubnetRouteTableAssociation, Properties: {SubnetId: !Ref Private, RouteTableId: !Ref PrivateRt}}
  Eip: {Type: AWS::EC2::EIP}
  Sg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: functions
      VpcId: !Ref Vpc
      SecurityGroupIngress: [{IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 10.0.0.0/16}]
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
      ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']
)";
    if (nat_switch)
        t += "  NatGw: {Type: AWS::EC2::NatGateway, Condition: UseNat, Properties: {SubnetId: !Ref Public, AllocationId: !GetAtt Eip.AllocationId}}\n"
             "  PrivateDefault: {Type: AWS::EC2::Route, Condition: UseNat, Properties: {RouteTableId: !Ref PrivateRt, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref NatGw}}\n";
    for (int i = 0; i < fns; ++i) {
        std::string on = switches ? "On" + std::to_string(i % switches) : "UseNat";
        std::string subnets = i % 3 == 0 ? "[!Ref Public]" : "[!Ref Private]";
        std::string vpc = "{SubnetIds: " + subnets + ", SecurityGroupIds: [!Ref Sg]}";
        if (vpc_switch) vpc = "!If [" + on + ", " + vpc + ", !Ref AWS::NoValue]";
        t += "  Fn" + std::to_string(i) + ":\n    Type: AWS::Lambda::Function\n    Properties:\n"
             "      Runtime: python3.12\n      Handler: index.handler\n      Role: !GetAtt Role.Arn\n"
             "      Code: {ZipFile: 'def handler(e, c): return None'}\n"
             "      VpcConfig: " + vpc + "\n"
             "      Environment: {Variables: {URL: !If [" + on + ", 'https://a.example.com', 'https://b.example.com'], "
             "MODE: !Ref Sw" + std::to_string(switches ? i % switches : 0) + "}}\n";
    }
    return t;
}

}  // namespace

TEST_CASE("scenario slices: functions switched one condition each build two models, not 2^N", "[scenarios]") {
    Compared c = compare("t.yaml", network(6, 3, false, false));
    CHECK(c.scenarios == 8);  // 3 switches (the NAT switch is used by nothing here)
    CHECK(c.built == 2);
    CHECK(c.sliced == c.every);
    CHECK(!c.every.empty());
}

TEST_CASE("scenario slices: a NAT gateway and VPC configs under conditions give every scenario's findings", "[scenarios]") {
    for (bool nat : {false, true})
        for (bool vpc : {false, true}) {
            INFO("nat " << nat << " vpc " << vpc);
            Compared c = compare("t.yaml", network(7, 3, nat, vpc));
            CHECK(c.sliced == c.every);
            // A security group that functions carry under different
            // switches is reported naming the functions that carry it: that
            // needs every combination. Otherwise two models do.
            if (!vpc) CHECK(c.built == (nat ? 4u : 2u));
            // Some findings hold in some scenarios only, and say so.
            if (nat || vpc) CHECK(c.every.find("(when ") != std::string::npos);
        }
}

TEST_CASE("scenario slices: one VPC switch for every function and a NAT switch need four models", "[scenarios]") {
    Compared c = compare("t.yaml", network(6, 0, true, true));
    CHECK(c.scenarios == 2);
    Compared d = compare("t.yaml", network(6, 2, true, false));
    CHECK(d.scenarios == 8);
    CHECK(d.built == 4);  // UseNat reaches every function; each function adds one switch
    CHECK(d.sliced == d.every);
}

// A CloudFormation template with conditions or choices, compared; nothing
// for any other file.
std::optional<Compared> compare_template_file(const std::filesystem::path& path) {
    std::string text = read(path);
    if (text.find("Conditions") == std::string::npos && text.find("AllowedValues") == std::string::npos)
        return std::nullopt;
    LoadResult loaded = load_document(path.string(), text);
    if (loaded.error || classify_document(*loaded.doc) != InputKind::CloudFormation) return std::nullopt;
    return compare(path.string(), text);
}

TEST_CASE("scenario slices: every fixture template gives the findings of every scenario", "[scenarios]") {
    namespace fs = std::filesystem;
    size_t compared = 0;
    for (const auto& e : fs::recursive_directory_iterator(fs::path(VPCLINT_SOURCE_DIR) / "fixtures")) {
        if (!e.is_regular_file()) continue;
        std::string ext = e.path().extension().string();
        if (ext != ".yaml" && ext != ".yml" && ext != ".json" && ext != ".template") continue;
        INFO(e.path().string());
        std::optional<Compared> compared_file = compare_template_file(e.path());
        if (!compared_file) continue;
        const Compared& c = *compared_file;
        CHECK(c.sliced == c.every);
        ++compared;
    }
    CHECK(compared >= 3);
}

// Local check over a directory of templates (the shared corpus):
// VPCLINT_SLICE_CORPUS=../shared/corpus build/tests/vpclint_tests "[.slices-corpus]"
TEST_CASE("scenario slices: a corpus gives the findings of every scenario", "[.slices-corpus]") {
    namespace fs = std::filesystem;
    const char* dir = std::getenv("VPCLINT_SLICE_CORPUS");
    REQUIRE(dir);
    size_t compared = 0, fewer = 0;
    for (const auto& e : fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied)) {
        if (!e.is_regular_file()) continue;
        INFO(e.path().string());
        std::optional<Compared> compared_file = compare_template_file(e.path());
        if (!compared_file) continue;
        const Compared& c = *compared_file;
        CHECK(c.sliced == c.every);
        ++compared;
        fewer += c.built < c.scenarios;
    }
    WARN(compared << " templates compared, " << fewer << " checked with fewer scenarios");
}

TEST_CASE("scenario slices: a configured need ties a function to a database the template does not", "[scenarios]") {
    const std::string text = R"(Parameters:
  Open: {Type: String, AllowedValues: ['yes', 'no']}
Conditions:
  IsOpen: !Equals [!Ref Open, 'yes']
Resources:
  Vpc: {Type: AWS::EC2::VPC, Properties: {CidrBlock: 10.0.0.0/16}}
  Private: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: eu-west-1a}}
  Private2: {Type: AWS::EC2::Subnet, Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: eu-west-1b}}
  FnSg: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: fn, VpcId: !Ref Vpc}}
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: db
      VpcId: vpc-0123456789abcdef0
      SecurityGroupIngress: !If [IsOpen, [{IpProtocol: tcp, FromPort: 5432, ToPort: 5432, CidrIp: 10.0.0.0/16}], !Ref AWS::NoValue]
  Db:
    Type: AWS::RDS::DBInstance
    Properties: {Engine: postgres, DBInstanceClass: db.t3.micro, AllocatedStorage: '20', VPCSecurityGroups: [!Ref DbSg]}
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}
      ManagedPolicyArns: ['arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: index.handler
      Role: !GetAtt Role.Arn
      Code: {ZipFile: 'def handler(e, c): return None'}
      VpcConfig: {SubnetIds: [!Ref Private, !Ref Private2], SecurityGroupIds: [!Ref FnSg]}
)";
    LoadResult loaded = load_document("t.yaml", text);
    REQUIRE(!loaded.error);
    CfnScenarios scenarios(*loaded.doc, FrontendOptions{});
    REQUIRE(scenarios.count() == 2);
    RuleFilter all;
    // What a configuration `functions: [{function: Fn, needs: [Db]}]` adds.
    auto build = [&](size_t i, Model& scratch) -> const Model& {
        scratch = scenarios.scenario(i);
        for (Function& f : scratch.functions) {
            f.declared_needs_present = true;
            f.declared_needs.push_back({"Db", {}});
        }
        return scratch;
    };
    std::string every = render(check_model_stream(scenarios.count(), build, all, nullptr));
    INFO(every);
    CHECK(every.find("(when IsOpen is") != std::string::npos);
    CHECK(render(check_scenario_slices(scenarios.slices({{"Fn", "Db"}}), build, all, nullptr)) == every);
    // Without the need the template alone does not tie them: the slices
    // then (rightly, for the template alone) see one class for Fn.
    CHECK(render(check_scenario_slices(scenarios.slices(), build, all, nullptr)) != every);
}
