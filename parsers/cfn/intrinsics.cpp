#include "parsers/cfn/intrinsics.h"

#include <algorithm>
#include <charconv>

namespace vpclint::cfn {

using Kind = EValue::Kind;

std::string intrinsic_name(const Node* n) {
    if (!n || !n->is_mapping() || n->entries.size() != 1) return {};
    const std::string& k = n->entries[0].key;
    if (k == "Ref" || k.rfind("Fn::", 0) == 0) return k;
    return {};
}

namespace {

// The stand-in for "a value the template does not name" while conditions are
// evaluated; no template literal starts with a control character.
constexpr std::string_view kOtherValue = "\x01other value of ";

EValue from_text_list(const Node* at, const std::string& text, bool literal) {
    EValue list;
    list.kind = Kind::List;
    list.node = at;
    list.literal = literal;
    size_t start = 0;
    if (text.empty()) return list;
    while (true) {
        size_t comma = text.find(',', start);
        std::string part = text.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
        // CloudFormation trims the spaces around list parameter items.
        size_t b = part.find_first_not_of(' '), e = part.find_last_not_of(' ');
        list.items.push_back(EValue::scalar(b == std::string::npos ? "" : part.substr(b, e - b + 1), at, literal));
        if (comma == std::string::npos) break;
        start = comma + 1;
    }
    return list;
}

// Text of a value for Sub/Join: known text, or the partial rendering.
struct Piece {
    bool known = false;
    std::string text;
};

Piece piece_of(const EValue& v, const std::string& placeholder) {
    if (v.kind == Kind::Scalar) return {true, v.text};
    if (v.kind == Kind::Unknown && !v.aux.empty()) return {false, v.aux};
    return {false, "${" + placeholder + "}"};
}

void add_mentions(EValue& out, const EValue& part) {
    if (part.kind == Kind::ResourceRef) out.mentions.emplace_back(part.text, part.aux);
    for (const auto& m : part.mentions) out.mentions.push_back(m);
    for (const auto& i : part.items) add_mentions(out, i);
}

}  // namespace

bool Evaluator::exists(const ResourceInfo& r) {
    return r.condition.empty() || condition(r.condition) != Tri::No;
}

Tri Evaluator::condition(const std::string& name) {
    if (auto it = conditions_.find(name); it != conditions_.end()) return it->second;
    auto def = tpl_.conditions.find(name);
    if (def == tpl_.conditions.end()) return Tri::Unknown;
    if (condition_depth_ > 64) return Tri::Unknown;  // a cycle: CloudFormation rejects it
    conditions_[name] = Tri::Unknown;                // guards against cycles meanwhile
    ++condition_depth_;
    EValue v = eval(def->second);
    --condition_depth_;
    Tri t = Tri::Unknown;
    if (v.kind == Kind::Scalar) t = v.text == "true" ? Tri::Yes : v.text == "false" ? Tri::No : Tri::Unknown;
    conditions_[name] = t;
    return t;
}

EValue Evaluator::eval(const Node* n) {
    if (!n) return EValue{};
    if (eval_depth_ >= kMaxEvalDepth)
        return EValue::unknown("values nest more than " + std::to_string(kMaxEvalDepth) + " levels deep", n);
    struct Depth {
        unsigned& d;
        explicit Depth(unsigned& x) : d(x) { ++d; }
        ~Depth() { --d; }
    } depth(eval_depth_);
    switch (n->kind) {
        case NodeKind::Null: {
            EValue v;
            v.node = n;
            return v;
        }
        case NodeKind::Scalar: {
            EValue v = EValue::scalar(n->text, n, true);
            v.quoted = n->quoted;
            return v;
        }
        case NodeKind::Sequence: {
            EValue v;
            v.kind = Kind::List;
            v.node = n;
            v.literal = true;
            for (const Node* i : n->items) {
                EValue item = eval(i);
                if (item.kind == Kind::NoValue) continue;
                v.items.push_back(std::move(item));
            }
            return v;
        }
        case NodeKind::Mapping: {
            std::string fn = intrinsic_name(n);
            if (!fn.empty()) return eval_intrinsic(n, fn, n->entries[0].value);
            EValue v;
            v.kind = Kind::Map;
            v.node = n;
            v.literal = true;
            for (const MapEntry& e : n->entries) {
                EValue item = eval(e.value);
                if (item.kind == Kind::NoValue) continue;
                v.fields.emplace_back(e.key, std::move(item));
                v.field_keys.push_back(&e);
            }
            return v;
        }
    }
    return EValue{};
}

EValue Evaluator::parameter_value(const Node* at, const ParameterInfo& p, const std::string& value) {
    if (p.is_list()) return from_text_list(at, value, false);
    return EValue::scalar(value, at, false);
}

EValue Evaluator::ref(const Node* at, const std::string& name) {
    if (name == "AWS::NoValue") {
        EValue v;
        v.kind = Kind::NoValue;
        v.node = at;
        return v;
    }
    if (auto it = scenario_.atoms.find(name); it != scenario_.atoms.end()) {
        const ParameterInfo* p = tpl_.parameter(name);
        if (it->second) {
            if (p) return parameter_value(at, *p, *it->second);
            return EValue::scalar(*it->second, at, false);
        }
        // Inside a condition, "some other value" is one that equals no
        // literal the template compares it with: the condition is decided
        // (`!Not [!Equals [!Join [",", !Ref Ids], ""]]` is true), while the
        // properties that use the parameter stay unknown.
        if (condition_depth_ > 0) {
            std::string other = std::string(kOtherValue) + name;
            if (p) return parameter_value(at, *p, other);
            return EValue::scalar(other, at, false);
        }
        return EValue::unknown("parameter " + name + " has a value the template does not name", at,
                               "${" + name + "}");
    }
    if (const ParameterInfo* p = tpl_.parameter(name)) {
        if (p->is_ssm())
            return EValue::unknown("parameter " + name + " is read from SSM Parameter Store at deploy time", at,
                                   "${" + name + "}");
        if (p->user_value) return parameter_value(at, *p, *p->user_value);
        if (p->default_value && p->default_value->empty() && scenario_.optional_inputs_given && condition_depth_ == 0)
            return EValue::unknown("parameter " + name + " is empty by default, and this scenario gives optional inputs",
                                   at, "${" + name + "}");
        if (p->default_value) return parameter_value(at, *p, *p->default_value);
        EValue u = EValue::unknown("parameter " + name + " has no value", at, "${" + name + "}");
        // A parent stack may pass it in (cli/link_nested_stacks); a list
        // parameter is passed as its items joined with commas.
        u.parameter = name;
        if (p->is_list()) u.split = ",";
        return u;
    }
    if (is_pseudo_parameter(name)) {
        if (name == "AWS::NotificationARNs") return EValue::unknown("pseudo parameter " + name, at);
        return EValue::unknown("pseudo parameter " + name + " is set at deploy time", at, "${" + name + "}");
    }
    const ResourceInfo* r = tpl_.resource(name);
    if (!r) r = tpl_.generated_by(name);  // exists when the resource that generates it does
    if (r) {
        if (!exists(*r)) return EValue::unknown("resource " + name + " does not exist in this scenario", at);
        EValue v;
        v.kind = Kind::ResourceRef;
        v.text = name;
        v.node = at;
        return v;
    }
    return EValue::unknown("Ref to " + name + ", which the template does not define", at, "${" + name + "}");
}

EValue Evaluator::eval_intrinsic(const Node* n, const std::string& fn, const Node* arg) {
    if (fn == "Ref") {
        EValue name = eval(arg);
        if (name.kind != Kind::Scalar) return EValue::unknown("Ref with a computed name", n);
        return ref(n, name.text);
    }
    if (fn == "Fn::GetAtt") {
        std::string id, attr;
        if (arg->is_sequence() && arg->items.size() == 2 && arg->items[0]->is_scalar()) {
            id = arg->items[0]->text;
            EValue a = eval(arg->items[1]);
            if (a.kind != Kind::Scalar) return EValue::unknown("Fn::GetAtt with a computed attribute", n);
            attr = a.text;
        } else if (arg->is_scalar()) {
            size_t dot = arg->text.find('.');
            id = arg->text.substr(0, dot);
            attr = dot == std::string::npos ? "" : arg->text.substr(dot + 1);
        } else {
            return EValue::unknown("malformed Fn::GetAtt", n);
        }
        const ResourceInfo* r = tpl_.resource(id);
        if (!r) r = tpl_.generated_by(id);
        if (!r) return EValue::unknown("Fn::GetAtt on " + id + ", which the template does not define", n);
        if (!exists(*r)) return EValue::unknown("resource " + id + " does not exist in this scenario", n);
        EValue v;
        v.kind = Kind::ResourceRef;
        v.text = id;
        v.aux = attr;
        v.node = n;
        return v;
    }
    if (fn == "Fn::Sub") return sub(n, arg);
    if (fn == "Fn::Join") return join(n, arg);
    if (fn == "Fn::Select") return select(n, arg);
    if (fn == "Fn::Split") return split(n, arg);
    if (fn == "Fn::If") return if_(n, arg);
    if (fn == "Fn::FindInMap") return find_in_map(n, arg);
    if (fn == "Fn::Equals" || fn == "Fn::And" || fn == "Fn::Or" || fn == "Fn::Not")
        return condition_value(n, arg, fn);
    if (fn == "Fn::Base64") {
        EValue v = eval(arg);
        v.node = n;
        return v;
    }
    if (fn == "Fn::ImportValue") {
        EValue name = eval(arg);
        EValue v = EValue::unknown("imported from another stack (" +
                                       (name.kind == Kind::Scalar ? name.text : std::string("computed export name")) + ")",
                                   n);
        // A name built from pseudo parameters ("${AWS::StackName}-Subnets")
        // keeps its partial rendering: the linker knows the stack's name.
        v.import_name = name.kind == Kind::Scalar ? name.text : name.kind == Kind::Unknown ? name.aux : std::string();
        return v;
    }
    if (fn == "Fn::GetAZs") return EValue::unknown("availability zones of the region", n);
    if (fn == "Fn::Cidr") return EValue::unknown("CIDR blocks computed by Fn::Cidr", n);
    if (fn == "Fn::Transform") return EValue::unknown("output of a macro (Fn::Transform)", n);
    if (fn == "Fn::Length") return length(n, arg);
    if (fn == "Fn::ToJsonString") return to_json_string(n, arg);
    if (fn == "Fn::GetStackOutput" ||
        fn.rfind("Fn::ForEach", 0) == 0)
        return EValue::unknown("computed by " + fn, n);
    return EValue::unknown("unknown intrinsic function " + fn, n);
}

EValue Evaluator::length(const Node* at, const Node* arg) {
    EValue list = eval(arg);
    if (list.kind != Kind::List)
        return EValue::unknown(list.kind == Kind::Unknown ? list.text : "Fn::Length of a computed list", at);
    return EValue::scalar(std::to_string(list.items.size()), at, list.literal);
}

namespace {

bool plain_json_scalar(const EValue& v) {
    if (v.quoted) return false;
    const std::string& t = v.text;
    if (t == "true" || t == "false" || t == "null") return true;
    if (t.empty()) return false;
    size_t i = t[0] == '-' ? 1 : 0;
    if (i == t.size()) return false;
    bool dot = false;
    for (; i < t.size(); ++i) {
        if (t[i] == '.' && !dot) dot = true;
        else if (t[i] < '0' || t[i] > '9') return false;
    }
    return t.back() != '.';
}

void json_string(const std::string& s, std::string& out) {
    static constexpr char kHex[] = "0123456789abcdef";
    out += '"';
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') out += '\\', out += static_cast<char>(c);
        else if (c == '\n') out += "\\n";
        else if (c == '\t') out += "\\t";
        else if (c == '\r') out += "\\r";
        else if (c < 0x20) out += "\\u00", out += kHex[c >> 4], out += kHex[c & 15];
        else out += static_cast<char>(c);
    }
    out += '"';
}

// False when a part of the value is not known.
bool render_json(const EValue& v, std::string& out, unsigned depth) {
    if (depth > kMaxDepth) return false;
    switch (v.kind) {
        case Kind::Scalar:
            if (plain_json_scalar(v)) out += v.text;
            else json_string(v.text, out);
            return true;
        case Kind::Null: out += "null"; return true;
        case Kind::List:
            out += '[';
            for (size_t i = 0; i < v.items.size(); ++i) {
                if (i) out += ',';
                if (!render_json(v.items[i], out, depth + 1)) return false;
            }
            out += ']';
            return true;
        case Kind::Map:
            out += '{';
            for (size_t i = 0; i < v.fields.size(); ++i) {
                if (i) out += ',';
                json_string(v.fields[i].first, out);
                out += ':';
                if (!render_json(v.fields[i].second, out, depth + 1)) return false;
            }
            out += '}';
            return true;
        default: return false;
    }
}

}  // namespace

