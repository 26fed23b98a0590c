// Globals.Function merged into an AWS::Serverless::Function's properties the
// way aws-sam-translator merges them (samtranslator/plugins/globals/globals.py).
#pragma once
#include "parsers/cfn/cfn_value.h"
#include "parsers/cfn/intrinsics.h"
#include "parsers/cfn/template.h"

namespace vpclint::cfn {

// The function's properties with Globals.Function merged in, evaluated in the
// evaluator's scenario. Every value keeps the node where it was written (the
// Globals section or the function), so findings point there.
EValue sam_function_properties(const Template& tpl, Evaluator& ev, const ResourceInfo& r);

}  // namespace vpclint::cfn
