// Internet egress of each subnet, from its effective route table's default
// route (rules.md, "Internet egress of a subnet"), and of each function's
// subnets. Computed once per model in time linear in its size.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "core/diagnostic.h"
#include "core/model.h"

namespace vpclint {

enum class Egress : uint8_t {
    Public,    // 0.0.0.0/0 -> attached internet gateway: a function here still has NO internet
    Internet,  // 0.0.0.0/0 -> public NAT gateway (or NAT instance) in a public subnet
    None,      // no default route, a blackhole, or a NAT whose own path is broken
    Unknown,   // anything the model cannot decide: never flagged
};

std::string_view egress_name(Egress e);

struct SubnetEgress {
    Egress verdict = Egress::Unknown;
    std::string reason;            // one phrase: why this verdict
    int association = -1;          // the explicit SubnetAssociation, if any
    int route_table = -1;          // the effective route table, if known
    int default_route = -1;        // its IPv4 default route, if any
    // The chain that proves the verdict, in order: subnet -> (association) ->
    // route table -> route -> target (-> NAT's subnet -> its route table ->
    // route -> internet gateway).
    std::vector<RelatedLocation> path;
};

struct FunctionEgress {
    bool vpc_function = false;      // see is_vpc_function
    std::vector<uint32_t> subnets;  // resolved subnets, in list order, without duplicates
    bool all_subnets_known = true;  // the list is complete and every item resolved
};

// Two IPv4 default routes in one route table: CloudFormation refuses the
// second one ("already exists"), VL002 reports it.
struct DuplicateDefaultRoute {
    uint32_t route_table;
    uint32_t first_route;
    uint32_t second_route;
};

struct EgressAnalysis {
    std::vector<SubnetEgress> subnets;     // by subnet index
    std::vector<FunctionEgress> functions; // by function index
    std::vector<DuplicateDefaultRoute> duplicate_default_routes;
    // Internet gateway attachments: [igw] -> VPCs it is attached to; a gateway
    // with an attachment whose VPC the model cannot resolve is "unknown".
    std::vector<std::vector<uint32_t>> igw_vpcs;
    std::vector<bool> igw_attachment_unknown;
    // An attachment names a gateway the model cannot resolve: any gateway of
    // the model may be the one attached.
    bool some_attachment_unknown = false;
};

EgressAnalysis compute_egress(const Model& model);

const SubnetEgress& egress_of_subnet(const EgressAnalysis& e, uint32_t subnet);
const FunctionEgress& egress_of_function(const EgressAnalysis& e, uint32_t function);

// Whether internet gateway `igw` is attached to `vpc`: Yes / No / Unknown.
Tri igw_attached(const EgressAnalysis& e, uint32_t igw, uint32_t vpc);

// A VPC function: VpcConfig with at least one subnet and one security group
// (known or unknown); empty lists on both sides mean "not in a VPC".
bool is_vpc_function(const Function& f);

}  // namespace vpclint
