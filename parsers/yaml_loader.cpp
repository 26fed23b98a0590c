// YAML text to the positioned document tree, through yaml-cpp's event API (its
// Node API keeps no end positions and expands aliases). CloudFormation
// short-form tags are rewritten to the long form here.
#include <yaml-cpp/depthguard.h>
#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <algorithm>
#include <sstream>
#include <unordered_map>

#include "core/document.h"
#include "parsers/text_positions.h"

namespace vpclint {

namespace {

struct BuildError {
    std::string message;
    SourcePos pos;
};

// The long-form key for a short-form tag: !Ref -> Ref, !Condition ->
// Condition, !Sub -> Fn::Sub (and any other !Name -> Fn::Name, so an unknown
// tag reaches the frontend as an unknown intrinsic rather than vanishing).
std::string long_form_key(const std::string& tag) {
    std::string name = tag.substr(1);
    if (name == "Ref" || name == "Condition") return name;
    return "Fn::" + name;
}

bool is_short_form_tag(const std::string& tag) {
    return tag.size() > 1 && tag[0] == '!' && tag[1] != '!' && tag.rfind("tag:", 0) != 0;
}

class Builder : public YAML::EventHandler {
public:
    Builder(Document& doc, std::string_view text) : doc_(doc), text_(text), lines_(text) {}

    void OnDocumentStart(const YAML::Mark& mark) override {
        if (++documents_ > 1) throw BuildError{"more than one YAML document in the file", pos(mark)};
    }
    void OnDocumentEnd() override {}

    void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        Node& n = doc_.make();
        n.kind = NodeKind::Null;
        n.begin = n.end = pos(mark);
        remember(anchor, &n, 1);
        add(&n, 1, mark);
    }

    void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
        auto it = anchors_.find(anchor);
        if (it == anchors_.end()) throw BuildError{"alias to an unknown or unfinished anchor", pos(mark)};
        add(it->second.first, it->second.second, mark);
    }

