// VL504 invalid-network-id: a literal that is not shaped like a subnet or
// security group id, usually a missing !Ref.
#include <re2/re2.h>

#include "core/rule.h"

namespace vpclint::rules::VL504 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL504",
    .slug = "invalid-network-id",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A literal in a function's subnet or security-group list is not shaped like an id.",
    .rationale = "Subnet ids are `subnet-` and security group ids `sg-` followed by 8 or 17 hexadecimal digits. "
                 "A literal such as `PrivateSubnet1ID` is almost always a parameter or resource name written "
                 "without `!Ref`; CloudFormation accepts the template and the deployment then fails with an "
                 "invalid-id error from Lambda.",
    .fix = "Reference the parameter or resource with !Ref (or use a parameter of type AWS::EC2::Subnet::Id / "
           "AWS::EC2::SecurityGroup::Id).",
    .bad_example = "VpcConfig:\n  SubnetIds:\n    - PrivateSubnet1ID\n  SecurityGroupIds:\n    - !Ref "
                   "FunctionSecurityGroup\n",
    .good_example = "VpcConfig:\n  SubnetIds:\n    - !Ref PrivateSubnet1ID\n  SecurityGroupIds:\n    - !Ref "
                    "FunctionSecurityGroup\n",
    .tags = "networking lambda correctness",
    .precision = "very-high",
};

namespace {

// `subnet-` + hexadecimal digits, but not 8 or 17 of them: a truncated or
// over-long id, not a name.
bool wrong_length_id(const std::string& text, std::string_view prefix, size_t& digits) {
    if (text.rfind(prefix, 0) != 0 || text.size() == prefix.size()) return false;
    for (size_t i = prefix.size(); i < text.size(); ++i)
        if (!((text[i] >= '0' && text[i] <= '9') || (text[i] >= 'a' && text[i] <= 'f'))) return false;
    digits = text.size() - prefix.size();
    return true;
}

void check_list(const RuleContext& ctx, const Function& f, const LinkList& list, const RE2& shape,
                const char* what, std::string_view prefix, const char* property) {
    for (const Link& item : list.items) {
        // Only literals written in the list itself: a parameter's default is a
        // placeholder the deployer overrides.
        if (item.state != LinkState::External || !item.literal) continue;
        if (RE2::FullMatch(item.text, shape)) continue;
        size_t digits = 0;
        if (wrong_length_id(item.text, prefix, digits)) {
            ctx.report(Severity::Error, item.loc, f.id,
                       "Function " + f.id + " lists '" + item.text + "' in its VPC " + property + origin_note(item) + ", which has " +
                           std::to_string(digits) + " hexadecimal digits after '" + std::string(prefix) + "' where a " +
                           what + " id has 8 or 17, so the deployment fails; the id is " +
                           (digits < 17 ? "truncated" : "too long") + ".",
                       std::string("Copy the full ") + what + " id (" + std::string(prefix) +
                           " and 8 or 17 hexadecimal digits), or reference the " + what + " with !Ref.");
            continue;
        }
        ctx.report(Severity::Error, item.loc, f.id,
                   "Function " + f.id + " lists '" + item.text + "' in its VPC " + property + origin_note(item) + ", which is not a " + what +
                       " id, so the deployment fails; it is usually a name written without !Ref.",
                   std::string("Reference ") + item.text + " (!Ref in CloudFormation) or write the real " + what + " id.");
    }
}

}  // namespace

void check(const RuleContext& ctx) {
    static const RE2 kSubnet("subnet-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    static const RE2 kGroup("sg-(?:[0-9a-f]{8}|[0-9a-f]{17})");
    for (const Function& f : ctx.model.functions) {
        check_list(ctx, f, f.subnets, kSubnet, "subnet", "subnet-", "subnet list");
        check_list(ctx, f, f.security_groups, kGroup, "security group", "sg-", "security group list");
    }
}

}  // namespace vpclint::rules::VL504
