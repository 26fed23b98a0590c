// Needs analysis: what counts as evidence that a function calls the internet
// or an AWS service, and where that evidence is.
#include <catch2/catch.hpp>

#include <string>

#include "core/needs_analysis.h"
#include "tests/network_builder.h"

using namespace vpclint;
using namespace vpclint::testing;

namespace {

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

// One function "Fn" (no network needed for the needs analysis).
struct OneFunction {
    NetworkBuilder b;
    uint32_t fn;
    OneFunction() { fn = b.function("Fn", {external("subnet-0123456789abcdef0")}); }
    FunctionNeeds needs() { return compute_needs(b.build()).functions.at(fn); }
};

}  // namespace

TEST_CASE("internet hosts: public names and addresses only", "[egress]") {
    for (const char* host : {"api.stripe.com", "hooks.slack.com", "API.Example.COM", "example.com.", "8.8.8.8",
                             "api.payments.example.co.uk", "my-service.dev"}) {
        INFO(host);
        CHECK(is_internet_host(host));
    }
    for (const char* host : {"", "localhost", "db", "orders-db.internal", "printer.local", "sqs.us-east-1.amazonaws.com",
                             "s3.cn-north-1.amazonaws.com.cn", "abc.execute-api.us-east-1.amazonaws.com",
                             "bedrock.us-east-1.api.aws", "10.0.0.12", "172.16.4.4", "172.31.255.1", "192.168.1.1",
                             "127.0.0.1", "169.254.169.254", "100.64.0.1", "cache.svc", "x.home.arpa", "a..b",
                             "${Domain}.com", "index.handler1"}) {
        INFO(host);
        CHECK_FALSE(is_internet_host(host));
    }
}

TEST_CASE("bare host names need a public suffix and nothing else in the value", "[egress]") {
    CHECK(is_bare_internet_hostname("api.stripe.com"));
    CHECK(is_bare_internet_hostname("smtp.sendgrid.net"));
    for (const char* v : {"index.handler", "config.json", "orders.v2", "a b.com", "user@example.com", "example.com/x",
                          "example.com:443", "db.internal", "s3.amazonaws.com", "*.example.com", "com"}) {
        INFO(v);
        CHECK_FALSE(is_bare_internet_hostname(v));
    }
}

TEST_CASE("AWS API service names that an endpoint name can match", "[egress]") {
    CHECK(is_aws_api_service("dynamodb"));
    CHECK(is_aws_api_service("s3"));
    CHECK(is_aws_api_service("secretsmanager"));
    CHECK_FALSE(is_aws_api_service("internet"));
    CHECK_FALSE(is_aws_api_service("postgres"));
    CHECK_FALSE(is_aws_api_service("DynamoDB"));  // declared needs are lower-cased before
}

TEST_CASE("an environment URL of a public host is strong evidence with its position", "[egress]") {
    OneFunction f;
    f.b.env(f.fn, "PAYMENTS_API_URL", known_text("https://api.payments.example.com/v1", line_at(88, 27)));
    FunctionNeeds n = f.needs();
    REQUIRE(n.internet.size() == 1);
    CHECK(n.internet[0].strong);
    CHECK(n.strong_internet());
    CHECK(n.internet[0].loc.line == 88);
    CHECK(n.internet[0].loc.col == 27);
    CHECK(contains(n.internet[0].phrase, "PAYMENTS_API_URL at line"));
    CHECK(contains(n.internet[0].phrase, "internet URL (api.payments.example.com)"));
}

TEST_CASE("environment values that are not internet evidence", "[egress]") {
    OneFunction f;
    SECTION("AWS endpoints") {
        f.b.env(f.fn, "QUEUE_URL", known_text("https://sqs.us-east-1.amazonaws.com/123456789012/orders"));
        f.b.env(f.fn, "API", known_text("https://abc123.execute-api.eu-west-1.amazonaws.com/prod"));
    }
    SECTION("private hosts and addresses") {
        f.b.env(f.fn, "DB_URL", known_text("http://10.0.1.5:5432"));
        f.b.env(f.fn, "SVC_URL", known_text("http://orders.internal/api"));
        f.b.env(f.fn, "LOCAL_URL", known_text("http://localhost:8080"));
    }
    SECTION("a value built from a resource of the model") {
        f.b.env(f.fn, "API_URL", known_text("https://api.example.com"));
        f.b.m.functions[f.fn].environment[0].refs.push_back({"Api", "AWS::ApiGateway::RestApi", ""});
    }
    SECTION("an unknown value") { f.b.env(f.fn, "API_URL", unknown_text("", "parameter ApiUrl has no value")); }
    SECTION("an unknown host") { f.b.env(f.fn, "API_URL", unknown_text("https://${Domain}/v1")); }
    SECTION("a partly unknown host") { f.b.env(f.fn, "API_URL", unknown_text("https://api.${Zone}")); }
    SECTION("a host name in a variable not named like one") { f.b.env(f.fn, "TABLE_SUFFIX", known_text("orders.com")); }
    SECTION("words, file names and handlers") {
        f.b.env(f.fn, "HANDLER_HOST", known_text("index.handler"));
        f.b.env(f.fn, "LOG_LEVEL", known_text("debug"));
        f.b.env(f.fn, "CONFIG_URL", known_text("s3://bucket/config.json"));
    }
    CHECK(f.needs().internet.empty());
}

