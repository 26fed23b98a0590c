// IAM: the managed-policy table, action matching, effective permissions,
// trust, SAM policy templates, and rules VL201/VL202 on hand-built models.
#include <catch2/catch.hpp>

#include <algorithm>
#include <array>
#include <cstdio>
#include <fstream>
#include <memory>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/analyses.h"
#include "core/iam_action_match.h"
#include "core/iam_analysis.h"
#include "core/managed_policies.h"
#include "core/rule.h"
#include "parsers/cfn/sam_policy_templates.h"

using namespace vpclint;

namespace {

Location at(uint32_t line, uint32_t col) {
    Location l;
    l.file = "t.yaml";
    l.line = line;
    l.col = col;
    return l;
}

Text known(const std::string& v) {
    Text t;
    t.present = true;
    t.known = true;
    t.value = v;
    return t;
}

// An unknown value with a partial rendering (unknown parts as ${Name}).
Text partial(const std::string& v, const std::string& reason = "parameter has no value") {
    Text t;
    t.present = true;
    t.known = false;
    t.value = v;
    t.reason = reason;
    return t;
}

PolicyStatement statement(bool allow, std::vector<std::string> actions, std::vector<std::string> resources = {"*"}) {
    PolicyStatement s;
    s.allow = allow;
    for (const std::string& a : actions) s.actions.push_back(known(a));
    for (const std::string& r : resources) s.resources.push_back(known(r));
    return s;
}

PolicyDocument document(std::vector<PolicyStatement> statements, Location loc = at(30, 9)) {
    PolicyDocument d;
    d.present = true;
    d.known = true;
    d.loc = loc;
    d.statements = std::move(statements);
    return d;
}

PolicyStatement trust_statement(std::vector<Text> services, std::vector<std::string> actions = {"sts:AssumeRole"}) {
    PolicyStatement s;
    for (const std::string& a : actions) s.actions.push_back(known(a));
    s.service_principals = std::move(services);
    s.loc = at(22, 11);
    return s;
}

PolicyDocument lambda_trust() { return document({trust_statement({known("lambda.amazonaws.com")})}, at(20, 7)); }

ManagedPolicyRef managed(const Text& arn) {
    ManagedPolicyRef r;
    r.arn = arn;
    r.loc = at(25, 11);
    return r;
}

Text aws_arn(const std::string& path_and_name) { return known("arn:aws:iam::aws:policy/" + path_and_name); }

// One VPC function "Fn" using role "FnRole" (index 0) that Lambda may assume.
Model vpc_model() {
    Model m;
    m.file = "t.yaml";
    Role r;
    r.id = "FnRole";
    r.type = "AWS::IAM::Role";
    r.loc = at(18, 3);
    r.trust_policy = lambda_trust();
    m.roles.push_back(r);

    Function f;
    f.id = "Fn";
    f.type = "AWS::Lambda::Function";
    f.loc = at(40, 3);
    f.has_vpc_config = true;
    f.vpc_config_loc = at(45, 7);
    f.subnets.present = true;
    f.security_groups.present = true;
    Link s;
    s.state = LinkState::External;
    s.text = "subnet-0123456789abcdef0";
    f.subnets.items.push_back(s);
    Link g;
    g.state = LinkState::External;
    g.text = "sg-0123456789abcdef0";
    f.security_groups.items.push_back(g);
    f.role.state = LinkState::Resolved;
    f.role.index = 0;
    f.role.loc = at(43, 13);
    m.functions.push_back(f);
    return m;
}

std::vector<Diagnostic> run(const Model& m, std::string_view id) {
    const Rule* rule = find_rule(id);
    REQUIRE(rule != nullptr);
    Analyses a = compute_analyses(m);
    std::vector<Diagnostic> out;
    RuleContext ctx(m, a, *rule->descriptor, out);
    rule->check(ctx);
    return out;
}

Tri eni(const Model& m, size_t k) { return compute_iam(m).roles.at(0).eni.at(k).value; }

Tri all_eni(const Model& m) {
    IamAnalysis a = compute_iam(m);
    Tri out = Tri::Yes;
    for (const IamAnswer& x : a.roles.at(0).eni) {
        if (x.value == Tri::No) return Tri::No;
        if (x.value == Tri::Unknown) out = Tri::Unknown;
    }
    return out;
}

Tri allows(const Model& m, std::string_view action) { return compute_iam(m).allows(0, action).value; }

}  // namespace

// ------------------------------------------------------------------ matching

