#include "parsers/cfn/reference_checks.h"

#include <string_view>

#include "parsers/cfn/template_paths.h"

namespace vpclint::cfn {

namespace {

bool is_known_intrinsic(std::string_view fn) {
    static constexpr std::string_view kKnown[] = {
        "Ref", "Fn::GetAtt", "Fn::Sub", "Fn::Join", "Fn::Select", "Fn::Split", "Fn::If", "Fn::FindInMap",
        "Fn::ImportValue", "Fn::GetAZs", "Fn::Base64", "Fn::Cidr", "Fn::Equals", "Fn::And", "Fn::Or",
        "Fn::Not", "Fn::Transform", "Fn::GetStackOutput",
        // AWS::LanguageExtensions
        "Fn::ToJsonString", "Fn::Length",
        // The Rules section
        "Fn::Contains", "Fn::EachMemberEquals", "Fn::EachMemberIn", "Fn::RefAll", "Fn::ValueOf",
        "Fn::ValueOfAll",
    };
    for (std::string_view k : kKnown)
        if (k == fn) return true;
    return fn.rfind("Fn::ForEach::", 0) == 0;
}

struct Checker {
    const Template& tpl;
    std::vector<Problem>& problems;
    std::string resource;  // the enclosing resource, for messages

    void report(const Node* at, std::string message) {
        problems.push_back({ProblemKind::InvalidTemplate, std::move(message), resource, with_path(tpl.doc->location(*at), *tpl.doc)});
    }

    // Names SAM generates from a serverless resource's logical id
    // (<Function>Role, <Function>Alias<Name>, ServerlessRestApi, …).
    bool sam_generated(const std::string& name) const {
        // CloudFormation modules (Type: Org::Name::MODULE) add resources
        // named after the module's logical id.
        for (const ResourceInfo& r : tpl.resources)
            if (r.type.size() > 8 && r.type.compare(r.type.size() - 8, 8, "::MODULE") == 0 && name.rfind(r.id, 0) == 0)
                return true;
        if (!tpl.sam) return false;
        if (name.rfind("Serverless", 0) == 0) return true;
        for (const ResourceInfo& r : tpl.resources) {
            if (r.type.rfind("AWS::Serverless::", 0) == 0 && name.rfind(r.id, 0) == 0) return true;
            // DeploymentPreference adds one CodeDeploy service role for the stack.
            if (name == "CodeDeployServiceRole" && r.type == "AWS::Serverless::Function" && r.properties &&
                r.properties->get("DeploymentPreference"))
                return true;
        }
        return false;
    }

    bool defined(const std::string& name) const {
        return tpl.parameter(name) || tpl.resource(name) || is_pseudo_parameter(name) || sam_generated(name) ||
               tpl.maybe_generated(name);
    }

    void check_sub(const Node* at, const Node* arg) {
        const Node* s = arg->is_sequence() && !arg->items.empty() ? arg->items[0] : arg;
        const Node* vars = arg->is_sequence() && arg->items.size() > 1 ? arg->items[1] : nullptr;
        if (!s->is_scalar()) return;
        const std::string& t = s->text;
        size_t i = 0;
        while ((i = t.find("${", i)) != std::string::npos) {
            size_t close = t.find('}', i);
            if (close == std::string::npos) break;
            std::string name = t.substr(i + 2, close - i - 2);
            i = close;
            // CloudFormation ignores spaces around the name: ${ AWS::Region }.
            size_t b = name.find_first_not_of(' '), e = name.find_last_not_of(' ');
            name = b == std::string::npos ? std::string() : name.substr(b, e - b + 1);
            if (name.empty() || name[0] == '!') continue;
            if (vars && vars->is_mapping() && vars->get(name)) continue;
            if (defined(name)) continue;
            size_t dot = name.find('.');
            if (dot != std::string::npos && defined(name.substr(0, dot))) continue;
            report(at, "Fn::Sub names ${" + name + "}, which is not a parameter, resource or pseudo parameter.");
        }
    }