EValue Evaluator::to_json_string(const Node* at, const Node* arg) {
    EValue v = eval(arg);
    std::string text;
    if (v.kind != Kind::List && v.kind != Kind::Map) return EValue::unknown("Fn::ToJsonString of a non-object", at);
    if (!render_json(v, text, 0)) {
        EValue u = EValue::unknown("Fn::ToJsonString of a value with unknown parts", at);
        add_mentions(u, v);
        for (const auto& f : v.fields) add_mentions(u, f.second);
        return u;
    }
    EValue out = EValue::scalar(std::move(text), at, v.literal);
    out.quoted = true;
    return out;
}

EValue Evaluator::sub(const Node* at, const Node* arg) {
    const Node* tmpl = arg;
    const Node* vars = nullptr;
    if (arg->is_sequence() && !arg->items.empty()) {
        tmpl = arg->items[0];
        if (arg->items.size() > 1) vars = arg->items[1];
    }
    EValue tv = eval(tmpl);
    if (tv.kind != Kind::Scalar) return EValue::unknown("Fn::Sub with a computed template", at);
    const std::string& s = tv.text;

    auto var_value = [&](const std::string& name) -> EValue {
        if (vars && vars->is_mapping())
            if (const Node* v = vars->get(name)) return eval(v);
        size_t dot = name.find('.');
        if (dot != std::string::npos && !tpl_.parameter(name) && !is_pseudo_parameter(name)) {
            std::string id = name.substr(0, dot);
            const ResourceInfo* r = tpl_.resource(id);
            if (!r) r = tpl_.generated_by(id);
            if (!r) return EValue::unknown("Fn::Sub names " + id + ", which the template does not define", at);
            EValue v;
            v.kind = Kind::ResourceRef;
            v.text = id;
            v.aux = name.substr(dot + 1);
            v.node = at;
            return v;
        }
        return ref(at, name);
    };

    // A template that is exactly one variable is that variable's value
    // (`!Sub ${Subnet}` is the subnet's id).
    if (s.size() > 3 && s.rfind("${", 0) == 0 && s.find("${", 2) == std::string::npos && s.back() == '}' &&
        s.find('}') == s.size() - 1 && s[2] != '!') {
        EValue v = var_value(s.substr(2, s.size() - 3));
        v.node = at;
        return v;
    }

    EValue out;
    out.node = at;
    std::string text;
    bool all_known = true;
    bool literal = tv.literal;
    std::string reason;
    size_t i = 0;
    while (i < s.size()) {
        size_t open = s.find("${", i);
        if (open == std::string::npos) {
            text += s.substr(i);
            break;
        }
        text += s.substr(i, open - i);
        size_t close = s.find('}', open);
        if (close == std::string::npos) {
            text += s.substr(open);
            break;
        }
        std::string name = s.substr(open + 2, close - open - 2);
        i = close + 1;
        if (size_t b = name.find_first_not_of(' '); b != std::string::npos && (b > 0 || name.back() == ' '))
            name = name.substr(b, name.find_last_not_of(' ') - b + 1);
        if (!name.empty() && name[0] == '!') {  // ${!Literal} is written as ${Literal}
            text += "${" + name.substr(1) + "}";
            continue;
        }
        EValue v = var_value(name);
        add_mentions(out, v);
        Piece p = piece_of(v, v.kind == Kind::ResourceRef && !v.aux.empty() ? v.text + "." + v.aux : name);
        text += p.text;
        if (!p.known) {
            all_known = false;
            if (reason.empty())
                reason = v.kind == Kind::Unknown ? v.text : v.kind == Kind::ResourceRef ? "depends on resource " + v.text : "computed by Fn::Sub";
        }
        literal = literal && v.literal;
    }
    if (all_known) {
        out.kind = Kind::Scalar;
        out.text = std::move(text);
        out.literal = literal;
        return out;
    }
    out.kind = Kind::Unknown;
    out.text = std::move(reason);
    out.aux = std::move(text);
    return out;
}

