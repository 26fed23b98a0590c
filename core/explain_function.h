// Text that explains one function: its subnets' egress and its needs.
#pragma once
#include <string>
#include <string_view>

#include "core/analyses.h"

namespace vpclint {

std::string explain_function(const Model& model, const Analyses& analyses, std::string_view function_id);

}  // namespace vpclint
