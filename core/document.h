// The positioned document tree every loader produces (YAML and JSON alike).
// Short-form CloudFormation tags are rewritten by the loader into their long
// form, so `!GetAtt A.B` and `Fn::GetAtt: [A, B]` give the same tree.
#pragma once
#include <cstddef>
#include <cstring>
#include <new>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "core/location.h"

namespace vpclint {

enum class NodeKind : uint8_t { Null, Scalar, Sequence, Mapping };

struct Node;
class NodeArena;

// A node's children (or a mapping's entries): a read-only view of a block in
// the arena of the document that owns the node. No per-node heap block, no
// destructor: a 100 MB plan has millions of nodes, and a vector each was
// most of the memory and a quarter of the time (malloc and free).
// Changing a list goes through its arena (NodeArena::push/assign/own).
template <class T>
class NodeList {
public:
    using value_type = T;
    using const_iterator = const T*;
    using iterator = const T*;
    const T* begin() const { return data_; }
    const T* end() const { return data_ + size_; }
    const T* data() const { return data_; }
    size_t size() const { return size_; }
    bool empty() const { return size_ == 0; }
    const T& operator[](size_t k) const { return data_[k]; }
    const T& front() const { return data_[0]; }
    const T& back() const { return data_[size_ - 1]; }

    NodeList() = default;
    // A copy shares the block but has no spare room: the first push to
    // either list cannot write where the other would see it.
    NodeList(const NodeList& o) : data_(o.data_), size_(o.size_), capacity_(o.size_) {}
    NodeList& operator=(const NodeList& o) {
        data_ = o.data_;
        size_ = capacity_ = o.size_;
        return *this;
    }

private:
    friend class NodeArena;
    T* data_ = nullptr;
    uint32_t size_ = 0;
    uint32_t capacity_ = 0;
};

// A scalar's text or a key: a view of its document's arena. It converts to
// std::string where a consumer wants one (a copy, as reading a node's
// std::string gave before), so that code written for strings reads it as is.
class NodeText : public std::string_view {
public:
    constexpr NodeText() = default;
    constexpr NodeText(std::string_view s) : std::string_view(s) {}
    constexpr NodeText(const char* s) : std::string_view(s) {}
    operator std::string() const { return std::string(data(), size()); }
    // Still a view of the arena (std::string's substr was a copy).
    constexpr NodeText substr(size_t pos, size_t n = npos) const { return NodeText(std::string_view::substr(pos, n)); }
};

inline std::string operator+(std::string a, NodeText b) { return a.append(b); }
inline std::string operator+(NodeText a, const std::string& b) { return std::string(a).append(b); }
inline std::string operator+(const char* a, NodeText b) { return std::string(a).append(b); }
inline std::string operator+(NodeText a, const char* b) { return std::string(a).append(b); }
inline std::string operator+(char a, NodeText b) { return std::string(1, a).append(b); }
inline std::string operator+(NodeText a, char b) { return std::string(a) + b; }

struct MapEntry {
    NodeText key;  // in the owning document's arena
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
    NodeText text;                  // Scalar, in the owning document's arena
    NodeList<const Node*> items;    // Sequence
    NodeList<MapEntry> entries;     // Mapping, in source order

    bool is_null() const { return kind == NodeKind::Null; }
    bool is_scalar() const { return kind == NodeKind::Scalar; }
    bool is_sequence() const { return kind == NodeKind::Sequence; }
    bool is_mapping() const { return kind == NodeKind::Mapping; }

    const MapEntry* entry(std::string_view key) const;
    const Node* get(std::string_view key) const;  // nullptr when absent
};

// Owns nodes, their child lists and their text, in large blocks freed
// together. Views into it stay valid when the arena is moved. Nodes made by
// one arena may point at another's (a ForEach expansion points into the
// template's document); the owner of both keeps both alive.
class NodeArena {
public:
    NodeArena() = default;
    NodeArena(NodeArena&&) = default;
    NodeArena& operator=(NodeArena&&) = default;
    NodeArena(const NodeArena&) = delete;
    NodeArena& operator=(const NodeArena&) = delete;

    Node& make() {
        ++nodes_;
        return *new (allocate(sizeof(Node), alignof(Node))) Node();
    }
    // A copy of a node (its lists shared until changed through own/assign/push).
    Node& copy(const Node& n) {
        ++nodes_;
        return *new (allocate(sizeof(Node), alignof(Node))) Node(n);
    }
    size_t node_count() const { return nodes_; }
    // A copy of `s` that lives as long as the arena.
    std::string_view intern(std::string_view s) {
        if (s.empty()) return {};
        char* p = static_cast<char*>(allocate(s.size(), 1));
        std::memcpy(p, s.data(), s.size());
        return {p, s.size()};
    }
    template <class T>
    void assign(NodeList<T>& list, const std::type_identity_t<T>* first, size_t count) {
        list.data_ = count ? static_cast<T*>(allocate(count * sizeof(T), alignof(T))) : nullptr;
        for (size_t k = 0; k < count; ++k) new (list.data_ + k) T(first[k]);
        list.size_ = list.capacity_ = static_cast<uint32_t>(count);
    }
    template <class T>
    void assign(NodeList<T>& list, const std::vector<std::type_identity_t<T>>& v) { assign(list, v.data(), v.size()); }
    // Appends, doubling the block when full (the old block stays in the arena:
    // lists built item by item are the small ones, YAML and generated plans).
    template <class T>
    void push(NodeList<T>& list, const std::type_identity_t<T>& value) {
        if (list.size_ == list.capacity_) {
            uint32_t cap = list.capacity_ ? list.capacity_ * 2 : 4;
            T* grown = static_cast<T*>(allocate(cap * sizeof(T), alignof(T)));
            for (uint32_t k = 0; k < list.size_; ++k) new (grown + k) T(list.data_[k]);
            list.data_ = grown;
            list.capacity_ = cap;
        }
        new (list.data_ + list.size_++) T(value);
    }
    // The list's items to change in place: copied first, so that nodes
    // sharing the block (copies, aliases) keep theirs.
    template <class T>
    T* own(NodeList<T>& list) {
        assign(list, list.data_, list.size_);
        return list.data_;
    }

private:
    void* allocate(size_t bytes, size_t align);
    std::vector<std::unique_ptr<std::byte[]>> blocks_;
    std::byte* next_ = nullptr;
    size_t left_ = 0;
    size_t nodes_ = 0;
};

struct Document {
    std::string path;  // as given on the command line (or discovered)
    const Node* root = nullptr;
    NodeArena arena;  // owns every node; aliases share nodes

    Node& make() { return arena.make(); }
    std::string_view intern(std::string_view s) { return arena.intern(s); }
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
// document shares nodes; walking it would still explode), and on the nodes
// of one YAML file. CloudFormation's 1 MB template limit holds about 500,000
// nodes; a file over the budget costs 1.6 s of CPU (Release) before the
// load stops. Plans are JSON and not held to it.
constexpr size_t kMaxExpandedNodes = 1000u * 1000u;

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
