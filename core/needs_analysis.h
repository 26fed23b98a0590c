// What each function needs to reach, from evidence (rules.md, "Needs").
#pragma once
#include <string>
#include <vector>

#include "core/model.h"

namespace vpclint {

struct Evidence {
    bool strong = true;    // declaration, environment or inline code
    std::string phrase;    // "PAYMENTS_API_URL at line 88 is an internet URL"
    Location loc;
};

struct FunctionNeeds {
    std::vector<Evidence> internet;       // evidence that it calls the internet
    std::vector<std::string> services;    // declared AWS services ("dynamodb", "s3")

    bool strong_internet() const {
        for (const Evidence& e : internet)
            if (e.strong) return true;
        return false;
    }
};

struct NeedsAnalysis {
    std::vector<FunctionNeeds> functions;  // by function index
};

NeedsAnalysis compute_needs(const Model& model);

// Exposed for tests: whether `host` is a public, non-AWS internet name.
bool is_internet_host(std::string host);
// The http(s) URLs' hosts found in `text` (lines that are comments skipped).
std::vector<std::pair<std::string, size_t>> urls_in_code(const std::string& text);

}  // namespace vpclint