    void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  const std::string& value) override {
        size_t offset = lines_.offset_of(static_cast<size_t>(mark.line), static_cast<size_t>(mark.column));
        SourcePos tag_pos = pos(mark);
        offset = skip_tag(offset, tag);
        Node& n = doc_.make();
        n.kind = NodeKind::Scalar;
        n.text = value;
        n.begin = lines_.pos_of_offset(offset);
        n.end = lines_.pos_of_offset(scalar_end(offset, value));
        n.quoted = tag == "!" || tag == "tag:yaml.org,2002:str";
        const Node* result = &n;
        size_t weight = 1;
        if (is_short_form_tag(tag)) {
            const Node* arg = &n;
            if (tag == "!GetAtt") arg = split_get_att(n), ++weight;
            result = wrap(tag, arg, tag_pos, n.end);
            ++weight;
        }
        remember(anchor, result, weight);
        add(result, weight, mark);
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

private:
    struct Frame {
        Node* node;
        std::string tag;
        SourcePos tag_pos;
        YAML::anchor_t anchor;
        size_t weight = 1;
        bool have_key = false;  // mappings: a key was read, its value comes next
        std::string key;
        SourcePos key_begin, key_end;
        std::unordered_map<std::string, uint32_t> seen;  // key -> line, for duplicates
    };

    SourcePos pos(const YAML::Mark& m) const {
        if (m.is_null()) return {1, 1};
        return lines_.pos_of(static_cast<size_t>(m.line), static_cast<size_t>(m.column));
    }

    // yaml-cpp marks a tagged node at its tag; the value starts after it.
    size_t skip_tag(size_t offset, const std::string& tag) const {
        if (tag.empty() || tag == "?" || tag == "!" || offset >= text_.size() || text_[offset] != '!') return offset;
        size_t i = offset;
        while (i < text_.size() && text_[i] != ' ' && text_[i] != '\t' && text_[i] != '\n' && text_[i] != '\r') ++i;
        while (i < text_.size() && (text_[i] == ' ' || text_[i] == '\t')) ++i;
        return i;
    }

    size_t scalar_end(size_t o, const std::string& value) const {
        if (o >= text_.size()) return text_.size();
        char c = text_[o];
        if (c == '"' || c == '\'') {
            for (size_t j = o + 1; j < text_.size(); ++j) {
                if (c == '"' && text_[j] == '\\') {
                    ++j;
                } else if (text_[j] == c) {
                    if (c == '\'' && j + 1 < text_.size() && text_[j + 1] == '\'') {
                        ++j;
                        continue;
                    }
                    return j + 1;
                }
            }
            return text_.size();
        }
        if ((c == '|' || c == '>') && !value.empty()) {
            // A block scalar: its text ends on the line of its last content line.
            size_t lines = static_cast<size_t>(std::count(value.begin(), value.end(), '\n'));
            SourcePos start = lines_.pos_of_offset(o);
            size_t last = start.line - 1 + std::max<size_t>(lines, 1);
            size_t next = lines_.line_start(last + 1);
            return next > 0 && next <= text_.size() ? next - 1 : text_.size();
        }
        return std::min(text_.size(), o + value.size());
    }

    // `!GetAtt A.B.C` is Fn::GetAtt [A, B.C].
    const Node* split_get_att(const Node& s) {
        Node& seq = doc_.make();
        seq.kind = NodeKind::Sequence;
        seq.begin = s.begin;
        seq.end = s.end;
        size_t dot = s.text.find('.');
        Node& a = doc_.make();
        a.kind = NodeKind::Scalar;
        a.text = s.text.substr(0, dot);
        a.begin = s.begin;
        a.end = {s.begin.line, s.begin.col + static_cast<uint32_t>(a.text.size())};
        seq.items.push_back(&a);
        if (dot != std::string::npos) {
            Node& b = doc_.make();
            b.kind = NodeKind::Scalar;
            b.text = s.text.substr(dot + 1);
            b.begin = {s.begin.line, s.begin.col + static_cast<uint32_t>(dot + 1)};
            b.end = s.end;
            seq.items.push_back(&b);
        }
        return &seq;
    }

    const Node* wrap(const std::string& tag, const Node* value, SourcePos at, SourcePos end) {
        Node& m = doc_.make();
        m.kind = NodeKind::Mapping;
        m.begin = at;
        m.end = end;
        m.entries.push_back({long_form_key(tag), at, at, value});
        return &m;
    }

    void remember(YAML::anchor_t anchor, const Node* n, size_t weight) {
        if (anchor != YAML::NullAnchor) anchors_[anchor] = {n, weight};
    }

    void open(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor, NodeKind kind) {
        if (stack_.size() >= kMaxDepth)
            throw BuildError{"nesting deeper than " + std::to_string(kMaxDepth) + " levels", pos(mark)};
        Node& n = doc_.make();
        n.kind = kind;
        SourcePos p = pos(mark);
        size_t offset = skip_tag(lines_.offset_of(static_cast<size_t>(mark.line), static_cast<size_t>(mark.column)), tag);
        n.begin = lines_.pos_of_offset(offset);
        n.end = n.begin;
        Frame f{&n, is_short_form_tag(tag) ? tag : std::string(), p, anchor, 1, false, {}, {}, {}, {}};
        stack_.push_back(std::move(f));
    }

    void close() {
        Frame f = std::move(stack_.back());
        stack_.pop_back();
        Node* n = f.node;
        if (!n->items.empty()) n->end = n->items.back()->end;
        if (!n->entries.empty()) n->end = n->entries.back().value->end;
        if (n->kind == NodeKind::Mapping && f.have_key) {
            // A key with no value event (cannot happen with a well-formed stream).
            n->entries.push_back({f.key, f.key_begin, f.key_end, &null_node()});
        }
        const Node* result = n;
        size_t weight = f.weight;
        if (!f.tag.empty()) {
            result = wrap(f.tag, n, f.tag_pos, n->end);
            ++weight;
        }
        remember(f.anchor, result, weight);
        add(result, weight, YAML::Mark::null_mark(), f.tag_pos);
    }

    const Node& null_node() {
        Node& n = doc_.make();
        n.kind = NodeKind::Null;
        return n;
    }

    void add(const Node* n, size_t weight, const YAML::Mark& mark, SourcePos fallback = {}) {
        SourcePos at = mark.is_null() ? fallback : pos(mark);
        if (stack_.empty()) {
            root_ = n;
            return;
        }
        Frame& f = stack_.back();
        f.weight += weight;
        if (f.weight > kMaxExpandedNodes)
            throw BuildError{"YAML aliases expand to more than " + std::to_string(kMaxExpandedNodes) +
                                 " nodes (an alias bomb?)",
                             at};
        if (f.node->kind == NodeKind::Sequence) {
            f.node->items.push_back(n);
            return;
        }
        if (!f.have_key) {
            if (n->kind == NodeKind::Null) {
                f.key.clear();
            } else if (n->kind != NodeKind::Scalar) {
                throw BuildError{"a mapping key must be a plain string", n->begin};
            } else {
                f.key = n->text;
            }
            f.key_begin = n->begin;
            f.key_end = n->end;
            f.have_key = true;
            auto [it, fresh] = f.seen.emplace(f.key, f.key_begin.line);
            if (!fresh)
                throw BuildError{"duplicate key '" + f.key + "' (first at line " + std::to_string(it->second) + ")",
                                 f.key_begin};
            return;
        }
        f.node->entries.push_back({std::move(f.key), f.key_begin, f.key_end, n});
        f.key.clear();
        f.have_key = false;
    }

    Document& doc_;
    std::string_view text_;
    LineTable lines_;
    std::vector<Frame> stack_;
    std::unordered_map<YAML::anchor_t, std::pair<const Node*, size_t>> anchors_;
    const Node* root_ = nullptr;
    int documents_ = 0;
};

