#include "cli/lsp/documents.h"

#include <algorithm>

#include "cli/analyze_file.h"

namespace vpclint::lsp {

bool analysable_name(std::string_view path) {
    for (std::string_view ext : {".yaml", ".yml", ".json", ".template", ".tpl", ".tf"})
        if (path.size() >= ext.size() && path.substr(path.size() - ext.size()) == ext) return true;
    return false;
}

Documents::Documents(Writer& writer, std::chrono::milliseconds debounce)
    : writer_(writer), debounce_(debounce), worker_([this] { run(); }) {}

Documents::~Documents() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        stop_ = true;
    }
    wake_.notify_all();
    worker_.join();
}

void Documents::open(const std::string& uri, int64_t version, std::string text) {
    std::lock_guard<std::mutex> lock(mutex_);
    Doc& d = docs_[uri];
    d = Doc{};
    d.path = path_of_uri(uri);
    d.text = std::move(text);
    d.version = version;
    d.analysable = analysable_name(d.path);
    if (d.analysable) schedule_locked(uri, std::chrono::milliseconds(0));
    schedule_dependents_locked(uri, debounce_);
}

bool Documents::change(const std::string& uri, int64_t version, const json& changes) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end() || version <= it->second.version || !changes.is_array()) return false;
    // Validate every change before applying any, so a malformed one leaves
    // the document as it was rather than half edited.
    for (const json& c : changes) {
        if (!c.is_object() || !c.contains("text") || !c["text"].is_string()) return false;
        if (c.contains("range")) {
            const json& r = c["range"];
            for (const char* end : {"start", "end"})
                if (!r.is_object() || !r.contains(end) || !r[end].is_object() || !r[end].contains("line") ||
                    !r[end]["line"].is_number_unsigned() || !r[end].contains("character") ||
                    !r[end]["character"].is_number_unsigned())
                    return false;
        }
    }
    Doc& d = it->second;
    for (const json& c : changes) {
        const std::string& text = c["text"].get_ref<const std::string&>();
        if (!c.contains("range")) {
            d.text = text;
            continue;
        }
        const json& r = c["range"];
        auto pos = [](const json& p) {
            return Position{static_cast<uint32_t>(std::min<uint64_t>(p["line"].get<uint64_t>(), UINT32_MAX)),
                            static_cast<uint32_t>(std::min<uint64_t>(p["character"].get<uint64_t>(), UINT32_MAX))};
        };
        apply_edit(d.text, pos(r["start"]), pos(r["end"]), text);
    }
    d.version = version;
    if (d.analysable) schedule_locked(uri, debounce_);
    schedule_dependents_locked(uri, debounce_);
    return true;
}

void Documents::save(const std::string& uri, const std::optional<std::string>& text) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) return;
    if (text) it->second.text = *text;
    if (it->second.analysable) schedule_locked(uri, std::chrono::milliseconds(0));
    schedule_dependents_locked(uri, std::chrono::milliseconds(0));
}

void Documents::close(const std::string& uri) {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) return;
    bool had = it->second.analysable;
    docs_.erase(it);
    due_.erase(uri);
    // A closed document's diagnostics are the client's to drop; clearing them
    // is what the spec recommends for files that are not in a workspace pass.
    if (had) writer_.send(notification("textDocument/publishDiagnostics", {{"uri", uri}, {"diagnostics", json::array()}}));
}

void Documents::configure(AnalysisConfig config) {
    std::lock_guard<std::mutex> lock(mutex_);
    config_ = std::move(config);
    for (const auto& [uri, d] : docs_)
        if (d.analysable) schedule_locked(uri, std::chrono::milliseconds(0));
}

void Documents::refresh_all() {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [uri, d] : docs_)
        if (d.analysable) schedule_locked(uri, std::chrono::milliseconds(0));
}

void Documents::set_roots(std::vector<std::string> roots) {
    std::lock_guard<std::mutex> lock(mutex_);
    roots_ = std::move(roots);
}

