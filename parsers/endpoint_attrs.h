// The attributes that address a private resource, as the binders' shape
// tables write them: "Endpoint.Address Endpoint.Port=5432" (a space-separated
// list; `=PORT` when the attribute implies a port of its own).
#pragma once
#include <string_view>
#include <vector>

#include "core/model.h"

namespace vpclint {

std::vector<EndpointAttr> parse_endpoint_attrs(std::string_view list);

}  // namespace vpclint
