#include "core/analyses.h"

namespace vpclint {

Analyses compute_analyses(const Model& model) {
    Analyses a;
    a.egress = compute_egress(model);
    a.iam = compute_iam(model);
    a.needs = compute_needs(model, &a.iam);
    a.endpoints = index_endpoints(model);
    a.groups = compute_security_groups(model);
    a.resources = compute_resource_uses(model);
    return a;
}

}  // namespace vpclint
