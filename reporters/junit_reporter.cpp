#include "reporters/format_writers.h"

namespace vpclint {

// Placeholder until the full junit reporter lands: gcc lines.
void write_junit(const ReportInput& in, std::ostream& out) { write_gcc(in, out); }

}  // namespace vpclint
