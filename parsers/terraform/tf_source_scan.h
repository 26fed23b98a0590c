// A light scan of .tf files for `resource "type" "name" {` headers and the
// attribute lines inside them, so findings on a plan can point at the
// source. Not an HCL parser: heredocs and odd formatting may hide lines.
#pragma once
#include <map>
#include <string>
#include <unordered_map>

#include "core/location.h"

namespace vpclint::tf {

struct TfBlock {
    Location header;                               // the `resource` line
    std::unordered_map<std::string, Location> attributes;  // first line of each attribute / nested block name
};

// Blocks of every *.tf file directly in `dir`, keyed by "type.name".
std::map<std::string, TfBlock> scan_tf_dir(const std::string& dir);

}  // namespace vpclint::tf
