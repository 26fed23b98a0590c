#include "parsers/cfn/template.h"

#include "parsers/cfn/foreach.h"
#include "parsers/cfn/intrinsics.h"
#include "parsers/cfn/sam_generated_ids.h"
#include "parsers/cfn/template_paths.h"

namespace vpclint::cfn {

bool ParameterInfo::is_list() const {
    return type.rfind("List<", 0) == 0 || type == "CommaDelimitedList" ||
           type.find("<List<") != std::string::npos;
}

bool ParameterInfo::is_ssm() const { return type.rfind("AWS::SSM::Parameter::Value<", 0) == 0; }

const ParameterInfo* Template::parameter(const std::string& name) const {
    auto it = parameter_index.find(name);
    return it == parameter_index.end() ? nullptr : &parameters[it->second];
}

const ResourceInfo* Template::resource(const std::string& id) const {
    auto it = resource_index.find(id);
    return it == resource_index.end() ? nullptr : &resources[it->second];
}

const ResourceInfo* Template::generated_by(const std::string& id) const {
    auto it = sam_generated.find(id);
    return it == sam_generated.end() ? nullptr : &resources[it->second];
}

bool Template::maybe_generated(const std::string& key) const {
    for (const std::string& p : unknown_generated)
        if (matches_generated_key(p, key)) return true;
    return false;
}

bool is_pseudo_parameter(std::string_view name) {
    return name == "AWS::AccountId" || name == "AWS::NotificationARNs" || name == "AWS::NoValue" ||
           name == "AWS::Partition" || name == "AWS::Region" || name == "AWS::StackId" ||
           name == "AWS::StackName" || name == "AWS::URLSuffix";
}

namespace {

std::optional<std::string> scalar_text(const Node* n) {
    if (n && n->is_scalar()) return n->text;
    return std::nullopt;
}

void read_transform(const Node* t, Template& tpl) {
    auto one = [&](const Node* n) {
        if (!n) return;
        if (n->is_scalar()) {
            if (n->text == "AWS::Serverless-2016-10-31") tpl.sam = true;
            else if (n->text == "AWS::LanguageExtensions") tpl.language_extensions = true;
            else tpl.other_transform = true;
        } else {
            tpl.other_transform = true;  // AWS::Include and friends
        }
    };
    if (!t) return;
    if (t->is_sequence())
        for (const Node* i : t->items) one(i);
    else
        one(t);
}

// Rain (`rain pkg`) preprocesses `Fn::Rain::*` directives and modules given
// by `Source:`; until then the template is not what CloudFormation sees.
bool uses_preprocessor(const Node* n, unsigned depth) {
    if (!n || depth > kMaxDepth) return false;
    for (const MapEntry& e : n->entries)
        if (e.key.rfind("Fn::Rain::", 0) == 0 || uses_preprocessor(e.value, depth + 1)) return true;
    for (const Node* i : n->items)
        if (uses_preprocessor(i, depth + 1)) return true;
    return false;
}

// Expands Fn::ForEach with the parameters and mappings read so far: a loop's
// collection is a literal list, a list parameter, Fn::Split, Fn::FindInMap…
void expand_language_extensions(Template& tpl) {
    static const Scenario kDefaults;
    Evaluator ev(tpl, kDefaults);
    CollectionResolver resolve = [&](const Node* n) -> std::optional<std::vector<std::string>> {
        EValue v = ev.eval(n);
        if (v.kind != EValue::Kind::List) return std::nullopt;
        std::vector<std::string> out;
        for (const EValue& i : v.items) {
            if (!i.known_scalar()) return std::nullopt;
            out.push_back(i.text);
        }
        return out;
    };
    tpl.expanded_nodes = std::make_shared<NodeArena>();
    ForEachExpansion x = expand_for_each(tpl.root, *tpl.expanded_nodes, resolve);
    tpl.root = x.root;
    tpl.unknown_generated = std::move(x.unknown_keys);
}

}  // namespace

Template read_template(const Document& doc, const std::map<std::string, std::string>& user_values,
                       std::vector<Problem>& problems, const std::set<std::string>& unknown_values) {
    Template tpl;
    tpl.doc = &doc;
    tpl.root = doc.root;
    const Node* root = doc.root;  // replaced by its expansion under AWS::LanguageExtensions
    auto problem = [&](const Node* at, std::string msg) {
        problems.push_back({ProblemKind::InvalidTemplate, std::move(msg), "", with_path(doc.location(*at), doc)});
    };

    read_transform(root->get("Transform"), tpl);
    tpl.mappings = root->get("Mappings");
    tpl.globals = root->get("Globals");

    if (const Node* params = root->get("Parameters"); params && params->is_mapping()) {
        for (const MapEntry& e : params->entries) {
            ParameterInfo p;
            p.name = e.key;
            p.entry = &e;
            if (e.value->is_mapping()) {
                p.type = scalar_text(e.value->get("Type")).value_or("String");
                p.default_value = scalar_text(e.value->get("Default"));
                if (const Node* d = e.value->get("Default"); d && d->is_sequence()) {
                    // A list default is written as a YAML list now and then.
                    std::string joined;
                    for (const Node* i : d->items)
                        if (i->is_scalar()) {
                            if (!joined.empty()) joined += ',';
                            joined += i->text;
                        }
                    p.default_value = joined;
                }
                if (const Node* av = e.value->get("AllowedValues"); av && av->is_sequence())
                    for (const Node* i : av->items)
                        if (i->is_scalar()) p.allowed_values.push_back(i->text);
            }
            if (unknown_values.count(p.name)) p.default_value.reset();
            if (auto it = user_values.find(p.name); it != user_values.end()) p.user_value = it->second;
            tpl.parameter_index[p.name] = tpl.parameters.size();
            tpl.parameters.push_back(std::move(p));
        }
    }

    if (tpl.language_extensions) {
        expand_language_extensions(tpl);
        root = tpl.root;
    }

    if (const Node* conds = root->get("Conditions"); conds && conds->is_mapping())
        for (const MapEntry& e : conds->entries)
            if (e.key.rfind("Fn::ForEach::", 0) != 0) tpl.conditions[e.key] = e.value;

    const Node* res = root->get("Resources");
    if (!res) {
        // Classification guarantees a template-shaped file; a template with
        // no resources has nothing to analyse.
        return tpl;
    }
    if (!res->is_mapping()) {
        problem(res, "Resources must be a mapping of logical ids to resources.");
        return tpl;
    }
    for (const MapEntry& e : res->entries) {
        // Fn::ForEach::<Name> (AWS::LanguageExtensions) expands into resources
        // we do not enumerate; they stay unknown.
        if (e.key.rfind("Fn::ForEach::", 0) == 0) continue;
        ResourceInfo r;
        r.id = e.key;
        r.entry = &e;
        r.node = e.value;
        if (!e.value->is_mapping()) {
            problem(e.value, "Resource " + e.key + " must be a mapping with a Type.");
            continue;
        }
        const Node* type = e.value->get("Type");
        if (!type && e.value->get("Source")) {  // a Rain module
            tpl.other_transform = true;
            continue;
        }
        if (!type || !type->is_scalar()) {
            problem(type ? type : e.value, "Resource " + e.key + " has no Type.");
            continue;
        }
        r.type = type->text;
        r.properties = e.value->get("Properties");
        r.metadata = e.value->get("Metadata");
        if (auto c = scalar_text(e.value->get("Condition"))) r.condition = *c;
        // SAM translator inputs often omit the Transform line.
        if (r.type.rfind("AWS::Serverless::", 0) == 0) tpl.sam = true;
        tpl.resource_index[r.id] = tpl.resources.size();
        tpl.resources.push_back(std::move(r));
    }
    if (tpl.globals) tpl.sam = true;
    if (tpl.sam) index_sam_generated_resources(tpl);
    if (uses_preprocessor(root, 0)) tpl.other_transform = true;
    return tpl;
}

}  // namespace vpclint::cfn
