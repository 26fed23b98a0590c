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
        if (!name) continue;
        if (const Node* c = o->get("Condition"); c && c->is_scalar() && ev.condition(c->text) != Tri::Yes) continue;
        StackExport x;
        x.loc = doc.key_location(e);
        EValue n = ev.eval(name);
        x.name.present = true;
        x.name.loc = doc.location(*name);
        if (n.kind == EValue::Kind::Scalar) {
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

}  // namespace vpclint::cfn
