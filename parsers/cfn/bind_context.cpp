#include "parsers/cfn/bind_context.h"

#include <nlohmann/json.hpp>

#include "parsers/cfn/template_paths.h"
#include "parsers/json_depth.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

// Every Location a binder makes carries its property path
// (parsers/cfn/template_paths.h), for baseline entries.
Location BindContext::loc(const Node* n) const {
    return n ? with_path(tpl.doc->location(*n), *tpl.doc) : Location{tpl.doc->path};
}

Location BindContext::loc(const EValue& v, const Node* fallback) const { return loc(v.node ? v.node : fallback); }

Location BindContext::key_loc(const EValue& map, std::string_view key) const {
    if (const MapEntry* e = map.field_key(key)) return entry_loc(*e);
    return loc(map.node);
}

Location BindContext::entry_loc(const MapEntry& e) const { return with_path(tpl.doc->key_location(e), *tpl.doc); }

void init_entity(Entity& e, const ResourceInfo& r, const Document& doc) {
    e.id = r.id;
    e.type = r.type;
    e.loc = with_path(doc.key_location(*r.entry), doc);
}

namespace {

std::string describe_ref(const EValue& v) {
    return v.aux.empty() ? "the id of " + v.text : v.text + "." + v.aux;
}

}  // namespace

Text BindContext::text(const EValue* v, const Node* fallback) const {
    Text t;
    if (!v || v->kind == Kind::NoValue) return t;
    t.present = true;
    t.loc = loc(*v, fallback);
    switch (v->kind) {
        case Kind::Scalar:
            t.known = true;
            t.value = v->text;
            t.literal = v->literal;
            break;
        case Kind::Null:
            t.known = true;
            break;
        case Kind::Unknown:
            t.reason = v->text;
            t.value = v->aux;
            break;
        case Kind::ResourceRef:
            t.reason = "depends on " + describe_ref(*v);
            t.value = "${" + v->text + (v->aux.empty() ? "" : "." + v->aux) + "}";
            break;
        default:
            t.reason = "a list or mapping where text is expected";
            break;
    }
    return t;
}

Flag BindContext::flag(const EValue* v, Tri default_value, const Node* fallback) const {
    Flag f;
    f.value = default_value;
    if (!v || v->kind == Kind::NoValue || v->kind == Kind::Null) return f;
    f.present = true;
    f.loc = loc(*v, fallback);
    if (v->kind == Kind::Scalar) {
        std::string s = v->text;
        for (char& ch : s) ch = static_cast<char>(std::tolower(static_cast<unsigned char>(ch)));
        if (s == "true") f.value = Tri::Yes;
        else if (s == "false") f.value = Tri::No;
        else {
            f.value = Tri::Unknown;
            f.reason = "'" + v->text + "' is not a boolean";
        }
    } else {
        f.value = Tri::Unknown;
        f.reason = v->kind == Kind::Unknown ? v->text : "computed value";
    }
    return f;
}

namespace {

// Whether an unknown value is one a linker may find (an import, a nested
// stack's output, a parameter a parent passes in).
bool reads_published(const EValue& v) {
    return !v.import_name.empty() || !v.nested_output.first.empty() || !v.parameter.empty();
}

}  // namespace

