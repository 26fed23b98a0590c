#include "cli/link_nested_stacks.h"

#include <algorithm>
#include <filesystem>
#include <optional>

#include "cli/discover.h"
#include "cli/link_resolve.h"
#include "core/model_merge.h"

namespace fs = std::filesystem;

namespace vpclint {

namespace {

constexpr unsigned kMaxNesting = 8;  // CloudFormation itself stops at a few levels
// Parent models times a child's scenarios, at most (each is analysed).
constexpr size_t kMaxLinkedScenarios = 64;

std::string child_path(const std::string& parent, const std::string& location) {
    return display_path((fs::path(parent).parent_path() / location).lexically_normal().string());
}

std::string abs_normal(const std::string& p) {
    std::error_code ec;
    return fs::absolute(p, ec).lexically_normal().string();
}

// The chain of templates from `path` down its nested stacks that reaches
// `target` again, or empty (depth-bounded, iterative over a stack).
std::vector<std::string> cycle_back(const std::string& path, const std::string& target, const FrontendOptions& fo,
                                    const RuleFilter& filter) {
    struct Step {
        std::string path;
        std::vector<std::string> chain;
    };
    std::vector<Step> pending{{path, {path}}};
    while (!pending.empty()) {
        Step s = std::move(pending.back());
        pending.pop_back();
        if (abs_normal(s.path) == target) return s.chain;
        if (s.chain.size() > kMaxNesting || !fs::is_regular_file(s.path)) continue;
        PreparedFile p = prepare_file(s.path, fo, filter);
        for (const cfn::NestedStackRef& n : p.nested) {
            Step next{child_path(s.path, n.location), s.chain};
            next.chain.push_back(next.path);
            pending.push_back(std::move(next));
        }
    }
    return {};
}

}  // namespace

void link_nested_stacks(std::vector<PreparedFile>& files, const FrontendOptions& fo, const RuleFilter& filter) {
    for (PreparedFile& f : files) {
        if (f.result.kind != InputKind::CloudFormation || f.models.empty()) continue;
        for (const cfn::NestedStackRef& n : f.nested) {
            std::string child = child_path(f.result.path, n.location);
            if (!fs::is_regular_file(child)) continue;  // not on this disk: its outputs stay unknown
            std::vector<std::string> cycle = cycle_back(child, abs_normal(f.result.path), fo, filter);
            if (!cycle.empty()) {
                std::string chain = f.result.path;
                for (const std::string& c : cycle) chain += " -> " + c;
                for (Model& m : f.models)
                    m.problems.push_back({ProblemKind::InvalidTemplate,
                                          "Nested stack " + n.id + " leads back to this template (" + chain +
                                              "): CloudFormation cannot create a stack that contains itself.",
                                          n.id, n.loc});
                continue;
            }
            FrontendOptions own = fo;
            own.parameters = n.parameters;
            own.unknown_parameters = n.unknown_parameters;
            PreparedFile c = prepare_file(child, own, filter);
            if (c.result.kind != InputKind::CloudFormation || c.models.empty()) continue;
            // Links model m's reads of the child's outputs to `child`'s
            // entities; false when m reads none (then m is left as it was).
            auto link_into = [&](Model& m, const Model& child) {
                const MergeOffsets own = sizes_of(m);
                auto output_of = [&](const std::pair<std::string, std::string>& ref) -> const cfn::StackExport* {
                    if (ref.first != n.id) return nullptr;
                    for (const cfn::StackExport& o : c.exports)
                        if (o.output == ref.second) return &o;
                    return nullptr;
                };
                bool reads = false, needed = false;
                struct Collect {
                    decltype(output_of)& of;
                    bool& reads;
                    bool& needed;
                    void list(LinkList& ls, LinkTarget) {
                        if (const cfn::StackExport* o = ls.split.empty() ? nullptr : of(ls.nested_output)) {
                            reads = true;
                            needed = needed || needs_entities(*o);
                        }
                    }
                    void link(Link& l, LinkTarget) {
                        if (const cfn::StackExport* o = l.state == LinkState::Unknown ? of(l.nested_output) : nullptr) {
                            reads = true;
                            needed = needed || needs_entities(*o);
                        }
                    }
                };
                for_each_link(m, MergeOffsets{}, own, Collect{output_of, reads, needed});
                if (!reads) return false;
                std::optional<MergeOffsets> merged;
                if (needed) {
                    merged = append_model(m, child);
                    if (std::find(f.linked_files.begin(), f.linked_files.end(), c.result.path) == f.linked_files.end())
                        f.linked_files.push_back(c.result.path);
                }
                struct Resolve {
                    Model& m;
                    decltype(output_of)& of;
                    const MergeOffsets* copied;
                    void list(LinkList& ls, LinkTarget t) {
                        if (const cfn::StackExport* o = ls.split.empty() ? nullptr : of(ls.nested_output))
                            resolve_list(m, ls, t, *o, copied);
                    }
                    void link(Link& l, LinkTarget t) {
                        if (const cfn::StackExport* o = l.state == LinkState::Unknown ? of(l.nested_output) : nullptr)
                            resolve_link(m, l, t, *o, copied);
                    }
                };
                for_each_link(m, MergeOffsets{}, own, Resolve{m, output_of, merged ? &*merged : nullptr});
                return true;
            };
            if (c.models.size() == 1) {
                for (Model& m : f.models) link_into(m, c.models.front());
                continue;
            }
            // A child with condition scenarios: each parent model that reads
            // its outputs becomes one model per child scenario, whose
            // conditions are the child's (named "Child.Condition"), so that
            // a finding in some of them says in which. Bounded: past the
            // limit the outputs stay unknown.
            if (f.models.size() * c.models.size() > kMaxLinkedScenarios) continue;
            std::vector<Model> expanded;
            for (Model& m : f.models) {
                Model probe = m;
                if (!link_into(probe, c.models.front())) {
                    expanded.push_back(std::move(m));
                    continue;
                }
                for (size_t ci = 0; ci < c.models.size(); ++ci) {
                    const Model& child = c.models[ci];
                    Model linked = ci == 0 ? std::move(probe) : m;
                    if (ci > 0) link_into(linked, child);
                    for (const auto& [name, value] : child.conditions) linked.conditions.emplace_back(n.id + "." + name, value);
                    if (!child.scenario.empty())
                        linked.scenario += (linked.scenario.empty() ? "" : "; ") + ("nested stack " + n.id + " " + child.scenario);
                    expanded.push_back(std::move(linked));
                }
            }
            f.models = std::move(expanded);
        }
    }
}

}  // namespace vpclint
