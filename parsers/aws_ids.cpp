#include "parsers/aws_ids.h"

#include "core/aws_services.h"

namespace vpclint {

RouteTarget route_target_of_id(std::string_view id) {
    auto starts = [&](std::string_view p) { return id.rfind(p, 0) == 0; };
    if (starts("igw-")) return RouteTarget::InternetGateway;
    if (starts("eigw-")) return RouteTarget::EgressOnlyInternetGateway;
    if (starts("nat-")) return RouteTarget::NatGateway;
    if (starts("i-")) return RouteTarget::Instance;
    if (starts("tgw-")) return RouteTarget::TransitGateway;
    if (starts("vgw-")) return RouteTarget::VpnGateway;
    if (starts("pcx-")) return RouteTarget::PeeringConnection;
    if (starts("eni-")) return RouteTarget::NetworkInterface;
    if (starts("vpce-")) return RouteTarget::VpcEndpoint;
    if (starts("cagw-")) return RouteTarget::CarrierGateway;
    if (starts("lgw-")) return RouteTarget::LocalGateway;
    if (id == "local") return RouteTarget::Local;
    return RouteTarget::Unknown;
}

std::string default_engine_port(std::string engine) {
    for (char& ch : engine) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
    auto has = [&](std::string_view s) { return engine.find(s) != std::string::npos; };
    if (has("postgres")) return "5432";
    if (has("mysql") || has("mariadb") || engine == "aurora") return "3306";
    if (has("oracle")) return "1521";
    if (has("sqlserver")) return "1433";
    if (has("db2")) return "50000";
    if (has("redis") || has("valkey")) return "6379";
    if (has("memcached")) return "11211";
    if (has("docdb")) return "27017";
    if (has("neptune")) return "8182";
    return {};
}

Text endpoint_service(const Text& service_name) {
    Text out = service_name;
    if (!service_name.present || service_name.value.empty()) return out;
    std::string part = endpoint_service_part(service_name.value);
    if (!part.empty()) {
        out.known = true;
        out.value = part;
    } else if (!service_name.known) {
        out.value.clear();
    }
    return out;
}

}  // namespace vpclint