EValue Evaluator::join(const Node* at, const Node* arg) {
    if (!arg->is_sequence() || arg->items.size() != 2) return EValue::unknown("malformed Fn::Join", at);
    EValue delim = eval(arg->items[0]);
    EValue list = eval(arg->items[1]);
    return join_values(at, delim, list);
}

EValue Evaluator::join_values(const Node* at, const EValue& delim, const EValue& list) {
    if (delim.kind != Kind::Scalar || list.kind != Kind::List) {
        EValue u = EValue::unknown(list.kind == Kind::Unknown ? list.text : "Fn::Join of a computed list", at);
        add_mentions(u, list);
        return u;
    }
    // A join of one import alone is that import (`!Join ["", [!ImportValue X]]`).
    if (list.items.size() == 1 && list.items[0].kind == Kind::Unknown && !list.items[0].import_name.empty()) {
        EValue v = list.items[0];
        v.node = at;
        return v;
    }
    EValue out;
    out.node = at;
    std::string text, reason;
    bool all_known = true, literal = list.literal;
    for (size_t i = 0; i < list.items.size(); ++i) {
        if (i) text += delim.text;
        const EValue& part = list.items[i];
        add_mentions(out, part);
        Piece p = piece_of(part, part.kind == Kind::ResourceRef ? part.text + (part.aux.empty() ? "" : "." + part.aux) : "?");
        text += p.text;
        if (!p.known) {
            all_known = false;
            if (reason.empty()) reason = part.kind == Kind::Unknown ? part.text : "depends on resource " + part.text;
        }
        literal = literal && part.literal;
    }
    if (all_known) {
        out.kind = Kind::Scalar;
        out.text = std::move(text);
        out.literal = literal;
        return out;
    }
    out.kind = Kind::Unknown;
    out.text = std::move(reason);
    out.aux = std::move(text);
    return out;
}

