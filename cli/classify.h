// What an input file is: the one decision that both a file named on the
// command line and a file found by walking a directory go through, so a hook
// that passes every changed file skips exactly what a directory scan skips.
#pragma once
#include <string_view>

#include "core/document.h"
#include "parsers/frontend.h"

namespace vpclint {

enum class Classification {
    Skip,           // not infrastructure (Helm, VS Code settings, Kubernetes, OpenAPI, package.json)
    Infrastructure, // a template or plan: analyse it as `kind`
    Broken,         // does not load but looks like infrastructure: VL001
};

struct ClassifiedInput {
    Classification what = Classification::Skip;
    InputKind kind = InputKind::Unknown;
};

// `doc` is the loaded document, or null when loading failed; `text` is the
// file's text (used only when it did not load).
ClassifiedInput classify_input(const Document* doc, std::string_view text);

// For text that does not load: does it carry the markers of a template or a
// plan? AWSTemplateFormatVersion as a key, a `Type: AWS::…` resource entry,
// or a Terraform `format_version` together with planned_values,
// resource_changes or values. A mention of "AWS::" in a comment or a Helm
// value is not enough.
bool looks_like_infrastructure(std::string_view text);

}  // namespace vpclint
