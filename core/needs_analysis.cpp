#include "core/needs_analysis.h"

#include "core/aws_services.h"
#include "core/iam_analysis.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>
#include <cctype>

namespace vpclint {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

// Addresses that never leave the VPC for the internet: RFC 1918, loopback,
// link-local (169.254/16, where the Lambda runtime API and instance metadata
// live), "this network" and the RFC 6598 shared space.
bool is_non_internet_ipv4(const std::string& h) {
    static const RE2 ip("(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})\\.(\\d{1,3})");
    int a = 0, b = 0, c = 0, d = 0;
    if (!RE2::FullMatch(h, ip, &a, &b, &c, &d)) return false;
    return a == 0 || a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) ||
           (a == 169 && b == 254) || (a == 100 && b >= 64 && b <= 127) || a >= 224;
}

// AWS endpoints are reached through the AWS network path (a NAT or VPC
// endpoints); VL401 judges those, not the internet rules.
bool is_aws_host(const std::string& h) {
    return h == "amazonaws.com" || ends_with(h, ".amazonaws.com") || ends_with(h, ".amazonaws.com.cn") ||
           ends_with(h, ".aws") || h == "aws";
}

// Names that resolve only inside a network (RFC 6762 .local, RFC 8375
// home.arpa, the AWS .internal zone, Kubernetes service names, corporate
// conventions).
bool is_private_name(const std::string& h) {
    if (h == "localhost") return true;
    for (std::string_view suffix : {".localhost", ".internal", ".local", ".lan", ".corp", ".home.arpa", ".svc",
                                    ".intranet", ".private", ".test", ".invalid", ".example"})
        if (ends_with(h, suffix)) return true;
    return false;
}

// The suffixes people's configuration hosts end in. A bare value needs one:
// "index.handler", "config.json" or "orders.v2" must not count as hosts.
bool has_common_public_tld(const std::string& h) {
    static constexpr std::array<std::string_view, 28> kTlds = {
        ".com", ".net", ".org", ".io", ".co", ".dev", ".app", ".ai", ".cloud", ".biz", ".info", ".me", ".us", ".uk",
        ".de", ".fr", ".eu", ".jp", ".ca", ".au", ".in", ".nl", ".se", ".ch", ".es", ".it", ".br", ".tech"};
    return std::any_of(kTlds.begin(), kTlds.end(), [&](std::string_view t) { return ends_with(h, t); });
}

// Variable names that say their value is a place to connect to.
bool looks_like_host_variable(const std::string& name) {
    std::string n = lower(name);
    for (std::string_view k : {"host", "url", "uri", "endpoint", "domain", "api", "server", "webhook", "base"})
        if (n.find(k) != std::string::npos) return true;
    return false;
}

}  // namespace

bool is_internet_host(std::string host) {
    host = lower(host);
    if (!host.empty() && host.back() == '.') host.pop_back();
    if (host.empty() || host.find('.') == std::string::npos) return false;  // one label: an internal name
    if (is_private_name(host) || is_aws_host(host) || is_non_internet_ipv4(host)) return false;
    static const RE2 name("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z][a-z0-9-]{0,23}[a-z]");
    static const RE2 ip("\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}\\.\\d{1,3}");
    return RE2::FullMatch(host, name) || RE2::FullMatch(host, ip);
}

bool is_bare_internet_hostname(std::string_view value) {
    std::string s = lower(std::string(value));
    if (s.empty() || s.find_first_of(" \t\r\n/:@=,;${}*") != std::string::npos) return false;
    return has_common_public_tld(s) && is_internet_host(s);
}

bool is_aws_api_service(std::string_view service) {
    const AwsService* s = find_service(service);
    return s && s->key == service;
}

std::vector<std::pair<std::string, size_t>> urls_in_code(const std::string& text) {
    static const RE2 url("(?i)(https?://)([a-z0-9.-]+)");
    std::vector<std::pair<std::string, size_t>> out;
    size_t line_start = 0;
    while (line_start < text.size()) {
        size_t end = text.find('\n', line_start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + line_start, end - line_start);
        size_t first = line.find_first_not_of(" \t");
        bool comment = first != std::string_view::npos &&
                       (line[first] == '#' || line.substr(first, 2) == "//" || line[first] == '*');
        if (!comment) {
            re2::StringPiece input(line.data(), line.size());
            std::string scheme, host;
            while (RE2::FindAndConsume(&input, url, &scheme, &host)) {
                size_t match_end = static_cast<size_t>(input.data() - text.data());
                out.emplace_back(lower(host), match_end - host.size() - scheme.size());
            }
        }
        line_start = end + 1;
    }
    return out;
}

