// A SAM function's Events that the Lambda service polls (SQS, Kinesis,
// DynamoDB, MSK, MQ, SelfManagedKafka, DocumentDB): each becomes an
// AWS::Lambda::EventSourceMapping, and each adds what the poller needs to the
// role SAM generates (samtranslator model/eventsources/pull.py).
#pragma once
#include <cstdint>

#include "parsers/cfn/bind_context.h"

namespace vpclint::cfn {

// Adds one event source mapping per polled event, with SAM's logical id
// `<Function><EventName>`, linked to function `function_index`.
void add_sam_event_source_mappings(BindContext& c, const ResourceInfo& r, const EValue& props,
                                   uint32_t function_index);

// What PullEventSource._link_policy adds to the generated role: the AWS
// managed execution policy of the source, the inline statements it writes
// (secrets, brokers, clusters) and the policy of an OnFailure destination.
void add_sam_event_permissions(const BindContext& c, const ResourceInfo& r, const EValue& props, Role& role);

}  // namespace vpclint::cfn
