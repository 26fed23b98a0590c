// Where YAML nodes start and end in the source text. yaml-cpp 0.7 marks a
// node at its first property (anchor or tag), not at its content, and gives
// no end position at all; these functions recover both from the text.
// Offsets are bytes into the text the parser read.
#pragma once
#include <cstddef>
#include <string_view>

namespace vpclint {

struct YamlProperties {
    size_t content = 0;    // where the node's own text starts
    size_t end = 0;        // just after the last property (== content when none)
    size_t tag_begin = 0;  // the tag token, when there is one
    size_t tag_end = 0;
    bool has_tag = false;
};

// Skips the anchor and tag tokens at `offset`, and the blanks after them;
// with `cross_lines`, also line breaks and comments (`!Sub` on one line and
// its list on the next).
YamlProperties skip_yaml_properties(std::string_view text, size_t offset, bool cross_lines);

// Just after the last character of the scalar whose text starts at `content`
// (a quote, a block indicator `|`/`>`, or a plain scalar's first character)
// and whose value, as the parser gave it, is `value`. npos for a quoted
// scalar without its closing quote (yaml-cpp 0.7 lets it run to the end of
// the file).
size_t yaml_scalar_end(std::string_view text, size_t content, std::string_view value);

// Just after an alias token `*name` starting at `offset`.
size_t yaml_alias_end(std::string_view text, size_t offset);

// Length of an explicit null (`~`, `null`, `Null`, `NULL`) at `offset`, or 0.
size_t yaml_null_literal(std::string_view text, size_t offset);

// Where an empty (implicit null) value sits: just after the indicator (`:`,
// `-`, `?`) that introduced it, searching between the end of the previous
// token `from` and the parser's mark `until`.
size_t yaml_implicit_null(std::string_view text, size_t from, size_t until);

// Just after the `]` or `}` closing a flow collection whose last child ends
// at `from`, or npos when something else comes first.
size_t yaml_flow_close(std::string_view text, size_t from);

}  // namespace vpclint
