// Property paths of CloudFormation positions (core/property_path.h), recorded
// by the binders as they make Locations: the keys and sequence indices from
// the template's root down to the deepest node, or mapping key, that starts
// at the Location's line:col. The walk goes over the document as written
// (not the Fn::ForEach expansion), so a SAM resource gives the path in the
// file the user wrote ("Resources/Fn/Properties/VpcConfig/SubnetIds/0") and
// an item inherited from Globals its place there ("Globals/Function/...").
// YAML and JSON give the same path for the same template.
#pragma once
#include "core/document.h"
#include "core/property_path.h"

namespace vpclint::cfn {

// 0 when nothing starts at line:col.
PathId position_path(const Document& doc, uint32_t line, uint32_t col);

// `l` with its path recorded (l.path), when `l` is in `doc`'s file.
Location with_path(Location l, const Document& doc);

}  // namespace vpclint::cfn
