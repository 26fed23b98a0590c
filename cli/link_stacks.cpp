#include "cli/link_stacks.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "core/model_merge.h"

namespace fs = std::filesystem;

namespace vpclint {

bool read_exports_file(const std::string& path, std::map<std::string, std::string>& out, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = "--exports " + path + ": cannot read the file";
        return false;
    }
    nlohmann::json j = nlohmann::json::parse(in, nullptr, false);
    if (j.is_discarded() || !j.is_object() || !j.contains("Exports") || !j["Exports"].is_array()) {
        error = "--exports " + path + ": not the JSON of `aws cloudformation list-exports` ({\"Exports\": [...]})";
        return false;
    }
    for (const auto& e : j["Exports"]) {
        if (!e.is_object() || !e.contains("Name") || !e.contains("Value") || !e["Name"].is_string() ||
            !e["Value"].is_string()) {
            error = "--exports " + path + ": each export needs a string Name and Value";
            return false;
        }
        out[e["Name"].get<std::string>()] = e["Value"].get<std::string>();
    }
    return true;
}

namespace {

std::string abs_normal(const std::string& p) {
    std::error_code ec;
    return fs::absolute(p, ec).lexically_normal().string();
}

// "${AWS::StackName}-PublicSubnetA" with the stack's name; nullopt while any
// other part stays unknown.
std::optional<std::string> with_stack_name(const Text& t, const std::string& stack) {
    if (t.known) return t.value;
    if (t.value.empty() || stack.empty()) return std::nullopt;
    std::string s = t.value;
    const std::string pseudo = "${AWS::StackName}";
    for (size_t at; (at = s.find(pseudo)) != std::string::npos;) s.replace(at, pseudo.size(), stack);
    if (s.find("${") != std::string::npos) return std::nullopt;
    return s;
}

struct ExportSite {
    size_t file;
    const cfn::StackExport* e;
};

template <typename T>
std::optional<uint32_t> find_by_id(const std::vector<T>& v, uint32_t from, const std::string& id) {
    for (uint32_t i = from; i < v.size(); ++i)
        if (v[i].id == id) return i;
    return std::nullopt;
}

}  // namespace

void link_stacks(std::vector<PreparedFile>& files, const StackLinkOptions& opts) {
    // Stack names: given, else the file's stem when no other template has it.
    std::vector<std::string> names(files.size());
    std::map<std::string, int> stems;
    for (const PreparedFile& f : files)
        if (f.result.kind == InputKind::CloudFormation && !f.models.empty())
            ++stems[fs::path(f.result.path).stem().string()];
    for (size_t i = 0; i < files.size(); ++i) {
        const PreparedFile& f = files[i];
        if (f.result.kind != InputKind::CloudFormation || f.models.empty()) continue;
        auto it = opts.stack_names.find(abs_normal(f.result.path));
        std::string stem = fs::path(f.result.path).stem().string();
        names[i] = it != opts.stack_names.end() ? it->second : stems[stem] == 1 ? stem : std::string();
    }

    // Every export of a template with one scenario (with several, which
    // value an export has depends on the deployer's choice). A name two
    // templates export is ambiguous (CloudFormation allows it once per
    // region), so neither is used.
    std::map<std::string, std::optional<ExportSite>> exported;
    for (size_t i = 0; i < files.size(); ++i) {
        const PreparedFile& f = files[i];
        if (f.result.kind != InputKind::CloudFormation || f.models.size() != 1) continue;
        for (const cfn::StackExport& e : f.exports) {
            if (!e.name.present) continue;  // an output only the parent stack reads
            std::optional<std::string> name = with_stack_name(e.name, names[i]);
            if (!name) continue;
            auto [it, inserted] = exported.try_emplace(*name, ExportSite{i, &e});
            if (!inserted) it->second.reset();
        }
    }
    if (exported.empty() && opts.exports.empty()) return;

    // The exporting models as they were before any linking, so that two
    // stacks importing from each other copy each other's own entities only.
    std::map<size_t, Model> originals;
    for (const auto& [name, site] : exported)
        if (site && !originals.count(site->file)) originals.emplace(site->file, files[site->file].models.front());

    for (size_t i = 0; i < files.size(); ++i) {
        PreparedFile& f = files[i];
        if (f.result.kind != InputKind::CloudFormation) continue;
        for (Model& m : f.models) {
            // The importing model's own functions (copied ones are the other
            // stack's business), counted before anything is copied in.
            const size_t own_functions = m.functions.size();
            auto import_of = [&](const Link& l) -> std::optional<std::string> {
                if (l.state != LinkState::Unknown) return std::nullopt;
                std::string name = cfn::imported_export_name(l.text);
                if (name.empty()) return std::nullopt;
                return name;
            };
            auto site_of = [&](const std::string& name) -> const ExportSite* {
                auto it = exported.find(name);
                return it != exported.end() && it->second && it->second->file != i ? &*it->second : nullptr;
            };
            auto each_import = [&](auto&& fn) {
                for (size_t fi = 0; fi < own_functions; ++fi) {
                    for (Link& l : m.functions[fi].subnets.items) fn(l, &Model::subnets, &MergeOffsets::subnets);
                    for (Link& l : m.functions[fi].security_groups.items)
                        fn(l, &Model::security_groups, &MergeOffsets::security_groups);
                }
            };
            // First copy in every stack a resource is imported from (this
            // grows m's vectors), then resolve.
            std::map<size_t, MergeOffsets> merged;
            std::vector<size_t> needed;
            each_import([&](const Link& l, auto, auto) {
                auto name = import_of(l);
                const ExportSite* site = name ? site_of(*name) : nullptr;
                if (site && !site->e->value.known && !site->e->resource.empty() &&
                    std::find(needed.begin(), needed.end(), site->file) == needed.end())
                    needed.push_back(site->file);
            });
            for (size_t from : needed) {
                merged.emplace(from, append_model(m, originals.at(from)));
                if (std::find(f.linked_files.begin(), f.linked_files.end(), files[from].result.path) == f.linked_files.end())
                    f.linked_files.push_back(files[from].result.path);
            }
            each_import([&](Link& l, auto member, auto offset) {
                auto name = import_of(l);
                if (!name) return;
                if (const ExportSite* site = site_of(*name)) {
                    if (site->e->value.known) {
                        l.state = LinkState::External;
                        l.text = site->e->value.value;
                    } else if (auto mo = merged.find(site->file); mo != merged.end()) {
                        if (auto at = find_by_id(m.*member, mo->second.*offset, site->e->resource)) {
                            l.state = LinkState::Resolved;
                            l.index = *at;
                        }
                    }
                    return;
                }
                // Not exported by a scanned template: the offline table.
                if (auto e = opts.exports.find(*name); e != opts.exports.end()) {
                    l.state = LinkState::External;
                    l.text = e->second;
                }
            });
        }
    }
}

}  // namespace vpclint