TEST_CASE("IAM action globs are case-insensitive with * and ?", "[iam]") {
    CHECK(iam_glob_matches("*", "ec2:CreateNetworkInterface"));
    CHECK(iam_glob_matches("ec2:*", "ec2:CreateNetworkInterface"));
    CHECK(iam_glob_matches("EC2:createnetworkinterface", "ec2:CreateNetworkInterface"));
    CHECK(iam_glob_matches("ec2:*NetworkInterface*", "ec2:DescribeNetworkInterfaces"));
    CHECK(iam_glob_matches("ec2:*NetworkInterface*", "ec2:DeleteNetworkInterface"));
    CHECK(iam_glob_matches("ec2:?reateNetworkInterface", "ec2:CreateNetworkInterface"));
    CHECK_FALSE(iam_glob_matches("ec2:?NetworkInterface", "ec2:CreateNetworkInterface"));
    CHECK_FALSE(iam_glob_matches("ec2:Describe*", "ec2:CreateNetworkInterface"));
    CHECK_FALSE(iam_glob_matches("s3:*", "ec2:CreateNetworkInterface"));
    CHECK_FALSE(iam_glob_matches("ec2:CreateNetworkInterface", "ec2:CreateNetworkInterfacePermission"));
}

TEST_CASE("unknown action entries are ruled out only by their known parts", "[iam]") {
    CHECK(action_entry_matches(partial("s3:${Action}"), "ec2:CreateNetworkInterface") == Tri::No);
    CHECK(action_entry_matches(partial("ec2:${Action}"), "ec2:CreateNetworkInterface") == Tri::Unknown);
    CHECK(action_entry_matches(partial(""), "ec2:CreateNetworkInterface") == Tri::Unknown);
    CHECK(action_entry_matches(known("ec2:*"), "ec2:CreateNetworkInterface") == Tri::Yes);
}

// ------------------------------------------------------------------ managed policy table

TEST_CASE("the managed-policy table is sorted, unique and cites its sources", "[iam]") {
    auto t = managed_policies();
    REQUIRE(t.size() >= 20);
    for (size_t i = 0; i < t.size(); ++i) {
        if (i > 0) CHECK(t[i - 1].name < t[i].name);
        CHECK(t[i].source.find(t[i].name) != std::string_view::npos);
        CHECK(t[i].document.statements.size() == t[i].statements.size());
        for (const PolicyStatementData& s : t[i].statements) {
            CHECK_FALSE(s.actions.empty());
            CHECK_FALSE(s.resources.empty());
        }
    }
    for (std::string_view name :
         {"AWSLambdaVPCAccessExecutionRole", "AWSLambdaENIManagementAccess", "AWSLambdaBasicExecutionRole",
          "AWSLambdaSQSQueueExecutionRole", "AWSLambdaKinesisExecutionRole", "AWSLambdaDynamoDBExecutionRole",
          "AWSLambdaMSKExecutionRole", "AdministratorAccess", "PowerUserAccess", "AmazonEC2FullAccess",
          "AmazonDynamoDBFullAccess", "AmazonS3FullAccess", "AmazonS3ReadOnlyAccess", "AmazonSQSFullAccess",
          "AmazonSNSFullAccess", "SecretsManagerReadWrite", "AWSLambda_FullAccess", "AWSXRayDaemonWriteAccess",
          "CloudWatchLambdaInsightsExecutionRolePolicy", "AWSLambdaRole"}) {
        INFO(name);
        CHECK(find_managed_policy(name) != nullptr);
    }
    CHECK(find_managed_policy("AWSLambdaVPCAccessExecutionRoleX") == nullptr);
}