namespace {

std::string line_of(const Location& l) { return l.line ? " at line " + std::to_string(l.line) : ""; }

// The host of a URL value. A partly unknown value counts when its host is
// written out in full ("https://api.example.com/${Stage}"): the unknown part
// cannot change where it connects. "https://${Domain}" or
// "https://api.${Zone}" do not count.
bool url_host(const Text& value, std::string& host) {
    static const RE2 url("(?i)^\\s*https?://([a-z0-9.-]+)(.?)");
    std::string next;
    if (!RE2::PartialMatch(value.value, url, &host, &next)) return false;
    if (value.known) return true;
    return next.empty() || next == "/" || next == ":" || next == "?" || next == "#";
}

void from_environment(const Function& f, FunctionNeeds& needs) {
    for (const EnvVar& v : f.environment) {
        // A value built from a resource of the model points at that resource
        // (its endpoint, queue URL...), not at the internet.
        if (!v.value.present || !v.refs.empty()) continue;
        const Location& at = v.value.loc.known() ? v.value.loc : v.loc;
        std::string host;
        if (url_host(v.value, host)) {
            if (is_internet_host(host))
                needs.internet.push_back({true, v.name + line_of(v.loc) + " is an internet URL (" + lower(host) + ")", at});
            continue;
        }
        // A bare host name counts only when fully known and in a variable
        // named like one (API_HOST: api.stripe.com); "example.com" in a
        // variable named TABLE_SUFFIX says nothing about a connection.
        if (v.value.known && looks_like_host_variable(v.name) && is_bare_internet_hostname(v.value.value))
            needs.internet.push_back(
                {true, v.name + line_of(v.loc) + " is an internet host name (" + lower(v.value.value) + ")", at});
    }
}

// Where a URL of the inline code is: exact line for a block scalar (its text
// starts on the line after the property), otherwise the code's own position.
Location url_location(const Text& code, size_t offset) {
    Location loc = code.loc;
    size_t newlines = static_cast<size_t>(std::count(code.value.begin(), code.value.end(), '\n'));
    bool block = newlines > 0 && code.loc.end_line > code.loc.line &&
                 code.loc.end_line - code.loc.line + 1 >= newlines;
    if (!block) return loc;
    size_t before = static_cast<size_t>(std::count(code.value.begin(), code.value.begin() + static_cast<long>(offset), '\n'));
    loc.line = code.loc.line + 1 + static_cast<uint32_t>(before);
    loc.col = 1;  // the block's indentation is not kept
    loc.end_line = loc.end_col = 0;
    return loc;
}

void from_inline_code(const Function& f, FunctionNeeds& needs) {
    if (!f.inline_code.known) return;
    for (const auto& [host, offset] : urls_in_code(f.inline_code.value)) {
        if (!is_internet_host(host)) continue;
        Location at = url_location(f.inline_code, offset);
        needs.internet.push_back({true, "its inline code calls " + host + line_of(at), at});
        return;  // one URL is enough evidence
    }
}

}  // namespace