// yaml-cpp's messages are terse ("illegal map value"); say what usually causes them.
std::string explain(const std::string& msg) {
    if (msg.find("illegal map value") != std::string::npos)
        return "invalid YAML: a mapping value is not allowed here (wrong indentation or a missing space after ':'?)";
    if (msg.find("end of map not found") != std::string::npos)
        return "invalid YAML: mapping not closed (missing '}' or wrong indentation?)";
    if (msg.find("end of sequence not found") != std::string::npos)
        return "invalid YAML: sequence not closed (missing ']' or wrong indentation?)";
    if (msg.find("end of map flow not found") != std::string::npos) return "invalid YAML: unclosed '{'";
    if (msg.find("end of sequence flow not found") != std::string::npos) return "invalid YAML: unclosed '['";
    return "invalid YAML: " + msg;
}

}  // namespace

LoadResult load_yaml(std::string path, std::string_view text) {
    auto doc = std::make_unique<Document>();
    doc->path = std::move(path);
    LineTable lines(text);
    try {
        std::string copy(text);
        std::istringstream in(copy);
        YAML::Parser parser(in);
        Builder b(*doc, text);
        while (parser.HandleNextDocument(b)) {
        }
        if (!b.root()) return {nullptr, LoadError{"file is empty (no YAML document)", {1, 1}}};
        doc->root = b.root();
    } catch (const BuildError& e) {
        return {nullptr, LoadError{e.message, e.pos}};
    } catch (const YAML::DeepRecursion& e) {
        // yaml-cpp stops at 500 nested levels (its message for it says "bad file").
        SourcePos p = e.mark.is_null() ? SourcePos{1, 1}
                                       : lines.pos_of(static_cast<size_t>(e.mark.line), static_cast<size_t>(e.mark.column));
        return {nullptr, LoadError{"invalid YAML: nesting deeper than 500 levels", p}};
    } catch (const YAML::Exception& e) {
        SourcePos p = e.mark.is_null() ? SourcePos{1, 1}
                                       : lines.pos_of(static_cast<size_t>(e.mark.line), static_cast<size_t>(e.mark.column));
        // YAML forbids tabs in indentation; yaml-cpp reports it as a structure error.
        for (uint32_t l = p.line > 1 ? p.line - 1 : 1; l <= p.line; ++l) {
            size_t start = lines.line_start(l - 1);
            size_t ws = start;
            while (ws < text.size() && (text[ws] == ' ' || text[ws] == '\t')) ++ws;
            if (text.substr(start, ws - start).find('\t') != std::string_view::npos)
                return {nullptr, LoadError{"invalid YAML: a tab is used for indentation (YAML allows only spaces)",
                                           {l, 1}}};
        }
        return {nullptr, LoadError{explain(e.msg), p}};
    } catch (const std::exception& e) {
        return {nullptr, LoadError{std::string("cannot read YAML: ") + e.what(), {1, 1}}};
    }
    return {std::move(doc), std::nullopt};
}

}  // namespace vpclint
