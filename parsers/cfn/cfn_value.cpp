#include "parsers/cfn/cfn_value.h"

namespace vpclint::cfn {

EValue::EValue() = default;
EValue::EValue(const EValue&) = default;
EValue::EValue(EValue&&) noexcept = default;
EValue& EValue::operator=(const EValue&) = default;
EValue& EValue::operator=(EValue&&) noexcept = default;
EValue::~EValue() = default;

const EValue* EValue::field(std::string_view key) const {
    if (kind != Kind::Map) return nullptr;
    for (const auto& [k, v] : fields)
        if (k == key) return v.kind == Kind::NoValue ? nullptr : &v;
    return nullptr;
}

const MapEntry* EValue::field_key(std::string_view key) const {
    for (size_t i = 0; i < fields.size(); ++i)
        if (fields[i].first == key) return field_keys[i];
    return nullptr;
}

EValue EValue::unknown(std::string reason, const Node* at, std::string partial) {
    EValue v;
    v.kind = Kind::Unknown;
    v.text = std::move(reason);
    v.aux = std::move(partial);
    v.node = at;
    return v;
}

EValue EValue::scalar(std::string text, const Node* at, bool literal) {
    EValue v;
    v.kind = Kind::Scalar;
    v.text = std::move(text);
    v.node = at;
    v.literal = literal;
    return v;
}

}  // namespace vpclint::cfn