TEST_CASE("managed policies are found by ARN in any partition", "[iam]") {
    const ManagedPolicy* vpc = find_managed_policy("AWSLambdaVPCAccessExecutionRole");
    REQUIRE(vpc);
    CHECK(find_managed_policy_by_arn(aws_arn("service-role/AWSLambdaVPCAccessExecutionRole")) == vpc);
    CHECK(find_managed_policy_by_arn(
              known("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")) == vpc);
    CHECK(find_managed_policy_by_arn(
              known("arn:aws-us-gov:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")) == vpc);
    CHECK(find_managed_policy_by_arn(
              partial("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")) == vpc);
    CHECK(find_managed_policy_by_arn(aws_arn("AdministratorAccess")) == find_managed_policy("AdministratorAccess"));

    // What does not name one of the table's policies.
    CHECK(find_managed_policy_by_arn(aws_arn("AWSLambdaVPCAccessExecutionRole")) == nullptr);  // path missing
    CHECK(find_managed_policy_by_arn(aws_arn("service-role/AdministratorAccess")) == nullptr);
    CHECK(find_managed_policy_by_arn(known("arn:aws:iam::123456789012:policy/AWSLambdaBasicExecutionRole")) ==
          nullptr);
    CHECK(find_managed_policy_by_arn(known("arn:mars:iam::aws:policy/AdministratorAccess")) == nullptr);
    // A literal "${AWS::Partition}" outside Fn::Sub is not evaluated by CloudFormation.
    CHECK(find_managed_policy_by_arn(known("arn:${AWS::Partition}:iam::aws:policy/AdministratorAccess")) == nullptr);
    CHECK(find_managed_policy_by_arn(partial("arn:${AWS::Partition}:iam::aws:policy/${PolicyName}")) == nullptr);
    CHECK(find_managed_policy_by_arn(partial("")) == nullptr);
    CHECK(managed_policy_arn(*vpc) ==
          "arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole");
}

// ------------------------------------------------------------------ effective permissions

TEST_CASE("managed policies give or withhold the ENI actions", "[iam]") {
    Model m = vpc_model();
    SECTION("VPC access by plain ARN") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaVPCAccessExecutionRole")));
        CHECK(all_eni(m) == Tri::Yes);
    }
    SECTION("VPC access by an ARN whose partition is unresolved") {
        m.roles[0].managed_policies.push_back(
            managed(partial("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")));
        CHECK(all_eni(m) == Tri::Yes);
    }
    SECTION("VPC access in aws-cn") {
        m.roles[0].managed_policies.push_back(
            managed(known("arn:aws-cn:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole")));
        CHECK(all_eni(m) == Tri::Yes);
    }
    SECTION("ENI management access") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaENIManagementAccess")));
        CHECK(all_eni(m) == Tri::Yes);
        CHECK(allows(m, "logs:PutLogEvents") == Tri::No);
    }
    SECTION("basic execution only") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaBasicExecutionRole")));
        for (size_t k = 0; k < 3; ++k) CHECK(eni(m, k) == Tri::No);
        CHECK(allows(m, "logs:CreateLogStream") == Tri::Yes);
    }
    SECTION("PowerUserAccess allows ec2 through NotAction") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("PowerUserAccess")));
        CHECK(all_eni(m) == Tri::Yes);
        CHECK(allows(m, "iam:PassRole") == Tri::No);
        CHECK(allows(m, "iam:ListRoles") == Tri::Yes);
    }
    SECTION("read-only EC2 describes but does not create") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("AmazonEC2ReadOnlyAccess")));
        CHECK(eni(m, 0) == Tri::No);
        CHECK(eni(m, 1) == Tri::Yes);
        CHECK(eni(m, 2) == Tri::No);
    }
    SECTION("a customer-managed ARN makes the answer unknown") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaBasicExecutionRole")));
        m.roles[0].managed_policies.push_back(managed(known("arn:aws:iam::123456789012:policy/NetworkAccess")));
        CHECK(all_eni(m) == Tri::Unknown);
    }
    SECTION("a managed ARN from a parameter makes the answer unknown") {
        m.roles[0].managed_policies.push_back(managed(partial("", "parameter PolicyArn has no value")));
        CHECK(all_eni(m) == Tri::Unknown);
        CHECK(compute_iam(m).roles[0].eni[0].reason.find("PolicyArn") != std::string::npos);
    }
    SECTION("an unknown managed-policy list makes the answer unknown") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaBasicExecutionRole")));
        m.roles[0].managed_policies_complete = false;
        CHECK(all_eni(m) == Tri::Unknown);
    }
}

