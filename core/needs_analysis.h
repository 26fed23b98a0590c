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

// An AWS service the function calls ("dynamodb", "s3"), one entry per
// service; VL401 judges whether its subnets reach it. Strong: a declaration,
// an environment value (a reference to the service's resource, its SDK host,
// AWS_ENDPOINT_URL_<ID>) or an SDK host in inline code. Weak: only actions
// its role allows (core/aws_services.h says which actions are no evidence).
struct ServiceNeed {
    std::string service;   // the key of core/aws_services.h, or the declared word (lower case)
    bool strong = true;    // the strongest evidence's strength
    std::string phrase;    // the strongest evidence, as a message says it
    Location loc;
    std::vector<Evidence> evidence;  // every piece, strongest first (explain lists them)
    // The function names an endpoint-specific host (vpce-….<service>….vpce.amazonaws.com):
    // any interface endpoint of the service then serves it, private DNS or not.
    bool endpoint_dns = false;
    // The function sends this service's calls somewhere the model cannot
    // judge (AWS_ENDPOINT_URL_* to a proxy, an emulator or an unknown value):
    // no rule may say it is unreachable.
    bool custom_endpoint = false;
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

struct IamAnalysis;

// `iam` gives the role actions (weak evidence); without it only strong
// evidence is read.
NeedsAnalysis compute_needs(const Model& model, const IamAnalysis* iam = nullptr);

const FunctionNeeds& needs_of_function(const NeedsAnalysis& n, uint32_t function);

// Whether `host` is a public, non-AWS internet name or address (exposed for
// tests): not *.amazonaws.com(.cn), *.aws, *.internal, *.local, localhost,
// single-label names, private/loopback/link-local addresses.
bool is_internet_host(std::string host);

// Whether `service` is a key of the service table (core/aws_services.h): an
// AWS API a function calls over HTTPS whose VPC endpoint names are known, so
// that "no endpoint serves it" can be told from the model.
bool is_aws_api_service(std::string_view service);

// Whether a bare value (no scheme) reads as a public host name: no spaces or
// URL punctuation, ends in a common public TLD, and is an internet host.
bool is_bare_internet_hostname(std::string_view value);

// The hosts of the http(s) URLs in `text` with the byte offset of each URL's
// scheme; lines that start as comments (#, //, /*, *) are skipped.
std::vector<std::pair<std::string, size_t>> urls_in_code(const std::string& text);

}  // namespace vpclint
