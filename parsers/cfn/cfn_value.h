// The result of evaluating a CloudFormation value: known data, a reference
// to a resource (attribute), or unknown with a reason.
#pragma once
#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "core/document.h"

namespace vpclint::cfn {

struct EValue {
    enum class Kind : uint8_t {
        NoValue,      // AWS::NoValue: the property or list item is removed
        Null,
        Scalar,
        List,
        Map,
        ResourceRef,  // Ref / Fn::GetAtt to a resource of the template
        Unknown,
    };
    Kind kind = Kind::Null;
    // Scalar: the text. ResourceRef: the logical id. Unknown: the reason.
    std::string text;
    // ResourceRef: the GetAtt attribute ("" for Ref). Unknown: a partial
    // rendering with unknown parts written as ${Name}, when one exists.
    std::string aux;
    std::vector<EValue> items;                           // List
    std::vector<std::pair<std::string, EValue>> fields;  // Map
    std::vector<const MapEntry*> field_keys;             // Map: key positions (may be null)
    // Resources mentioned on the way (Sub/Join parts), for Unknown values.
    std::vector<std::pair<std::string, std::string>> mentions;  // (id, attr)
    const Node* node = nullptr;  // where the value is written in the template
    bool literal = false;        // a template literal, not from a parameter
    bool quoted = false;
    bool from_globals = false;   // SAM: merged into a function from Globals
    // Unknown values the linkers (cli/link_stacks, cli/link_nested_stacks)
    // may resolve: an Fn::ImportValue's export name (see LinkImport), a
    // nested stack's output {stack, output}, and, when the value is that
    // import or output split into a list, the delimiter.
    std::string import_name;
    std::pair<std::string, std::string> nested_output;
    // A parameter with no value (`!Ref SubnetIds`), which a parent stack
    // may pass in (see LinkImport::parameter).
    std::string parameter;
    std::string split;
    // With `split`: the one item Fn::Select picks from it; -1 for the list.
    int64_t split_index = -1;
    // With `split` and index 0: the value split must be one item (a part of
    // a joined list split again, see LinkImport::single).
    bool split_single = false;

    // Declared here, defined in cfn_value.cpp: `fields` holds pairs of this
    // still incomplete type, and clang (with libstdc++) rejects destroying
    // them in an implicit inline destructor.
    EValue();
    EValue(const EValue&);
    EValue(EValue&&) noexcept;
    EValue& operator=(const EValue&);
    EValue& operator=(EValue&&) noexcept;
    ~EValue();

    bool is(Kind k) const { return kind == k; }
    bool known_scalar() const { return kind == Kind::Scalar; }
    const EValue* field(std::string_view key) const;
    const MapEntry* field_key(std::string_view key) const;

    static EValue unknown(std::string reason, const Node* at, std::string partial = {});
    static EValue scalar(std::string text, const Node* at, bool literal);
};

}  // namespace vpclint::cfn
