// YAML text to the positioned document tree, through yaml-cpp's event API (its
// Node API keeps no end positions and expands aliases). CloudFormation
// short-form tags are rewritten to the long form here.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <istream>
#include <streambuf>
#include <unordered_map>
#include <unordered_set>

#include "core/document.h"
#include "parsers/cfn_short_tags.h"
#include "parsers/duplicate_keys.h"
#include "parsers/text_positions.h"
#include "parsers/yaml_extents.h"
#include "parsers/yaml_quoted_scalar.h"

namespace vpclint {

namespace {

// yaml-cpp 0.7 throws DeepRecursion once ~500 nodes are open, with a mark that
// can lie far past the culprit (it scans flow collections ahead). Stopping a
// little earlier ourselves gives the exact position.
constexpr unsigned kYamlMaxDepth = std::min(kMaxDepth, 480u);

struct BuildError {
    std::string message;
    SourcePos pos;
};

// Lets yaml-cpp read the caller's text in place: a 50 MiB file is not copied
// twice (string, then istringstream).
class ViewBuffer : public std::streambuf {
public:
    explicit ViewBuffer(std::string_view text) {
        // The get area is only read; const_cast is what std::streambuf's API needs.
        char* p = const_cast<char*>(text.data());
        setg(p, p, p + text.size());
    }
};

class Builder : public YAML::EventHandler {
public:
    Builder(Document& doc, std::string_view text, const LineTable& lines) : doc_(doc), text_(text), lines_(lines) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ == 1) return;
        size_t at = offset(mark);
        // yaml-cpp also starts a new document, without a `---`, after a
        // top-level collection that ends early (`- a` then `b: c`).
        if (text_.substr(at, 3) == "---" || text_.substr(at, 1) == "%")
            throw BuildError{"more than one YAML document in the file (CloudFormation reads one)", pos(at)};
        throw BuildError{"invalid YAML: unexpected text after the end of the document (wrong indentation?)", pos(at)};
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        size_t at = offset(mark);
        YamlProperties props = skip_yaml_properties(text_, at, false);
        Node& n = doc_.make();
        n.kind = NodeKind::Null;
        size_t begin, end;
        if (size_t len = yaml_null_literal(text_, props.content)) {
            begin = props.content;
            end = begin + len;
            n.text = doc_.intern(text_.substr(begin, len));  // in case it is used as a key
        } else if (props.end > at) {
            begin = end = props.end;  // `key: &a` with nothing after the anchor
        } else {
            // An empty value: yaml-cpp marks it at the next token.
            begin = end = yaml_implicit_null(text_, last_end_, at);
        }
        n.begin = pos(begin);
        n.end = pos(end);
        last_end_ = end;
        remember(anchor, &n, 1, 1);
        add(&n, 1, 1, n.begin, n.end);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        size_t at = offset(mark);
        size_t end = yaml_alias_end(text_, at);
        auto it = anchors_.find(anchor);
        if (it == anchors_.end()) throw BuildError{"alias to an unknown or unfinished anchor", pos(at)};
        last_end_ = end;
        ++aliases_;
        // An alias adds the anchored subtree's whole depth where it stands.
        if (stack_.size() + it->second.height > kYamlMaxDepth)
            throw BuildError{"nesting deeper than " + std::to_string(kYamlMaxDepth) +
                                 " levels through YAML aliases (an alias here repeats a nested value)",
                             pos(at)};
        add(it->second.node, it->second.weight, it->second.height, pos(at), pos(end));
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        size_t at = offset(mark);
        // An empty plain scalar (`!Ref` alone) has no text: do not look for it
        // on the next line.
        YamlProperties props = skip_yaml_properties(text_, at, !value.empty());
        size_t content = props.content;
        size_t end = yaml_scalar_end(text_, content, value);
        if (end == std::string_view::npos)
            throw BuildError{"invalid YAML: unclosed quoted string (missing closing quote)", pos(content)};
        if (end == content) content = end = props.end > at ? props.end : content;
        Node& n = doc_.make();
        n.kind = NodeKind::Scalar;
        n.text = doc_.intern(value);
        if (end > content && (text_[content] == '"' || text_[content] == '\'') &&
            text_.substr(content, end - content).find('\n') != std::string_view::npos)
            if (auto decoded = decode_yaml_quoted(text_, content, end)) n.text = doc_.intern(*decoded);
        n.begin = pos(content);
        n.end = pos(end);
        // Quoted and block scalars are always strings (yaml-cpp tags them "!"),
        // as is `!!str`; a short-form tag hides the "!", so look at the text.
        char first = content < text_.size() ? text_[content] : '\0';
        n.quoted = tag == "!" || tag == "tag:yaml.org,2002:str" ||
                   (end > content && (first == '"' || first == '\'' || first == '|' || first == '>'));
        last_end_ = end;
        const Node* result = &n;
        size_t weight = 1, height = 1;
        if (is_cfn_short_tag(tag)) {
            const Node* arg = &n;
            if (tag == "!GetAtt") {
                arg = split_get_att(n, content, end);
                weight += 3;
                ++height;
            }
            result = wrap(tag, arg, props);
            ++weight;
            ++height;
        }
        remember(anchor, result, weight, height);
        add(result, weight, height, result->begin, result->end);
    }

