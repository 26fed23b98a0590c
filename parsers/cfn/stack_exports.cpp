#include "parsers/cfn/stack_exports.h"

#include "parsers/cfn/intrinsics.h"
#include "parsers/cfn/template.h"

namespace vpclint::cfn {

std::vector<StackExport> stack_exports(const Document& doc, const std::map<std::string, std::string>& parameters) {
    std::vector<StackExport> out;
    const Node* outputs = doc.root && doc.root->is_mapping() ? doc.root->get("Outputs") : nullptr;
    if (!outputs || !outputs->is_mapping()) return out;
    std::vector<Problem> ignored;  // the frontend reports the template's problems
    Template tpl = read_template(doc, parameters, ignored);
    Scenario scenario;
    Evaluator ev(tpl, scenario);
    for (const MapEntry& e : outputs->entries) {
        const Node* o = e.value;
        const Node* exp = o && o->is_mapping() ? o->get("Export") : nullptr;
        const Node* name = exp && exp->is_mapping() ? exp->get("Name") : nullptr;
        if (!o || !o->is_mapping()) continue;
        if (const Node* c = o->get("Condition"); c && c->is_scalar() && ev.condition(c->text) != Tri::Yes) continue;
        StackExport x;
        x.output = e.key;
        x.loc = doc.key_location(e);
        EValue n = name ? ev.eval(name) : EValue();
        x.name.present = name != nullptr;
        if (name) x.name.loc = doc.location(*name);
        if (!name) {
            // not exported
        } else if (n.kind == EValue::Kind::Scalar) {
            x.name.known = true;
            x.name.value = n.text;
        } else {
            // "${AWS::StackName}-PublicSubnetA": known once the stack's name is.
            x.name.value = n.kind == EValue::Kind::Unknown ? n.aux : std::string();
            x.name.reason = n.kind == EValue::Kind::Unknown ? n.text : "computed export name";
        }
        const Node* value = o->get("Value");
        EValue v = ev.eval(value);
        x.value.present = true;
        x.value.loc = value ? doc.location(*value) : x.loc;
        // Ref, or a security group's GroupId: the resource itself (a subnet's
        // VpcId, say, would be another resource).
        if (v.kind == EValue::Kind::ResourceRef && (v.aux.empty() || v.aux == "GroupId")) {
            x.resource = v.text;
        } else if (v.kind == EValue::Kind::Scalar) {
            x.value.known = true;
            x.value.value = v.text;
        } else {
            x.value.reason = v.kind == EValue::Kind::Unknown ? v.text : "computed value";
        }
        out.push_back(std::move(x));
    }
    return out;
}

std::string imported_export_name(const std::string& reason) {
    // intrinsics.cpp, Fn::ImportValue.
    const std::string prefix = "imported from another stack (";
    if (reason.rfind(prefix, 0) != 0 || reason.back() != ')') return {};
    std::string name = reason.substr(prefix.size(), reason.size() - prefix.size() - 1);
    return name == "computed export name" ? std::string() : name;
}

std::vector<NestedStackRef> nested_stacks(const Document& doc) {
    std::vector<NestedStackRef> out;
    const Node* resources = doc.root && doc.root->is_mapping() ? doc.root->get("Resources") : nullptr;
    if (!resources || !resources->is_mapping()) return out;
    for (const MapEntry& e : resources->entries) {
        const Node* r = e.value;
        const Node* type = r && r->is_mapping() ? r->get("Type") : nullptr;
        const Node* props = r && r->is_mapping() ? r->get("Properties") : nullptr;
        if (!type || !type->is_scalar() || !props || !props->is_mapping()) continue;
        const char* key = type->text == "AWS::CloudFormation::Stack"       ? "TemplateURL"
                          : type->text == "AWS::Serverless::Application" ? "Location"
                                                                          : nullptr;
        const Node* where = key ? props->get(key) : nullptr;
        // A URL (https://, s3://) or a SAR application ({ApplicationId, ...})
        // is not on this disk.
        if (!where || !where->is_scalar() || where->text.empty() || where->text.find("://") != std::string::npos)
            continue;
        NestedStackRef n{e.key, where->text, doc.location(*where), {}};
        if (const Node* params = props->get("Parameters"); params && params->is_mapping())
            for (const MapEntry& p : params->entries)
                if (p.value && p.value->is_scalar()) n.parameters[p.key] = p.value->text;
        out.push_back(std::move(n));
    }
    return out;
}

std::pair<std::string, std::string> nested_output_of(const std::string& reason) {
    // bind_context.cpp writes a GetAtt it cannot bind as "Id.Attr (Type)".
    for (const char* type : {" (AWS::CloudFormation::Stack)", " (AWS::Serverless::Application)"}) {
        std::string t = type;
        if (reason.size() <= t.size() || reason.compare(reason.size() - t.size(), t.size(), t) != 0) continue;
        std::string ref = reason.substr(0, reason.size() - t.size());
        size_t dot = ref.find(".Outputs.");
        if (dot == std::string::npos || dot == 0) return {};
        return {ref.substr(0, dot), ref.substr(dot + 9)};
    }
    return {};
}

}  // namespace vpclint::cfn
