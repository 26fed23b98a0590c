#include "cli/link_workspaces.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "core/model_merge.h"

namespace fs = std::filesystem;

namespace vpclint {

namespace {

template <typename T>
std::optional<uint32_t> find_by_id(const std::vector<T>& v, uint32_t from, const std::string& id) {
    for (uint32_t i = from; i < v.size(); ++i)
        if (v[i].id == id) return i;
    return std::nullopt;
}

}  // namespace

void link_workspaces(std::vector<PreparedFile>& files, const RemoteStates& states) {
    if (states.empty()) return;
    // workspace -> the prepared state file (one model: a state has no scenarios)
    std::map<std::string, size_t> state_of;
    for (const auto& [workspace, path] : states)
        for (size_t i = 0; i < files.size(); ++i) {
            std::error_code ec;
            if (files[i].result.kind == InputKind::TerraformState && files[i].models.size() == 1 &&
                fs::absolute(files[i].result.path, ec).lexically_normal().string() == path)
                state_of[workspace] = i;
        }
    std::map<size_t, Model> originals;
    for (const auto& [workspace, i] : state_of) originals.emplace(i, files[i].models.front());

    for (PreparedFile& f : files) {
        if (f.result.kind != InputKind::TerraformPlan || f.remote_state_outputs.empty()) continue;
        // id -> (state file, address): only ids the plan read from that
        // workspace's outputs, and that the state holds.
        std::map<std::string, std::pair<size_t, std::string>> linkable;
        for (const auto& [workspace, ids] : f.remote_state_outputs) {
            auto s = state_of.find(workspace);
            if (s == state_of.end()) continue;
            for (const std::string& id : ids)
                if (auto a = files[s->second].resource_ids.find(id); a != files[s->second].resource_ids.end())
                    linkable.emplace(id, std::make_pair(s->second, a->second));
        }
        if (linkable.empty()) continue;
        for (Model& m : f.models) {
            const size_t own_functions = m.functions.size();
            auto each_link = [&](auto&& fn) {
                for (size_t fi = 0; fi < own_functions; ++fi) {
                    for (Link& l : m.functions[fi].subnets.items) fn(l, &Model::subnets, &MergeOffsets::subnets);
                    for (Link& l : m.functions[fi].security_groups.items)
                        fn(l, &Model::security_groups, &MergeOffsets::security_groups);
                }
            };
            std::vector<size_t> needed;
            each_link([&](const Link& l, auto, auto) {
                if (l.state != LinkState::External) return;
                if (auto it = linkable.find(l.text); it != linkable.end() &&
                    std::find(needed.begin(), needed.end(), it->second.first) == needed.end())
                    needed.push_back(it->second.first);
            });
            std::map<size_t, MergeOffsets> merged;
            for (size_t from : needed) {
                merged.emplace(from, append_model(m, originals.at(from)));
                if (std::find(f.linked_files.begin(), f.linked_files.end(), files[from].result.path) == f.linked_files.end())
                    f.linked_files.push_back(files[from].result.path);
            }
            each_link([&](Link& l, auto member, auto offset) {
                if (l.state != LinkState::External) return;
                auto it = linkable.find(l.text);
                if (it == linkable.end()) return;
                const MergeOffsets& o = merged.at(it->second.first);
                if (auto at = find_by_id(m.*member, o.*offset, it->second.second)) {
                    l.state = LinkState::Resolved;
                    l.index = *at;
                }
            });
        }
    }
}

}  // namespace vpclint
