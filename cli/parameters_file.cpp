#include "cli/parameters_file.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <nlohmann/json.hpp>

#include "core/document.h"
#include "parsers/json_depth.h"

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
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "cannot read parameters file " + path;
        return false;
    }
    std::stringstream ss;
    ss << in.rdbuf();
    return parse_parameters_text(path, std::move(ss).str(), out, error);
}

bool parse_parameters_text(const std::string& path, const std::string& text, std::map<std::string, std::string>& out,
                           std::string& error) {
    auto position = [&](size_t at) {
        size_t line = 1, col = 1;
        for (size_t i = 0; i < at; ++i) {
            if (text[i] == '\n') {
                ++line;
                col = 1;
            } else if ((static_cast<unsigned char>(text[i]) & 0xC0) != 0x80) {
                ++col;
            }
        }
        return path + ":" + std::to_string(line) + ":" + std::to_string(col);
    };
    // Reading the values back (as_text) recurses: bound the nesting first.
    if (size_t deep = json_too_deep(text, kMaxDepth); deep != std::string::npos) {
        error = position(deep) + ": parameters file nests more than " + std::to_string(kMaxDepth) + " levels";
        return false;
    }
    nlohmann::json j;
    try {
        j = nlohmann::json::parse(text);
    } catch (const nlohmann::json::parse_error& e) {
        // e.byte is 1-based and points just past the offending character.
        size_t at = e.byte ? std::min<size_t>(e.byte - 1, text.size()) : 0;
        error = position(at) + ": parameters file is not valid JSON";
        return false;
    } catch (const nlohmann::json::exception& e) {
        // A number beyond double's range (5E+333) is out_of_range, not a parse error.
        error = path + ": parameters file cannot be read (" + e.what() + ")";
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
