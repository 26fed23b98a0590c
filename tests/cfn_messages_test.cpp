// What the CloudFormation findings say (issue 14, item 7): the scenario that
// decides them, the exact thing that is wrong, and names instead of numbers.
#include <catch2/catch.hpp>

#include "cli/analyze_file.h"

using namespace vpclint;

namespace {

// The one finding of `rule` in a fixture under fixtures/rules/.
Diagnostic only_finding(const std::string& fixture, const std::string& rule) {
    FileResult got = analyze_file(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/rules/" + fixture, {}, {});
    REQUIRE(got.analysed);
    std::vector<Diagnostic> found;
    for (const Diagnostic& d : got.diagnostics)
        if (d.rule_id == rule) found.push_back(d);
    REQUIRE(found.size() == 1);
    INFO(found[0].message);
    return found[0];
}

size_t count_of(const std::string& text, const std::string& word) {
    size_t n = 0;
    for (size_t i = text.find(word); i != std::string::npos; i = text.find(word, i + 1)) ++n;
    return n;
}

bool ends_with(const std::string& s, const std::string& tail) {
    return s.size() >= tail.size() && s.compare(s.size() - tail.size(), tail.size(), tail) == 0;
}

}  // namespace

TEST_CASE("a VpcConfig switched on by list parameters is reported in that scenario", "[cfn][messages]") {
    Diagnostic d = only_finding("VL201/bad-vpc-switched-on-by-list-parameters.yaml", "VL201");
    CHECK(ends_with(d.message, "(when HasSubnets is true)."));
}

TEST_CASE("a mapping entry selected by an allowed key names the scenario and the id's defect", "[cfn][messages]") {
    Diagnostic d = only_finding("VL504/bad-mapping-entry-of-allowed-key.yaml", "VL504");
    CHECK(d.loc.line == 18);
    CHECK(d.message.find("has 12 hexadecimal digits after 'subnet-'") != std::string::npos);
    CHECK(d.message.find("truncated") != std::string::npos);
    CHECK(d.message.find("without !Ref") == std::string::npos);
    CHECK(ends_with(d.message, "(when Environment is prod)."));
    // A name without !Ref is still said as such.
    Diagnostic name = only_finding("VL504/bad-literal-subnet-name.yaml", "VL504");
    CHECK(name.message.find("written without !Ref") != std::string::npos);
}

TEST_CASE("a permissions boundary that lacks the ENI actions is what the fix names", "[cfn][messages]") {
    Diagnostic d = only_finding("VL201/bad-permissions-boundary.yaml", "VL201");
    CHECK(count_of(d.message, "LogsOnlyBoundary") == 1);
    CHECK(d.message.find("its policies allow them, but its permissions boundary LogsOnlyBoundary does not") !=
          std::string::npos);
    CHECK(d.fix.find("in the permissions boundary LogsOnlyBoundary of FunctionRole") != std::string::npos);
}

TEST_CASE("inline policies are named by PolicyName", "[cfn][messages]") {
    Diagnostic d = only_finding("VL201/bad-describe-scoped-to-resource.yaml", "VL201");
    CHECK(d.message.find("inline policy eni of") != std::string::npos);
    CHECK(d.message.find("inline policy 1") == std::string::npos);
}

TEST_CASE("VL102 says no IPv4 default route when only ::/0 exists", "[cfn][messages]") {
    Diagnostic d = only_finding("VL102/bad-ipv6-default-route-only.yaml", "VL102");
    CHECK(d.message.find("no IPv4 default route (route table PrivateRouteTable has only ::/0") != std::string::npos);
}

TEST_CASE("an offending item inherited from Globals is said to be inherited, at Globals", "[cfn][messages][sam]") {
    // The function's own subnet is fine; the one merged from Globals has no route.
    Diagnostic d = only_finding("VL107/bad-sam-inherited-subnet.yaml", "VL107");
    CHECK(d.loc.line == 10);
    CHECK(d.message.find("but not from IsolatedSubnet (inherited from Globals)") != std::string::npos);
    CHECK(d.message.find("PrivateSubnetA (inherited") == std::string::npos);
    Diagnostic id = only_finding("VL504/bad-sam-inherited-truncated-id.yaml", "VL504");
    CHECK(id.loc.line == 15);
    CHECK(id.message.find("in its VPC subnet list (inherited from Globals), which has 6 hexadecimal digits") !=
          std::string::npos);
    // A whole list from Globals says it once, after the list.
    FileResult got =
        analyze_file(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/rules/VL101/sam-globals-public-subnets.yaml", {}, {});
    size_t seen = 0;
    for (const Diagnostic& all : got.diagnostics) {
        if (all.rule_id != "VL101") continue;
        ++seen;
        INFO(all.message);
        CHECK(count_of(all.message, "inherited from Globals") == 1);
        CHECK(all.message.find("PublicSubnetA and PublicSubnetB (inherited from Globals)") != std::string::npos);
    }
    CHECK(seen == 2);
}
