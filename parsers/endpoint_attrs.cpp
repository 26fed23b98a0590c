#include "parsers/endpoint_attrs.h"

namespace vpclint {

std::vector<EndpointAttr> parse_endpoint_attrs(std::string_view s) {
    std::vector<EndpointAttr> out;
    while (!s.empty()) {
        size_t sp = s.find(' ');
        std::string_view word = s.substr(0, sp);
        if (!word.empty()) {
            size_t eq = word.find('=');
            out.push_back({std::string(word.substr(0, eq)),
                           eq == std::string_view::npos ? std::string() : std::string(word.substr(eq + 1))});
        }
        if (sp == std::string_view::npos) break;
        s = s.substr(sp + 1);
    }
    return out;
}

}  // namespace vpclint