EValue Evaluator::select(const Node* at, const Node* arg) {
    if (!arg->is_sequence() || arg->items.size() != 2) return EValue::unknown("malformed Fn::Select", at);
    EValue idx = eval(arg->items[0]);
    EValue list = eval(arg->items[1]);
    size_t index = 0;
    bool index_known = false;
    if (idx.kind == Kind::Scalar) {
        auto [p, ec] = std::from_chars(idx.text.data(), idx.text.data() + idx.text.size(), index);
        index_known = ec == std::errc() && p == idx.text.data() + idx.text.size();
    }
    if (index_known && list.kind == Kind::List) {
        if (index < list.items.size()) {
            EValue v = list.items[index];
            if (v.node == list.node || !v.node) v.node = at;
            return v;
        }
        return EValue::unknown("Fn::Select index " + idx.text + " is out of range", at);
    }
    if (index_known && list.kind == Kind::Unknown && list.text == "availability zones of the region")
        return EValue::unknown("availability zone " + idx.text + " of the region", at,
                               "${AWS::Region}#az" + idx.text);
    EValue u = EValue::unknown(list.kind == Kind::Unknown ? list.text : "Fn::Select with a computed index", at);
    // An item of an import (or nested output) split into a list: a linker
    // may know it (`!Select [0, !Split [",", !ImportValue PrivateSubnets]]`).
    if (index_known && list.kind == Kind::Unknown && !list.split.empty() && list.split_index < 0 &&
        index < (size_t{1} << 20)) {
        u.import_name = list.import_name;
        u.nested_output = list.nested_output;
        u.parameter = list.parameter;
        u.split = list.split;
        u.split_index = static_cast<int64_t>(index);
    }
    return u;
}

