// Internet egress of each subnet (issue 4 fills this in).
#pragma once
#include "core/model.h"

namespace vpclint {

struct EgressAnalysis {};

EgressAnalysis compute_egress(const Model& model);

}  // namespace vpclint
