// Expected diagnostics written next to fixtures: `# expect: VL101 error col 9`
// comments in YAML (several separated by ';'), `# expect: none` for a clean
// fixture, or a `<file>.expect` sidecar with `LINE:COL RULE LEVEL` lines (or
// `none`) for JSON.
#pragma once
#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <tuple>

namespace vpclint::testing {

using Expectation = std::tuple<uint32_t, uint32_t, std::string, std::string>;  // line, col, rule, level

struct FixtureExpectations {
    bool declared = false;  // the fixture says what it expects (possibly none)
    std::set<Expectation> expected;
    std::string error;      // a malformed expectation
};

FixtureExpectations read_expectations(const std::string& path);

}  // namespace vpclint::testing
