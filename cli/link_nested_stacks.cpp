#include "cli/link_nested_stacks.h"

#include <algorithm>
#include <filesystem>
#include <map>
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

// The nested stack's output a link reads ({stack, output}; empty: none).
const std::pair<std::string, std::string>& nested_of(const LinkImportRef& imp) {
    return imp.value_or_empty().nested_output;
}

// A value a child's parameter reads: what the parent (or a sibling) passes,
// and the model whose entities it names.
struct PassedSource {
    const cfn::StackExport* e = nullptr;
    const Model* model = nullptr;  // null: `e` names no entity (a literal)
    std::string file;
};

// The child as its parent deploys it: copies of its `models` in which
// every link that reads a parameter in `sources` resolves to the parent's
// (or sibling's) entity, those entities copied in. Empty when no link reads
// one (then the child's own analysis says it all).
std::vector<Model> deployed_child(const std::vector<Model>& models, const std::map<std::string, PassedSource>& sources,
                                  std::vector<std::string>& linked) {
    auto source_of = [&](const LinkImportRef& imp) -> const PassedSource* {
        if (!imp || imp->parameter.empty()) return nullptr;
        auto it = sources.find(imp->parameter);
        return it != sources.end() ? &it->second : nullptr;
    };
    std::vector<Model> out;
    bool any = false;
    for (const Model& child : models) {
        Model m = child;
        const MergeOffsets own = sizes_of(m);
        std::vector<const PassedSource*> needed;
        auto need = [&](const PassedSource* s) {
            if (!s) return;
            any = true;
            if (s->model && needs_entities(*s->e) &&
                std::none_of(needed.begin(), needed.end(), [&](const PassedSource* n) { return n->model == s->model; }))
                needed.push_back(s);
        };
        struct Collect {
            decltype(source_of)& of;
            decltype(need)& fn;
            void list(LinkList& ls, LinkTarget) {
                if (!ls.complete) fn(of(ls.import));
            }
            void link(Link& l, LinkTarget) {
                if (l.state == LinkState::Unknown) fn(of(l.import));
            }
        };
        for_each_link(m, MergeOffsets{}, own, Collect{source_of, need});
        // One copy per model the values name (the parent, a sibling).
        std::map<const Model*, MergeOffsets> copied;
        for (const PassedSource* s : needed) {
            copied.emplace(s->model, append_model(m, *s->model));
            if (std::find(linked.begin(), linked.end(), s->file) == linked.end()) linked.push_back(s->file);
        }
        auto copy_of = [&](const PassedSource& s) -> const MergeOffsets* {
            auto it = copied.find(s.model);
            return it != copied.end() ? &it->second : nullptr;
        };
        struct Resolve {
            Model& m;
            decltype(source_of)& of;
            decltype(copy_of)& copy_fn;
            void list(LinkList& ls, LinkTarget t) {
                if (const PassedSource* s = ls.complete ? nullptr : of(ls.import)) resolve_list(m, ls, t, *s->e, copy_fn(*s));
            }
            void link(Link& l, LinkTarget t) {
                if (const PassedSource* s = l.state == LinkState::Unknown ? of(l.import) : nullptr)
                    resolve_link(m, l, t, *s->e, copy_fn(*s));
            }
        };
        for_each_link(m, MergeOffsets{}, own, Resolve{m, source_of, copy_of});
        out.push_back(std::move(m));
    }
    if (!any) out.clear();
    return out;
}

// Same finding: rule, place and words.
bool same_finding(const Diagnostic& a, const Diagnostic& b) {
    return a.rule_id == b.rule_id && a.loc.file == b.loc.file && a.loc.line == b.loc.line && a.loc.col == b.loc.col &&
           a.message == b.message;
}

}  // namespace

void merge_nested_instances(std::vector<FileResult>& results, size_t first) {
    for (size_t i = first; i < results.size();) {
        auto own = std::find_if(results.begin(), results.begin() + static_cast<std::ptrdiff_t>(i),
                                [&](const FileResult& r) { return r.analysed && r.path == results[i].path; });
        if (own == results.begin() + static_cast<std::ptrdiff_t>(i)) {
            ++i;
            continue;
        }
        for (Diagnostic& d : results[i].diagnostics)
            if (std::none_of(own->diagnostics.begin(), own->diagnostics.end(),
                             [&](const Diagnostic& x) { return same_finding(x, d); }))
                own->diagnostics.push_back(std::move(d));
        sort_diagnostics(own->diagnostics);
        results.erase(results.begin() + static_cast<std::ptrdiff_t>(i));
    }
}

