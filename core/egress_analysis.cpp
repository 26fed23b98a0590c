#include "core/egress_analysis.h"

namespace vpclint {

EgressAnalysis compute_egress(const Model&) { return {}; }

}  // namespace vpclint