    void walk(const Node* n, unsigned depth) {
        if (!n || depth > kMaxDepth) return;
        if (n->is_mapping() && n->entries.size() == 1) {
            const MapEntry& e = n->entries[0];
            const Node* arg = e.value;
            if (e.key == "Ref" || e.key.rfind("Fn::", 0) == 0) {
                if (!is_known_intrinsic(e.key)) {
                    report(n, "Unknown intrinsic function " + e.key + ".");
                } else if (e.key == "Ref" && arg->is_scalar() && !defined(arg->text)) {
                    report(n, "Ref to " + arg->text + ", which is not a parameter, resource or pseudo parameter.");
                } else if (e.key == "Fn::GetAtt") {
                    std::string id;
                    if (arg->is_scalar()) id = arg->text.substr(0, arg->text.find('.'));
                    else if (arg->is_sequence() && !arg->items.empty() && arg->items[0]->is_scalar())
                        id = arg->items[0]->text;
                    if (!id.empty() && !tpl.resource(id) && !sam_generated(id) && !tpl.maybe_generated(id))
                        report(n, "Fn::GetAtt on " + id + ", which is not a resource of the template.");
                } else if (e.key == "Fn::Sub") {
                    check_sub(n, arg);
                } else if (e.key == "Fn::If" && arg->is_sequence() && !arg->items.empty() &&
                           arg->items[0]->is_scalar() && !tpl.conditions.count(arg->items[0]->text) &&
                           !tpl.maybe_generated(arg->items[0]->text)) {
                    report(n, "Fn::If names condition " + arg->items[0]->text + ", which Conditions does not define.");
                }
            }
        }
        for (const Node* c : n->items) walk(c, depth + 1);
        for (const MapEntry& e : n->entries)
            // Loop variables of Fn::ForEach are names only the loop defines.
            if (e.key.rfind("Fn::ForEach::", 0) != 0) walk(e.value, depth + 1);
    }

    // Mappings hold literals only ("You can't include parameters, pseudo
    // parameters, or intrinsic functions in the Mappings section"); an
    // include transform is the one exception. A value that looks itself up
    // is the worst case: named here, the evaluator stops at it.
    void walk_mappings(const Node* n, unsigned depth) {
        if (!n || depth > kMaxDepth) return;
        if (n->is_mapping() && n->entries.size() == 1) {
            const std::string& k = n->entries[0].key;
            if ((k == "Ref" || k.rfind("Fn::", 0) == 0) && k != "Fn::Transform") {
                report(n, "Mappings values must be literals, but this one calls " + k +
                              "; CloudFormation rejects intrinsic functions in Mappings.");
                return;
            }
        }
        for (const Node* c : n->items) walk_mappings(c, depth + 1);
        for (const MapEntry& e : n->entries) walk_mappings(e.value, depth + 1);
    }
};

}  // namespace

void check_references(const Template& tpl, std::vector<Problem>& problems) {
    // A macro can add resources and parameters we cannot see.
    if (tpl.other_transform) return;
    Checker c{tpl, problems, {}};
    for (const ResourceInfo& r : tpl.resources) {
        c.resource = r.id;
        if (!r.condition.empty() && !tpl.conditions.count(r.condition) && !tpl.maybe_generated(r.condition))
            c.report(r.node->get("Condition"), "Resource " + r.id + " names condition " + r.condition +
                                                   ", which Conditions does not define.");
        c.walk(r.properties, 0);
        // AWS::LanguageExtensions resolves intrinsics in these two attributes
        // too, so a Ref there must name something.
        for (const char* attr : {"DeletionPolicy", "UpdateReplacePolicy"})
            if (const Node* n = r.node ? r.node->get(attr) : nullptr) c.walk(n, 0);
    }
    c.resource.clear();
    c.walk_mappings(tpl.mappings, 0);
    if (const Node* outputs = tpl.root->get("Outputs")) c.walk(outputs, 0);
    for (const auto& [name, def] : tpl.conditions) c.walk(def, 0);
}

}  // namespace vpclint::cfn
