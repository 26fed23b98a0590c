// Parameter values from the command line and from AWS CLI parameter files.
#pragma once
#include <map>
#include <string>
#include <vector>

namespace vpclint {

// `Key=Value` items; false with a message for an item without '='.
bool parse_parameter_args(const std::vector<std::string>& items, std::map<std::string, std::string>& out,
                          std::string& error);

// The AWS CLI format [{"ParameterKey": "K", "ParameterValue": "V"}, …]; a
// plain {"K": "V"} object and the {"Parameters": {…}} form of
// `aws cloudformation deploy --parameter-overrides` files are accepted too.
bool read_parameters_file(const std::string& path, std::map<std::string, std::string>& out, std::string& error);
// The same for text already read (`path` is named in messages).
bool parse_parameters_text(const std::string& path, const std::string& text, std::map<std::string, std::string>& out,
                           std::string& error);

}  // namespace vpclint
