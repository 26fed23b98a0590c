#pragma once
#include "core/model.h"
#include "parsers/cfn/intrinsics.h"
#include "parsers/cfn/template.h"

namespace vpclint::cfn {

// Fills `m` with the entities of every resource that exists in the
// evaluator's scenario.
void bind_resources(const Template& tpl, Evaluator& ev, Model& m);

}  // namespace vpclint::cfn
