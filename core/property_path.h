// Normalised property paths: where a finding is, independent of lines and of
// the input's syntax (YAML or JSON, plan or .tf), for baseline entries.
//   CloudFormation: "Resources/DirectoryFunction/Properties/VpcConfig/SubnetIds/0"
//   Terraform:      "module.app.aws_lambda_function.fn/vpc_config/0/subnet_ids/1"
// The frontends record a path where they record a Location. A Location
// carries only a 4-byte handle (Location::path) into one table of interned
// steps shared by the process: a path is a chain of (parent, step) pairs and
// each step's text is stored once, so a plan's thousands of
// `vpc_config/0/subnet_ids` cost one string each, not one per Location.
// Handles survive copying Locations between models (stacks linked into one)
// and into diagnostics, which a per-model table would not. The table only
// grows; a long-running process (the language server) keeps the paths of
// what it has read, each once.
#pragma once
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace vpclint {

using PathId = uint32_t;  // 0: the empty path (none recorded)

// `parent` extended by one step: a key or a sequence index. Thread-safe.
PathId path_step(PathId parent, std::string_view step);
// `parent` extended by several steps, under one lock.
PathId path_steps(PathId parent, const std::vector<std::string>& steps);
// The steps joined by '/'; "" for 0.
std::string path_text(PathId id);

// The number of distinct paths interned so far (for tests and measurements).
size_t path_table_size();

}  // namespace vpclint
