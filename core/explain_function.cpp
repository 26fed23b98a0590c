#include "core/explain_function.h"

namespace vpclint {

std::string explain_function(const Model&, const Analyses&, std::string_view function_id) {
    return "Function " + std::string(function_id) + ": explanation not available yet.";
}

}  // namespace vpclint
