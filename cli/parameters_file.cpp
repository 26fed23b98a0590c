#include "cli/parameters_file.h"

#include <fstream>
#include <nlohmann/json.hpp>

namespace vpclint {

bool parse_parameter_args(const std::vector<std::string>& items, std::map<std::string, std::string>& out,
                          std::string& error) {
    for (const std::string& item : items) {
        size_t eq = item.find('=');
        if (eq == std::string::npos || eq == 0) {
            error = "--parameter expects Key=Value, got '" + item + "'";
            return false;
        }
        out[item.substr(0, eq)] = item.substr(eq + 1);
    }
    return true;
}

namespace {

std::string as_text(const nlohmann::json& v) {
    if (v.is_string()) return v.get<std::string>();
    if (v.is_array()) {  // a list parameter given as a JSON list
        std::string s;
        for (const auto& i : v) {
            if (!s.empty()) s += ',';
            s += as_text(i);
        }
        return s;
    }
    return v.dump();
}

}  // namespace

bool read_parameters_file(const std::string& path, std::map<std::string, std::string>& out, std::string& error) {
    std::ifstream in(path);
    if (!in) {
        error = "cannot read parameters file " + path;
        return false;
    }
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded()) {
        error = "parameters file " + path + " is not valid JSON";
        return false;
    }
    if (j.is_object() && j.contains("Parameters") && j["Parameters"].is_object()) j = j["Parameters"];
    if (j.is_array()) {
        for (const auto& item : j) {
            if (!item.is_object() || !item.contains("ParameterKey") || !item["ParameterKey"].is_string()) {
                error = "parameters file " + path + ": every entry needs a ParameterKey";
                return false;
            }
            // UsePreviousValue entries have no value: the parameter stays unknown.
            if (!item.contains("ParameterValue")) continue;
            out[item["ParameterKey"].get<std::string>()] = as_text(item["ParameterValue"]);
        }
        return true;
    }
    if (j.is_object()) {
        for (const auto& [k, v] : j.items()) out[k] = as_text(v);
        return true;
    }
    error = "parameters file " + path + " must be a list of {ParameterKey, ParameterValue} or an object";
    return false;
}

}  // namespace vpclint