void Documents::schedule_dependents_locked(const std::string& uri, std::chrono::milliseconds delay) {
    auto self = docs_.find(uri);
    if (self == docs_.end()) return;
    bool config = is_config_name(self->second.path);
    if (!config && self->second.text.find("Export") == std::string::npos) return;
    for (const auto& [other, d] : docs_)
        if (other != uri && d.analysable && (config || d.text.find("ImportValue") != std::string::npos))
            schedule_locked(other, delay);
}

WorkspaceView Documents::workspace_locked(bool imports) const {
    WorkspaceView ws;
    ws.roots = roots_;
    // Only what the workspace pass can use: configurations, and templates
    // that export (the others are never linked).
    for (const auto& [uri, d] : docs_)
        if (d.analysable &&
            (is_config_name(d.path) || (imports && d.text.find("Export") != std::string::npos)))
            ws.open[d.path] = d.text;
    return ws;
}

std::optional<Snapshot> Documents::snapshot(const std::string& uri) const {
    std::lock_guard<std::mutex> lock(mutex_);
    auto it = docs_.find(uri);
    if (it == docs_.end()) return std::nullopt;
    const Doc& d = it->second;
    return Snapshot{uri, d.path, d.text, d.version, d.analysable, d.shown};
}

AnalysisConfig Documents::config() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return config_;
}

void Documents::schedule_locked(const std::string& uri, std::chrono::milliseconds delay) {
    due_[uri] = std::chrono::steady_clock::now() + delay;
    wake_.notify_all();
}

void Documents::publish_locked(const std::string& uri, const Doc& doc) {
    json list = json::array();
    for (const Shown& s : doc.shown) list.push_back(s.lsp);
    writer_.send(notification("textDocument/publishDiagnostics",
                              {{"uri", uri}, {"version", doc.version}, {"diagnostics", std::move(list)}}));
}

void Documents::run() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (!stop_) {
        if (due_.empty()) {
            wake_.wait(lock);
            continue;
        }
        auto next = std::min_element(due_.begin(), due_.end(),
                                     [](const auto& a, const auto& b) { return a.second < b.second; });
        if (std::chrono::steady_clock::now() < next->second) {
            // Woken early by a new edit (which moved a deadline) or by stop.
            wake_.wait_until(lock, next->second);
            continue;
        }
        std::string uri = next->first;
        due_.erase(next);
        auto it = docs_.find(uri);
        if (it == docs_.end()) continue;
        std::string text = it->second.text, path = it->second.path;
        int64_t version = it->second.version;
        AnalysisConfig config = config_;
        WorkspaceView ws = workspace_locked(text.find("ImportValue") != std::string::npos);

        lock.unlock();
        FileResult result = analyze_in_workspace(path, text, config, ws);
        std::vector<Shown> found;
        bool broken = false;
        {
            LineIndex index(text);
            for (const Diagnostic& d : result.diagnostics) {
                if (d.suppressed) continue;
                if (d.rule_id == "VL001") broken = true;
                found.push_back({d, range_of(index, d.loc), diagnostic_json(d, index, uri)});
            }
        }
        lock.lock();

        it = docs_.find(uri);
        // Closed, or edited since: the newer version is already scheduled.
        if (it == docs_.end() || it->second.version != version || it->second.text != text) continue;
        Doc& d = it->second;
        // Not a template or plan (package.json, a Helm chart): nothing to
        // say, unless it showed findings before and they must be cleared.
        if (!result.analysed && d.shown.empty()) continue;
        if (broken) {
            // Keep what the last text that parsed showed, plus why this one does not.
            d.shown = d.last_good;
            d.shown.insert(d.shown.end(), found.begin(), found.end());
        } else {
            d.last_good = found;
            d.shown = std::move(found);
        }
        publish_locked(uri, d);
    }
}

}  // namespace vpclint::lsp
