// Every fixture under fixtures/rules/ runs through the whole pipeline and must
// give exactly the diagnostics it declares (rule, level, line, column).
#include <catch2/catch.hpp>
#include <filesystem>

#include "cli/analyze_file.h"
#include "cli/config_apply.h"
#include "cli/config_file.h"
#include "core/rule.h"
#include "tests/fixture_expectations.h"

namespace fs = std::filesystem;
using namespace vpclint;

namespace {

std::vector<std::string> fixture_files(const std::string& dir) {
    std::vector<std::string> out;
    for (const auto& e : fs::recursive_directory_iterator(dir)) {
        if (!e.is_regular_file()) continue;
        std::string ext = e.path().extension().string();
        if (ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template") out.push_back(e.path().string());
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace

TEST_CASE("every rule fixture gives exactly its expected diagnostics", "[fixtures]") {
    std::string root = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/rules";
    std::vector<std::string> files = fixture_files(root);
    REQUIRE(!files.empty());
    for (const std::string& file : files) {
        DYNAMIC_SECTION(fs::relative(file, root).string()) {
            testing::FixtureExpectations want = testing::read_expectations(file);
            INFO(file);
            REQUIRE(want.error.empty());
            REQUIRE(want.declared);  // a fixture without expectations cannot fail
            // VL005's fixtures are configuration files, not templates.
            bool config = file.size() > 13 && file.compare(file.size() - 13, 13, ".vpclint.yaml") == 0;
            FileResult got = config ? config_problems(read_config(file), {}) : analyze_file(file, {}, {});
            REQUIRE(got.analysed);
            std::set<testing::Expectation> actual;
            std::string listing;
            for (const Diagnostic& d : got.diagnostics) {
                if (d.suppressed) continue;
                actual.insert({d.loc.line, d.loc.col, d.rule_id, std::string(severity_name(d.severity))});
                listing += std::to_string(d.loc.line) + ":" + std::to_string(d.loc.col) + " " + d.rule_id + " " +
                           std::string(severity_name(d.severity)) + " " + d.message + "\n";
            }
            INFO("actual diagnostics:\n" << listing);
            CHECK(actual == want.expected);
        }
    }
}

TEST_CASE("each rule has bad and good fixtures", "[fixtures]") {
    std::string root = std::string(VPCLINT_SOURCE_DIR) + "/fixtures/rules";
    for (const Rule& r : all_rules()) {
        std::string dir = root + "/" + std::string(r.descriptor->id);
        INFO(r.descriptor->id);
        REQUIRE(fs::is_directory(dir));
        int bad = 0, good = 0;
        for (const std::string& f : fixture_files(dir)) {
            testing::FixtureExpectations e = testing::read_expectations(f);
            (e.expected.empty() ? good : bad)++;
        }
        CHECK(bad >= 1);
        // VL001 has no "good" fixture of its own: every other fixture is one.
        if (r.descriptor->id != "VL001") CHECK(good >= 1);
    }
}
