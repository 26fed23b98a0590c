// The normalised property path of a position in a CloudFormation template
// ("Resources/OrdersFunction/Properties/VpcConfig/SubnetIds/0"): where a
// finding is, independent of lines and of YAML or JSON, for baseline entries.
#pragma once
#include <string>

#include "core/document.h"

namespace vpclint {

// The keys and sequence indices from the root down to the deepest node (or
// mapping key) that starts at line:col; "" when nothing starts there.
std::string property_path(const Document& doc, uint32_t line, uint32_t col);

}  // namespace vpclint