std::optional<EValue> Evaluator::split_of_join(const Node* at, const std::string& delim, const EValue& jdelim,
                                               const EValue& parts) {
    if (jdelim.kind != Kind::Scalar || jdelim.text != delim || parts.kind != Kind::List) return std::nullopt;
    EValue list;
    list.kind = Kind::List;
    list.node = at;
    for (const EValue& part : parts.items) {
        const ResourceInfo* r = part.kind == Kind::ResourceRef ? tpl_.resource(part.text) : nullptr;
        if (part.kind == Kind::Scalar) {
            for (size_t start = 0;;) {
                size_t pos = part.text.find(delim, start);
                list.items.push_back(EValue::scalar(
                    part.text.substr(start, pos == std::string::npos ? std::string::npos : pos - start), at, part.literal));
                if (pos == std::string::npos) break;
                start = pos + delim.size();
            }
        } else if (r && (r->type == "AWS::CloudFormation::Stack" || r->type == "AWS::Serverless::Application") &&
                   part.aux.rfind("Outputs.", 0) == 0 && part.aux.size() > 8) {
            EValue item = EValue::unknown("Fn::Split of " + part.text + "." + part.aux + " (" + r->type + ")", at);
            item.nested_output = {part.text, part.aux.substr(8)};
            item.split = delim;
            item.split_index = 0;
            item.split_single = true;
            list.items.push_back(std::move(item));
        } else if (part.kind == Kind::ResourceRef) {
            // A resource's id or ARN holds no delimiter: one item.
            EValue item = part;
            item.node = at;
            list.items.push_back(std::move(item));
        } else if (part.kind == Kind::Unknown && part.split.empty() &&
                   (!part.import_name.empty() || !part.parameter.empty())) {
            // An import (or a parameter a parent passes) split: a linker
            // resolves it when its value is one item.
            EValue item = part;
            item.node = at;
            item.split = delim;
            item.split_index = 0;
            item.split_single = true;
            list.items.push_back(std::move(item));
        } else {
            return std::nullopt;  // a part nothing can know: the whole list stays unknown
        }
    }
    return list;
}

