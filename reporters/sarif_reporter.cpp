#include "reporters/format_writers.h"

namespace vpclint {

// Placeholder until the full sarif reporter lands: gcc lines.
void write_sarif(const ReportInput& in, std::ostream& out) { write_gcc(in, out); }

}  // namespace vpclint
