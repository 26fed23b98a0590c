// One writer per output format (reporters/<format>_reporter.cpp).
#pragma once
#include <ostream>

#include "reporters/reporter.h"

namespace vpclint {

void write_text(const ReportInput& in, std::ostream& out);
void write_gcc(const ReportInput& in, std::ostream& out);
void write_json(const ReportInput& in, std::ostream& out);
void write_sarif(const ReportInput& in, std::ostream& out);
void write_github(const ReportInput& in, std::ostream& out);
void write_junit(const ReportInput& in, std::ostream& out);
void write_gitlab(const ReportInput& in, std::ostream& out);

// "3 errors, 1 warning, 2 notes in 2 of 5 files" / "no problems in 5 files".
std::string summary_line(const ReportInput& in);

}  // namespace vpclint