EValue Evaluator::split(const Node* at, const Node* arg) {
    if (!arg->is_sequence() || arg->items.size() != 2) return EValue::unknown("malformed Fn::Split", at);
    EValue delim = eval(arg->items[0]);
    // A split of a join: its parts are evaluated once (a nesting of them
    // stays linear), and split item by item when the join is not known.
    const Node* joined = arg->items[1];
    const Node* jarg = intrinsic_name(joined) == "Fn::Join" && joined->is_mapping() && joined->entries.size() == 1
                           ? joined->entries.front().value
                           : nullptr;
    EValue str;
    if (jarg && jarg->is_sequence() && jarg->items.size() == 2) {
        EValue jdelim = eval(jarg->items[0]);
        EValue parts = eval(jarg->items[1]);
        str = join_values(joined, jdelim, parts);
        if (delim.kind == Kind::Scalar && !delim.text.empty() && str.kind == Kind::Unknown)
            if (std::optional<EValue> items = split_of_join(at, delim.text, jdelim, parts)) return std::move(*items);
    } else {
        str = eval(joined);
    }
    if (delim.kind != Kind::Scalar || delim.text.empty() || str.kind != Kind::Scalar) {
        EValue u = EValue::unknown(str.kind == Kind::Unknown ? str.text : "Fn::Split of a computed value", at);
        // An import or a nested stack's output split into a list (the
        // exporting stack joined its subnets): a linker may know the items.
        if (delim.kind == Kind::Scalar && !delim.text.empty() && str.split.empty()) {
            const ResourceInfo* r = str.kind == Kind::ResourceRef ? tpl_.resource(str.text) : nullptr;
            if (str.kind == Kind::Unknown && (!str.import_name.empty() || !str.parameter.empty())) {
                u.import_name = str.import_name;
                u.parameter = str.parameter;
                u.split = delim.text;
            } else if (r && (r->type == "AWS::CloudFormation::Stack" || r->type == "AWS::Serverless::Application") &&
                       str.aux.rfind("Outputs.", 0) == 0 && str.aux.size() > 8) {
                u.text = "Fn::Split of " + str.text + "." + str.aux + " (" + r->type + ")";
                u.nested_output = {str.text, str.aux.substr(8)};
                u.split = delim.text;
            }
        }
        return u;
    }
    EValue list;
    list.kind = Kind::List;
    list.node = at;
    list.literal = str.literal;
    size_t start = 0;
    while (true) {
        size_t pos = str.text.find(delim.text, start);
        list.items.push_back(EValue::scalar(str.text.substr(start, pos == std::string::npos ? std::string::npos : pos - start),
                                            at, str.literal));
        if (pos == std::string::npos) break;
        start = pos + delim.text.size();
    }
    return list;
}

EValue Evaluator::if_(const Node* at, const Node* arg) {
    if (!arg->is_sequence() || arg->items.size() != 3 || !arg->items[0]->is_scalar())
        return EValue::unknown("malformed Fn::If", at);
    const std::string& name = arg->items[0]->text;
    switch (condition(name)) {
        case Tri::Yes: return eval(arg->items[1]);
        case Tri::No: return eval(arg->items[2]);
        case Tri::Unknown: break;
    }
    return EValue::unknown("depends on condition " + name + ", which cannot be decided", at);
}

