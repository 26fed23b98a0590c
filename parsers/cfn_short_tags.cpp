#include "parsers/cfn_short_tags.h"

namespace vpclint {

bool is_cfn_short_tag(std::string_view tag) {
    return tag.size() > 1 && tag[0] == '!' && tag[1] != '!' && tag[1] != '<';
}

std::string cfn_long_form_key(std::string_view tag) {
    std::string_view name = tag.substr(1);
    if (name == "Ref" || name == "Condition") return std::string(name);
    return "Fn::" + std::string(name);
}

}  // namespace vpclint
