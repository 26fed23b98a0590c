// textDocument/codeAction: quick fixes for the findings in a range.
//  - "Suppress VLxxx for this resource": a Metadata vpclint.ignore entry
//    (CloudFormation YAML or JSON), the syntax parsers/cfn/cfn_frontend.cpp reads;
//  - "Suppress VLxxx on this line": a `# vpclint: ignore VLxxx reason`
//    comment (CloudFormation YAML), the syntax core/engine.cpp reads;
//  - VL504 "Replace with !Ref X": when the literal names a parameter or a
//    resource of the right type, or exactly one of the right type exists.
// Every inserted reason is a placeholder the user is meant to replace.
#pragma once
#include "cli/lsp/documents.h"

namespace vpclint::lsp {

constexpr const char* kReasonPlaceholder = "TODO: why this finding does not apply";

// CodeAction[] for the shown diagnostics that overlap `range`.
json code_actions(const Snapshot& doc, Range range, const AnalysisConfig& config);

}  // namespace vpclint::lsp