TEST_CASE("inline statements, wildcards and NotAction", "[iam]") {
    Model m = vpc_model();
    auto add = [&](PolicyStatement s) { m.roles[0].inline_policies.push_back(document({std::move(s)})); };
    SECTION("the three actions") {
        add(statement(true, {"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                             "ec2:DeleteNetworkInterface"}));
        CHECK(all_eni(m) == Tri::Yes);
    }
    SECTION("two of the three") {
        add(statement(true, {"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces"}));
        CHECK(eni(m, 0) == Tri::Yes);
        CHECK(eni(m, 1) == Tri::Yes);
        CHECK(eni(m, 2) == Tri::No);
    }
    SECTION("ec2:*") {
        add(statement(true, {"ec2:*"}));
        CHECK(all_eni(m) == Tri::Yes);
    }
    SECTION("*") {
        add(statement(true, {"*"}));
        CHECK(all_eni(m) == Tri::Yes);
    }
    SECTION("ec2:*NetworkInterface*") {
        add(statement(true, {"ec2:*NetworkInterface*"}));
        CHECK(all_eni(m) == Tri::Yes);
    }
    SECTION("ec2:Describe* alone") {
        add(statement(true, {"ec2:Describe*"}));
        CHECK(eni(m, 0) == Tri::No);
        CHECK(eni(m, 1) == Tri::Yes);
    }
    SECTION("NotAction that spares ec2") {
        PolicyStatement s = statement(true, {"iam:*"});
        s.uses_not_action = true;
        add(s);
        CHECK(all_eni(m) == Tri::Yes);
    }
    SECTION("NotAction that excludes ec2") {
        PolicyStatement s = statement(true, {"ec2:*"});
        s.uses_not_action = true;
        add(s);
        CHECK(all_eni(m) == Tri::No);
        CHECK(allows(m, "s3:GetObject") == Tri::Yes);
    }
    SECTION("NotAction with an unknown entry") {
        PolicyStatement s = statement(true, {"iam:*"});
        s.actions.push_back(partial("${Excluded}"));
        s.uses_not_action = true;
        add(s);
        CHECK(all_eni(m) == Tri::Unknown);
    }
    SECTION("an unknown action entry") {
        PolicyStatement s = statement(true, {"logs:*"});
        s.actions.push_back(partial("", "parameter Action has no value"));
        add(s);
        CHECK(all_eni(m) == Tri::Unknown);
    }
    SECTION("an unknown entry whose known parts name another service") {
        PolicyStatement s = statement(true, {"logs:*"});
        s.actions.push_back(partial("s3:${Suffix}"));
        add(s);
        CHECK(all_eni(m) == Tri::No);
    }
    SECTION("an incomplete action list") {
        PolicyStatement s = statement(true, {"logs:*"});
        s.actions_complete = false;
        add(s);
        CHECK(all_eni(m) == Tri::Unknown);
    }
    SECTION("an unknown effect") {
        PolicyStatement s = statement(true, {"ec2:*"});
        s.effect_known = false;
        add(s);
        CHECK(all_eni(m) == Tri::Unknown);
    }
    SECTION("an unknown document") {
        PolicyDocument d;
        d.present = true;
        d.known = false;
        d.reason = "parameter PolicyJson has no value";
        m.roles[0].inline_policies.push_back(d);
        CHECK(all_eni(m) == Tri::Unknown);
    }
    SECTION("a conditioned Allow is not a certain grant") {
        PolicyStatement s = statement(true, {"ec2:*"});
        s.has_condition = true;
        add(s);
        CHECK(all_eni(m) == Tri::Unknown);
    }
}

TEST_CASE("resources: Describe needs Resource *, others scoped are unknown", "[iam]") {
    Model m = vpc_model();
    m.roles[0].inline_policies.push_back(document({statement(
        true, {"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface"},
        {"arn:aws:ec2:us-east-1:123456789012:network-interface/*"})}));
    IamAnalysis a = compute_iam(m);
    CHECK(a.roles[0].eni[0].value == Tri::Unknown);
    CHECK(a.roles[0].eni[1].value == Tri::No);
    CHECK(a.roles[0].eni[1].reason.find("Resource \"*\"") != std::string::npos);
    CHECK(a.roles[0].eni[2].value == Tri::Unknown);
    REQUIRE(a.roles[0].missing_eni_actions().size() == 1);
    CHECK(a.roles[0].missing_eni_actions()[0] == "ec2:DescribeNetworkInterfaces");

    SECTION("an unknown resource keeps Describe unknown") {
        m.roles[0].inline_policies[0].statements[0].resources = {partial("", "parameter Arn has no value")};
        CHECK(eni(m, 1) == Tri::Unknown);
    }
    SECTION("an unknown resource whose known parts are not * is still scoped") {
        m.roles[0].inline_policies[0].statements[0].resources = {
            partial("arn:${AWS::Partition}:ec2:*:*:network-interface/*")};
        CHECK(eni(m, 1) == Tri::No);
    }
    SECTION("NotResource is not decided") {
        m.roles[0].inline_policies[0].statements[0].uses_not_resource = true;
        CHECK(eni(m, 1) == Tri::Unknown);
    }
}

TEST_CASE("explicit Deny overrides Allow", "[iam]") {
    Model m = vpc_model();
    m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaVPCAccessExecutionRole")));
    PolicyStatement d = statement(false, {"ec2:CreateNetworkInterface"});
    d.loc = at(33, 13);
    SECTION("a certain Deny removes the action") {
        m.roles[0].inline_policies.push_back(document({d}));
        IamAnalysis a = compute_iam(m);
        CHECK(a.roles[0].eni[0].value == Tri::No);
        CHECK(a.roles[0].eni[0].loc.line == 33);
        CHECK(a.roles[0].eni[1].value == Tri::Yes);
        CHECK(a.roles[0].eni[2].value == Tri::Yes);
    }
    SECTION("a conditioned Deny does not remove it, but leaves it uncertain") {
        d.has_condition = true;
        m.roles[0].inline_policies.push_back(document({d}));
        CHECK(eni(m, 0) == Tri::Unknown);
        CHECK(eni(m, 1) == Tri::Yes);
    }
    SECTION("a Deny whose action entry is unknown does not remove it") {
        d.actions = {partial("ec2:${Action}")};
        m.roles[0].inline_policies.push_back(document({d}));
        CHECK(eni(m, 0) == Tri::Unknown);
    }
    SECTION("a Deny in a policy that may be attached does not remove it") {
        Policy p;
        p.id = "Guardrail";
        p.document = document({d});
        p.roles.present = true;
        p.roles.complete = false;
        m.policies.push_back(p);
        CHECK(eni(m, 0) == Tri::Unknown);
        CHECK(eni(m, 1) == Tri::Yes);
    }
    SECTION("a resource-scoped Deny does not remove it") {
        d.resources = {known("arn:aws:ec2:*:*:subnet/subnet-0abc")};
        m.roles[0].inline_policies.push_back(document({d}));
        CHECK(eni(m, 0) == Tri::Unknown);
    }
}

TEST_CASE("policies attached through their Roles list", "[iam]") {
    Model m = vpc_model();
    m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaBasicExecutionRole")));
    Policy p;
    p.id = "EniPolicy";
    p.type = "AWS::IAM::Policy";
    p.loc = at(60, 3);
    p.document = document({statement(true, {"ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                                            "ec2:DeleteNetworkInterface"})});
    p.roles.present = true;
    SECTION("resolved to the role") {
        Link l;
        l.state = LinkState::Resolved;
        l.index = 0;
        p.roles.items.push_back(l);
        m.policies.push_back(p);
        CHECK(all_eni(m) == Tri::Yes);
        CHECK(compute_iam(m).roles[0].policies.back().name == "EniPolicy");
    }
    SECTION("attached to another role only") {
        Role other = m.roles[0];
        other.id = "OtherRole";
        m.roles.push_back(other);
        Link l;
        l.state = LinkState::Resolved;
        l.index = 1;
        p.roles.items.push_back(l);
        m.policies.push_back(p);
        CHECK(all_eni(m) == Tri::No);
    }
    SECTION("attached to an unknown role may be this one") {
        Link l;
        l.state = LinkState::Unknown;
        l.text = "parameter RoleName has no value";
        p.roles.items.push_back(l);
        m.policies.push_back(p);
        CHECK(all_eni(m) == Tri::Unknown);
    }
    SECTION("an unknown attachment that cannot grant ec2 changes nothing") {
        p.document = document({statement(true, {"s3:GetObject"})});
        p.roles.complete = false;
        m.policies.push_back(p);
        CHECK(all_eni(m) == Tri::No);
    }
    SECTION("a managed policy of the model named in ManagedPolicyArns") {
        p.type = "AWS::IAM::ManagedPolicy";
        p.managed = true;
        p.roles.present = false;
        m.policies.push_back(p);
        ManagedPolicyRef ref;
        ref.arn = partial("${EniPolicy}", "depends on EniPolicy");
        ref.policy.state = LinkState::Resolved;
        ref.policy.index = 0;
        m.roles[0].managed_policies.push_back(ref);
        CHECK(all_eni(m) == Tri::Yes);
    }
}

TEST_CASE("a permissions boundary caps the grant", "[iam]") {
    Model m = vpc_model();
    m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaVPCAccessExecutionRole")));
    SECTION("a boundary that allows them") {
        m.roles[0].permissions_boundary = aws_arn("service-role/AWSLambdaENIManagementAccess");
        CHECK(all_eni(m) == Tri::Yes);
    }
    SECTION("a boundary that does not") {
        m.roles[0].permissions_boundary = aws_arn("service-role/AWSLambdaBasicExecutionRole");
        CHECK(all_eni(m) == Tri::No);
        CHECK(compute_iam(m).roles[0].eni[0].reason.find("boundary") != std::string::npos);
    }
    SECTION("an unknown boundary") {
        m.roles[0].permissions_boundary = known("arn:aws:iam::123456789012:policy/Boundary");
        CHECK(all_eni(m) == Tri::Unknown);
    }
    SECTION("a boundary does not add what the role lacks") {
        m.roles[0].managed_policies.clear();
        m.roles[0].permissions_boundary = known("arn:aws:iam::123456789012:policy/Boundary");
        CHECK(all_eni(m) == Tri::No);
    }
}

// ------------------------------------------------------------------ trust

TEST_CASE("trust policy variants for lambda.amazonaws.com", "[iam]") {
    auto trust = [](PolicyDocument d) { return evaluate_trust(d, "lambda.amazonaws.com").value; };
    CHECK(trust(lambda_trust()) == Tri::Yes);
    CHECK(trust(document({trust_statement({known("edgelambda.amazonaws.com"), known("lambda.amazonaws.com")})})) ==
          Tri::Yes);
    CHECK(trust(document({trust_statement({known("ec2.amazonaws.com")})})) == Tri::No);
    CHECK(trust(document({trust_statement({})})) == Tri::No);  // an AWS principal only
    CHECK(trust(document({trust_statement({partial("", "parameter Service has no value")})})) == Tri::Unknown);
    CHECK(trust(document({trust_statement({partial("lambda.${AWS::URLSuffix}")})})) == Tri::Unknown);
    CHECK(trust(document({trust_statement({partial("ec2.${AWS::URLSuffix}")})})) == Tri::No);
    CHECK(trust(document({trust_statement({known("lambda.amazonaws.com")}, {"sts:*"})})) == Tri::Yes);
    CHECK(trust(document({trust_statement({known("lambda.amazonaws.com")}, {"*"})})) == Tri::Yes);
    CHECK(trust(document({trust_statement({known("lambda.amazonaws.com")}, {"sts:AssumeRoleWithWebIdentity"})})) ==
          Tri::No);
    PolicyStatement any = trust_statement({});
    any.principal_any = true;
    CHECK(trust(document({any})) == Tri::Yes);
    PolicyStatement cond = trust_statement({known("lambda.amazonaws.com")});
    cond.has_condition = true;
    CHECK(trust(document({cond})) == Tri::Unknown);
    PolicyStatement deny = trust_statement({known("lambda.amazonaws.com")});
    deny.allow = false;
    CHECK(trust(document({trust_statement({known("lambda.amazonaws.com")}), deny})) == Tri::No);
    PolicyDocument unknown;
    unknown.present = true;
    unknown.known = false;
    CHECK(trust(unknown) == Tri::Unknown);
    CHECK(trust(PolicyDocument{}) == Tri::Unknown);
}

// ------------------------------------------------------------------ VL201

TEST_CASE("VL201 names the missing ENI actions of a basic-execution role", "[iam]") {
    Model m = vpc_model();
    m.roles[0].managed_policies.push_back(
        managed(partial("arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaBasicExecutionRole")));
    auto ds = run(m, "VL201");
    REQUIRE(ds.size() == 1);
    const Diagnostic& d = ds[0];
    CHECK(d.rule_id == "VL201");
    CHECK(d.slug == "function-role-missing-eni-permissions");
    CHECK(d.severity == Severity::Error);
    CHECK(d.resource == "Fn");
    CHECK(d.loc.line == 43);
    CHECK(d.loc.col == 13);
    for (const char* s : {"Fn", "FnRole", "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces",
                          "ec2:DeleteNetworkInterface", "AWSLambdaBasicExecutionRole"}) {
        INFO(s);
        CHECK(d.message.find(s) != std::string::npos);
    }
    CHECK(d.fix.find("AWSLambdaVPCAccessExecutionRole") != std::string::npos);
    REQUIRE_FALSE(d.related.empty());
    CHECK(d.related[0].loc.line == 18);
}

TEST_CASE("VL201 stays silent when the answer is yes or unknown", "[iam]") {
    Model m = vpc_model();
    SECTION("ENI management access") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaENIManagementAccess")));
    }
    SECTION("a customer-managed policy") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaBasicExecutionRole")));
        m.roles[0].managed_policies.push_back(managed(known("arn:aws:iam::123456789012:policy/Eni")));
    }
    SECTION("a role from a parameter") {
        m.functions[0].role.state = LinkState::Unknown;
        m.functions[0].role.text = "parameter RoleArn has no value";
    }
    SECTION("a role outside the model") {
        m.functions[0].role.state = LinkState::External;
        m.functions[0].role.text = "arn:aws:iam::123456789012:role/fn";
    }
    SECTION("not a VPC function") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaBasicExecutionRole")));
        m.functions[0].has_vpc_config = false;
    }
    SECTION("VpcConfig with empty lists detaches the function") {
        m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaBasicExecutionRole")));
        m.functions[0].subnets.items.clear();
        m.functions[0].security_groups.items.clear();
    }
    CHECK(run(m, "VL201").empty());
}

TEST_CASE("VL201 fires for subnets from an unknown list", "[iam]") {
    Model m = vpc_model();
    m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaBasicExecutionRole")));
    m.functions[0].subnets.items.clear();
    m.functions[0].subnets.complete = false;
    m.functions[0].subnets.reason = "parameter SubnetIds has no value";
    CHECK(run(m, "VL201").size() == 1);
}

TEST_CASE("VL201 points at the Deny and words a SAM role", "[iam]") {
    Model m = vpc_model();
    m.roles[0].managed_policies.push_back(managed(aws_arn("service-role/AWSLambdaVPCAccessExecutionRole")));
    PolicyStatement d = statement(false, {"ec2:CreateNetworkInterface", "ec2:DeleteNetworkInterface"});
    d.loc = at(33, 13);
    m.roles[0].inline_policies.push_back(document({d}));
    m.roles[0].generated_from = "Fn";
    auto ds = run(m, "VL201");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].message.find("SAM generates") != std::string::npos);
    CHECK(ds[0].message.find("ec2:CreateNetworkInterface and ec2:DeleteNetworkInterface") != std::string::npos);
    CHECK(ds[0].message.find("ec2:DescribeNetworkInterfaces") == std::string::npos);
    CHECK(ds[0].fix.find("Deny") != std::string::npos);
    bool deny_related = false;
    for (const RelatedLocation& r : ds[0].related) deny_related |= r.loc.line == 33;
    CHECK(deny_related);
}

// ------------------------------------------------------------------ VL202

TEST_CASE("VL202 reports a role Lambda cannot assume", "[iam]") {
    Model m = vpc_model();
    m.roles[0].trust_policy = document({trust_statement({known("ec2.amazonaws.com")})}, at(20, 7));
    auto ds = run(m, "VL202");
    REQUIRE(ds.size() == 1);
    CHECK(ds[0].slug == "function-role-not-assumable");
    CHECK(ds[0].resource == "Fn");
    CHECK(ds[0].loc.line == 43);
    CHECK(ds[0].message.find("FnRole") != std::string::npos);
    CHECK(ds[0].message.find("lambda.amazonaws.com") != std::string::npos);
    REQUIRE_FALSE(ds[0].related.empty());
    CHECK(ds[0].related[0].loc.line == 20);

    m.functions[0].has_vpc_config = false;  // VPC or not
    CHECK(run(m, "VL202").size() == 1);
}

TEST_CASE("VL202 stays silent for assumable or unknown trust", "[iam]") {
    Model m = vpc_model();
    SECTION("lambda trusted") {}
    SECTION("unknown principal") {
        m.roles[0].trust_policy = document({trust_statement({partial("", "parameter Principal has no value")})});
    }
    SECTION("unknown document") {
        m.roles[0].trust_policy.known = false;
    }
    SECTION("role from a parameter") {
        m.roles[0].trust_policy = document({trust_statement({known("ec2.amazonaws.com")})});
        m.functions[0].role.state = LinkState::Unknown;
    }
    CHECK(run(m, "VL202").empty());
}

// ------------------------------------------------------------------ SAM policy templates

TEST_CASE("SAM policy templates are looked up by name", "[iam]") {
    const cfn::SamPolicyTemplate* vpc = cfn::find_sam_policy_template("VPCAccessPolicy");
    REQUIRE(vpc);
    PolicyDocument d = cfn::sam_policy_document(*vpc, at(5, 9));
    Model m = vpc_model();
    m.roles[0].inline_policies.push_back(d);
    CHECK(all_eni(m) == Tri::Yes);

    const cfn::SamPolicyTemplate* crud = cfn::find_sam_policy_template("DynamoDBCrudPolicy");
    REQUIRE(crud);
    REQUIRE(crud->parameters.size() == 1);
    CHECK(crud->parameters[0] == "TableName");
    PolicyDocument cd = cfn::sam_policy_document(*crud, at(5, 9));
    REQUIRE_FALSE(cd.statements.empty());
    REQUIRE_FALSE(cd.statements[0].resources.empty());
    CHECK_FALSE(cd.statements[0].resources[0].known);  // ${tableName} is filled by the template
    CHECK(cd.statements[0].resources[0].value.find("${tableName}") != std::string::npos);

    for (std::string_view name :
         {"VPCAccessPolicy", "DynamoDBCrudPolicy", "DynamoDBReadPolicy", "DynamoDBWritePolicy", "S3ReadPolicy",
          "S3CrudPolicy", "S3WritePolicy", "SQSSendMessagePolicy", "SQSPollerPolicy", "SNSPublishMessagePolicy",
          "SSMParameterReadPolicy", "KMSDecryptPolicy", "LambdaInvokePolicy", "StepFunctionsExecutionPolicy",
          "EventBridgePutEventsPolicy", "AWSSecretsManagerGetSecretValuePolicy"}) {
        INFO(name);
        CHECK(cfn::find_sam_policy_template(name) != nullptr);
    }
    CHECK(cfn::find_sam_policy_template("NoSuchPolicy") == nullptr);
}

namespace {

// The installed samtranslator's policy_templates.json, or "" without python3
// or the module.
std::string samtranslator_templates_path() {
    const char* cmd =
        "python3 -c \"import os, samtranslator; print(os.path.join(os.path.dirname(samtranslator.__file__), "
        "'policy_templates_data', 'policy_templates.json'))\" 2>/dev/null";
    std::unique_ptr<FILE, int (*)(FILE*)> pipe(popen(cmd, "r"), pclose);
    if (!pipe) return {};
    std::string out;
    std::array<char, 512> buf{};
    while (fgets(buf.data(), static_cast<int>(buf.size()), pipe.get())) out += buf.data();
    while (!out.empty() && (out.back() == '\n' || out.back() == '\r')) out.pop_back();
    return out;
}

std::vector<std::string> strings_of(const nlohmann::json& j) {
    std::vector<std::string> out;
    if (j.is_string()) out.push_back(j.get<std::string>());
    if (j.is_array())
        for (const auto& x : j) out.push_back(x.get<std::string>());
    return out;
}

std::string resource_text(const nlohmann::json& r) {
    if (r.is_string()) return r.get<std::string>();
    const nlohmann::json& sub = r.at("Fn::Sub");
    return sub.is_string() ? sub.get<std::string>() : sub.at(0).get<std::string>();
}

}  // namespace

TEST_CASE("SAM policy templates equal the installed samtranslator's", "[iam]") {
    std::string path = samtranslator_templates_path();
    std::ifstream in(path);
    if (path.empty() || !in) {
        WARN("python3 or samtranslator is not installed: skipping the comparison with policy_templates.json");
        return;
    }
    nlohmann::json j = nlohmann::json::parse(in);
    const nlohmann::json& templates = j.at("Templates");
    CHECK(templates.size() == cfn::sam_policy_templates().size());
    for (const auto& [name, def] : templates.items()) {
        INFO(name);
        CHECK(cfn::find_sam_policy_template(name) != nullptr);
    }
    for (const cfn::SamPolicyTemplate& t : cfn::sam_policy_templates()) {
        std::string name(t.name);
        INFO(name);
        REQUIRE(templates.contains(name));
        const nlohmann::json& def = templates.at(name);
        std::vector<std::string> params;
        if (def.contains("Parameters"))
            for (const auto& [p, _] : def.at("Parameters").items()) params.push_back(p);
        std::sort(params.begin(), params.end());
        CHECK(std::vector<std::string>(t.parameters.begin(), t.parameters.end()) == params);
        const nlohmann::json& stmts = def.at("Definition").at("Statement");
        REQUIRE(stmts.size() == t.statements.size());
        for (size_t i = 0; i < stmts.size(); ++i) {
            const nlohmann::json& s = stmts.at(i);
            const PolicyStatementData& d = t.statements[i];
            CHECK((s.at("Effect") == "Allow") == d.allow);
            CHECK(s.contains("Condition") == d.has_condition);
            CHECK(strings_of(s.at("Action")) == std::vector<std::string>(d.actions.begin(), d.actions.end()));
            std::vector<std::string> res;
            const nlohmann::json& r = s.at("Resource");
            if (r.is_array())
                for (const auto& x : r) res.push_back(resource_text(x));
            else
                res.push_back(resource_text(r));
            CHECK(res == std::vector<std::string>(d.resources.begin(), d.resources.end()));
        }
    }
}
