// Format names as the CLI takes them, and the dispatch to each writer.
#include "reporters/format_writers.h"
#include "reporters/reporter.h"

namespace vpclint {

std::optional<ReportFormat> parse_report_format(std::string_view name) {
    if (name == "text") return ReportFormat::Text;
    if (name == "gcc") return ReportFormat::Gcc;
    if (name == "json") return ReportFormat::Json;
    if (name == "sarif") return ReportFormat::Sarif;
    if (name == "github") return ReportFormat::Github;
    if (name == "junit") return ReportFormat::Junit;
    if (name == "gitlab") return ReportFormat::Gitlab;
    return std::nullopt;
}

void write_report(ReportFormat format, const ReportInput& in, std::ostream& out) {
    switch (format) {
        case ReportFormat::Text: write_text(in, out); break;
        case ReportFormat::Gcc: write_gcc(in, out); break;
        case ReportFormat::Json: write_json(in, out); break;
        case ReportFormat::Sarif: write_sarif(in, out); break;
        case ReportFormat::Github: write_github(in, out); break;
        case ReportFormat::Junit: write_junit(in, out); break;
        case ReportFormat::Gitlab: write_gitlab(in, out); break;
    }
}

}  // namespace vpclint
