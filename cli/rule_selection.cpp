#include "cli/rule_selection.h"

#include <algorithm>
#include <cctype>

#include "core/rule.h"

namespace vpclint {

namespace {

std::string upper(std::string s) {
    for (char& c : s) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
    return s;
}

std::string lower(std::string s) {
    for (char& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

std::string trim(const std::string& s) {
    size_t b = s.find_first_not_of(" \t"), e = s.find_last_not_of(" \t");
    return b == std::string::npos ? std::string() : s.substr(b, e - b + 1);
}

std::string valid_ids() {
    std::string s;
    for (const Rule& r : all_rules()) s += (s.empty() ? "" : ", ") + std::string(r.descriptor->id);
    return s;
}

}  // namespace

bool resolve_rule_items(const std::vector<std::string>& args, const char* option, std::vector<std::string>& out,
                        std::string& error) {
    for (const std::string& arg : args) {
        size_t start = 0;
        while (start <= arg.size()) {
            size_t comma = arg.find(',', start);
            std::string item = trim(arg.substr(start, comma == std::string::npos ? std::string::npos : comma - start));
            start = comma == std::string::npos ? arg.size() + 1 : comma + 1;
            if (item.empty()) continue;
            std::string id = upper(item), slug = lower(item);
            std::string resolved;
            for (const Rule& r : all_rules()) {
                const RuleDescriptor& d = *r.descriptor;
                if (std::string(d.slug) == slug) resolved = std::string(d.id);
            }
            // A prefix must be VL plus digits, so "V" or "" selects nothing by accident.
            bool id_like = id.size() > 2 && id.rfind("VL", 0) == 0 &&
                           std::all_of(id.begin() + 2, id.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
            if (resolved.empty() && id_like)
                for (const Rule& r : all_rules())
                    if (std::string_view(r.descriptor->id).rfind(id, 0) == 0) resolved = id;
            if (resolved.empty()) {
                error = std::string(option) + " '" + item + "' matches no rule; valid ids: " + valid_ids() +
                        " (or a prefix such as VL1, or a rule's name; see --list-rules)";
                return false;
            }
            // An unreadable or unparseable input is never waived (the engine
            // ignores suppressions of it too): ignoring it would pass a gate
            // on a file nobody checked.
            if (std::string(option) == "--ignore" && std::string_view("VL001").rfind(resolved, 0) == 0) {
                error = "--ignore '" + item + "' would hide VL001: a file that cannot be read or parsed is always reported";
                return false;
            }
            out.push_back(resolved);
        }
    }
    return true;
}

RuleFilter make_rule_filter(std::vector<std::string> select, std::vector<std::string> ignore) {
    if (!select.empty()) {
        select.push_back("VL001");
        select.push_back("VL002");
    }
    return RuleFilter{std::move(select), std::move(ignore)};
}

}  // namespace vpclint
