#include "parsers/cfn/sam_implicit_role.h"

#include "parsers/cfn/sam_events.h"
#include "parsers/cfn/sam_role_policies.h"

namespace vpclint::cfn {

using Kind = EValue::Kind;

namespace {

// SAM tests properties with Python truthiness (`if self.VpcConfig:`): an
// empty mapping, list or string is false; an intrinsic function is true.
// A value that evaluates to AWS::NoValue is absent here while SAM sees the
// intrinsic; then the function has no VpcConfig, and the VPC policy's ENI
// actions matter to no rule.
bool truthy(const EValue* v) {
    if (!v) return false;
    switch (v->kind) {
        case Kind::NoValue:
        case Kind::Null: return false;
        case Kind::Scalar: return !v->text.empty() && v->text != "false" && v->text != "0";
        case Kind::List: return !v->items.empty();
        case Kind::Map: return !v->fields.empty();
        default: return true;
    }
}

// IAMRolePolicies.lambda_assume_role_policy.
PolicyDocument lambda_trust_policy(const Location& at) {
    PolicyDocument d;
    d.present = true;
    d.loc = at;
    PolicyStatement s;
    s.loc = at;
    s.actions.push_back(Text{true, true, "sts:AssumeRole", "", true, at});
    s.service_principals.push_back(Text{true, true, "lambda.amazonaws.com", "", true, at});
    d.statements.push_back(std::move(s));
    return d;
}

// DeadLetterQueue: {Type: SQS|SNS, TargetArn} (dead_letter_queue_policy_actions).
void add_dead_letter_queue(const BindContext& c, const EValue& props, const Location& at, Role& role) {
    const EValue* dlq = props.field("DeadLetterQueue");
    const EValue* type = dlq ? dlq->field("Type") : nullptr;
    if (!type || type->kind != Kind::Scalar) return;
    Text target = c.text(dlq->field("TargetArn"), nullptr);
    if (type->text == "SQS") role.inline_policies.push_back(sam_service_policy({"sqs:SendMessage"}, target, at));
    if (type->text == "SNS") role.inline_policies.push_back(sam_service_policy({"sns:Publish"}, target, at));
}

// EventInvokeConfig.DestinationConfig.{OnSuccess,OnFailure}
// (_validate_and_inject_resource, _add_event_invoke_managed_policy): without
// a Destination, SAM creates the SQS queue or SNS topic itself.
void add_event_invoke_destinations(const BindContext& c, const EValue& props, const Location& at, Role& role) {
    const EValue* config = props.field("EventInvokeConfig");
    const EValue* destinations = config ? config->field("DestinationConfig") : nullptr;
    if (!destinations) return;
    for (const char* which : {"OnSuccess", "OnFailure"}) {
        const EValue* d = destinations->field(which);
        const EValue* type = d ? d->field("Type") : nullptr;
        if (!type || type->kind != Kind::Scalar) continue;
        const EValue* destination = d->field("Destination");
        Text resource = destination ? c.text(destination, nullptr)
                                    : unknown_resource("the " + type->text + " destination SAM creates", at);
        auto add = [&](std::initializer_list<std::string_view> actions, Text r) {
            role.inline_policies.push_back(sam_service_policy(actions, std::move(r), at));
        };
        if (type->text == "SQS") add({"sqs:SendMessage"}, resource);
        else if (type->text == "SNS") add({"sns:publish"}, resource);
        else if (type->text == "EventBridge") add({"events:PutEvents"}, resource);
        else if (type->text == "Lambda") add({"lambda:InvokeFunction"}, resource);
        else if (type->text == "S3Bucket") {
            add({"s3:PutObject"}, unknown_resource("the objects of the destination bucket", at));
            add({"s3:ListBucket"}, resource);
        }
    }
}

}  // namespace

void fill_sam_implicit_role(const BindContext& c, const ResourceInfo& function, const EValue& props, Role& role) {
    const Location at = role.loc;
    role.generated_from = function.id;
    const EValue* trust = props.field("AssumeRolePolicyDocument");
    role.trust_policy = trust ? c.policy(trust, function.node) : lambda_trust_policy(at);

    // Functions with DurableConfig get the durable variant of the basic policy.
    add_managed_policy(role,
                       sam_managed_policy_arn(truthy(props.field("DurableConfig"))
                                                  ? "service-role/AWSLambdaBasicDurableExecutionRolePolicy"
                                                  : "service-role/AWSLambdaBasicExecutionRole",
                                              at),
                       Link{}, at);
    // Tracing other than "Disabled" adds the X-Ray policy, whose name depends
    // on the partition (get_xray_managed_policy_name): AWSXrayWriteOnlyAccess
    // in aws, AWSXRayDaemonWriteAccess elsewhere. Its content stays unknown.
    const EValue* tracing = props.field("Tracing");
    if (truthy(tracing) && !(tracing->kind == Kind::Scalar && tracing->text == "Disabled")) {
        Text xray = sam_managed_policy_arn("AWSXrayWriteOnlyAccess", at);
        xray.reason = "SAM picks the X-Ray policy by partition, which is set at deploy time";
        add_managed_policy(role, std::move(xray), Link{}, at);
    }
    if (truthy(props.field("VpcConfig")))
        add_managed_policy(role, sam_managed_policy_arn("service-role/AWSLambdaVPCAccessExecutionRole", at), Link{}, at);

    add_dead_letter_queue(c, props, at, role);
    add_event_invoke_destinations(c, props, at, role);
    if (const EValue* policies = props.field("Policies")) add_sam_policies(c, *policies, function.node, role);
    add_sam_event_permissions(c, function, props, role);
    role.permissions_boundary = c.text(props.field("PermissionsBoundary"), function.node);
}

}  // namespace vpclint::cfn
