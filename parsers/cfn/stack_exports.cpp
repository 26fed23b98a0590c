#include "parsers/cfn/stack_exports.h"

#include <optional>
#include <set>

#include "parsers/cfn/intrinsics.h"
#include "parsers/cfn/scenarios.h"
#include "parsers/cfn/template.h"
#include "parsers/cfn/template_paths.h"

namespace vpclint::cfn {

namespace {

// Whether a Ref / GetAtt stands for the resource itself, so that an import of
// it links to the resource: Ref, or the attribute that is its id or ARN (a
// subnet's VpcId, say, is another resource's id).
bool names_itself(const Template& tpl, const EValue& v) {
    if (v.aux.empty()) return true;
    const ResourceInfo* r = tpl.resource(v.text);
    if (!r) return false;
    static const std::map<std::string, std::vector<std::string>> self = {
        {"AWS::EC2::SecurityGroup", {"GroupId"}},
        {"AWS::EC2::Subnet", {"SubnetId"}},
        {"AWS::EC2::VPC", {"VpcId"}},
        {"AWS::EC2::RouteTable", {"RouteTableId"}},
        {"AWS::IAM::Role", {"Arn", "RoleId"}},
        {"AWS::IAM::ManagedPolicy", {"PolicyArn"}},
        {"AWS::EFS::AccessPoint", {"Arn", "AccessPointId"}},
        {"AWS::EFS::FileSystem", {"Arn", "FileSystemId"}},
        {"AWS::Lambda::Function", {"Arn"}},
    };
    auto it = self.find(r->type);
    if (it == self.end()) return false;
    for (const std::string& a : it->second)
        if (a == v.aux) return true;
    return false;
}

// The [delimiter, list] of a value written as Fn::Join, else null.
const Node* joined_list(const Node* value) {
    if (intrinsic_name(value) != "Fn::Join" || !value->is_mapping() || value->entries.size() != 1) return nullptr;
    const Node* arg = value->entries.front().value;
    return arg && arg->is_sequence() && arg->items.size() == 2 ? arg : nullptr;
}

bool is_stack_type(const std::string& type) {
    return type == "AWS::CloudFormation::Stack" || type == "AWS::Serverless::Application";
}

// What `value` names, into x.resource, x.joined_with/items and x.value.
void describe_value(const Template& tpl, Evaluator& ev, const Node* value, const Location& fallback, StackExport& x) {
    EValue v = ev.eval(value);
    x.value.present = true;
    x.value.loc = value ? tpl.doc->location(*value) : fallback;
    if (v.kind == EValue::Kind::ResourceRef && names_itself(tpl, v)) {
        x.resource = v.text;
    } else if (const Node* joined = joined_list(value)) {
        // `!Join [",", [!Ref A, !Ref B]]`: the importer splits it again.
        EValue delim = ev.eval(joined->items[0]);
        EValue list = ev.eval(joined->items[1]);
        if (delim.kind == EValue::Kind::Scalar && !delim.text.empty() && list.kind == EValue::Kind::List) {
            x.joined_with = delim.text;
            for (const EValue& item : list.items) {
                StackExport::Item it;
                if (item.kind == EValue::Kind::ResourceRef && names_itself(tpl, item)) it.resource = item.text;
                else if (item.kind == EValue::Kind::Scalar) it.value = item.text;
                x.items.push_back(std::move(it));
            }
        }
        x.value.reason = v.kind == EValue::Kind::Unknown ? v.text : "computed value";
        if (v.kind == EValue::Kind::Scalar) {
            x.value.known = true;
            x.value.value = v.text;
        }
    } else if (v.kind == EValue::Kind::Scalar) {
        x.value.known = true;
        x.value.value = v.text;
    } else {
        x.value.reason = v.kind == EValue::Kind::Unknown ? v.text : "computed value";
    }
}

}  // namespace

namespace {

// The output `e` in one scenario; nullopt when its Condition is false there.
// `undecided`: set when the Condition cannot be decided.
std::optional<StackExport> output_in(const Document& doc, const Template& tpl, const Scenario& scenario,
                                     const MapEntry& e, bool& undecided) {
    Evaluator ev(tpl, scenario);
    const Node* o = e.value;
    const Node* exp = o->get("Export");
    const Node* name = exp && exp->is_mapping() ? exp->get("Name") : nullptr;
    if (const Node* c = o->get("Condition"); c && c->is_scalar()) {
        Tri t = ev.condition(c->text);
        if (t == Tri::Unknown) undecided = true;
        if (t != Tri::Yes) return std::nullopt;
    }
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
    describe_value(tpl, ev, o->get("Value"), x.loc, x);
    return x;
}

bool same_name(const StackExport& a, const StackExport& b) {
    return a.name.present == b.name.present && a.name.known == b.name.known && a.name.value == b.name.value;
}

bool same_value(const StackExport& a, const StackExport& b) {
    if (a.resource != b.resource || a.joined_with != b.joined_with || a.items.size() != b.items.size() ||
        a.value.known != b.value.known || a.value.value != b.value.value)
        return false;
    for (size_t i = 0; i < a.items.size(); ++i)
        if (a.items[i].resource != b.items[i].resource || a.items[i].value != b.items[i].value) return false;
    return true;
}

}  // namespace

std::vector<StackExport> stack_exports(const Document& doc, const std::map<std::string, std::string>& parameters) {
    std::vector<StackExport> out;
    const Node* outputs = doc.root && doc.root->is_mapping() ? doc.root->get("Outputs") : nullptr;
    if (!outputs || !outputs->is_mapping()) return out;
    std::vector<Problem> ignored;  // the frontend reports the template's problems
    Template tpl = read_template(doc, parameters, ignored);
    // Every condition scenario the deployer can choose (an output's
    // Condition, an Fn::If in its value): what is decided in every scenario
    // is exported. An output that exists in some scenarios only is read
    // (imported, or through Fn::GetAtt by the parent) only where it exists,
    // since the reading stack cannot be created otherwise. Too many
    // combinations to enumerate: only what holds with no scenario at all.
    std::vector<Scenario> scenarios;
    if (!tpl.conditions.empty()) {
        std::set<std::string> all;
        for (const auto& [name, def] : tpl.conditions) all.insert(name);
        bool complete = false;
        std::vector<ScenarioChoice> choices = enumerate_scenarios(tpl, all, {}, &complete);
        if (complete)
            for (ScenarioChoice& c : choices) scenarios.push_back(std::move(c.scenario));
    }
    const bool enumerated = !scenarios.empty();
    if (!enumerated) scenarios.emplace_back();
    for (const MapEntry& e : outputs->entries) {
        if (!e.value || !e.value->is_mapping()) continue;
        std::optional<StackExport> decided;
        bool undecided = false, name_varies = false, value_varies = false;
        for (const Scenario& sc : scenarios) {
            std::optional<StackExport> x = output_in(doc, tpl, sc, e, undecided);
            if (!x) continue;
            if (!decided) {
                decided = std::move(x);
                continue;
            }
            name_varies = name_varies || !same_name(*x, *decided);
            value_varies = value_varies || !same_value(*x, *decided);
        }
        // A Condition that depends on something no scenario decides: whether
        // the output exists is not known.
        if (!decided || name_varies || (undecided && !enumerated)) continue;
        if (value_varies || undecided) {
            // Exported, with a value the deployer's choice decides: unknown
            // to its readers, never one scenario's value.
            decided->resource.clear();
            decided->joined_with.clear();
            decided->items.clear();
            decided->value.known = false;
            decided->value.value.clear();
            decided->value.reason = "the value of output " + e.key + " depends on the exporting stack's conditions";
        }
        out.push_back(std::move(*decided));
    }
    return out;
}

std::vector<NestedStackRef> nested_stacks(const Document& doc, const std::map<std::string, std::string>& parameters) {
    std::vector<NestedStackRef> out;
    const Node* resources = doc.root && doc.root->is_mapping() ? doc.root->get("Resources") : nullptr;
    if (!resources || !resources->is_mapping()) return out;
    // The template is read only for a nested stack's computed parameter:
    // most templates nest none, and reading a large one costs as much as
    // binding it.
    std::vector<Problem> ignored;  // the frontend reports the template's problems
    std::optional<Template> tpl;
    Scenario scenario;
    std::optional<Evaluator> ev;
    auto eval = [&](const Node* n) {
        if (!ev) ev.emplace(tpl.emplace(read_template(doc, parameters, ignored)), scenario);
        return ev->eval(n);
    };
    // With conditions, a parameter's value may be the deployer's choice of a
    // scenario: then only literals are passed.
    const bool has_conditions = doc.root->get("Conditions") != nullptr;
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
        NestedStackRef n{e.key, where->text, with_path(doc.location(*where), doc), {}, {}, {}};
        if (const Node* params = props->get("Parameters"); params && params->is_mapping())
            for (const MapEntry& p : params->entries) {
                if (!p.value) continue;
                if (p.value->is_scalar()) {
                    n.parameters[p.key] = p.value->text;
                    continue;
                }
                n.unknown_parameters.insert(p.key);  // until worked out below
                if (has_conditions) continue;
                EValue v = eval(p.value);
                if (v.kind == EValue::Kind::Scalar) {
                    n.parameters[p.key] = v.text;
                } else if (v.kind == EValue::Kind::List && !v.items.empty()) {
                    // A list parameter of the child (CommaDelimitedList, List<...>).
                    std::string joined;
                    bool known = true;
                    for (const EValue& item : v.items) {
                        known = known && item.kind == EValue::Kind::Scalar;
                        joined += (joined.empty() ? "" : ",") + item.text;
                    }
                    if (known) n.parameters[p.key] = joined;
                }
                if (n.parameters.count(p.key)) {
                    n.unknown_parameters.erase(p.key);
                    continue;
                }
                // A value the parent publishes: its resource, or a sibling's output.
                NestedStackRef::Passed passed;
                passed.value.output = p.key;
                passed.value.loc = doc.location(*p.value);
                const ResourceInfo* r = v.kind == EValue::Kind::ResourceRef ? tpl->resource(v.text) : nullptr;
                if (r && is_stack_type(r->type) && v.aux.rfind("Outputs.", 0) == 0 && v.aux.size() > 8 &&
                    v.text != e.key) {
                    passed.sibling = v.text;
                    passed.value.output = v.aux.substr(8);
                    n.passed.emplace(p.key, std::move(passed));
                    continue;
                }
                describe_value(*tpl, *ev, p.value, passed.value.loc, passed.value);
                if (!passed.value.resource.empty() || !passed.value.items.empty())
                    n.passed.emplace(p.key, std::move(passed));
            }
        out.push_back(std::move(n));
    }
    return out;
}

}  // namespace vpclint::cfn
