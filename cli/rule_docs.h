// Rule documentation rendered from the descriptors: --list-rules, --explain
// and docs/rules/*.md all come from here, so nothing is written twice.
#pragma once
#include <string>

#include "core/rule.h"

namespace vpclint {

std::string rule_markdown(const RuleDescriptor& d);  // docs/rules/<ID>.md
std::string rules_index_markdown();                  // docs/rules/README.md
std::string rule_list_text();                        // --list-rules
std::string rule_explain_text(const RuleDescriptor& d);  // --explain ID

// Writes every page into `dir`; returns false with a message on failure.
bool write_rule_docs(const std::string& dir, std::string& error);

}  // namespace vpclint
