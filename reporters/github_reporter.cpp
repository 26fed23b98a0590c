#include "reporters/format_writers.h"

namespace vpclint {

// Placeholder until the full github reporter lands: gcc lines.
void write_github(const ReportInput& in, std::ostream& out) { write_gcc(in, out); }

}  // namespace vpclint