    void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                         YAML::EmitterStyle::value) override {
        open(mark, tag, anchor, NodeKind::Sequence);
    }
    void OnSequenceEnd() override { close(); }

    void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                    YAML::EmitterStyle::value) override {
        open(mark, tag, anchor, NodeKind::Mapping);
    }
    void OnMapEnd() override { close(); }

    const Node* root() const { return root_; }
    // Where the innermost open collection starts (to place yaml-cpp's own
    // depth error).
    SourcePos innermost() const { return stack_.empty() ? SourcePos{1, 1} : stack_.back().node->begin; }
    // The innermost open `[` or `{`, if any (to place "unclosed bracket").
    const Node* innermost_bracket() const {
        for (auto it = stack_.rbegin(); it != stack_.rend(); ++it)
            if (it->bracketed) return it->node;
        return nullptr;
    }

private:
    struct Frame {
        Node* node = nullptr;
        bool bracketed = false;  // a flow collection written with [ ] or { }
        bool short_tag = false;
        std::string tag;
        YamlProperties props;
        YAML::anchor_t anchor = YAML::NullAnchor;
        size_t weight = 1;  // nodes reachable from here, aliases expanded
        size_t height = 1;  // levels below and including this node, aliases expanded
        // Mappings merged in with `<<: *defaults` (YAML merge keys), applied
        // when the mapping closes: its own keys win, then earlier merges.
        std::vector<const Node*> merges;
        bool key_quoted = false;
        // Mappings: a key was read, its value comes next.
        bool have_key = false;
        std::string_view key;  // the key node's text, in the document's arena
        SourcePos key_begin, key_end;
        DuplicateKeyCheck duplicates;
    };

    struct Anchored {
        const Node* node;
        size_t weight;
        size_t height;
    };

    // The mark's byte offset (yaml-cpp reads our UTF-8 bytes one by one). Its
    // line and column are not always set: at the end of the input they can
    // be 0:0 while the offset is right.
    size_t offset(const YAML::Mark& m) const {
        if (m.is_null() || m.pos < 0) return 0;
        return std::min(static_cast<size_t>(m.pos), text_.size());
    }
    SourcePos pos(size_t offset) const { return lines_.pos_of_offset(offset); }

    // `!GetAtt A.B.C` is Fn::GetAtt [A, B.C]: split at the first dot, with
    // each part's position inside the scalar when the text maps 1:1 to it.
    const Node* split_get_att(const Node& s, size_t content, size_t end) {
        Node& seq = doc_.make();
        seq.kind = NodeKind::Sequence;
        seq.begin = s.begin;
        seq.end = s.end;
        size_t dot = s.text.find('.');
        size_t quote = s.quoted && end > content && (text_[content] == '"' || text_[content] == '\'') ? 1 : 0;
        bool exact = end - content == s.text.size() + 2 * quote;
        auto part = [&](size_t from, size_t len) {
            Node& p = doc_.make();
            p.kind = NodeKind::Scalar;
            p.quoted = s.quoted;
            p.text = s.text.substr(from, len);
            if (exact) {
                p.begin = pos(content + quote + from);
                p.end = pos(content + quote + from + p.text.size());
            } else {
                p.begin = s.begin;
                p.end = s.end;
            }
            doc_.arena.push(seq.items, &p);
        };
        part(0, dot);
        if (dot != std::string::npos) part(dot + 1, std::string::npos);
        return &seq;
    }

    // The long form of a short-form tag: a one-entry mapping at the tag,
    // whose key spans the tag token.
    const Node* wrap(const std::string& tag, const Node* value, const YamlProperties& props) {
        Node& m = doc_.make();
        m.kind = NodeKind::Mapping;
        m.begin = pos(props.tag_begin);
        m.end = value->end;
        doc_.arena.push(m.entries, MapEntry{doc_.intern(cfn_long_form_key(tag)), m.begin, pos(props.tag_end), value});
        return &m;
    }

    void remember(YAML::anchor_t anchor, const Node* n, size_t weight, size_t height) {
        if (anchor != YAML::NullAnchor) anchors_[anchor] = {n, weight, height};
    }

    void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, NodeKind kind) {
        YamlProperties props = skip_yaml_properties(text_, offset(mark), true);
        if (stack_.size() >= kYamlMaxDepth)
            throw BuildError{"nesting deeper than " + std::to_string(kYamlMaxDepth) + " levels", pos(props.content)};
        Node& n = doc_.make();
        n.kind = kind;
        n.begin = n.end = pos(props.content);
        Frame& f = stack_.emplace_back();
        f.node = &n;
        f.bracketed = props.content < text_.size() && (text_[props.content] == '[' || text_[props.content] == '{');
        f.short_tag = is_cfn_short_tag(tag);
        if (f.short_tag) f.tag = tag;
        f.props = props;
        f.anchor = anchor;
        last_end_ = props.content + (f.bracketed ? 1 : 0);
    }

    void close() {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        Node* n = f.node;
        if (n->kind == NodeKind::Mapping && f.have_key)  // cannot happen with a well-formed event stream
            throw BuildError{"mapping key without a value", f.key_begin};
        // A block collection ends with its last child; a flow one at its
        // closing bracket.
        if (f.bracketed) {
            size_t close = yaml_flow_close(text_, last_end_);
            if (close != std::string_view::npos) last_end_ = close;
        }
        n->end = pos(std::max(last_end_, f.props.content));
        if (!f.merges.empty()) apply_merges(*n, f.merges);
        const Node* result = n;
        size_t weight = f.weight, height = f.height;
        if (f.short_tag) {
            result = wrap(f.tag, n, f.props);
            ++weight;
            ++height;
        }
        remember(f.anchor, result, weight, height);
        add(result, weight, height, result->begin, result->end);
    }

    // Attaches a finished node (or a shared, aliased one) to the open
    // collection. `begin`/`end` are where this occurrence is written.
    void add(const Node* n, size_t weight, size_t height, SourcePos begin, SourcePos end) {
        if (stack_.empty()) {
            root_ = n;
            return;
        }
        Frame& f = stack_.back();
        f.weight += weight;
        f.height = std::max(f.height, height + 1);
        if (f.weight > kMaxExpandedNodes)
            throw BuildError{aliases_ ? "YAML aliases expand to more than " + std::to_string(kMaxExpandedNodes) +
                                            " nodes (an alias bomb?)"
                                      : "the document has more than " + std::to_string(kMaxExpandedNodes) +
                                            " nodes, more than vpclint reads from one YAML file",
                             begin};
        if (f.node->kind == NodeKind::Sequence) {
            doc_.arena.push(f.node->items, n);
            return;
        }
        if (f.have_key) {
            f.have_key = false;
            if (f.key == "<<" && !f.key_quoted) {
                // A merge key: a mapping, or a list of mappings.
                if (n->is_mapping()) {
                    f.merges.push_back(n);
                } else if (n->is_sequence() && std::all_of(n->items.begin(), n->items.end(),
                                                           [](const Node* i) { return i->is_mapping(); })) {
                    f.merges.insert(f.merges.end(), n->items.begin(), n->items.end());
                } else {
                    throw BuildError{"invalid YAML: a merge key '<<' needs a mapping or a list of mappings", begin};
                }
                f.key = {};
                return;
            }
            doc_.arena.push(f.node->entries, MapEntry{f.key, f.key_begin, f.key_end, n});
            f.key = {};
            return;
        }
        // CloudFormation keys are strings; a collection or an intrinsic as a
        // key is a mistake we cannot represent.
        if (n->kind == NodeKind::Sequence || n->kind == NodeKind::Mapping)
            throw BuildError{"a mapping key must be a plain value, not a list, mapping or tagged value", begin};
        f.key = n->text;
        f.key_quoted = n->quoted;
        f.key_begin = begin;
        f.key_end = end;
        f.have_key = true;
        if (uint32_t first = f.duplicates.first_line(f.node->entries.data(), f.node->entries.size(), f.key))
            throw BuildError{duplicate_key_message(f.key, first), begin};
    }

    // YAML merge keys: entries of the merged mappings that the mapping does
    // not set itself, keeping the positions where they are written.
    void apply_merges(Node& n, const std::vector<const Node*>& merges) {
        std::unordered_set<std::string_view> have;
        for (const MapEntry& e : n.entries) have.insert(e.key);
        std::vector<MapEntry> added;
        for (const Node* m : merges)
            for (const MapEntry& e : m->entries)
                if (have.insert(e.key).second) added.push_back(e);
        // `have` views keys of n.entries: append only after it is done.
        for (const MapEntry& e : added) doc_.arena.push(n.entries, e);
    }

    Document& doc_;
    std::string_view text_;
    const LineTable& lines_;
    size_t aliases_ = 0;
    std::vector<Frame> stack_;
    std::unordered_map<YAML::anchor_t, Anchored> anchors_;
    const Node* root_ = nullptr;
    size_t last_end_ = 0;  // offset just after the last token handled
    int documents_ = 0;
};