Link BindContext::link(const EValue* v, EntityKind expected, const Node* fallback) const {
    Link l;
    if (!v || v->kind == Kind::NoValue || v->kind == Kind::Null) return l;
    l.loc = loc(*v, fallback);
    l.literal = v->literal;
    if (v->from_globals) l.origin = "Globals";
    switch (v->kind) {
        case Kind::ResourceRef: {
            auto it = entities.find(v->text);
            if (it != entities.end() && it->second.kind == expected) {
                l.state = LinkState::Resolved;
                l.index = it->second.index;
                return l;
            }
            const ResourceInfo* r = tpl.resource(v->text);
            l.state = LinkState::Unknown;
            l.text = describe_ref(*v) + (r ? " (" + r->type + ")" : "");
            if (r && (r->type == "AWS::CloudFormation::Stack" || r->type == "AWS::Serverless::Application") &&
                v->aux.rfind("Outputs.", 0) == 0 && v->aux.size() > 8) {
                LinkImport imp;
                imp.nested_output = {v->text, v->aux.substr(8)};
                l.import = LinkImportRef(std::move(imp));
            }
            return l;
        }
        case Kind::Scalar:
            l.state = LinkState::External;
            l.text = v->text;
            return l;
        case Kind::Unknown:
            l.state = LinkState::Unknown;
            l.text = v->text;
            // A whole split list is no one id; one item of it is.
            if ((v->split.empty() || v->split_index >= 0) && reads_published(*v)) {
                LinkImport imp;
                imp.imported = v->import_name;
                imp.nested_output = v->nested_output;
                imp.parameter = v->parameter;
                if (v->split_index >= 0) {
                    imp.split = v->split;
                    imp.split_index = static_cast<uint32_t>(v->split_index);
                    imp.single = v->split_single;
                }
                l.import = LinkImportRef(std::move(imp));
            }
            return l;
        default:
            l.state = LinkState::Unknown;
            l.text = "a list or mapping where one id is expected";
            return l;
    }
}

LinkList BindContext::links(const EValue* v, EntityKind expected, const Node* fallback) const {
    LinkList out;
    if (!v || v->kind == Kind::NoValue || v->kind == Kind::Null) return out;
    out.present = true;
    out.loc = loc(*v, fallback);
    if (v->kind == Kind::List) {
        for (const EValue& item : v->items) {
            if (item.kind == Kind::List) {  // a list parameter inside a list: not flattened
                out.complete = false;
                out.reason = "a nested list";
                continue;
            }
            out.items.push_back(link(&item, expected, v->node ? v->node : fallback));
        }
        return out;
    }
    if (v->kind == Kind::Unknown) {
        out.complete = false;
        out.reason = v->text;
        if (!v->split.empty() && v->split_index < 0 && reads_published(*v)) {
            LinkImport imp;
            imp.imported = v->import_name;
            imp.nested_output = v->nested_output;
            imp.parameter = v->parameter;
            imp.split = v->split;
            out.import = LinkImportRef(std::move(imp));
        }
        return out;
    }
    out.items.push_back(link(v, expected, fallback));
    return out;
}

