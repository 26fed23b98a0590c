// The positioned document tree every loader produces (YAML and JSON alike).
// Short-form CloudFormation tags are rewritten by the loader into their long
// form, so `!GetAtt A.B` and `Fn::GetAtt: [A, B]` give the same tree.
#pragma once
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "core/location.h"

namespace vpclint {

enum class NodeKind : uint8_t { Null, Scalar, Sequence, Mapping };

struct Node;

struct MapEntry {
    std::string key;
    SourcePos key_begin;
    SourcePos key_end;
    const Node* value = nullptr;
};

struct Node {
    NodeKind kind = NodeKind::Null;
    // A scalar written in quotes (all JSON strings, YAML '...' and "..."):
    // `"true"` is text, `true` is a boolean.
    bool quoted = false;
    SourcePos begin;
    SourcePos end;
    std::string text;                  // Scalar
    std::vector<const Node*> items;    // Sequence
    std::vector<MapEntry> entries;     // Mapping, in source order

    bool is_null() const { return kind == NodeKind::Null; }
    bool is_scalar() const { return kind == NodeKind::Scalar; }
    bool is_sequence() const { return kind == NodeKind::Sequence; }
    bool is_mapping() const { return kind == NodeKind::Mapping; }

    const MapEntry* entry(std::string_view key) const;
    const Node* get(std::string_view key) const;  // nullptr when absent
};

struct Document {
    std::string path;  // as given on the command line (or discovered)
    const Node* root = nullptr;
    std::deque<Node> arena;  // owns every node; aliases share nodes

    Node& make() { return arena.emplace_back(); }
    Location location(const Node& n) const;
    Location location(SourcePos begin, SourcePos end) const;
    Location key_location(const MapEntry& e) const;
};

struct LoadError {
    std::string message;
    SourcePos pos;
};

struct LoadResult {
    std::unique_ptr<Document> doc;  // null when error is set
    std::optional<LoadError> error;
};

// Limits the loaders enforce (VL001 beyond them, never a crash).
// The default of --max-file-size: Terraform plans of large estates run to
// hundreds of megabytes.
constexpr size_t kMaxFileBytes = size_t{1} << 30;
constexpr unsigned kMaxDepth = 512;
// Upper bound on nodes reachable through YAML aliases (a "billion laughs"
// document shares nodes; walking it would still explode).
constexpr size_t kMaxExpandedNodes = 4u * 1000u * 1000u;

LoadResult load_yaml(std::string path, std::string_view text);
LoadResult load_json(std::string path, std::string_view text);
// Picks JSON when the first non-blank byte is '{' or '[', YAML otherwise;
// checks size, NUL bytes and UTF-8 first.
LoadResult load_document(std::string path, std::string_view text, size_t max_bytes = kMaxFileBytes);
// "file is larger than --max-file-size (…)": the one wording for the reader
// and the loader.
std::string file_too_large_message(size_t size, size_t max_bytes);
// "1 GiB", "50 MiB", "1500 bytes".
std::string byte_size_text(size_t bytes);

}  // namespace vpclint
