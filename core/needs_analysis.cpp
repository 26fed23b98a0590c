#include "core/needs_analysis.h"

#include <re2/re2.h>

#include <algorithm>
#include <array>

namespace vpclint {

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

bool ends_with(const std::string& s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool is_private_ipv4(const std::string& h) {
    static const RE2 ip("(\\d+)\\.(\\d+)\\.(\\d+)\\.(\\d+)");
    int a, b, c, d;
    if (!RE2::FullMatch(h, ip, &a, &b, &c, &d)) return false;
    return a == 10 || a == 127 || (a == 172 && b >= 16 && b <= 31) || (a == 192 && b == 168) ||
           (a == 169 && b == 254) || a == 0;
}

// AWS endpoints are reached through the AWS network path (NAT or VPC
// endpoints), which VL401 judges, not the internet rules.
bool is_aws_host(const std::string& h) {
    return ends_with(h, ".amazonaws.com") || ends_with(h, ".amazonaws.com.cn") || ends_with(h, ".aws") ||
           ends_with(h, ".api.aws") || h == "amazonaws.com";
}

// The hostnames people write in configuration end in one of these; a bare
// value like "index.handler" or "config.json" must not count as a host.
bool has_common_public_tld(const std::string& h) {
    static constexpr std::array<std::string_view, 24> kTlds = {
        ".com", ".net", ".org", ".io", ".co", ".dev", ".app", ".ai", ".cloud", ".biz", ".info", ".me",
        ".us", ".uk", ".de", ".fr", ".eu", ".jp", ".ca", ".au", ".in", ".nl", ".se", ".ch"};
    return std::any_of(kTlds.begin(), kTlds.end(), [&](std::string_view t) { return ends_with(h, t); });
}

}  // namespace

bool is_internet_host(std::string host) {
    host = lower(host);
    if (host.empty() || host.find("${") != std::string::npos || host.find('}') != std::string::npos) return false;
    if (host.back() == '.') host.pop_back();
    if (host.find('.') == std::string::npos) return false;  // single label: an internal name
    if (host == "localhost" || ends_with(host, ".internal") || ends_with(host, ".local") ||
        ends_with(host, ".localhost") || ends_with(host, ".lan") || ends_with(host, ".corp") ||
        ends_with(host, ".home.arpa") || ends_with(host, ".svc") || ends_with(host, ".cluster.local"))
        return false;
    if (is_private_ipv4(host)) return false;
    if (is_aws_host(host)) return false;
    static const RE2 name("[a-z0-9]([a-z0-9-]*[a-z0-9])?(\\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*\\.[a-z]{2,24}");
    static const RE2 ip("\\d+\\.\\d+\\.\\d+\\.\\d+");
    return RE2::FullMatch(host, name) || RE2::FullMatch(host, ip);
}

std::vector<std::pair<std::string, size_t>> urls_in_code(const std::string& text) {
    static const RE2 url("(?i)https?://([a-z0-9.-]+)");
    std::vector<std::pair<std::string, size_t>> out;
    size_t line_start = 0;
    while (line_start < text.size()) {
        size_t end = text.find('\n', line_start);
        if (end == std::string::npos) end = text.size();
        std::string_view line(text.data() + line_start, end - line_start);
        size_t first = line.find_first_not_of(" \t");
        bool comment = first != std::string_view::npos &&
                       (line[first] == '#' || line.substr(first, 2) == "//" || line[first] == '*' || line.substr(first, 2) == "/*");
        if (!comment) {
            re2::StringPiece input(line.data(), line.size());
            std::string host;
            while (RE2::FindAndConsume(&input, url, &host))
                out.emplace_back(lower(host), static_cast<size_t>(input.data() - text.data()) - host.size());
        }
        line_start = end + 1;
    }
    return out;
}

namespace {

bool looks_like_host_variable(const std::string& name) {
    std::string n = lower(name);
    for (std::string_view k : {"host", "url", "uri", "endpoint", "domain", "api", "server", "webhook"})
        if (n.find(k) != std::string::npos) return true;
    return false;
}

void from_environment(const Function& f, FunctionNeeds& needs) {
    static const RE2 url("(?i)^\\s*https?://([a-z0-9.-]+)");
    for (const EnvVar& v : f.environment) {
        if (!v.value.known || !v.refs.empty()) continue;
        std::string host;
        if (RE2::PartialMatch(v.value.value, url, &host)) {
            if (is_internet_host(host))
                needs.internet.push_back({true,
                                          v.name + " at line " + std::to_string(v.loc.line) + " is an internet URL (" +
                                              lower(host) + ")",
                                          v.value.loc.known() ? v.value.loc : v.loc});
            continue;
        }
        // A bare host name counts only in a variable named like one.
        const std::string& s = v.value.value;
        if (looks_like_host_variable(v.name) && s.find_first_of(" /:@=") == std::string::npos &&
            has_common_public_tld(lower(s)) && is_internet_host(s))
            needs.internet.push_back({true,
                                      v.name + " at line " + std::to_string(v.loc.line) + " is an internet host name (" +
                                          lower(s) + ")",
                                      v.value.loc.known() ? v.value.loc : v.loc});
    }
}

void from_inline_code(const Function& f, FunctionNeeds& needs) {
    if (!f.inline_code.known) return;
    for (const auto& [host, offset] : urls_in_code(f.inline_code.value)) {
        if (!is_internet_host(host)) continue;
        // Block scalars start on the line after the property.
        uint32_t line = f.inline_code.loc.line;
        for (size_t i = 0; i < offset && i < f.inline_code.value.size(); ++i)
            if (f.inline_code.value[i] == '\n') ++line;
        if (f.inline_code.value.find('\n') != std::string::npos) ++line;
        Location loc = f.inline_code.loc;
        loc.line = line;
        loc.col = 1;
        loc.end_line = loc.end_col = 0;
        needs.internet.push_back({true, "inline code calls https://" + host + " (line " + std::to_string(line) + ")", loc});
        return;  // one URL is enough evidence
    }
}

}  // namespace

NeedsAnalysis compute_needs(const Model& model) {
    NeedsAnalysis out;
    out.functions.resize(model.functions.size());
    for (size_t i = 0; i < model.functions.size(); ++i) {
        const Function& f = model.functions[i];
        FunctionNeeds& needs = out.functions[i];
        for (const DeclaredNeed& d : f.declared_needs) {
            if (lower(d.need) == "internet")
                needs.internet.push_back({true, "the function declares it needs the internet (line " +
                                                    std::to_string(d.loc.line) + ")",
                                          d.loc});
            else
                needs.services.push_back(lower(d.need));
        }
        from_environment(f, needs);
        from_inline_code(f, needs);
    }
    return out;
}

}  // namespace vpclint