namespace {

EValue from_json(const nlohmann::json& j, const Node* at) {
    EValue v;
    v.node = at;
    v.literal = true;
    if (j.is_object()) {
        v.kind = Kind::Map;
        for (const auto& [k, x] : j.items()) {
            v.fields.emplace_back(k, from_json(x, at));
            v.field_keys.push_back(nullptr);
        }
    } else if (j.is_array()) {
        v.kind = Kind::List;
        for (const auto& x : j) v.items.push_back(from_json(x, at));
    } else if (j.is_string()) {
        v.kind = Kind::Scalar;
        v.text = j.get<std::string>();
    } else if (j.is_null()) {
        v.kind = Kind::Null;
    } else {
        v.kind = Kind::Scalar;
        v.text = j.dump();
    }
    return v;
}

void texts_of(const BindContext& c, const EValue* v, std::vector<Text>& out, bool& complete, const Node* fb) {
    if (!v) return;
    if (v->kind == Kind::List) {
        for (const EValue& i : v->items) {
            if (i.kind == Kind::List) {
                complete = false;
                continue;
            }
            out.push_back(c.text(&i, fb));
        }
    } else if (v->kind == Kind::Unknown && v->aux.empty()) {
        complete = false;  // could be a whole list (a list parameter, an import)
    } else {
        out.push_back(c.text(v, fb));  // a string, partly known (Fn::Sub, Fn::Join)
    }
}

PolicyStatement statement_of(const BindContext& c, const EValue& s, const Node* fb) {
    PolicyStatement st;
    st.loc = c.loc(s, fb);
    if (s.kind != Kind::Map) {
        st.effect_known = false;
        st.actions_complete = false;
        return st;
    }
    const EValue* effect = s.field("Effect");
    if (effect && effect->kind == Kind::Scalar) {
        st.allow = effect->text == "Allow";
        st.effect_known = effect->text == "Allow" || effect->text == "Deny";
    } else {
        st.effect_known = false;
    }
    const EValue* action = s.field("Action");
    if (!action) {
        action = s.field("NotAction");
        st.uses_not_action = action != nullptr;
    }
    texts_of(c, action, st.actions, st.actions_complete, fb);
    bool resources_complete = true;
    const EValue* res = s.field("Resource");
    if (!res) {
        res = s.field("NotResource");
        st.uses_not_resource = res != nullptr;
    }
    texts_of(c, res, st.resources, resources_complete, fb);
    if (!resources_complete) st.resources.push_back(Text{true, false, "", "unknown resource list", false, st.loc});
    st.has_condition = s.field("Condition") != nullptr;
    if (const EValue* p = s.field("Principal")) {
        if (p->kind == Kind::Scalar && p->text == "*") st.principal_any = true;
        if (p->kind == Kind::Map) {
            bool complete = true;
            texts_of(c, p->field("Service"), st.service_principals, complete, fb);
            if (!complete) st.service_principals.push_back(Text{true, false, "", "unknown principal list", false, st.loc});
            if (const EValue* aws = p->field("AWS"); aws && aws->kind == Kind::Scalar && aws->text == "*")
                st.principal_any = true;
        } else if (p->kind == Kind::Unknown) {
            st.service_principals.push_back(c.text(p, fb));
        }
    }
    return st;
}

}  // namespace

PolicyDocument BindContext::policy(const EValue* v, const Node* fallback) const {
    PolicyDocument d;
    if (!v || v->kind == Kind::NoValue || v->kind == Kind::Null) return d;
    d.present = true;
    d.loc = loc(*v, fallback);
    EValue parsed;
    if (v->kind == Kind::Scalar) {
        // A policy written as a JSON string. Its nesting is checked first:
        // the conversion below recurses.
        if (json_too_deep(v->text, kMaxDepth) != std::string_view::npos) {
            d.known = false;
            d.reason = "the policy document nests more than " + std::to_string(kMaxDepth) + " levels";
            return d;
        }
        nlohmann::json j = nlohmann::json::parse(v->text, nullptr, false);
        if (j.is_discarded() || !j.is_object()) {
            d.known = false;
            d.reason = "the policy document is not valid JSON";
            return d;
        }
        parsed = from_json(j, v->node ? v->node : fallback);
        v = &parsed;
    }
    if (v->kind != Kind::Map) {
        d.known = false;
        d.reason = v->kind == Kind::Unknown ? v->text : "the policy document is computed";
        return d;
    }
    const EValue* stmts = v->field("Statement");
    if (!stmts) return d;
    if (stmts->kind == Kind::List) {
        for (const EValue& s : stmts->items) d.statements.push_back(statement_of(*this, s, fallback));
    } else if (stmts->kind == Kind::Map) {
        d.statements.push_back(statement_of(*this, *stmts, fallback));
    } else {
        d.known = false;
        d.reason = stmts->kind == Kind::Unknown ? stmts->text : "the statement list is computed";
    }
    return d;
}

std::vector<ResourceMention> BindContext::mentions(const EValue& v) const {
    std::vector<ResourceMention> out;
    auto add = [&](const std::string& id, const std::string& attr) {
        const ResourceInfo* r = tpl.resource(id);
        out.push_back({id, r ? r->type : "", attr});
    };
    if (v.kind == Kind::ResourceRef) add(v.text, v.aux);
    for (const auto& [id, attr] : v.mentions) add(id, attr);
    for (const EValue& i : v.items)
        for (auto& m : mentions(i)) out.push_back(std::move(m));
    return out;
}

}  // namespace vpclint::cfn
