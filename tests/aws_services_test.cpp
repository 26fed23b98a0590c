// The service table, the service needs of a function (strong and weak
// evidence, the actions that are not evidence) and service reachability.
#include <catch2/catch.hpp>

#include "cli/analyze_file.h"
#include "core/analyses.h"
#include "core/aws_services.h"
#include "core/managed_policies.h"
#include "core/service_reachability.h"
#include "parsers/aws_ids.h"
#include "tests/network_builder.h"

using namespace vpclint;
using namespace vpclint::testing;

TEST_CASE("service table: names by IAM prefix, resource type, host, SDK variable", "[aws-services]") {
    REQUIRE(find_service("dynamodb"));
    CHECK(find_service("dynamodb")->gateway_endpoint);
    CHECK(find_service("s3")->gateway_endpoint);
    CHECK_FALSE(find_service("sqs")->gateway_endpoint);
    CHECK(find_service("sfn") == find_service("states"));
    CHECK(service_of_iam_prefix("states")->key == "states");
    CHECK(service_of_iam_prefix("cloudwatch")->key == "monitoring");
    CHECK(service_of_resource_type("AWS::DynamoDB::Table")->key == "dynamodb");
    CHECK(service_of_resource_type("aws_sqs_queue")->key == "sqs");
    CHECK(service_of_resource_type("AWS::StepFunctions::StateMachine")->key == "states");
    CHECK(service_of_resource_type("AWS::EC2::SecurityGroup") == nullptr);
    CHECK(service_of_host("dynamodb.eu-west-1.amazonaws.com")->key == "dynamodb");
    CHECK(service_of_host("sqs.us-east-1.amazonaws.com")->key == "sqs");
    CHECK(service_of_host("eu-west-1.queue.amazonaws.com")->key == "sqs");
    CHECK(service_of_host("reports.s3.eu-west-1.amazonaws.com")->key == "s3");
    CHECK(service_of_host("s3.amazonaws.com")->key == "s3");
    CHECK(service_of_host("s3-eu-west-1.amazonaws.com")->key == "s3");
    CHECK(service_of_host("api.ecr.eu-west-1.amazonaws.com")->key == "ecr");
    // Database and cache hosts are private resources, not AWS APIs.
    CHECK(service_of_host("orders.abc123.eu-west-1.rds.amazonaws.com") == nullptr);
    CHECK(service_of_host("vpce-0abc-1xyz.sqs.eu-west-1.vpce.amazonaws.com") == nullptr);
    CHECK(service_of_host("api.example.com") == nullptr);
    CHECK(service_of_sdk_env_id("SECRETS_MANAGER")->key == "secretsmanager");
    CHECK(service_of_endpoint_service("kinesis-streams")->key == "kinesis");
    CHECK(service_of_endpoint_service("ecr.api")->key == "ecr");
}

TEST_CASE("endpoint service names: the part after the region, unknown region kept", "[aws-services]") {
    CHECK(endpoint_service_part("com.amazonaws.eu-west-1.dynamodb") == "dynamodb");
    CHECK(endpoint_service_part("com.amazonaws.${AWS::Region}.dynamodb") == "dynamodb");
    CHECK(endpoint_service_part("com.amazonaws.eu-west-1.ecr.api") == "ecr.api");
    CHECK(endpoint_service_part("com.amazonaws.${AWS::Region}.${Service}").empty());
    CHECK(endpoint_service_part("aws.sagemaker.eu-west-1.notebook").empty());
    Text name = unknown_text("com.amazonaws.${AWS::Region}.s3", "pseudo parameter AWS::Region");
    Text service = endpoint_service(name);
    CHECK(service.known);
    CHECK(service.value == "s3");
    Text other = endpoint_service(known_text("com.amazonaws.vpce.eu-west-1.vpce-svc-0123456789abcdef0"));
    CHECK(other.known);
    CHECK(service_of_endpoint_service(other.value) == nullptr);
    CHECK_FALSE(endpoint_service(unknown_text("", "parameter ServiceName has no value")).known);
}

