// Golden-output tests for every reporter on a fixed, hand-made report, plus
// the escaping and stability properties each format promises.
#include <algorithm>
#include <catch2/catch.hpp>

#include "core/version.h"
#include <cstdlib>
#include <fstream>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>

#include "reporters/reporter.h"

using namespace vpclint;

namespace {

Diagnostic diag(std::string rule, std::string slug, Severity s, Location loc, std::string resource,
                std::string message, std::string fix) {
    Diagnostic d;
    d.rule_id = std::move(rule);
    d.slug = std::move(slug);
    d.severity = s;
    d.loc = std::move(loc);
    d.resource = std::move(resource);
    d.message = std::move(message);
    d.fix = std::move(fix);
    return d;
}

// The lines the sample's findings point at. x.json's line has a two-byte
// character before the flagged value: columns count characters, not bytes.
std::string sample_line(const std::string& file, uint32_t line) {
    if (file == "stacks/app.yaml" && line == 81) return "        - !Ref PublicSubnetA";
    if (file == "stacks/app.yaml" && line == 90) return "      SubnetIds: [!Ref PrivateSubnetA, !Ref PublicSubnetB]";
    if (file == "stacks/other dir/x.json" && line == 5) return "  \"Na\u00efve\": \"sg-1234\",";
    return {};
}

// Four findings over two files with related locations and an explanation
// path, a parse problem in a third file and a fourth file without findings.
ReportInput sample() {
    ReportInput in;
    Diagnostic a = diag("VL101", "function-in-public-subnet", Severity::Error, Location{"stacks/app.yaml", 81, 11, 81, 29},
                        "OrdersFunction",
                        "Function OrdersFunction is in public subnet PublicSubnetA, so it has no internet access.",
                        "Move OrdersFunction to private subnets with a NAT gateway route.");
    a.path = {{Location{"stacks/app.yaml", 81, 11, 0, 0}, "function OrdersFunction is placed in subnet PublicSubnetA"},
              {Location{"stacks/app.yaml", 17, 3, 0, 0}, "subnet PublicSubnetA"},
              {Location{"stacks/app.yaml", 35, 3, 0, 0}, "route 0.0.0.0/0 -> internet gateway Igw"}};
    a.related = {{Location{"stacks/app.yaml", 17, 3, 0, 0}, "public subnet PublicSubnetA"},
                 {Location{"stacks/app.yaml", 40, 3, 40, 6}, "internet gateway Igw"}};
    in.diagnostics.push_back(a);
    in.diagnostics.push_back(diag("VL107", "function-subnets-disagree", Severity::Warning,
                                  Location{"stacks/app.yaml", 90, 7, 90, 16}, "ReportsFunction",
                                  "Subnets disagree: a, b \"quoted\" <tag> & 100%.",
                                  "Give every subnet a NAT gateway route."));
    in.diagnostics.push_back(diag("VL101", "function-in-public-subnet", Severity::Note,
                                  Location{"stacks/other dir/x.json", 5, 12, 5, 21}, "Worker",
                                  "Line one,\nline two: with a colon.", ""));
    in.diagnostics.push_back(diag("VL001", "parse-error", Severity::Error, Location{"broken.yaml", 3, 1, 0, 0}, "",
                                  "invalid YAML: unclosed '['", "Fix the syntax at the reported position."));
    sort_diagnostics(in.diagnostics);
    for (const char* id : {"VL001", "VL101", "VL107"}) in.rules.push_back(find_rule(id));
    in.files = {"broken.yaml", "clean.yaml", "stacks/app.yaml", "stacks/other dir/x.json"};
    in.working_directory = "/work/project";
    in.source_line = sample_line;
    return in;
}

// Indices into sample().diagnostics, which is sorted by file and line.
[[maybe_unused]] constexpr size_t kParseError = 0, kPublicSubnet = 1, kSubnetsDisagree = 2, kNote = 3;

// The sample with only the finding at index i.
ReportInput sample_with_only(size_t i) {
    ReportInput in = sample();
    in.diagnostics = {in.diagnostics.at(i)};
    return in;
}

std::string render(ReportFormat f, const ReportInput& in) {
    std::ostringstream out;
    write_report(f, in, out);
    return out.str();
}

// The golden files hold the version as "0.1.0"; a build's version follows
// `git describe` (cmake/version.cmake).
std::string with_golden_version(std::string s) {
    const std::string v = "\"" + std::string(vpclint_version()) + "\"";
    for (size_t at = 0; (at = s.find(v, at)) != std::string::npos; at += 7) s.replace(at, v.size(), "\"0.1.0\"");
    return s;
}

void check_golden(const std::string& name, const std::string& raw) {
    const std::string actual = with_golden_version(raw);
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
    CHECK(out.find("::notice file=stacks/other dir/x.json,line=5,col=12,endLine=5,endColumn=21,") != std::string::npos);
    CHECK(out.find("Line one%2C%0Aline two") == std::string::npos);  // data keeps commas and colons
    CHECK(out.find("Line one,%0Aline two: with a colon.") != std::string::npos);
    CHECK(out.find("100%25") != std::string::npos);
    ReportInput in = sample_with_only(kPublicSubnet);
    in.diagnostics[0].loc.file = "a,b:c%.yaml";
    in.diagnostics[0].slug = "x:y,z";
    out = render(ReportFormat::Github, in);
    CHECK(out.starts_with("::error file=a%2Cb%3Ac%25.yaml,line=81,"));
    CHECK(out.find(",title=VL101 x%3Ay%2Cz::") != std::string::npos);
}

TEST_CASE("github annotations leave out unknown positions", "[reporters]") {
    ReportInput in = sample_with_only(kPublicSubnet);
    in.diagnostics[0].loc = Location{"broken.yaml", 0, 0, 0, 0};
    CHECK(render(ReportFormat::Github, in).starts_with("::error file=broken.yaml,title=VL101 "));
}

TEST_CASE("junit escapes XML", "[reporters]") {
    ReportInput in = sample();
    in.diagnostics[kSubnetsDisagree].resource = "Fn<\"A\">&B";
    in.fail_on = Severity::Note;  // every finding a <failure>, with a message attribute
    std::string out = render(ReportFormat::Junit, in);
    CHECK(out.find("&quot;quoted&quot; &lt;tag&gt; &amp; 100%") != std::string::npos);
    CHECK(out.find("<tag>") == std::string::npos);
    CHECK(out.find("name=\"VL107 Fn&lt;&quot;A&quot;&gt;&amp;B\"") != std::string::npos);
    // A line break in an attribute survives only as a character reference.
    CHECK(out.find("message=\"Line one,&#10;line two: with a colon.\"") != std::string::npos);
    CHECK(out.find("name=\"VL001\"") != std::string::npos);  // no resource, no trailing space
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

    // ...but the flagged line's text is part of it.
    b.source_line = [](const std::string&, uint32_t) { return std::string("  - !Ref PrivateSubnetA"); };
    std::vector<std::string> fc = fingerprints(render(ReportFormat::Sarif, b));
    REQUIRE(fc.size() == 4);
    CHECK(fc[kPublicSubnet] != fa[kPublicSubnet]);
}

TEST_CASE("SARIF fingerprints of identical findings differ by their occurrence", "[reporters]") {
    ReportInput in = sample_with_only(kPublicSubnet);
    in.diagnostics.push_back(in.diagnostics[0]);
    in.diagnostics[1].loc.line = 99;  // same text, rule and resource on another line
    in.source_line = [](const std::string&, uint32_t) { return std::string("  - !Ref PublicSubnetA"); };
    nlohmann::json sarif = nlohmann::json::parse(render(ReportFormat::Sarif, in));
    const auto& results = sarif["runs"][0]["results"];
    REQUIRE(results.size() == 2);
    std::string first = results[0]["partialFingerprints"]["primaryLocationLineHash"];
    std::string second = results[1]["partialFingerprints"]["primaryLocationLineHash"];
    CHECK(first.ends_with(":1"));
    CHECK(second.ends_with(":2"));
    CHECK(first.substr(0, first.size() - 2) == second.substr(0, second.size() - 2));
}

TEST_CASE("SARIF links each result to its rule, related locations and code flow", "[reporters]") {
    ReportInput in = sample();
    nlohmann::json run = nlohmann::json::parse(render(ReportFormat::Sarif, in))["runs"][0];
    const auto& rules = run["tool"]["driver"]["rules"];
    REQUIRE(run["results"].size() == in.diagnostics.size());
    for (const auto& r : run["results"]) CHECK(rules[r["ruleIndex"].get<size_t>()]["id"] == r["ruleId"]);

    const auto& first = run["results"][kPublicSubnet];
    CHECK(first["message"]["text"].get<std::string>().ends_with(
        "See [public subnet PublicSubnetA](1), [internet gateway Igw](2)."));
    CHECK(first["relatedLocations"][0]["id"] == 1);
    CHECK(first["relatedLocations"][1]["id"] == 2);
    CHECK(first["codeFlows"][0]["threadFlows"][0]["locations"].size() == 3);
    CHECK(first["locations"][0]["logicalLocations"][0]["fullyQualifiedName"] == "OrdersFunction");
    CHECK(run["results"][kSubnetsDisagree].count("codeFlows") == 0);  // no path, no code flow

    // The region carries only what is known: no end where it is 0.
    const auto& related = first["relatedLocations"][0]["physicalLocation"]["region"];
    CHECK(related.count("endLine") == 0);
    CHECK(related.count("endColumn") == 0);

    // One notification per parse problem, linked to VL001.
    const auto& notes = run["invocations"][0]["toolExecutionNotifications"];
    REQUIRE(notes.size() == 1);
    CHECK(notes[0]["associatedRule"]["id"] == "VL001");
    CHECK(notes[0]["level"] == "error");
}

TEST_CASE("SARIF escapes link syntax in messages that carry links", "[reporters]") {
    ReportInput in = sample_with_only(kPublicSubnet);
    in.diagnostics[0].message = "unclosed '[' here";
    in.diagnostics[0].related[1].message = "gateway [Igw]";
    std::string text = nlohmann::json::parse(render(ReportFormat::Sarif, in))["runs"][0]["results"][0]["message"]["text"];
    CHECK(text.starts_with("unclosed '\\[' here"));
    CHECK(text.ends_with("[public subnet PublicSubnetA](1), [gateway \\[Igw\\]](2)."));

    in.diagnostics[0].related.clear();  // no links: nothing to tell apart
    text = nlohmann::json::parse(render(ReportFormat::Sarif, in))["runs"][0]["results"][0]["message"]["text"];
    CHECK(text.starts_with("unclosed '[' here"));
}

TEST_CASE("SARIF URIs are relative to %SRCROOT%, percent-encoded, with forward slashes", "[reporters]") {
    ReportInput in = sample_with_only(kPublicSubnet);
    in.diagnostics[0].loc.file = "stacks\\win dir\\app#1.yaml";
    in.files = {"/abs/path/x.yaml"};
    in.working_directory = "/work/my project";
    nlohmann::json run = nlohmann::json::parse(render(ReportFormat::Sarif, in))["runs"][0];
    const auto& artifact = run["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"];
    CHECK(artifact["uri"] == "stacks/win%20dir/app%231.yaml");
    CHECK(artifact["uriBaseId"] == "%SRCROOT%");
    CHECK(run["artifacts"][0]["location"]["uri"] == "file:///abs/path/x.yaml");
    CHECK(run["artifacts"][0]["location"].count("uriBaseId") == 0);
    CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/my%20project/");
}

TEST_CASE("every format is a pure function of its input", "[reporters]") {
    for (const char* name : {"text", "gcc", "json", "sarif", "github", "junit", "gitlab"}) {
        std::optional<ReportFormat> f = parse_report_format(name);
        REQUIRE(f);
        ReportInput a = sample();
        std::string first = render(*f, a);
        CHECK(render(*f, a) == first);
        CHECK(render(*f, sample()) == first);
    }
    CHECK_FALSE(parse_report_format("xml"));
    CHECK_FALSE(parse_report_format("SARIF"));
}

TEST_CASE("gcc output is one line per finding", "[reporters]") {
    ReportInput in = sample();
    std::string out = render(ReportFormat::Gcc, in);
    CHECK(std::count(out.begin(), out.end(), '\n') == static_cast<long>(in.diagnostics.size()));
    // A note is gcc's `note:`; a line break is written as the escape \n.
    CHECK(out.find("stacks/other dir/x.json:5:12: note: Line one,\\nline two: with a colon. (Worker) [VL101]\n") !=
          std::string::npos);
    CHECK(out.find('\r') == std::string::npos);
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
    none.files.push_back("b.yaml");
    CHECK(render(ReportFormat::Text, none) == "no problems in 2 files\n");
}

TEST_CASE("gitlab fingerprints do not hash line numbers and are unique", "[reporters]") {
    ReportInput in = sample();
    auto fingerprints = [](const std::string& report) {
        std::vector<std::string> out;
        for (const auto& issue : nlohmann::json::parse(report)) out.push_back(issue["fingerprint"]);
        return out;
    };
    std::vector<std::string> before = fingerprints(render(ReportFormat::Gitlab, in));
    // Ten lines inserted above every finding: same text, new line numbers,
    // and a message that quotes a line number.
    for (Diagnostic& d : in.diagnostics) {
        d.loc.line += 10;
        d.message += " (see line " + std::to_string(d.loc.line) + ")";
    }
    in.source_line = [](const std::string& f, uint32_t l) { return sample_line(f, l - 10); };
    CHECK(fingerprints(render(ReportFormat::Gitlab, in)) == before);
    std::vector<std::string> sorted = before;
    std::sort(sorted.begin(), sorted.end());
    CHECK(std::adjacent_find(sorted.begin(), sorted.end()) == sorted.end());
    // The same scheme as SARIF's primaryLocationLineHash.
    nlohmann::json sarif = nlohmann::json::parse(render(ReportFormat::Sarif, sample()));
    std::vector<std::string> sarif_fps;
    for (const auto& r : sarif["runs"][0]["results"]) sarif_fps.push_back(r["partialFingerprints"]["primaryLocationLineHash"]);
    CHECK(sarif_fps == before);
}

TEST_CASE("SARIF rules carry security-severity, URIs are relative to the source root", "[reporters]") {
    ReportInput in = sample();
    in.working_directory = "/work/project/stacks";
    in.srcroot = "/work/project";
    for (Diagnostic& d : in.diagnostics)
        if (d.loc.file.rfind("stacks/", 0) == 0) d.loc.file = d.loc.file.substr(7);
    in.diagnostics.push_back(diag("VL101", "function-in-public-subnet", Severity::Error, Location{"../../elsewhere/t.yaml", 1, 1, 0, 0},
                                  "F", "m", ""));
    nlohmann::json run = nlohmann::json::parse(render(ReportFormat::Sarif, in))["runs"][0];
    CHECK(run["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file:///work/project/");
    for (const auto& r : run["tool"]["driver"]["rules"]) {
        std::string level = r["defaultConfiguration"]["level"];
        CHECK(r["properties"]["security-severity"] == (level == "error" ? "7.5" : level == "warning" ? "5.0" : "2.0"));
    }
    std::set<std::string> uris;
    for (const auto& r : run["results"]) uris.insert(r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]);
    CHECK(uris.count("stacks/app.yaml"));
    CHECK(uris.count("file:///work/elsewhere/t.yaml"));
    for (const std::string& u : uris) CHECK_FALSE(u.starts_with("../"));
    // A VL001 means the run did not check everything.
    CHECK(run["invocations"][0]["executionSuccessful"] == false);
    CHECK(nlohmann::json::parse(render(ReportFormat::Sarif, sample_with_only(kPublicSubnet)))["runs"][0]["invocations"][0]
              ["executionSuccessful"] == true);
}

TEST_CASE("SARIF stays within GitHub's limits", "[reporters]") {
    ReportInput in = sample_with_only(kPublicSubnet);
    Diagnostic big = in.diagnostics[0], small = in.diagnostics[0];
    big.related.assign(1200, big.related[0]);
    big.path.assign(10050, big.path[0]);
    small.related.clear();
    small.path.clear();
    in.diagnostics.assign(25010, small);
    in.diagnostics[0] = big;
    nlohmann::json run = nlohmann::json::parse(render(ReportFormat::Sarif, in))["runs"][0];
    CHECK(run["results"].size() == 25000);
    CHECK(run["results"][0]["relatedLocations"].size() == 1000);
    CHECK(run["results"][0]["codeFlows"][0]["threadFlows"][0]["locations"].size() == 10000);
    CHECK(run["invocations"][0]["toolExecutionNotifications"].size() == 3);
}

TEST_CASE("junit fails cases only at or above --fail-on, VL001 is an error", "[reporters]") {
    ReportInput in = sample();
    std::string out = render(ReportFormat::Junit, in);
    // The note and the warning pass (listed in system-out); VL101 error fails; VL001 errors.
    CHECK(out.find("<testsuites name=\"vpclint\" tests=\"5\" failures=\"1\" errors=\"1\" time=\"0\">") != std::string::npos);
    CHECK(out.find("<error message=\"invalid YAML") != std::string::npos);
    in.fail_on = Severity::Note;
    CHECK(render(ReportFormat::Junit, in).find("failures=\"3\" errors=\"1\"") != std::string::npos);
    in.fail_on = std::nullopt;
    CHECK(render(ReportFormat::Junit, in).find("failures=\"0\" errors=\"1\"") != std::string::npos);
}
