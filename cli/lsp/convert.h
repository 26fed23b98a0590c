// vpclint findings as LSP values: file URIs, ranges, diagnostics.
#pragma once
#include <string>
#include <string_view>
#include <vector>

#include "cli/lsp/jsonrpc.h"
#include "cli/lsp/text_sync.h"
#include "core/diagnostic.h"

namespace vpclint::lsp {

// file:///a/b%20c.yaml -> /a/b c.yaml; another scheme (untitled:) gives the
// URI itself, which is still a usable name for positions and classification.
std::string path_of_uri(std::string_view uri);
std::string uri_of_path(std::string_view path);

// The rule's documentation page, the same address SARIF's helpUri gives.
std::string rule_docs_url(std::string_view rule_id);

struct Range {
    Position start, end;
};

// The range of a location in `text`; an unknown or empty end becomes the
// rest of the token (up to a blank, comma or bracket) so editors underline
// something visible.
Range range_of(const LineIndex& index, const Location& loc);
Range range_of(std::string_view text, const Location& loc);
json range_json(const Range& r);

bool contains(const Range& r, Position p);

// One publishDiagnostics entry. `text` is the document the diagnostic was
// computed on; `uri` its URI (related locations in other files get their own).
json diagnostic_json(const Diagnostic& d, const LineIndex& index, std::string_view uri);

}  // namespace vpclint::lsp
