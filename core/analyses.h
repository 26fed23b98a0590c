// Analyses computed once per model and shared by the rules.
#pragma once
#include "core/egress_analysis.h"
#include "core/iam_analysis.h"
#include "core/model.h"
#include "core/needs_analysis.h"
#include "core/resource_uses.h"
#include "core/service_reachability.h"
#include "core/security_group_analysis.h"

namespace vpclint {

struct Analyses {
    EgressAnalysis egress;
    NeedsAnalysis needs;
    IamAnalysis iam;
    EndpointIndex endpoints;
    SecurityGroupAnalysis groups;
    ResourceUses resources;
};

Analyses compute_analyses(const Model& model);

}  // namespace vpclint