TEST_CASE("actions only Lambda itself uses are no evidence", "[aws-services]") {
    for (const char* name : {"AWSLambdaSQSQueueExecutionRole", "AWSLambdaKinesisExecutionRole",
                             "AWSLambdaDynamoDBExecutionRole", "AWSLambdaMSKExecutionRole",
                             "AWSLambdaVPCAccessExecutionRole", "AWSLambdaENIManagementAccess",
                             "AWSLambdaBasicExecutionRole"}) {
        const ManagedPolicy* p = find_managed_policy(name);
        REQUIRE(p);
        for (const PolicyStatement& st : p->document.statements)
            for (const Text& a : st.actions) {
                INFO(name << " " << a.value);
                CHECK(is_lambda_only_action(a.value));
            }
    }
    CHECK(is_lambda_only_action("logs:*"));
    CHECK(is_lambda_only_action("xray:PutTraceSegments"));
    CHECK(is_lambda_only_action("SQS:ReceiveMessage"));
    CHECK_FALSE(is_lambda_only_action("sqs:*"));
    CHECK_FALSE(is_lambda_only_action("sqs:SendMessage"));
    CHECK_FALSE(is_lambda_only_action("dynamodb:PutItem"));
}

namespace {

// An isolated VPC function "Fn" with a role "FnRole".
struct Isolated {
    NetworkBuilder b;
    uint32_t vpc, a, fn, role;
    Isolated() {
        vpc = b.vpc("Vpc");
        a = b.isolated_subnet("PrivateSubnetA", vpc);
        fn = b.function_in("Fn", {a});
        Role r;
        r.id = "FnRole";
        r.type = "AWS::IAM::Role";
        b.m.roles.push_back(r);
        role = static_cast<uint32_t>(b.m.roles.size() - 1);
        b.m.functions[fn].role = resolved(role);
    }
    void allow(std::vector<std::string> actions) {
        PolicyDocument d;
        d.present = true;
        PolicyStatement st;
        for (std::string& a : actions) st.actions.push_back(known_text(std::move(a), line_at(70, 20)));
        st.resources.push_back(known_text("*"));
        d.statements.push_back(st);
        b.m.roles[role].inline_policies.push_back(d);
    }
    void managed(const std::string& name) {
        ManagedPolicyRef ref;
        ref.arn = known_text("arn:aws:iam::aws:policy/service-role/" + name);
        b.m.roles[role].managed_policies.push_back(ref);
    }
    Analyses analyses() {
        model = b.build();
        return compute_analyses(model);
    }
    Model model;
};

}  // namespace