// yaml-cpp's messages are terse ("illegal map value"); say what usually causes them.
std::string explain(const std::string& msg) {
    struct Hint {
        const char* yaml_cpp;
        const char* ours;
    };
    static const Hint hints[] = {
        {YAML::ErrorMsg::MAP_VALUE,
         "a mapping value is not allowed here (wrong indentation, or a missing space after ':'?)"},
        {YAML::ErrorMsg::MAP_KEY, "a mapping key is not allowed here (wrong indentation?)"},
        {YAML::ErrorMsg::END_OF_MAP, "bad indentation (this line does not line up with the mapping it is in)"},
        {YAML::ErrorMsg::END_OF_SEQ, "bad indentation (this line does not line up with the list it is in)"},
        {YAML::ErrorMsg::END_OF_MAP_FLOW, "unclosed '{'"},
        {YAML::ErrorMsg::END_OF_SEQ_FLOW, "unclosed '['"},
        {YAML::ErrorMsg::BLOCK_ENTRY, "a list item ('- ') is not allowed here (wrong indentation?)"},
        {YAML::ErrorMsg::FLOW_END, "a closing bracket that does not match the open one"},
        {YAML::ErrorMsg::EOF_IN_SCALAR, "end of file inside a quoted string (missing closing quote?)"},
        {YAML::ErrorMsg::TAB_IN_INDENTATION, "a tab is used for indentation (YAML allows only spaces)"},
        {YAML::ErrorMsg::UNKNOWN_ANCHOR, "an alias ('*name') refers to an anchor ('&name') that is not defined"},
        {YAML::ErrorMsg::MULTIPLE_TAGS, "a value has two tags (for example '!Ref !Sub')"},
    };
    for (const Hint& h : hints)
        if (msg.rfind(h.yaml_cpp, 0) == 0) return std::string("invalid YAML: ") + h.ours;
    return "invalid YAML: " + msg;
}

