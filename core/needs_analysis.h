// What each function needs to reach, from evidence (rules.md, "Needs").
// Only what the function itself shows counts: a declaration, an environment
// value, a URL in its inline code. Never a guess from names alone.
#pragma once
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "core/model.h"

namespace vpclint {

struct Evidence {
    bool strong = true;    // declaration, environment or inline code
    std::string phrase;    // "PAYMENTS_API_URL at line 88 is an internet URL (api.payments.example.com)"
    Location loc;          // the value (or declaration) that shows it
};

// An AWS service the function declares it calls ("dynamodb", "s3"); VL401
// judges whether its subnets reach it.
struct ServiceNeed {
    std::string service;   // lower case, as declared
    bool strong = true;    // declared: strong
    std::string phrase;
    Location loc;
};

struct FunctionNeeds {
    std::vector<Evidence> internet;     // evidence that it calls the internet, strongest first
    std::vector<ServiceNeed> services;  // declared AWS services

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

const FunctionNeeds& needs_of_function(const NeedsAnalysis& n, uint32_t function);

// Whether `host` is a public, non-AWS internet name or address (exposed for
// tests): not *.amazonaws.com(.cn), *.aws, *.internal, *.local, localhost,
// single-label names, private/loopback/link-local addresses.
bool is_internet_host(std::string host);

// Whether `service` names an AWS API a function calls over HTTPS whose VPC
// endpoint service name ends in that same word (com.amazonaws.<region>.sqs):
// only for those can "no endpoint serves it" be told from the model.
bool is_aws_api_service(std::string_view service);

// Whether a bare value (no scheme) reads as a public host name: no spaces or
// URL punctuation, ends in a common public TLD, and is an internet host.
bool is_bare_internet_hostname(std::string_view value);

// The hosts of the http(s) URLs in `text` with the byte offset of each URL's
// scheme; lines that start as comments (#, //, /*, *) are skipped.
std::vector<std::pair<std::string, size_t>> urls_in_code(const std::string& text);

}  // namespace vpclint
