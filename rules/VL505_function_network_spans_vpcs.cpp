// VL505 function-network-spans-vpcs: every subnet and security group of a
// function must belong to one VPC.
#include <set>

#include "rules/subnet_verdicts.h"

namespace vpclint::rules::VL505 {

extern const RuleDescriptor descriptor;
const RuleDescriptor descriptor{
    .id = "VL505",
    .slug = "function-network-spans-vpcs",
    .level = Severity::Error,
    .levels = "error",
    .summary = "A function's subnets and security groups belong to more than one VPC.",
    .rationale = "Lambda creates the function's network interfaces in one VPC: all subnets and security groups of "
                 "VpcConfig must belong to it, otherwise CreateFunction/UpdateFunctionConfiguration fails "
                 "(\"Security group and subnet must belong to the same VPC\").",
    .fix = "Use subnets and security groups of the same VPC.",
    .bad_example = "VpcConfig:\n  SubnetIds: [!Ref AppSubnetA]              # in AppVpc\n"
                   "  SecurityGroupIds: [!Ref SharedSecurityGroup]  # in SharedVpc\n",
    .good_example = "VpcConfig:\n  SubnetIds: [!Ref AppSubnetA]              # in AppVpc\n"
                    "  SecurityGroupIds: [!Ref AppSecurityGroup]  # in AppVpc\n",
    .tags = "networking lambda",
    .precision = "very-high",
};

namespace {

// Where a subnet or group lives, as far as the model can tell. VPCs of the
// model compare by index, VPCs outside it by id; a VPC of the model and an
// outside id are never compared (the id may be that same VPC).
struct Member {
    const Link* item;     // the list item
    bool group;           // a security group (else a subnet)
    std::string name;     // subnet or group id
    bool in_model;        // VPC resolved
    uint32_t vpc = 0;     // when in_model
    std::string vpc_id;   // when outside
};

std::string vpc_name(const Model& m, const Member& x) { return x.in_model ? m.vpcs[x.vpc].id : x.vpc_id; }

bool same_vpc(const Member& a, const Member& b) { return a.in_model ? a.vpc == b.vpc : a.vpc_id == b.vpc_id; }

std::string what(const Member& x) { return std::string(x.group ? "security group " : "subnet ") + x.name; }

const Member* first_elsewhere(const std::vector<const Member*>& xs, const Member& ref) {
    for (const Member* x : xs)
        if (!same_vpc(*x, ref)) return x;
    return nullptr;
}

template <class Entities>
std::vector<Member> members(const LinkList& list, const Entities& entities, bool group) {
    std::vector<Member> out;
    for (const Link& l : list.items) {
        if (!l.resolved() || l.index >= entities.size()) continue;
        const Link& vpc = entities[l.index].vpc;
        if (vpc.resolved()) out.push_back({&l, group, entities[l.index].id, true, vpc.index, {}});
        else if (vpc.state == LinkState::External && vpc.text.rfind("vpc-", 0) == 0)
            out.push_back({&l, group, entities[l.index].id, false, 0, vpc.text});
    }
    return out;
}

}  // namespace

void check(const RuleContext& ctx) {
    const Model& m = ctx.model;
    for (uint32_t i = 0; i < m.functions.size(); ++i) {
        const Function& f = m.functions[i];
        if (!egress_of_function(ctx.analyses.egress, i).vpc_function) continue;
        std::vector<Member> subnets = members(f.subnets, m.subnets, false);
        std::vector<Member> groups = members(f.security_groups, m.security_groups, true);
        for (bool in_model : {true, false}) {
            std::vector<const Member*> subnet_side, group_side;
            for (const Member& x : subnets)
                if (x.in_model == in_model) subnet_side.push_back(&x);
            for (const Member& x : groups)
                if (x.in_model == in_model) group_side.push_back(&x);
            // Compare everything with the first subnet (else the first group).
            const Member* a = nullptr;
            const Member* b = nullptr;
            bool groups_odd = false;
            if (!subnet_side.empty()) {
                a = subnet_side.front();
                b = first_elsewhere(subnet_side, *a);
                if (!b) groups_odd = (b = first_elsewhere(group_side, *a)) != nullptr;
            } else if (!group_side.empty()) {
                a = group_side.front();
                groups_odd = (b = first_elsewhere(group_side, *a)) != nullptr;
            }
            if (!b) continue;
            // The subnets decide where the network interfaces go: when they
            // agree, the security group list is the one to change.
            const Location& at = groups_odd ? f.security_groups.loc : f.subnets.loc;
            Diagnostic& d = ctx.report(Severity::Error, at, f.id,
                                       "Function " + f.id + "'s " + what(*a) + " is in VPC " + vpc_name(m, *a) + " but its " +
                                           what(*b) + " is in VPC " + vpc_name(m, *b) +
                                           ", so Lambda cannot create its network interfaces.");
            d.path = {{a->item->loc, "function " + f.id + " uses " + what(*a) + ", in VPC " + vpc_name(m, *a)},
                      {b->item->loc, "and " + what(*b) + ", in VPC " + vpc_name(m, *b)}};
            for (const Member* x : {a, b})
                if (x->in_model) d.related.push_back({m.vpcs[x->vpc].loc, "VPC " + m.vpcs[x->vpc].id});
            break;  // one finding per function
        }
    }
}

}  // namespace vpclint::rules::VL505
