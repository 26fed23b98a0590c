#include "cli/config_apply.h"

#include <filesystem>
#include <fstream>
#include <sstream>

#include "cli/path_glob.h"

namespace fs = std::filesystem;

namespace vpclint::rules::VL005 {
Diagnostic finding(const std::string& message, const Location& loc);  // rules/VL005_invalid_configuration.cpp
}

namespace vpclint {

bool config_excludes(const Config& c, const std::string& abs_path, bool is_dir) {
    if (c.exclude.empty()) return false;
    std::string rel = config_relative(c, abs_path);
    auto matches = [&](std::string_view path, bool dir) {
        for (const std::string& g : c.exclude) {
            // "build/" names a directory, as in .gitignore.
            std::string_view glob = g;
            if (!glob.empty() && glob.back() == '/') {
                if (!dir) continue;
                glob.remove_suffix(1);
            }
            if (glob_match(glob, path)) return true;
        }
        return false;
    };
    if (matches(rel, is_dir)) return true;
    // A file named on the command line inside an excluded directory.
    for (size_t slash = rel.find('/'); slash != std::string::npos; slash = rel.find('/', slash + 1))
        if (matches(std::string_view(rel).substr(0, slash), true)) return true;
    return false;
}

std::map<std::string, std::string> parameters_for(const Config& c, const std::string& file,
                                                  const std::map<std::string, std::string>& command_line) {
    std::map<std::string, std::string> out;
    if (!c.parameters.empty()) {
        std::string rel = config_relative(c, file);
        for (const auto& p : c.parameters)
            if (glob_match(p.glob, rel))
                for (const auto& [k, v] : p.value) out[k] = v;
    }
    for (const auto& [k, v] : command_line) out[k] = v;
    return out;
}

void config_stack_names(const Config& c, const std::vector<PreparedFile>& files,
                        std::map<std::string, std::string>& out) {
    for (const PreparedFile& f : files) {
        std::string rel = config_relative(c, f.result.path);
        for (const auto& s : c.stacks)
            if (glob_match(s.glob, rel)) out[fs::absolute(f.result.path).lexically_normal().string()] = s.value;
    }
}

std::function<void(std::vector<Model>&)> config_needs_hook(const Config& c) {
    return [&c](std::vector<Model>& models) { apply_config_needs(c, models); };
}

void apply_config_needs(const Config& c, std::vector<Model>& models) {
    if (c.functions.empty()) return;
    for (Model& m : models)
        for (Function& f : m.functions)
            for (const ConfigNeeds& n : c.functions) {
                if (!glob_match(n.function_glob, f.id)) continue;
                f.declared_needs_present = true;
                for (const std::string& need : n.needs) f.declared_needs.push_back({need, n.loc});
            }
}

namespace {

const RuleLevel* level_of(const Config& c, const std::string& id) {
    const RuleLevel* best = nullptr;
    size_t best_len = 0;
    for (const auto& [key, level] : c.levels)
        if (id.rfind(key, 0) == 0 && key.size() >= best_len) best = &level, best_len = key.size();
    return best;
}

}  // namespace

void apply_rule_levels(const Config& c, std::vector<Diagnostic>& diagnostics) {
    if (c.levels.empty()) return;
    std::vector<Diagnostic> kept;
    kept.reserve(diagnostics.size());
    for (Diagnostic& d : diagnostics) {
        const RuleLevel* l = d.rule_id == "VL001" ? nullptr : level_of(c, d.rule_id);
        if (l && l->off) continue;
        if (l) d.severity = l->severity;
        kept.push_back(std::move(d));
    }
    diagnostics = std::move(kept);
}

FileResult config_problems(const Config& c, const RuleFilter& filter) {
    FileResult r;
    r.path = c.path;
    r.analysed = true;
    if (filter.enabled("VL005"))
        for (const ConfigProblem& p : c.problems) r.diagnostics.push_back(rules::VL005::finding(p.message, p.loc));
    sort_diagnostics(r.diagnostics);
    std::ifstream in(c.path, std::ios::binary);
    std::ostringstream ss;
    ss << in.rdbuf();
    r.source = std::move(ss).str();
    return r;
}

}  // namespace vpclint