namespace {

// Links parent `f` with its nested stacks; returns the children as `f`
// deploys them (those that read what it passes).
std::vector<PreparedFile> link_parent(PreparedFile& f, const FrontendOptions& fo, const RuleFilter& filter) {
    std::vector<PreparedFile> deployed;
    if (f.result.kind != InputKind::CloudFormation || f.models.empty()) return deployed;
    // The parent's own entities, before any child's are copied in: what
    // it passes to its children. Only with one scenario (with several,
    // which resource is passed may be the deployer's choice).
    std::optional<Model> parent;
    if (f.models.size() == 1 &&
        std::any_of(f.nested.begin(), f.nested.end(), [](const cfn::NestedStackRef& n) { return !n.passed.empty(); }))
        parent = f.models.front();
    // Siblings whose outputs a child reads, prepared once each (one scenario only).
    std::map<std::string, std::optional<PreparedFile>> siblings;
    auto sibling = [&](const std::string& id) -> const PreparedFile* {
        auto [it, inserted] = siblings.try_emplace(id);
        if (inserted)
            for (const cfn::NestedStackRef& s : f.nested) {
                if (s.id != id) continue;
                std::string path = child_path(f.result.path, s.location);
                if (!fs::is_regular_file(path) || !cycle_back(path, abs_normal(f.result.path), fo, filter).empty())
                    break;
                FrontendOptions own = fo;
                own.parameters = s.parameters;
                own.unknown_parameters = s.unknown_parameters;
                PreparedFile p = prepare_file(path, own, filter);
                if (p.result.kind == InputKind::CloudFormation && p.models.size() == 1) it->second = std::move(p);
                break;
            }
        return it->second ? &*it->second : nullptr;
    };
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
        if (parent && c.result.kind == InputKind::CloudFormation && !n.passed.empty()) {
            std::map<std::string, PassedSource> sources;
            for (const auto& [param, passed] : n.passed) {
                if (passed.sibling.empty()) {
                    sources[param] = {&passed.value, &*parent, f.result.path};
                    continue;
                }
                const PreparedFile* s = sibling(passed.sibling);
                if (!s) continue;
                for (const cfn::StackExport& o : s->exports)
                    if (o.output == passed.value.output) sources[param] = {&o, &s->models.front(), s->result.path};
            }
            // A child that takes no part in linking was checked at once
            // (prepare_file): its models are built again here.
            std::string error;
            std::vector<Model> built = c.models.empty() ? models_of_file(child, own, &error) : std::vector<Model>{};
            PreparedFile d;
            d.models = deployed_child(c.models.empty() ? built : c.models, sources, d.linked_files);
            if (!d.models.empty()) {
                d.result.path = c.result.path;
                d.result.kind = c.result.kind;
                d.result.analysed = true;
                d.result.source = c.result.source;
                deployed.push_back(std::move(d));
            }
        }
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
                    if (const cfn::StackExport* o = ls.import.value_or_empty().split.empty() ? nullptr : of(nested_of(ls.import))) {
                        reads = true;
                        needed = needed || needs_entities(*o);
                    }
                }
                void link(Link& l, LinkTarget) {
                    if (const cfn::StackExport* o = l.state == LinkState::Unknown ? of(nested_of(l.import)) : nullptr) {
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
                    if (const cfn::StackExport* o = ls.import.value_or_empty().split.empty() ? nullptr : of(nested_of(ls.import)))
                        resolve_list(m, ls, t, *o, copied);
                }
                void link(Link& l, LinkTarget t) {
                    if (const cfn::StackExport* o = l.state == LinkState::Unknown ? of(nested_of(l.import)) : nullptr)
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
    return deployed;
}

}  // namespace

void link_nested_stacks(std::vector<PreparedFile>& files, const FrontendOptions& fo, const RuleFilter& filter) {
    // The deployed children are appended after the files scanned, which
    // alone are parents here (a child's own nested stacks are not followed
    // from its deployed copy).
    const size_t scanned = files.size();
    for (size_t i = 0; i < scanned; ++i)
        for (PreparedFile& d : link_parent(files[i], fo, filter)) files.push_back(std::move(d));
}

}  // namespace vpclint
