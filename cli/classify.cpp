#include "cli/classify.h"

#include <re2/re2.h>

namespace vpclint {

bool looks_like_infrastructure(std::string_view text) {
    // Keys at the start of a line (YAML) or quoted (JSON).
    // Latin-1 so that text with invalid UTF-8 (a reason it did not load) is still searched.
    static const RE2::Options opts = [] {
        RE2::Options o;
        o.set_encoding(RE2::Options::EncodingLatin1);
        return o;
    }();
    static const RE2 cfn_version(R"re((?m)(^|["{,\s])"?AWSTemplateFormatVersion"?\s*:)re", opts);
    static const RE2 cfn_type(R"re((?m)(^\s*|["{,]\s*)"?Type"?\s*:\s*["']?(AWS|Custom|Alexa)::[A-Za-z0-9]+)re", opts);
    static const RE2 tf_version(R"re("format_version"\s*:)re", opts);
    static const RE2 tf_body(R"re("(planned_values|resource_changes|values)"\s*:)re", opts);
    re2::StringPiece t(text.data(), text.size());
    if (RE2::PartialMatch(t, cfn_version) || RE2::PartialMatch(t, cfn_type)) return true;
    return RE2::PartialMatch(t, tf_version) && RE2::PartialMatch(t, tf_body);
}

ClassifiedInput classify_input(const Document* doc, std::string_view text) {
    if (!doc) return {looks_like_infrastructure(text) ? Classification::Broken : Classification::Skip, InputKind::Unknown};
    InputKind kind = classify_document(*doc);
    if (kind == InputKind::Unknown) return {Classification::Skip, kind};
    return {Classification::Infrastructure, kind};
}

}  // namespace vpclint