// YAML forbids tabs in indentation, but yaml-cpp reports most such files as a
// structure error on the tab's line or the next: name the real cause.
std::optional<SourcePos> tab_indentation_near(std::string_view text, const LineTable& lines, uint32_t line) {
    for (uint32_t l = line > 1 ? line - 1 : 1; l <= line && l <= lines.line_count(); ++l) {
        size_t i = lines.line_start(l - 1);
        size_t col = 0;
        while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) {
            if (text[i] == '\t') return SourcePos{l, static_cast<uint32_t>(col + 1)};
            ++i;
            ++col;
        }
    }
    return std::nullopt;
}

}  // namespace

LoadResult load_yaml(std::string path, std::string_view text) {
    if (text.substr(0, 3) == "\xEF\xBB\xBF") text.remove_prefix(3);
    auto doc = std::make_unique<Document>();
    doc->path = std::move(path);
    LineTable lines(text);
    auto mark_offset = [&](const YAML::Mark& m) {
        return m.is_null() || m.pos < 0 ? size_t{0} : std::min(static_cast<size_t>(m.pos), text.size());
    };
    auto fail = [](std::string message, SourcePos pos) { return LoadResult{nullptr, LoadError{std::move(message), pos}}; };
    Builder builder(*doc, text, lines);
    try {
        ViewBuffer buffer(text);
        std::istream in(&buffer);
        YAML::Parser parser(in);
        while (parser.HandleNextDocument(builder)) {
        }
    } catch (const BuildError& e) {
        return fail(e.message, e.pos);
    } catch (const YAML::DeepRecursion&) {
        return fail("nesting deeper than " + std::to_string(kYamlMaxDepth) + " levels", builder.innermost());
    } catch (const YAML::Exception& e) {
        SourcePos p = lines.pos_of_offset(mark_offset(e.mark));
        // yaml-cpp reports an unclosed bracket where it gave up (often the
        // end of the file); the bracket itself is what needs fixing.
        bool unclosed = e.msg == YAML::ErrorMsg::END_OF_MAP_FLOW || e.msg == YAML::ErrorMsg::END_OF_SEQ_FLOW;
        if (const Node* open = builder.innermost_bracket(); unclosed && open)
            return fail(std::string("invalid YAML: unclosed '") + (open->is_mapping() ? "{" : "[") + "'", open->begin);
        // yaml-cpp marks a bad escape after it; point at its backslash.
        if (e.msg.rfind(YAML::ErrorMsg::INVALID_ESCAPE, 0) == 0) {
            size_t slash = text.rfind('\\', mark_offset(e.mark));
            if (slash != std::string_view::npos && lines.pos_of_offset(slash).line == p.line)
                p = lines.pos_of_offset(slash);
        }
        if (auto tab = tab_indentation_near(text, lines, p.line))
            return fail("invalid YAML: a tab is used for indentation (YAML allows only spaces)", *tab);
        return fail(explain(e.msg), p);
    } catch (const std::exception& e) {
        return fail(std::string("cannot read YAML: ") + e.what(), {1, 1});
    }
    if (!builder.root()) return fail("file is empty (only comments)", {1, 1});
    doc->root = builder.root();
    return {std::move(doc), std::nullopt};
}

}  // namespace vpclint
