#include "cli/lsp/workspace.h"

#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>

#include "cli/config_apply.h"
#include "cli/config_file.h"
#include "cli/link_nested_stacks.h"
#include "cli/link_stacks.h"
#include "cli/rule_selection.h"

namespace fs = std::filesystem;

namespace vpclint::lsp {

namespace {

bool ends_with(std::string_view s, std::string_view suffix) {
    return s.size() >= suffix.size() && s.substr(s.size() - suffix.size()) == suffix;
}

// Directories that hold no templates of the workspace's own (or copies of
// them: build outputs, `sam build`, `cdk synth`).
bool skipped_dir(const std::string& name) {
    for (const char* d : {".git", "node_modules", "build", "dist", "out", ".terraform", ".aws-sam", "cdk.out", ".venv"})
        if (name == d) return true;
    return false;
}

// Too large to be a template worth linking (the loader's own bound is 50 MiB).
constexpr uintmax_t kMaxLinkedFileBytes = 8u << 20;
constexpr int kMaxDepth = 24;

std::optional<std::string> read_small(const fs::path& p) {
    std::error_code ec;
    uintmax_t size = fs::file_size(p, ec);
    if (ec || size > kMaxLinkedFileBytes) return std::nullopt;
    std::ifstream in(p, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream ss;
    ss << in.rdbuf();
    return std::move(ss).str();
}

Config config_for(const std::string& path, const WorkspaceView& ws) {
    std::optional<std::string> found = find_config(fs::path(path).parent_path().string());
    if (!found) return Config{};
    std::string abs = fs::absolute(*found).lexically_normal().string();
    if (auto it = ws.open.find(abs); it != ws.open.end()) return parse_config(abs, it->second);
    return read_config(abs);
}

RuleFilter filter_for(const AnalysisConfig& settings, const Config& config) {
    std::vector<std::string> select = settings.select, ignore = settings.ignore;
    if (select.empty() && config.has_select) select = config.select;
    if (ignore.empty() && config.has_ignore) ignore = config.ignore;
    return make_rule_filter(select, ignore);
}

// The workspace folder holding `path` (the innermost), else the
// configuration's directory, else none.
std::string root_for(const std::string& path, const WorkspaceView& ws, const Config& config) {
    std::string best;
    for (const std::string& r : ws.roots) {
        std::string prefix = r.empty() || r.back() == '/' ? r : r + "/";
        if (path.rfind(prefix, 0) == 0 && r.size() > best.size()) best = r;
    }
    return best.empty() ? config.dir : best;
}

// The CloudFormation templates of the folder that export something, other
// than `self`: open ones as edited, the rest as on disk.
void add_exporters(const std::string& root, const std::string& self, const Config& config, const WorkspaceView& ws,
                   const AnalysisConfig& settings, const RuleFilter& filter, std::vector<PreparedFile>& out) {
    std::error_code ec;
    fs::recursive_directory_iterator it(root, fs::directory_options::skip_permission_denied, ec), end;
    size_t seen = 0;
    for (; !ec && it != end && seen < kMaxWorkspaceFiles; it.increment(ec)) {
        const fs::directory_entry& e = *it;
        std::string abs = e.path().lexically_normal().string();
        std::error_code tec;
        if (e.is_directory(tec)) {
            if (skipped_dir(e.path().filename().string()) || it.depth() >= kMaxDepth || config_excludes(config, abs, true))
                it.disable_recursion_pending();
            continue;
        }
        if (!e.is_regular_file(tec)) continue;
        ++seen;
        if (abs == self || is_config_name(abs) || config_excludes(config, abs, false)) continue;
        if (!ends_with(abs, ".yaml") && !ends_with(abs, ".yml") && !ends_with(abs, ".json") &&
            !ends_with(abs, ".template"))
            continue;
        std::optional<std::string> text;
        if (auto o = ws.open.find(abs); o != ws.open.end()) text = o->second;
        else text = read_small(e.path());
        // Only a template with an Export can satisfy an import: the others are
        // not parsed at all.
        if (!text || text->find("Export") == std::string::npos) continue;
        FrontendOptions own = settings.frontend;
        own.parameters = parameters_for(config, abs, settings.frontend.parameters);
        PreparedFile p = prepare_text(abs, std::move(*text), own, filter, config_needs_hook(config));
        if (p.result.kind == InputKind::CloudFormation && !p.models.empty()) out.push_back(std::move(p));
    }
}

}  // namespace

bool is_config_name(std::string_view path) {
    return ends_with(path, "/.vpclint.yaml") || ends_with(path, "/.vpclint.yml") || path == ".vpclint.yaml" ||
           path == ".vpclint.yml";
}

FileResult analyze_in_workspace(const std::string& path, const std::string& text, const AnalysisConfig& settings,
                                const WorkspaceView& ws) {
    if (is_config_name(path)) {
        Config own = parse_config(path, text);
        FileResult r = config_problems(own, filter_for(settings, own));
        r.path = path;
        r.analysed = true;
        return r;
    }
    // A document that is not a local file (untitled:) has no directory: no
    // configuration and no workspace (never the server's working directory's).
    Config config = path.empty() || path.front() != '/' ? Config{} : config_for(path, ws);
    if (config_excludes(config, path, false)) {
        FileResult r;
        r.path = path;
        return r;
    }
    RuleFilter filter = filter_for(settings, config);
    FrontendOptions own = settings.frontend;
    own.parameters = parameters_for(config, path, settings.frontend.parameters);
    std::vector<PreparedFile> files;
    files.push_back(prepare_text(path, text, own, filter, config_needs_hook(config)));
    bool imports = files[0].result.kind == InputKind::CloudFormation && !files[0].models.empty() &&
                   text.find("ImportValue") != std::string::npos;
    if (imports && !path.empty() && path.front() == '/') {
        std::string root = root_for(path, ws, config);
        if (!root.empty()) add_exporters(root, path, config, ws, settings, filter, files);
    }
    StackLinkOptions link_opts;
    config_stack_names(config, files, link_opts.stack_names);
    link_nested_stacks(files, own, filter);
    link_stacks(files, link_opts);
    finish_file(files[0], filter);
    apply_rule_levels(config, files[0].result.diagnostics);
    return std::move(files[0].result);
}

}  // namespace vpclint::lsp