EValue Evaluator::find_in_map(const Node* at, const Node* arg) {
    if (!arg->is_sequence() || arg->items.size() < 3) return EValue::unknown("malformed Fn::FindInMap", at);
    const Node* fallback = nullptr;
    if (arg->items.size() > 3 && arg->items[3]->is_mapping()) fallback = arg->items[3]->get("DefaultValue");
    std::string keys[3];
    bool keyed_by_parameter = false;
    for (int i = 0; i < 3; ++i) {
        EValue k = eval(arg->items[i]);
        keyed_by_parameter = keyed_by_parameter || !k.literal;
        if (k.kind != Kind::Scalar) {
            EValue u = EValue::unknown("Fn::FindInMap with a computed key (" + (k.kind == Kind::Unknown ? k.text : "?") + ")", at);
            return u;
        }
        keys[i] = k.text;
    }
    const Node* m = tpl_.mappings ? tpl_.mappings->get(keys[0]) : nullptr;
    const Node* top = m ? m->get(keys[1]) : nullptr;
    const Node* val = top ? top->get(keys[2]) : nullptr;
    if (!val) {
        if (fallback) return eval(fallback);
        return EValue::unknown("Fn::FindInMap finds no entry " + keys[0] + "/" + keys[1] + "/" + keys[2], at);
    }
    // Mapping values are literals of the template. With literal keys the
    // finding belongs where the value is used (the call site); with a key
    // from a parameter the entry that scenario selects is what is wrong.
    if (std::find(active_map_values_.begin(), active_map_values_.end(), val) != active_map_values_.end())
        return EValue::unknown("Fn::FindInMap " + keys[0] + "/" + keys[1] + "/" + keys[2] + " refers back to itself", at);
    active_map_values_.push_back(val);
    EValue v = eval(val);
    active_map_values_.pop_back();
    if (!keyed_by_parameter || !v.node) v.node = at;
    v.literal = true;
    for (auto& item : v.items) item.literal = true;
    return v;
}

EValue Evaluator::condition_value(const Node* at, const Node* arg, const std::string& fn) {
    auto truth = [&](const Node* n) -> Tri {
        if (n->is_mapping() && n->entries.size() == 1 && n->entries[0].key == "Condition" &&
            n->entries[0].value->is_scalar())
            return condition(n->entries[0].value->text);
        EValue v = eval(n);
        if (v.kind == Kind::Scalar) return v.text == "true" ? Tri::Yes : v.text == "false" ? Tri::No : Tri::Unknown;
        return Tri::Unknown;
    };
    auto result = [&](Tri t) {
        if (t == Tri::Unknown) return EValue::unknown("condition cannot be decided", at);
        return EValue::scalar(t == Tri::Yes ? "true" : "false", at, false);
    };
    if (!arg->is_sequence()) return EValue::unknown("malformed " + fn, at);
    if (fn == "Fn::Equals") {
        if (arg->items.size() != 2) return EValue::unknown("malformed Fn::Equals", at);
        EValue a = eval(arg->items[0]), b = eval(arg->items[1]);
        if (a.kind == Kind::Scalar && b.kind == Kind::Scalar) return result(a.text == b.text ? Tri::Yes : Tri::No);
        if (a.kind == Kind::List && b.kind == Kind::List && a.items.empty() && b.items.empty()) return result(Tri::Yes);
        return result(Tri::Unknown);
    }
    if (fn == "Fn::Not") {
        if (arg->items.size() != 1) return EValue::unknown("malformed Fn::Not", at);
        Tri t = truth(arg->items[0]);
        return result(t == Tri::Yes ? Tri::No : t == Tri::No ? Tri::Yes : Tri::Unknown);
    }
    bool is_and = fn == "Fn::And";
    Tri acc = is_and ? Tri::Yes : Tri::No;
    for (const Node* i : arg->items) {
        Tri t = truth(i);
        if (is_and) {
            if (t == Tri::No) return result(Tri::No);
            if (t == Tri::Unknown) acc = Tri::Unknown;
        } else {
            if (t == Tri::Yes) return result(Tri::Yes);
            if (t == Tri::Unknown) acc = Tri::Unknown;
        }
    }
    return result(acc);
}

}  // namespace vpclint::cfn
