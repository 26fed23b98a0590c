// SAM merges Globals into the template as written, before CloudFormation
// evaluates anything, so the merge decisions are taken on the written nodes
// and only the results are evaluated (GlobalProperties._do_merge):
//   - a mapping in both places merges key by key, recursively;
//   - a list in both places is the Globals items followed by the function's;
//   - anything else (scalars, mismatched shapes, and every intrinsic function,
//     which SAM treats as a primitive) is the function's value.
// A function's `!Ref AWS::NoValue` therefore removes the Globals value too.
#include "parsers/cfn/sam_globals.h"

#include <algorithm>
#include <string_view>

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

enum class Shape : uint8_t { Primitive, Dict, List };

// samtranslator.model.intrinsics.is_intrinsic: a one-key mapping whose key is
// Ref, Condition or Fn::*.
Shape shape_of(const Node* n) {
    if (!n) return Shape::Primitive;
    if (n->is_sequence()) return Shape::List;
    if (!n->is_mapping()) return Shape::Primitive;
    if (!intrinsic_name(n).empty()) return Shape::Primitive;
    if (n->entries.size() == 1 && n->entries[0].key == "Condition") return Shape::Primitive;
    return Shape::Dict;
}

// Globals.Function may hold "everything on Serverless::Function except Role,
// Policies, FunctionName, Events" (Globals.supported_properties); SAM rejects
// a template that puts those there, so they are never merged.
bool allowed_in_globals(std::string_view key) {
    return key != "Role" && key != "Policies" && key != "FunctionName" && key != "Events";
}

EValue merge(Evaluator& ev, const Node* global, const Node* local);

// Marks a value taken from Globals, with its list items and fields, so each
// link made of it says where it came from. Values are as deep as the
// template, whose nesting the loaders bound; the limit guards anyway.
EValue from_globals(EValue v, int depth = 0) {
    v.from_globals = true;
    if (depth < 32) {
        for (EValue& i : v.items) i = from_globals(std::move(i), depth + 1);
        for (auto& [_, f] : v.fields) f = from_globals(std::move(f), depth + 1);
    }
    return v;
}

// Globals keys first (in their order), then the function's own keys.
// `keep_global` filters the top-level Globals keys (IgnoreGlobals).
template <class KeepGlobal>
EValue merge_dict(Evaluator& ev, const Node* global, const Node* local, KeepGlobal keep_global) {
    EValue out;
    out.kind = Kind::Map;
    out.node = local ? local : global;
    out.literal = true;
    auto add = [&](const std::string& key, EValue v, const MapEntry* written) {
        if (v.kind == Kind::NoValue) return;
        out.fields.emplace_back(key, std::move(v));
        out.field_keys.push_back(written);
    };
    if (global)
        for (const MapEntry& g : global->entries) {
            if (!keep_global(g.key)) continue;
            const MapEntry* l = local ? local->entry(g.key) : nullptr;
            if (l) add(g.key, merge(ev, g.value, l->value), l);
            else add(g.key, from_globals(ev.eval(g.value)), &g);
        }
    if (local)
        for (const MapEntry& l : local->entries) {
            const MapEntry* g = global ? global->entry(l.key) : nullptr;
            if (g && keep_global(l.key)) continue;  // merged above
            add(l.key, ev.eval(l.value), &l);
        }
    return out;
}

EValue merge(Evaluator& ev, const Node* global, const Node* local) {
    Shape g = shape_of(global), l = shape_of(local);
    if (g != l || g == Shape::Primitive) return ev.eval(local);
    if (g == Shape::Dict) return merge_dict(ev, global, local, [](std::string_view) { return true; });
    EValue out = from_globals(ev.eval(global));
    out.from_globals = false;  // the merged list is the function's
    EValue own = ev.eval(local);
    for (EValue& item : own.items) out.items.push_back(std::move(item));
    // The list as a whole is the function's; each item keeps its own node.
    out.node = local;
    return out;
}

// IgnoreGlobals: "*" or a list of property names (SamResource.ignore_globals).
struct IgnoredGlobals {
    bool all = false;
    std::vector<std::string> keys;

    bool ignores(std::string_view key) const {
        return all || std::find(keys.begin(), keys.end(), key) != keys.end();
    }
};

IgnoredGlobals ignored_globals(const ResourceInfo& r) {
    IgnoredGlobals out;
    const Node* n = r.node ? r.node->get("IgnoreGlobals") : nullptr;
    if (!n) return out;
    if (n->is_scalar()) out.all = n->text == "*";
    if (n->is_sequence())
        for (const Node* i : n->items)
            if (i->is_scalar()) out.keys.push_back(i->text);
    return out;
}

}  // namespace

EValue sam_function_properties(const Template& tpl, Evaluator& ev, const ResourceInfo& r) {
    const Node* global = tpl.globals ? tpl.globals->get("Function") : nullptr;
    if (global && shape_of(global) != Shape::Dict) global = nullptr;  // SAM rejects it: nothing to merge
    const Node* local = r.properties;
    // SamResource reads absent Properties as {}: the function takes the Globals.
    if (local && local->is_null()) local = nullptr;
    if (!global) return local ? ev.eval(local) : EValue{};
    if (local && shape_of(local) != Shape::Dict) return ev.eval(local);
    IgnoredGlobals ignored = ignored_globals(r);
    return merge_dict(ev, global, local,
                      [&](std::string_view key) { return allowed_in_globals(key) && !ignored.ignores(key); });
}

}  // namespace vpclint::cfn
