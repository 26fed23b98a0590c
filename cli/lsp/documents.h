// The open documents and the thread that analyses them.
//
// One mutex guards every document; the reader thread edits texts under it,
// the analysis thread copies a text out under it, analyses without it, and
// publishes under it only if the version it analysed is still the newest
// (a newer version has already been scheduled, so the stale result is
// dropped). Publishing while holding the lock keeps "close, then publish
// empty" and "publish the analysis" in order. Lock order: documents, then
// the writer's.
#pragma once
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <map>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "cli/lsp/convert.h"
#include "cli/lsp/jsonrpc.h"
#include "cli/lsp/workspace.h"
#include "core/engine.h"
#include "parsers/frontend.h"

namespace vpclint::lsp {

// A diagnostic as the client was sent it: the range was computed against the
// text it was found in.
struct Shown {
    Diagnostic diagnostic;
    Range range;
    json lsp;
};

struct Snapshot {
    std::string uri, path, text;
    int64_t version = 0;
    bool analysable = false;
    std::vector<Shown> shown;
};

// Only what a directory walk would look at (cli/discover.h), and .tf files
// (for the HCL frontend): other YAML and JSON in the workspace get no
// diagnostics, not errors.
bool analysable_name(std::string_view path);

class Documents {
public:
    Documents(Writer& writer, std::chrono::milliseconds debounce);
    ~Documents();  // stops and joins the analysis thread
    Documents(const Documents&) = delete;
    Documents& operator=(const Documents&) = delete;

    void open(const std::string& uri, int64_t version, std::string text);
    // Applies `changes` (TextDocumentContentChangeEvent[]) when `version` is
    // newer than the document's; false when it was ignored (unknown document,
    // stale version, malformed change).
    bool change(const std::string& uri, int64_t version, const json& changes);
    void save(const std::string& uri, const std::optional<std::string>& text);
    void close(const std::string& uri);
    void configure(AnalysisConfig config);  // re-analyses every document
    void refresh_all();                      // e.g. a watched file changed
    void set_roots(std::vector<std::string> roots);  // the workspace folders (absolute paths)
    std::optional<Snapshot> snapshot(const std::string& uri) const;
    AnalysisConfig config() const;

private:
    struct Doc {
        std::string path, text;
        int64_t version = 0;
        bool analysable = false;
        std::vector<Shown> last_good;  // the last analysis of text that parsed
        std::vector<Shown> shown;      // what the client shows now
    };

    void schedule_locked(const std::string& uri, std::chrono::milliseconds delay);
    // After `uri` changed: a configuration re-analyses every document, a
    // template with exports the open templates that import.
    void schedule_dependents_locked(const std::string& uri, std::chrono::milliseconds delay);
    // The roots and the open texts the workspace pass may read; exporting
    // templates only for a document that imports.
    WorkspaceView workspace_locked(bool imports) const;
    void run();
    void publish_locked(const std::string& uri, const Doc& doc);

    Writer& writer_;
    std::chrono::milliseconds debounce_;
    mutable std::mutex mutex_;
    std::condition_variable wake_;
    bool stop_ = false;
    AnalysisConfig config_;
    std::vector<std::string> roots_;
    std::map<std::string, Doc> docs_;
    std::map<std::string, std::chrono::steady_clock::time_point> due_;  // uri -> when to analyse
    std::thread worker_;  // last: started after every member above exists
};

}  // namespace vpclint::lsp
