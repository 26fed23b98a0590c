// The version this binary was built as (cmake/version.cmake: `git describe`).
// Defined in a file generated at configure time, so that a new version
// recompiles one file, not every file that sees a compile definition.
#pragma once
#include <string_view>

namespace vpclint {

std::string_view vpclint_version();

}  // namespace vpclint
