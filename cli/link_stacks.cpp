#include "cli/link_stacks.h"

#include <algorithm>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <optional>
#include <sstream>

#include "cli/link_resolve.h"
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
// other part stays unknown (export names hold no "${", CloudFormation allows
// only letters, digits, colons and hyphens).
std::optional<std::string> with_stack_name(const std::string& partial, const std::string& stack) {
    if (partial.empty()) return std::nullopt;
    std::string s = partial;
    const std::string pseudo = "${AWS::StackName}";
    for (size_t at; (at = s.find(pseudo)) != std::string::npos;) {
        if (stack.empty()) return std::nullopt;
        s.replace(at, pseudo.size(), stack);
    }
    if (s.find("${") != std::string::npos) return std::nullopt;
    return s;
}

std::optional<std::string> with_stack_name(const Text& t, const std::string& stack) {
    if (t.known) return t.value;
    return with_stack_name(t.value, stack);
}

struct ExportSite {
    size_t file;
    const cfn::StackExport* e;
};

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

    // --exports entries, as exports without a stack behind them.
    std::map<std::string, cfn::StackExport> offline;
    for (const auto& [name, value] : opts.exports) offline.emplace(name, literal_export(name, value));

    for (size_t i = 0; i < files.size(); ++i) {
        PreparedFile& f = files[i];
        if (f.result.kind != InputKind::CloudFormation) continue;
        for (Model& m : f.models) {
            // The importing model's own entities (copied ones are the other
            // stack's business), counted before anything is copied in.
            const MergeOffsets own = sizes_of(m);
            struct Found {
                const cfn::StackExport* e = nullptr;
                size_t file = SIZE_MAX;  // the scanned file that exports it; SIZE_MAX: --exports
            };
            auto find = [&](const std::string& imported) -> Found {
                std::optional<std::string> name = with_stack_name(imported, names[i]);
                if (!name) return {};
                // An export of this very template, or one two scanned
                // templates claim, is no answer: the offline table may be.
                if (auto it = exported.find(*name); it != exported.end() && it->second && it->second->file != i)
                    return {it->second->e, it->second->file};
                if (auto it = offline.find(*name); it != offline.end()) return {&it->second, SIZE_MAX};
                return {};
            };
            // First copy in every stack a resource is imported from (this
            // grows m's vectors), then resolve.
            std::vector<size_t> needed;
            auto need = [&](const std::string& imported) {
                if (imported.empty()) return;
                Found x = find(imported);
                if (x.e && x.file != SIZE_MAX && needs_entities(*x.e) &&
                    std::find(needed.begin(), needed.end(), x.file) == needed.end())
                    needed.push_back(x.file);
            };
            struct Collect {
                decltype(need)& fn;
                void list(LinkList& ls, LinkTarget) {
                    if (!ls.import.value_or_empty().split.empty()) fn(ls.import.value_or_empty().imported);
                }
                void link(Link& l, LinkTarget) {
                    if (l.state == LinkState::Unknown) fn(l.import.value_or_empty().imported);
                }
            };
            for_each_link(m, MergeOffsets{}, own, Collect{need});
            std::map<size_t, MergeOffsets> merged;
            for (size_t from : needed) {
                merged.emplace(from, append_model(m, originals.at(from)));
                if (std::find(f.linked_files.begin(), f.linked_files.end(), files[from].result.path) == f.linked_files.end())
                    f.linked_files.push_back(files[from].result.path);
            }
            auto copy_of = [&](const Found& x) -> const MergeOffsets* {
                auto it = merged.find(x.file);
                return it != merged.end() ? &it->second : nullptr;
            };
            struct Resolve {
                Model& m;
                decltype(find)& find_fn;
                decltype(copy_of)& copy_fn;
                void list(LinkList& ls, LinkTarget t) {
                    const LinkImport& imp = ls.import.value_or_empty();
                    if (imp.split.empty() || imp.imported.empty()) return;
                    if (Found x = find_fn(imp.imported); x.e) resolve_list(m, ls, t, *x.e, copy_fn(x));
                }
                void link(Link& l, LinkTarget t) {
                    const LinkImport& imp = l.import.value_or_empty();
                    if (l.state != LinkState::Unknown || imp.imported.empty()) return;
                    if (Found x = find_fn(imp.imported); x.e) resolve_link(m, l, t, *x.e, copy_fn(x));
                }
            };
            for_each_link(m, MergeOffsets{}, own, Resolve{m, find, copy_of});
        }
    }
}

}  // namespace vpclint
