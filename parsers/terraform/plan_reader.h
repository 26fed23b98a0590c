// What the JSON loader builds of a Terraform plan (`terraform show -json`):
// the parts no binder reads are checked as strictly as the rest but not
// built. They are about half of a plan's bytes and would be most of its
// memory.
#pragma once
#include <string_view>
#include <unordered_set>

#include "parsers/json_loader.h"

namespace vpclint::tf {

// True when the root object's first key may be "format_version" (as
// `terraform show -json` writes it). A cheap look at the first bytes; the
// reader itself checks the decoded key.
bool starts_like_plan(std::string_view json);

// Not built (each a null node with the value's extent):
// resource_changes[].change.before, .after, .before_sensitive,
// .after_sensitive, .replace_paths (copies of planned_values and
// prior_state); the root's relevant_attributes, output_changes,
// resource_drift and checks; resources' sensitive_values; and prior_state's
// copies of resources planned_values has (the plan index takes the planned
// ones). A document whose first key is not "format_version" is built whole.
class PlanReader final : public JsonMemberPolicy {
public:
    Role root() override;
    Member member(Role object, std::string_view key, bool first) override;
    Role items(Role array) override;
    bool skip_rest(Role object, const MapEntry& first) override;
    void closed(Role object, const MapEntry* entries, size_t count) override;

private:
    bool plan_ = false;  // the root object's first key is format_version
    std::unordered_set<std::string_view> planned_;  // addresses of planned_values resources
};

}  // namespace vpclint::tf