TEST_CASE("service needs: environment references are strong, role actions weak", "[aws-services]") {
    Isolated t;
    SECTION("a reference to the table in the environment") {
        t.b.env(t.fn, "TABLE_NAME", known_text("orders"));
        t.b.m.functions[t.fn].environment.back().refs.push_back({"OrdersTable", "AWS::DynamoDB::Table", ""});
        t.allow({"dynamodb:PutItem"});
        Analyses a = t.analyses();
        const FunctionNeeds& n = needs_of_function(a.needs, t.fn);
        REQUIRE(n.services.size() == 1);
        CHECK(n.services[0].service == "dynamodb");
        CHECK(n.services[0].strong);
        CHECK(n.services[0].phrase.find("references OrdersTable") != std::string::npos);
        REQUIRE(n.services[0].evidence.size() == 2);
        CHECK_FALSE(n.services[0].evidence[1].strong);
    }
    SECTION("role actions alone are weak") {
        t.allow({"dynamodb:PutItem", "dynamodb:GetItem"});
        Analyses a = t.analyses();
        const FunctionNeeds& n = needs_of_function(a.needs, t.fn);
        REQUIRE(n.services.size() == 1);
        CHECK_FALSE(n.services[0].strong);
        CHECK(n.services[0].evidence.size() == 1);
    }
    SECTION("the event-source, log and network interface policies are no evidence") {
        t.managed("AWSLambdaSQSQueueExecutionRole");
        t.managed("AWSLambdaVPCAccessExecutionRole");
        t.allow({"logs:CreateLogStream", "xray:PutTraceSegments", "*"});
        Analyses a = t.analyses();
        CHECK(needs_of_function(a.needs, t.fn).services.empty());
    }
    SECTION("an SDK host in the environment") {
        t.b.env(t.fn, "QUEUE", known_text("https://sqs.us-east-1.amazonaws.com/123456789012/orders"));
        Analyses a = t.analyses();
        const FunctionNeeds& n = needs_of_function(a.needs, t.fn);
        REQUIRE(n.services.size() == 1);
        CHECK(n.services[0].service == "sqs");
        CHECK(n.services[0].strong);
        CHECK(n.internet.empty());
    }
    SECTION("AWS_ENDPOINT_URL_<ID>: to the AWS host, to the endpoint's own name, elsewhere") {
        t.b.env(t.fn, "AWS_ENDPOINT_URL_SQS", known_text("https://sqs.us-east-1.amazonaws.com"));
        t.b.env(t.fn, "AWS_ENDPOINT_URL_DYNAMODB",
                known_text("https://vpce-0abc123-xyz.dynamodb.us-east-1.vpce.amazonaws.com"));
        t.b.env(t.fn, "AWS_ENDPOINT_URL_S3", known_text("http://localstack:4566"));
        Analyses a = t.analyses();
        const FunctionNeeds& n = needs_of_function(a.needs, t.fn);
        REQUIRE(n.services.size() == 3);
        CHECK(n.services[0].service == "sqs");
        CHECK_FALSE(n.services[0].custom_endpoint);
        CHECK(n.services[1].service == "dynamodb");
        CHECK(n.services[1].endpoint_dns);
        CHECK(n.services[2].service == "s3");
        CHECK(n.services[2].custom_endpoint);
    }
}

TEST_CASE("service reachability per subnet: NAT, gateway endpoint, interface endpoint", "[aws-services]") {
    Isolated t;
    t.b.env(t.fn, "TABLE_NAME", known_text("orders"));
    t.b.m.functions[t.fn].environment.back().refs.push_back({"OrdersTable", "AWS::DynamoDB::Table", ""});
    uint32_t table = 0;  // PrivateSubnetA's route table, the first one built
    auto reach = [&]() {
        Analyses a = t.analyses();
        std::vector<FunctionServiceReach> r = function_service_reach(t.model, a.egress, a.needs, a.endpoints, t.fn);
        REQUIRE(r.size() == 1);
        CHECK(r[0].judged);
        return r[0];
    };
    SECTION("no endpoint: not reachable") { CHECK(reach().reachable == Tri::No); }
    SECTION("a gateway endpoint on its route table") {
        uint32_t e = t.b.endpoint(t.vpc, "dynamodb");
        t.b.m.vpc_endpoints[e].route_tables.present = true;
        t.b.m.vpc_endpoints[e].route_tables.items.push_back(resolved(table));
        CHECK(reach().reachable == Tri::Yes);
    }
    SECTION("a gateway endpoint on another route table") {
        uint32_t other = t.b.table("OtherRouteTable", t.vpc);
        uint32_t e = t.b.endpoint(t.vpc, "dynamodb");
        t.b.m.vpc_endpoints[e].route_tables.present = true;
        t.b.m.vpc_endpoints[e].route_tables.items.push_back(resolved(other));
        FunctionServiceReach r = reach();
        CHECK(r.reachable == Tri::No);
        CHECK(r.per_subnet[0].gateway_elsewhere == std::vector<uint32_t>{e});
    }
    SECTION("a gateway endpoint whose route tables are a parameter") {
        uint32_t e = t.b.endpoint(t.vpc, "dynamodb");
        t.b.m.vpc_endpoints[e].route_tables.present = true;
        t.b.m.vpc_endpoints[e].route_tables.complete = false;
        CHECK(reach().reachable == Tri::Unknown);
    }
    SECTION("an interface endpoint: private DNS decides") {
        uint32_t e = t.b.endpoint(t.vpc, "dynamodb");
        t.b.m.vpc_endpoints[e].endpoint_type = EndpointType::Interface;
        t.b.m.vpc_endpoints[e].private_dns.value = Tri::No;
        FunctionServiceReach off = reach();
        CHECK(off.reachable == Tri::No);
        CHECK(off.per_subnet[0].interface_without_dns.size() == 1);
        t.b.m.vpc_endpoints[e].private_dns.value = Tri::Yes;
        CHECK(reach().reachable == Tri::Yes);
    }
    SECTION("an endpoint whose service is unknown may serve it") {
        uint32_t e = t.b.endpoint(t.vpc, "dynamodb");
        t.b.m.vpc_endpoints[e].service = unknown_text("", "parameter ServiceName has no value");
        CHECK(reach().reachable == Tri::Unknown);
    }
    SECTION("an endpoint of another service does not") {
        t.b.endpoint(t.vpc, "sqs");
        CHECK(reach().reachable == Tri::No);
    }
}

