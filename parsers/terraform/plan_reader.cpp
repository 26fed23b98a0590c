#include "parsers/terraform/plan_reader.h"

#include <initializer_list>

namespace vpclint::tf {

namespace {

// Where a container sits in a plan (0 is JsonMemberPolicy::kNone: the rest).
enum Role : JsonMemberPolicy::Role {
    Other = JsonMemberPolicy::kNone, Root, Changes, Change, ChangeBody,
    Planned, Module, Modules, Resources, Resource,                       // planned_values
    Prior, PriorValues, PriorModule, PriorModules, PriorResources, PriorResource  // prior_state
};

bool is_one_of(std::string_view key, std::initializer_list<std::string_view> keys) {
    for (std::string_view k : keys)
        if (key == k) return true;
    return false;
}

const Node* scalar_of(const MapEntry* entries, size_t count, std::string_view key) {
    for (size_t k = 0; k < count; ++k)
        if (entries[k].key == key) return entries[k].value->is_scalar() ? entries[k].value : nullptr;
    return nullptr;
}

bool is_ws(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n'; }

}  // namespace

bool starts_like_plan(std::string_view json) {
    size_t i = 0;
    while (i < json.size() && is_ws(json[i])) ++i;
    if (i == json.size() || json[i] != '{') return false;
    ++i;
    while (i < json.size() && is_ws(json[i])) ++i;
    if (i == json.size() || json[i] != '"') return false;
    size_t close = json.find_first_of("\"\\", i + 1);
    if (close == std::string_view::npos) return false;
    // An escaped key may still decode to format_version.
    return json[close] == '\\' || json.substr(i + 1, close - i - 1) == "format_version";
}

JsonMemberPolicy::Role PlanReader::root() { return Root; }

JsonMemberPolicy::Member PlanReader::member(JsonMemberPolicy::Role object, std::string_view key, bool first) {
    constexpr Member skip{true, Other};
    auto built = [](Role r) { return Member{false, r}; };
    switch (object) {
        case Root:
            if (first) plan_ = key == "format_version";
            if (!plan_) break;
            if (key == "resource_changes") return built(Changes);
            if (key == "planned_values") return built(Planned);
            if (key == "prior_state") return built(Prior);
            if (is_one_of(key, {"relevant_attributes", "output_changes", "resource_drift", "checks"})) return skip;
            break;
        case Change:
            if (key == "change") return built(ChangeBody);
            break;
        case Planned:
            if (key == "root_module") return built(Module);
            break;
        case Module:
            if (key == "resources") return built(Resources);
            if (key == "child_modules") return built(Modules);
            break;
        case Resource:
        case PriorResource:
            if (key == "sensitive_values") return skip;
            break;
        case Prior:
            if (key == "values") return built(PriorValues);
            break;
        case PriorValues:
            if (key == "root_module") return built(PriorModule);
            break;
        case PriorModule:
            if (key == "resources") return built(PriorResources);
            if (key == "child_modules") return built(PriorModules);
            break;
        case ChangeBody:
            if (is_one_of(key, {"before", "after", "before_sensitive", "after_sensitive", "replace_paths"})) return skip;
            break;
        default: break;
    }
    return built(Other);
}

JsonMemberPolicy::Role PlanReader::items(JsonMemberPolicy::Role array) {
    switch (array) {
        case Changes: return Change;
        case Modules: return Module;
        case Resources: return Resource;
        case PriorModules: return PriorModule;
        case PriorResources: return PriorResource;
        default: return Other;
    }
}

// A prior_state resource whose first entry is an address planned_values
// has, and not a data source's (the remote-state reader looks at those in
// both places): the plan index ignores it ("planned values win").
bool PlanReader::skip_rest(JsonMemberPolicy::Role object, const MapEntry& first) {
    if (object != PriorResource || first.key != "address" || !first.value->is_scalar()) return false;
    std::string_view a = first.value->text;
    if (a.rfind("data.", 0) == 0 || a.find(".data.") != std::string::npos) return false;
    return planned_.count(a) != 0;
}

// A planned resource that the plan index takes (an address, a type and a
// name): its prior_state copy need not be built.
void PlanReader::closed(JsonMemberPolicy::Role object, const MapEntry* entries, size_t count) {
    if (object != Resource) return;
    const Node* address = scalar_of(entries, count, "address");
    const Node* type = scalar_of(entries, count, "type");
    const Node* name = scalar_of(entries, count, "name");
    if (address && type && name && !address->text.empty() && !type->text.empty() && !name->text.empty())
        planned_.insert(address->text);
}

}  // namespace vpclint::tf
