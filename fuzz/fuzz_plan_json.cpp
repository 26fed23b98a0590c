// libFuzzer harness: the whole pipeline (load, classify, frontend, analyses,
// rules, suppressions) on Terraform plan and state JSON, then the text and
// SARIF reporters over the findings.
#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "cli/analyze_file.h"
#include "core/rule.h"
#include "reporters/reporter.h"
#include "fuzz/structure_mutator.h"

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    std::string text(reinterpret_cast<const char*>(data), size);
    vpclint::FileResult r = vpclint::analyze_text("plan.json", text, {}, {});
    vpclint::ReportInput in;
    in.diagnostics = r.diagnostics;
    in.files = {r.path};
    in.working_directory = "/";
    in.source_line = [&](const std::string&, uint32_t line) {
        std::istringstream ss(r.source);
        std::string l;
        for (uint32_t i = 0; i < line && std::getline(ss, l); ++i) {
        }
        return l;
    };
    std::ostringstream out;
    vpclint::write_report(vpclint::ReportFormat::Text, in, out);
    vpclint::write_report(vpclint::ReportFormat::Sarif, in, out);
    return 0;
}

VPCLINT_STRUCTURE_MUTATOR(Json)