namespace {

// Adds one piece of evidence for `service`, keeping one entry per service
// with its strongest evidence first.
ServiceNeed& add_service(FunctionNeeds& needs, const std::string& service, Evidence e) {
    for (ServiceNeed& n : needs.services)
        if (n.service == service) {
            if (e.strong && !n.strong) {
                n.strong = true;
                n.phrase = e.phrase;
                n.loc = e.loc;
                n.evidence.insert(n.evidence.begin(), std::move(e));
            } else {
                n.evidence.push_back(std::move(e));
            }
            return n;
        }
    ServiceNeed n;
    n.service = service;
    n.strong = e.strong;
    n.phrase = e.phrase;
    n.loc = e.loc;
    n.evidence.push_back(std::move(e));
    needs.services.push_back(std::move(n));
    return needs.services.back();
}

// vpce-0abc-1x2y.sqs.eu-west-1.vpce.amazonaws.com (or its AZ form
// vpce-…-eu-west-1a.sqs…): the endpoint-specific DNS name of an interface
// endpoint; the service is the label before the region.
const AwsService* service_of_vpce_host(const std::string& host) {
    static const RE2 vpce("(?i)^(?:[a-z0-9-]+\\.)*vpce-[a-z0-9-]+\\.([a-z0-9.-]+)\\.[a-z]{2}(?:-[a-z]+)+-\\d\\.vpce\\.amazonaws\\.com\\.?$");
    std::string service;
    if (!RE2::FullMatch(host, vpce, &service)) return nullptr;
    return service_of_endpoint_service(lower(service));
}

// An environment value that is the SDK host (or a URL on it) of a service:
// "https://sqs.eu-west-1.amazonaws.com/123456789012/orders".
void service_from_url(FunctionNeeds& needs, const EnvVar& v, const Location& at) {
    std::string host;
    if (!url_host(v.value, host)) {
        if (!v.value.known || v.value.value.find_first_of(" /:") != std::string::npos) return;
        host = v.value.value;  // a bare host name
    }
    host = lower(host);
    bool vpce = false;
    const AwsService* s = service_of_host(host);
    if (!s) vpce = (s = service_of_vpce_host(host)) != nullptr;
    if (!s) return;
    ServiceNeed& n = add_service(needs, std::string(s->key),
                                 {true, v.name + line_of(v.loc) + " is an address of " + std::string(s->key) + " (" + host + ")", at});
    if (vpce) n.endpoint_dns = true;
}

// Environment evidence of AWS services: a reference to a resource of the
// service (TABLE_NAME: !Ref OrdersTable), an SDK host in a URL, and the SDK's
// own endpoint variables (AWS_ENDPOINT_URL_<ID>, AWS_ENDPOINT_URL).
// Returns whether AWS_ENDPOINT_URL sends every service somewhere else.
bool services_from_environment(const Function& f, FunctionNeeds& needs) {
    bool all_custom = false;
    for (const EnvVar& v : f.environment) {
        const Location& at = v.value.loc.known() ? v.value.loc : v.loc;
        for (const ResourceMention& r : v.refs)
            if (const AwsService* s = service_of_resource_type(r.type))
                add_service(needs, std::string(s->key),
                            {true, v.name + line_of(v.loc) + " references " + r.id + " (" + r.type + ")", at});
        constexpr std::string_view kSdk = "AWS_ENDPOINT_URL";
        if (v.name == kSdk) {
            // Every service's calls go where it says; only an AWS host keeps
            // the default paths.
            std::string host;
            if (!(url_host(v.value, host) && v.value.known && service_of_host(lower(host)))) all_custom = true;
            continue;
        }
        if (v.name.rfind(std::string(kSdk) + "_", 0) == 0) {
            const AwsService* s = service_of_sdk_env_id(std::string_view(v.name).substr(kSdk.size() + 1));
            if (!s) continue;
            ServiceNeed& n = add_service(needs, std::string(s->key),
                                         {true, v.name + line_of(v.loc) + " sets the SDK endpoint of " + std::string(s->key), at});
            std::string host;
            bool has_host = v.value.known && url_host(v.value, host);
            host = lower(host);
            if (has_host && service_of_vpce_host(host) == s) n.endpoint_dns = true;
            else if (!(has_host && service_of_host(host) == s)) n.custom_endpoint = true;
            continue;
        }
        if (v.value.present && v.refs.empty()) service_from_url(needs, v, at);
    }
    return all_custom;
}

void services_from_inline_code(const Function& f, FunctionNeeds& needs) {
    if (!f.inline_code.known) return;
    for (const auto& [host, offset] : urls_in_code(f.inline_code.value))
        if (const AwsService* s = service_of_host(host)) {
            Location at = url_location(f.inline_code, offset);
            add_service(needs, std::string(s->key), {true, "its inline code calls " + host + line_of(at), at});
        }
}

// Weak evidence: the actions the function's role allows. Only statements
// whose content is known and that allow named actions count; actions that
// only Lambda itself uses with the role (event source polling, logs, X-Ray,
// network interfaces) do not.
void services_from_role(const Model& m, const IamAnalysis& iam, const Function& f, FunctionNeeds& needs) {
    if (!f.role.resolved() || f.role.index >= iam.roles.size()) return;
    const Role& role = m.roles[f.role.index];
    for (const AppliedPolicy& p : iam.roles[f.role.index].policies) {
        if (!p.document || !p.document->known || p.document->lambda_service_use) continue;
        for (const PolicyStatement& st : p.document->statements) {
            if (!st.allow || !st.effect_known || st.uses_not_action) continue;
            for (const Text& a : st.actions) {
                if (!a.known || is_lambda_only_action(a.value)) continue;
                size_t colon = a.value.find(':');
                if (colon == std::string::npos) continue;  // "*": no service in particular
                const AwsService* s = service_of_iam_prefix(lower(a.value.substr(0, colon)));
                if (!s) continue;
                bool seen = false;
                for (const ServiceNeed& n : needs.services)
                    if (n.service == s->key && !n.strong) seen = true;  // one weak piece per service is enough
                if (seen) continue;
                const Location& at = a.loc.known() ? a.loc : (st.loc.known() ? st.loc : p.loc);
                add_service(needs, std::string(s->key),
                            {false, "its role " + role.id + " allows " + a.value + " (" + p.name + ")", at});
            }
        }
    }
}

}  // namespace

NeedsAnalysis compute_needs(const Model& model, const IamAnalysis* iam) {
    NeedsAnalysis out;
    out.functions.resize(model.functions.size());
    for (size_t i = 0; i < model.functions.size(); ++i) {
        const Function& f = model.functions[i];
        FunctionNeeds& needs = out.functions[i];
        for (const DeclaredNeed& d : f.declared_needs) {
            std::string need = lower(d.need);
            if (need == "internet") {
                needs.internet.push_back({true, "it declares it needs the internet" + line_of(d.loc), d.loc});
                continue;
            }
            const AwsService* s = find_service(need);
            std::string key = s ? std::string(s->key) : need;
            if (std::none_of(needs.services.begin(), needs.services.end(),
                             [&](const ServiceNeed& n) { return n.service == key; }))
                add_service(needs, key, {true, "it declares it needs " + need + line_of(d.loc), d.loc});
        }
        from_environment(f, needs);
        from_inline_code(f, needs);
        bool all_custom = services_from_environment(f, needs);
        services_from_inline_code(f, needs);
        if (iam) services_from_role(model, *iam, f, needs);
        if (all_custom)
            for (ServiceNeed& n : needs.services) n.custom_endpoint = true;
    }
    return out;
}

const FunctionNeeds& needs_of_function(const NeedsAnalysis& n, uint32_t function) { return n.functions.at(function); }

}  // namespace vpclint
