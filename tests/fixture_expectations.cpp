#include "tests/fixture_expectations.h"

#include <filesystem>
#include <fstream>
#include <sstream>

namespace vpclint::testing {

namespace {

bool parse_one(const std::string& text, uint32_t line, FixtureExpectations& out) {
    std::istringstream in(text);
    std::string rule, level, col_word;
    uint32_t col = 0;
    if (!(in >> rule >> level >> col_word >> col) || col_word != "col") return false;
    out.expected.insert({line, col, rule, level});
    return true;
}

}  // namespace

FixtureExpectations read_expectations(const std::string& path) {
    FixtureExpectations out;
    std::ifstream sidecar(path + ".expect");
    if (sidecar) {
        out.declared = true;
        std::string l;
        while (std::getline(sidecar, l)) {
            if (l.empty() || l[0] == '#' || l == "none") continue;
            unsigned line = 0, col = 0;
            char rule[32] = {}, level[32] = {};
            if (std::sscanf(l.c_str(), "%u:%u %31s %31s", &line, &col, rule, level) != 4) {
                out.error = "bad line in " + path + ".expect: " + l;
                return out;
            }
            out.expected.insert({line, col, rule, level});
        }
        return out;
    }
    std::ifstream in(path);
    std::string l;
    uint32_t line = 0;
    while (std::getline(in, l)) {
        ++line;
        size_t at = l.find("# expect:");
        if (at == std::string::npos) continue;
        out.declared = true;
        std::string rest = l.substr(at + 9);
        if (rest.find("none") != std::string::npos) continue;
        std::stringstream items(rest);
        std::string item;
        while (std::getline(items, item, ';'))
            if (!parse_one(item, line, out)) {
                out.error = path + ":" + std::to_string(line) + ": cannot read expectation '" + item + "'";
                return out;
            }
    }
    return out;
}

}  // namespace vpclint::testing
