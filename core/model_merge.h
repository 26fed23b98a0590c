// Copies one model's entities into another, so that stacks analysed as one
// system (an application stack importing a network stack's subnets) share a
// model: every resolved link of the copied entities is shifted to the
// entities' new indices.
#pragma once
#include <cstdint>

#include "core/model.h"
#include "core/model_links.h"

namespace vpclint {

// MergeOffsets (core/model_links.h): where the copied entities start in each
// of `into`'s vectors.
// Appends `from`'s entities (not its problems, suppressions or exports: those
// are reported with `from`'s own file) and re-derives the child indices.
MergeOffsets append_model(Model& into, const Model& from);

}  // namespace vpclint
