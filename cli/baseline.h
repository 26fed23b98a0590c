// Baselines: the findings a project has accepted for now. `--write-baseline`
// records the current findings; `--baseline` marks the ones it records as
// suppressed, so only new findings count. An entry is matched by rule, file,
// resource, property path and fingerprint (reporters/fingerprint.h: the rule, the file, the resource
// and the text of the flagged line, plus an occurrence number), so it stays
// matched when unrelated lines move, and one entry matches one finding in
// one file only.
#pragma once
#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "core/diagnostic.h"

namespace vpclint {

using SourceLineFn = std::function<std::string(const std::string& file, uint32_t line)>;

struct BaselineEntry {
    std::string rule, file, resource, fingerprint;
    Location loc;  // the entry in the baseline file
    // The finding's normalised property path (core/property_path.h), as the
    // frontend recorded it: "Resources/Fn/Properties/VpcConfig/SubnetIds/0",
    // "module.app.aws_lambda_function.fn/vpc_config/0/subnet_ids/1"; "" when
    // the finding had none or the baseline predates paths (then it is not
    // compared).
    std::string path;
};

struct Baseline {
    std::string path;
    std::string text;  // for reporters that quote lines
    std::vector<BaselineEntry> entries;
};

// False with a message (and its position) when the file cannot be read or
// is not a baseline.
bool read_baseline(const std::string& path, Baseline& out, std::string& error);

// The fingerprint of each diagnostic, in order (occurrences counted over the
// list as given, which must be sorted).
std::vector<std::string> baseline_fingerprints(const std::vector<Diagnostic>& ds, const SourceLineFn& source_line);

// Writes the findings that are not suppressed otherwise.
void write_baseline(const std::vector<Diagnostic>& ds, const SourceLineFn& source_line, std::ostream& out);

struct BaselineMatch {
    size_t baselined = 0;              // findings the baseline covers
    std::vector<size_t> stale;         // entries that matched no finding
};

// Marks the covered findings suppressed (justification: the baseline file).
// An entry matches a finding with its rule, file, resource and fingerprint,
// and its property path when both have one. `legacy_line`, when given, is
// the line text earlier versions took the fingerprint from (they quoted no
// .tf line for a plan's findings): an entry with that fingerprint matches as
// well, so their baselines stay valid.
BaselineMatch apply_baseline(const Baseline& b, std::vector<Diagnostic>& ds, const SourceLineFn& source_line,
                             const SourceLineFn& legacy_line = {});

}  // namespace vpclint