TEST_CASE("environment values that are internet evidence", "[egress]") {
    OneFunction f;
    SECTION("a bare host name in a host variable") { f.b.env(f.fn, "STRIPE_API_HOST", known_text("api.stripe.com")); }
    SECTION("a URL whose unknown part comes after the host") {
        f.b.env(f.fn, "API_URL", unknown_text("https://api.example.com/${Stage}"));
    }
    SECTION("an http URL with a port") { f.b.env(f.fn, "WEBHOOK", known_text("http://hooks.example.com:8080/x")); }
    SECTION("a public address") { f.b.env(f.fn, "NTP_URL", known_text("https://8.8.8.8/")); }
    REQUIRE(f.needs().internet.size() == 1);
    CHECK(f.needs().internet[0].strong);
}

TEST_CASE("declared needs: internet is strong evidence, services are kept", "[egress]") {
    OneFunction f;
    f.b.declare(f.fn, "Internet");
    f.b.declare(f.fn, "dynamodb");
    f.b.declare(f.fn, "DynamoDB");
    f.b.declare(f.fn, "s3");
    FunctionNeeds n = f.needs();
    REQUIRE(n.internet.size() == 1);
    CHECK(n.internet[0].strong);
    CHECK(contains(n.internet[0].phrase, "declares"));
    CHECK(n.internet[0].loc.line == f.b.m.functions[f.fn].declared_needs[0].loc.line);
    REQUIRE(n.services.size() == 2);
    CHECK(n.services[0].service == "dynamodb");
    CHECK(n.services[1].service == "s3");
    CHECK(n.services[0].strong);
}

TEST_CASE("URLs in code: hosts and offsets, comments skipped", "[egress]") {
    std::string code =
        "import urllib.request\n"
        "# see https://docs.example.com\n"
        "URL = 'https://api.example.com/v1'\n"
        "  // http://old.example.com\n"
        "x = \"HTTP://Other.Example.org\"\n";
    auto urls = urls_in_code(code);
    REQUIRE(urls.size() == 2);
    CHECK(urls[0].first == "api.example.com");
    CHECK(code.substr(urls[0].second, 8) == "https://");
    CHECK(urls[1].first == "other.example.org");
    CHECK(code.substr(urls[1].second, 7) == "HTTP://");
}

TEST_CASE("a URL in inline code is strong evidence on its own line", "[egress]") {
    OneFunction f;
    Function& fn = f.b.m.functions[f.fn];
    SECTION("block scalar: the URL's line") {
        fn.inline_code = known_text("import os\n# https://skip.example.com\nrequests.get('https://api.example.com')\n",
                                    line_at(40, 18));
        fn.inline_code.loc.end_line = 44;
        FunctionNeeds n = f.needs();
        REQUIRE(n.internet.size() == 1);
        CHECK(n.internet[0].strong);
        CHECK(n.internet[0].loc.line == 43);  // the `|` is on 40, the code starts on 41
        CHECK(contains(n.internet[0].phrase, "api.example.com"));
    }
    SECTION("on one line of the file (JSON): the code's position") {
        fn.inline_code = known_text("import os\nrequests.get('https://api.example.com')\n", line_at(40, 18));
        fn.inline_code.loc.end_line = 40;
        FunctionNeeds n = f.needs();
        REQUIRE(n.internet.size() == 1);
        CHECK(n.internet[0].loc.line == 40);
        CHECK(n.internet[0].loc.col == 18);
    }
    SECTION("AWS and private hosts in code are not evidence") {
        fn.inline_code = known_text("get('https://dynamodb.us-east-1.amazonaws.com')\nget('http://10.0.0.1/')\n",
                                    line_at(40, 18));
        CHECK(f.needs().internet.empty());
    }
    SECTION("unknown code is not evidence") {
        fn.inline_code = unknown_text("requests.get('https://api.example.com/${Stage}')");
        CHECK(f.needs().internet.empty());
    }
}

TEST_CASE("no evidence, no needs", "[egress]") {
    OneFunction f;
    f.b.env(f.fn, "TABLE_NAME", known_text("orders"));
    FunctionNeeds n = f.needs();
    CHECK(n.internet.empty());
    CHECK(n.services.empty());
    CHECK_FALSE(n.strong_internet());
}
