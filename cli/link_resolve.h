// Substituting what another stack publishes (an export, a nested stack's
// output) into the links that read it: shared by cli/link_stacks and
// cli/link_nested_stacks. The reading model holds a copy of the publishing
// model's entities (core/model_merge) when the value names a resource.
#pragma once
#include "core/model_links.h"
#include "parsers/cfn/stack_exports.h"

namespace vpclint {

// Whether resolving against `e` needs the publishing model's entities.
bool needs_entities(const cfn::StackExport& e);

// A link that reads `e`: External for a known id, Resolved to the copied
// entity `e` names when `t`'s vector holds it (`copied`: where the copy
// starts; null when nothing was copied); otherwise unchanged (unknown).
void resolve_link(const Model& m, Link& l, LinkTarget t, const cfn::StackExport& e, const MergeOffsets* copied);

// A list that is `e` split by `ls.split`: the export's joined items, or its
// known value split. Left incomplete when the export's value is unknown.
void resolve_list(const Model& m, LinkList& ls, LinkTarget t, const cfn::StackExport& e, const MergeOffsets* copied);

// An export given only by its value (`--exports`, list-exports JSON).
cfn::StackExport literal_export(const std::string& name, const std::string& value);

}  // namespace vpclint