TEST_CASE("the acceptance cases: VL401, nothing, VL402 with its exact fix, VL101 error", "[aws-services]") {
    auto run = [](const std::string& rel) {
        return analyze_file(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/rules/" + rel, {}, {}).diagnostics;
    };
    for (const char* file : {"VL401/bad-dynamodb-no-endpoint.yaml", "VL401/tf-dynamodb-no-endpoint/plan.json"}) {
        INFO(file);
        auto ds = run(file);
        REQUIRE(ds.size() == 1);
        CHECK(ds[0].rule_id == "VL401");
        CHECK(ds[0].severity == Severity::Error);
        CHECK(ds[0].message.find("needs dynamodb") != std::string::npos);
        CHECK(ds[0].fix.find("gateway endpoint com.amazonaws.<region>.dynamodb") != std::string::npos);
    }
    CHECK(run("VL401/good-gateway-endpoint.yaml").empty());
    CHECK(run("VL401/tf-gateway-endpoint/plan.json").empty());
    auto vl402 = run("VL402/bad-endpoint-other-route-table.yaml");
    REQUIRE(vl402.size() == 1);
    CHECK(vl402[0].rule_id == "VL402");
    CHECK(vl402[0].fix == "Add route table PrivateRouteTableB to DynamoDbEndpoint's RouteTableIds.");
    auto tf402 = run("VL402/tf-endpoint-other-route-table/plan.json");
    REQUIRE(tf402.size() == 1);
    CHECK(tf402[0].fix.find("Add route table aws_route_table.private[1] to aws_vpc_endpoint.dynamodb's route_table_ids") == 0);
    for (const char* file : {"VL101/bad-public-subnet-dynamodb.yaml", "VL101/tf-public-subnet-dynamodb/plan.json"}) {
        INFO(file);
        bool vl101_error = false;
        for (const Diagnostic& d : run(file)) vl101_error = vl101_error || (d.rule_id == "VL101" && d.severity == Severity::Error);
        CHECK(vl101_error);
    }
}

TEST_CASE("SAM's dead-letter queue and event source statements are no evidence", "[aws-services]") {
    auto ds = analyze_file(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/rules/VL401/sam-dynamodb-with-dead-letter-queue.yaml",
                           {}, {})
                  .diagnostics;
    REQUIRE(ds.size() == 1);  // dynamodb, not the dead-letter queue's sqs
    CHECK(ds[0].message.find("needs dynamodb") != std::string::npos);
    for (const Diagnostic& d : analyze_file(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/sam/events.yaml", {}, {}).diagnostics)
        CHECK(d.rule_id.rfind("VL40", 0) != 0);
}
