// What each function needs to reach, from evidence (issue 4 fills this in).
#pragma once
#include "core/model.h"

namespace vpclint {

struct NeedsAnalysis {};

NeedsAnalysis compute_needs(const Model& model);

}  // namespace vpclint
