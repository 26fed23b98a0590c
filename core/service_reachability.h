// Whether a function reaches an AWS service's API from its subnets (VPC user
// guide, "Access AWS services through AWS PrivateLink" and "Gateway
// endpoints"): through the internet (a NAT path), a gateway endpoint on the
// subnet's route table (S3, DynamoDB), or an interface endpoint in the
// subnet's VPC with private DNS on, so that the SDK's default host name
// resolves to it. An interface endpoint with private DNS off answers only at
// its own vpce-… names; a gateway endpoint serves only the route tables it is
// associated with. Three-valued: anything the model cannot decide (an
// endpoint whose service, VPC, type, route tables or DNS setting is unknown)
// makes the answer Unknown.
#pragma once
#include <cstdint>
#include <string>
#include <vector>

#include "core/aws_services.h"
#include "core/egress_analysis.h"
#include "core/model.h"
#include "core/needs_analysis.h"
#include "core/security_group_analysis.h"

namespace vpclint {

// The model's VPC endpoints by VPC, built once per model.
struct EndpointIndex {
    std::vector<std::vector<uint32_t>> by_vpc;  // [vpc] -> endpoints whose VPC it is
    std::vector<uint32_t> unknown_vpc;          // endpoints whose VPC is not known
};

EndpointIndex index_endpoints(const Model& m);

// The VPC whose endpoints can serve a subnet: its route table's, else its own.
const Link& vpc_of_subnet(const Model& m, const SubnetEgress& e, uint32_t subnet);

struct SubnetServiceReach {
    Tri reachable = Tri::Unknown;
    std::string reason;  // "through NAT gateway NatGateway", "gateway endpoint DynamoDbEndpoint on PrivateRouteTableA"
    int endpoint = -1;   // the endpoint that serves it, or the one that makes it unknown
    // When not reachable: endpoints of the service in the subnet's VPC that
    // would serve it with a change (gateway endpoints not associated with
    // the subnet's route table; interface endpoints with private DNS off).
    std::vector<uint32_t> gateway_elsewhere;
    std::vector<uint32_t> interface_without_dns;
    // Interface endpoints that would serve it (private DNS on, or the
    // function uses their own names) but whose security groups admit no
    // HTTPS from the function (VL403), with the answer that says why.
    std::vector<uint32_t> interface_blocked;
    std::vector<SgAnswer> blocked_answers;
};

// The function's end of an HTTPS connection to an interface endpoint: its
// security groups and its subnets' addresses.
struct ServiceClient {
    const SecurityGroupAnalysis* groups = nullptr;  // nullptr: security groups are not judged
    SgPeer peer;
};

// `need` may be nullptr (then the SDK's default host names are assumed).
// Without a client, an interface endpoint with private DNS serves whatever
// its security groups say.
SubnetServiceReach subnet_reaches_service(const Model& m, const EgressAnalysis& egress, const EndpointIndex& eps,
                                          uint32_t subnet, const AwsService& service, const ServiceNeed* need,
                                          const ServiceClient* client = nullptr);

// One needed service, judged over all of a function's subnets.
struct FunctionServiceReach {
    const ServiceNeed* need = nullptr;
    const AwsService* service = nullptr;
    // Every subnet is known, its egress is none or public, the need is one
    // the model can judge: only then may a rule say "unreachable".
    bool judged = false;
    std::string why_not_judged;
    std::vector<uint32_t> subnets;              // the function's subnets, in list order
    std::vector<SubnetServiceReach> per_subnet; // same order
    Tri reachable = Tri::Unknown;               // No when some subnet certainly cannot reach it
};

// Every service the function needs that is in the service table, in the
// order of its needs.
// With `groups`, interface endpoints are judged by whether their security
// groups admit HTTPS (443) from the function's groups or subnets.
std::vector<FunctionServiceReach> function_service_reach(const Model& m, const EgressAnalysis& egress,
                                                         const NeedsAnalysis& needs, const EndpointIndex& eps,
                                                         uint32_t function,
                                                         const SecurityGroupAnalysis* groups = nullptr);

}  // namespace vpclint
