#include <catch2/catch.hpp>
#include <filesystem>
#include <fstream>
#include <set>
#include <sstream>

#include "cli/rule_docs.h"
#include "core/rule.h"

using namespace vpclint;

TEST_CASE("the rule list is sorted, ids are unique and descriptors complete", "[rules]") {
    auto rules = all_rules();
    REQUIRE(rules.size() >= 4);
    for (size_t i = 0; i < rules.size(); ++i) {
        const RuleDescriptor& d = *rules[i].descriptor;
        INFO(d.id);
        if (i) CHECK(rules[i - 1].descriptor->id < d.id);
        CHECK(d.id.size() == 5);
        CHECK(!d.slug.empty());
        CHECK(!d.summary.empty());
        CHECK(!d.rationale.empty());
        CHECK(!d.fix.empty());
        CHECK(!d.bad_example.empty());
        CHECK(!d.good_example.empty());
        CHECK(!d.precision.empty());
        CHECK(find_rule(d.id) == &rules[i]);
    }
}

TEST_CASE("committed docs/rules pages equal the generated ones", "[rules][docs]") {
    namespace fs = std::filesystem;
    std::string dir = std::string(VPCLINT_SOURCE_DIR) + "/docs/rules";
    auto read = [](const fs::path& p) {
        std::ifstream in(p, std::ios::binary);
        std::stringstream ss;
        ss << in.rdbuf();
        return ss.str();
    };
    std::set<std::string> expected{"README.md"};
    for (const Rule& r : all_rules()) {
        std::string name = std::string(r.descriptor->id) + ".md";
        expected.insert(name);
        INFO(name << " is stale: run `cmake --build build --target docs`");
        CHECK(read(fs::path(dir) / name) == rule_markdown(*r.descriptor));
    }
    CHECK(read(fs::path(dir) / "README.md") == rules_index_markdown());
    for (const auto& e : fs::directory_iterator(dir)) {
        INFO(e.path().filename().string() << " has no rule behind it");
        CHECK(expected.count(e.path().filename().string()) == 1);
    }
}
