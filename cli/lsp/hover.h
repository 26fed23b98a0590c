// textDocument/hover: on a finding, the rule's summary, rationale and fix;
// on a function's logical id (or Terraform address), its `explain` output.
#pragma once
#include <optional>

#include "cli/lsp/documents.h"

namespace vpclint::lsp {

// Null when there is nothing to say at `p`.
json hover(const Snapshot& doc, Position p, const AnalysisConfig& config);

// The identifier under `p` (letters, digits and `_ - . [ ] :`, without a
// trailing colon), with its range; empty when `p` is on none.
std::string word_at(std::string_view text, Position p, Range* range = nullptr);

}  // namespace vpclint::lsp
