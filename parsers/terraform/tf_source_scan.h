// A light scan of .tf files for `resource "type" "name" {` headers and the
// attribute lines inside them, so findings on a plan can point at the
// source. Not an HCL parser: odd formatting may hide lines (then the block
// header, or the plan JSON, stands in).
#pragma once
#include <map>
#include <string>
#include <string_view>
#include <unordered_map>

#include "core/location.h"

namespace vpclint::tf {

struct TfBlock {
    Location header;  // the `resource` line
    // Attribute and nested-block lines, by path: nested blocks carry their
    // occurrence in source order, "vpc_config#0.subnet_ids", "route#1",
    // "environment#0.variables#0.API_URL". Also by bare name ("subnet_ids"),
    // the first occurrence anywhere in the block.
    std::unordered_map<std::string, Location> attributes;
};

// .tf files larger than this are not hand-written and are not read.
constexpr size_t kMaxTfFileBytes = 8u << 20;

// Blocks of every *.tf file directly in `dir`, keyed by "type.name"; module
// calls by "module.NAME" (their inputs as attributes). `texts`, when given,
// receives each file read (by the path locations carry) and its text, so
// reporters quote them without reading them again.
std::map<std::string, TfBlock> scan_tf_dir(const std::string& dir, std::map<std::string, std::string>* texts = nullptr);
// The same for one file's text (`shown` is the path locations carry).
void scan_tf_text(std::string_view text, const std::string& shown, std::map<std::string, TfBlock>& out);

}  // namespace vpclint::tf
