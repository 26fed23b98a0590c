#include "reporters/format_writers.h"

namespace vpclint {

// Placeholder until the full gitlab reporter lands: gcc lines.
void write_gitlab(const ReportInput& in, std::ostream& out) { write_gcc(in, out); }

}  // namespace vpclint
