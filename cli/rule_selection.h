// --select / --ignore: what the user typed, resolved against the rule catalog.
// A gate that selects a rule that does not exist checks nothing and passes,
// so every item must name at least one rule.
#pragma once
#include <string>
#include <vector>

#include "core/engine.h"

namespace vpclint {

// Splits "VL101, vl5,invalid-network-id" (repeatable options, commas, spaces)
// into items; each is an id, an id prefix (VL1 = VL1xx) or a slug, matched
// case-insensitively, and comes back as the canonical id or prefix. Returns
// false with a message naming the valid ids when an item matches no rule, or
// when --ignore would cover VL001.
bool resolve_rule_items(const std::vector<std::string>& args, const char* option, std::vector<std::string>& out,
                        std::string& error);

// The filter for the run. VL001 (unreadable input) and VL002 (invalid
// template) are always selected: --select must never hide that a file was not
// analysed. (--ignore VL002 is honoured; --ignore VL001 is refused above.)
RuleFilter make_rule_filter(std::vector<std::string> select, std::vector<std::string> ignore);

}  // namespace vpclint
