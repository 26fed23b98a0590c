// Effective permissions and trust of each IAM role, computed once per model.
//
// A role's identity-based permissions are the union of its inline policies,
// its managed policies (AWS-managed ones from core/managed_policies.h, customer
// ones defined in the model) and the policies that name it in their Roles
// list; an explicit Deny overrides any Allow; a permissions boundary caps the
// result. https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_evaluation-logic.html
//
// Every answer is three-valued and errs toward Unknown: a policy whose content
// is not known, an unknown action entry or resource, a Condition, could each
// change the answer, so they never let the analysis claim Yes or No.
//   - An Allow with a Condition grants Unknown (the condition may not hold).
//   - A Deny decides No only when it certainly applies: known effect, action
//     named, Resource "*", no Condition. A conditioned or resource-scoped Deny
//     does not remove the permission, but it keeps a Yes from being certain
//     (the Lambda guide itself shows ENI Denies conditioned on
//     lambda:SourceFunctionArn that leave Lambda's own calls allowed).
//   - An Allow scoped to specific resources grants Unknown, except for actions
//     that only work with Resource "*" (EC2 Describe* calls), which it does not
//     grant at all.
//
// The IamAnalysis points into the Model it was computed from (and into the
// static managed-policy table): it is valid while that Model lives unchanged.
#pragma once
#include <array>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/model.h"

namespace vpclint {

// The actions Lambda uses with the execution role to manage a VPC function's
// network interfaces. "The provided execution role does not have permissions
// to call CreateNetworkInterface on EC2" is the error without them.
// https://docs.aws.amazon.com/lambda/latest/dg/configuration-vpc.html#configuration-vpc-permissions
inline constexpr std::array<std::string_view, 3> kLambdaEniActions = {
    "ec2:CreateNetworkInterface", "ec2:DescribeNetworkInterfaces", "ec2:DeleteNetworkInterface"};

inline constexpr std::string_view kLambdaServicePrincipal = "lambda.amazonaws.com";

// One policy document that applies to a role.
struct AppliedPolicy {
    std::string name;    // "AWSLambdaBasicExecutionRole", "inline policy 1", "EniPolicy"
    const PolicyDocument* document = nullptr;  // nullptr when its content is unknown
    std::string unknown_reason;                // when document is nullptr
    Location loc;                              // where the role gets it
};

// A three-valued answer and what decided it.
struct IamAnswer {
    Tri value = Tri::Unknown;
    std::string reason;  // for No: what rules it out; for Unknown: what is not known
    Location loc;        // the statement or policy that decided it, when one did
};

struct RoleIam {
    std::vector<AppliedPolicy> policies;
    // Something may add permissions that the list above does not show: an
    // unknown managed-policy list, a policy attached to unknown roles, ...
    std::vector<std::string> unknown_attachments;
    // Policies attached to a list of roles that is partly unknown: they may
    // apply to this role, so they can make an answer Unknown, never Yes.
    std::vector<AppliedPolicy> maybe_attached;
    // The permissions boundary, when the role has one: nullptr with
    // boundary_present means its content is unknown.
    bool boundary_present = false;
    const PolicyDocument* boundary = nullptr;
    std::string boundary_name;
    const PolicyDocument* trust = nullptr;  // the role's trust policy (present or not)

    // Computed once: the ENI actions and the trust of the Lambda service.
    std::array<IamAnswer, kLambdaEniActions.size()> eni;
    IamAnswer lambda_trust;

    // The ENI actions the role certainly lacks (empty when none is certainly missing).
    std::vector<std::string_view> missing_eni_actions() const;
};

struct IamAnalysis {
    std::vector<RoleIam> roles;  // by Model::roles index

    // May the role call `action` ("ec2:CreateNetworkInterface")?
    IamAnswer allows(uint32_t role, std::string_view action) const;
    // May `service` ("lambda.amazonaws.com") assume the role (sts:AssumeRole)?
    IamAnswer can_assume(uint32_t role, std::string_view service) const;
};

IamAnalysis compute_iam(const Model& model);

// The evaluation itself, for one set of documents; exposed for tests and for
// analyses that hold documents outside a role.
IamAnswer evaluate_allows(const RoleIam& role, std::string_view action);
IamAnswer evaluate_trust(const PolicyDocument& trust, std::string_view service);

}  // namespace vpclint
