// Golden-output tests for every reporter on a fixed, hand-made report, plus
// the escaping and stability properties each format promises.
#include <catch2/catch.hpp>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "reporters/reporter.h"

using namespace vpclint;

namespace {

Diagnostic diag(std::string rule, std::string slug, Severity s, std::string file, uint32_t line, uint32_t col,
                std::string resource, std::string message) {
    Diagnostic d;
    d.rule_id = std::move(rule);
    d.slug = std::move(slug);
    d.severity = s;
    d.loc = Location{std::move(file), line, col, line, col + 8};
    d.resource = std::move(resource);
    d.message = std::move(message);
    d.fix = "Do the right thing.";
    return d;
}

ReportInput sample() {
    ReportInput in;
    Diagnostic a = diag("VL101", "function-in-public-subnet", Severity::Error, "stacks/app.yaml", 81, 11, "OrdersFunction",
                        "Function OrdersFunction is in public subnet PublicSubnetA, so it has no internet access.");
    a.path = {{Location{"stacks/app.yaml", 81, 11, 0, 0}, "function OrdersFunction is placed in subnet PublicSubnetA"},
              {Location{"stacks/app.yaml", 17, 3, 0, 0}, "subnet PublicSubnetA"},
              {Location{"stacks/app.yaml", 35, 3, 0, 0}, "route 0.0.0.0/0 -> internet gateway Igw"}};
    a.related = {{Location{"stacks/app.yaml", 17, 3, 0, 0}, "public subnet PublicSubnetA"}};
    in.diagnostics.push_back(a);
    in.diagnostics.push_back(diag("VL107", "function-subnets-disagree", Severity::Warning, "stacks/app.yaml", 90, 11,
                                  "ReportsFunction", "Subnets disagree: a, b \"quoted\" <tag> & 100%."));
    in.diagnostics.push_back(diag("VL101", "function-in-public-subnet", Severity::Note, "stacks/other dir/x.json", 5, 3,
                                  "Worker", "Line one,\nline two: with a colon."));
    in.diagnostics.push_back(diag("VL001", "parse-error", Severity::Error, "broken.yaml", 3, 1, "", "invalid YAML: unclosed '['"));
    for (const char* id : {"VL001", "VL101", "VL107"}) in.rules.push_back(find_rule(id));
    in.files = {"broken.yaml", "clean.yaml", "stacks/app.yaml", "stacks/other dir/x.json"};
    in.working_directory = "/work/project";
    in.source_line = [](const std::string& file, uint32_t line) -> std::string {
        return file == "stacks/app.yaml" ? "        - !Ref PublicSubnet" + std::to_string(line) : std::string();
    };
    return in;
}

std::string render(ReportFormat f, const ReportInput& in) {
    std::ostringstream out;
    write_report(f, in, out);
    return out.str();
}

void check_golden(const std::string& name, const std::string& actual) {
    std::string path = std::string(VPCLINT_SOURCE_DIR) + "/tests/golden/" + name;
    if (std::getenv("VPCLINT_UPDATE_GOLDEN")) {
        std::ofstream(path, std::ios::binary) << actual;
        WARN("updated " << path);
        return;
    }
    std::ifstream in(path, std::ios::binary);
    REQUIRE(in);  // run scripts/update-golden to create it
    std::stringstream want;
    want << in.rdbuf();
    CHECK(actual == want.str());
}

}  // namespace

TEST_CASE("reporters match their golden files", "[reporters]") {
    ReportInput in = sample();
    check_golden("text.txt", render(ReportFormat::Text, in));
    check_golden("gcc.txt", render(ReportFormat::Gcc, in));
    check_golden("json.json", render(ReportFormat::Json, in));
    check_golden("sarif.json", render(ReportFormat::Sarif, in));
    check_golden("github.txt", render(ReportFormat::Github, in));
    check_golden("junit.xml", render(ReportFormat::Junit, in));
    check_golden("gitlab.json", render(ReportFormat::Gitlab, in));
}

TEST_CASE("github annotations escape data and properties", "[reporters]") {
    std::string out = render(ReportFormat::Github, sample());
    CHECK(out.find("::notice file=stacks/other dir/x.json,line=5,col=3") != std::string::npos);
    CHECK(out.find("Line one%2C%0Aline two") == std::string::npos);  // data keeps commas and colons
    CHECK(out.find("Line one,%0Aline two: with a colon.") != std::string::npos);
    CHECK(out.find("100%25") != std::string::npos);
}

TEST_CASE("junit escapes XML", "[reporters]") {
    std::string out = render(ReportFormat::Junit, sample());
    CHECK(out.find("&quot;quoted&quot; &lt;tag&gt; &amp; 100%") != std::string::npos);
    CHECK(out.find("<tag>") == std::string::npos);
}

TEST_CASE("SARIF fingerprints survive unrelated line moves", "[reporters]") {
    ReportInput a = sample();
    ReportInput b = sample();
    for (Diagnostic& d : b.diagnostics) d.loc.line += 7;  // lines inserted above
    b.source_line = a.source_line = [](const std::string&, uint32_t) { return std::string("  - !Ref PublicSubnetA"); };
    auto fingerprints = [](const std::string& sarif) {
        std::vector<std::string> out;
        size_t at = 0;
        while ((at = sarif.find("primaryLocationLineHash", at)) != std::string::npos) {
            at = sarif.find('"', sarif.find(':', at) + 1);
            out.push_back(sarif.substr(at + 1, sarif.find('"', at + 1) - at - 1));
        }
        return out;
    };
    std::vector<std::string> fa = fingerprints(render(ReportFormat::Sarif, a));
    REQUIRE(fa.size() == 4);
    CHECK(fa == fingerprints(render(ReportFormat::Sarif, b)));
}

TEST_CASE("text output has no colour unless asked, a summary unless quiet", "[reporters]") {
    ReportInput in = sample();
    std::string plain = render(ReportFormat::Text, in);
    CHECK(plain.find('\x1b') == std::string::npos);
    CHECK(plain.find("2 errors, 1 warning, 1 note in 3 of 4 files") != std::string::npos);
    in.color = true;
    CHECK(render(ReportFormat::Text, in).find("\x1b[") != std::string::npos);
    in.quiet = true;
    in.color = false;
    CHECK(render(ReportFormat::Text, in).find("errors") == std::string::npos);
    ReportInput none;
    none.files = {"a.yaml"};
    CHECK(render(ReportFormat::Text, none) == "no problems in 1 file\n");
}
