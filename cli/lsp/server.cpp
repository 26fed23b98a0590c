#include "cli/lsp/server.h"

#include <algorithm>

#include "cli/lsp/code_actions.h"
#include "cli/lsp/documents.h"
#include "cli/lsp/hover.h"
#include "cli/lsp/jsonrpc.h"
#include "cli/rule_selection.h"
#include "core/version.h"

namespace vpclint::lsp {

namespace {

// A request's params failed validation: answered with InvalidParams.
struct BadParams {
    std::string what;
};

const json& field(const json& obj, const char* name, json::value_t type) {
    if (!obj.is_object() || !obj.contains(name)) throw BadParams{std::string("missing ") + name};
    const json& v = obj[name];
    bool ok = v.type() == type || (type == json::value_t::number_integer && v.is_number_integer());
    if (!ok) throw BadParams{std::string(name) + " has the wrong type"};
    return v;
}

std::string uri_of(const json& params) {
    return field(field(params, "textDocument", json::value_t::object), "uri", json::value_t::string).get<std::string>();
}

Position position_field(const json& obj, const char* name) {
    const json& p = field(obj, name, json::value_t::object);
    auto n = [&](const char* k) {
        const json& v = p.contains(k) ? p[k] : json();
        if (!v.is_number_unsigned()) throw BadParams{std::string(name) + "." + k + " is not a non-negative integer"};
        return static_cast<uint32_t>(std::min<uint64_t>(v.get<uint64_t>(), UINT32_MAX));
    };
    return {n("line"), n("character")};
}

// Settings: {"vpclint": {"select": [...], "ignore": [...], "parameters": {K: V}}}
// (or the same object without the "vpclint" wrapper, as initializationOptions).
// Anything unusable keeps the default for that key; settings never stop the server.
AnalysisConfig config_from(const json& settings) {
    AnalysisConfig c;
    const json& s = settings.is_object() && settings.contains("vpclint") ? settings["vpclint"] : settings;
    if (!s.is_object()) return c;
    auto strings = [&](const char* key) {
        std::vector<std::string> out;
        if (s.contains(key) && s[key].is_array())
            for (const json& v : s[key])
                if (v.is_string()) out.push_back(v.get<std::string>());
        return out;
    };
    std::vector<std::string> select, ignore;
    std::string error;
    if (!resolve_rule_items(strings("select"), "select", select, error)) select.clear();
    if (!resolve_rule_items(strings("ignore"), "ignore", ignore, error)) ignore.clear();
    c.filter = make_rule_filter(select, ignore);
    c.select = std::move(select);
    c.ignore = std::move(ignore);
    if (s.contains("parameters") && s["parameters"].is_object())
        for (const auto& [k, v] : s["parameters"].items())
            if (v.is_string()) c.frontend.parameters[k] = v.get<std::string>();
    // No tfRoot (--tf-root): it moves a plan's findings into .tf files, and a
    // document's diagnostics must be positions in that document.
    return c;
}

// The workspace folders (workspaceFolders, else rootUri, else rootPath), as
// absolute paths: where cross-stack imports are looked up.
std::vector<std::string> workspace_roots(const json& params) {
    std::vector<std::string> roots;
    if (!params.is_object()) return roots;
    if (params.contains("workspaceFolders") && params["workspaceFolders"].is_array())
        for (const json& f : params["workspaceFolders"])
            if (f.is_object() && f.contains("uri") && f["uri"].is_string())
                roots.push_back(path_of_uri(f["uri"].get<std::string>()));
    if (roots.empty() && params.contains("rootUri") && params["rootUri"].is_string())
        roots.push_back(path_of_uri(params["rootUri"].get<std::string>()));
    if (roots.empty() && params.contains("rootPath") && params["rootPath"].is_string())
        roots.push_back(params["rootPath"].get<std::string>());
    // Only local, absolute folders can be scanned.
    std::erase_if(roots, [](const std::string& r) { return r.empty() || r.front() != '/'; });
    for (std::string& r : roots)
        while (r.size() > 1 && r.back() == '/') r.pop_back();
    return roots;
}

// capabilities.workspace.didChangeWatchedFiles.dynamicRegistration
bool can_watch_files(const json& params) {
    const json* v = &params;
    for (const char* k : {"capabilities", "workspace", "didChangeWatchedFiles", "dynamicRegistration"}) {
        if (!v->is_object() || !v->contains(k)) return false;
        v = &(*v)[k];
    }
    return v->is_boolean() && v->get<bool>();
}

// Asks the client to report changes on disk to configurations and templates
// (the workspace pass reads both); the answer needs no handling.
json watch_request() {
    json watchers = json::array();
    for (const char* glob : {"**/.vpclint.{yaml,yml}", "**/*.{yaml,yml,json,template}"})
        watchers.push_back({{"globPattern", glob}});
    return {{"jsonrpc", "2.0"},
            {"id", "vpclint-watch"},
            {"method", "client/registerCapability"},
            {"params",
             {{"registrations", json::array({{{"id", "vpclint-watched-files"},
                                              {"method", "workspace/didChangeWatchedFiles"},
                                              {"registerOptions", {{"watchers", watchers}}}}})}}}};
}

json capabilities() {
    return {{"textDocumentSync", {{"openClose", true}, {"change", 2 /* incremental */}, {"save", {{"includeText", true}}}}},
            {"hoverProvider", true},
            {"workspace", {{"workspaceFolders", {{"supported", true}, {"changeNotifications", true}}}}},
            {"codeActionProvider", {{"codeActionKinds", json::array({"quickfix"})}}},
            {"positionEncoding", "utf-16"}};
}

class Server {
public:
    Server(std::ostream& out, const ServerOptions& o) : writer_(out), docs_(writer_, o.debounce) {}

    // False once `exit` arrived.
    bool handle(const std::string& body);
    int exit_code() const { return shutdown_ ? 0 : 1; }
    Writer& writer() { return writer_; }

private:
    json request(const std::string& method, const json& params);
    void notify(const std::string& method, const json& params);

    Writer writer_;
    Documents docs_;
    bool initialized_ = false, shutdown_ = false;
    bool watch_files_ = false;  // the client registers file watchers for us (dynamicRegistration)
    std::vector<std::string> roots_;  // the workspace folders
};

bool Server::handle(const std::string& body) {
    json msg = json::parse(body, nullptr, false);
    if (msg.is_discarded()) {
        writer_.send(error_response(nullptr, error_code::kParseError, "Parse error: the body is not JSON"));
        return true;
    }
    if (!msg.is_object()) {
        writer_.send(error_response(nullptr, error_code::kInvalidRequest, "Invalid Request: not a JSON-RPC object"));
        return true;
    }
    json id = msg.contains("id") ? msg["id"] : json();
    bool id_ok = !msg.contains("id") || id.is_string() || id.is_number_integer() || id.is_null();
    bool has_method = msg.contains("method") && msg["method"].is_string();
    if (!has_method && (msg.contains("result") || msg.contains("error")) && msg.contains("id")) return true;  // a response to us
    if (!id_ok || !has_method || !msg.contains("jsonrpc") || msg["jsonrpc"] != "2.0" ||
        (msg.contains("params") && !msg["params"].is_object() && !msg["params"].is_array() &&
         !msg["params"].is_null())) {
        writer_.send(error_response(id_ok ? id : json(), error_code::kInvalidRequest,
                                    "Invalid Request: a JSON-RPC 2.0 message needs jsonrpc \"2.0\", a string method "
                                    "and object or array params (or none)"));
        return true;
    }
    std::string method = msg["method"].get<std::string>();
    // `params: null` is what some clients send for shutdown and exit (void in LSP).
    json params = msg.contains("params") && !msg["params"].is_null() ? msg["params"] : json::object();
    bool is_request = msg.contains("id");
    if (!is_request) {
        if (method == "exit") return false;
        if (initialized_ && !shutdown_) {
            try {
                notify(method, params);
            } catch (const BadParams&) {
                // A malformed notification cannot be answered; it is dropped.
            }
        }
        return true;
    }
    if (method != "initialize" && !initialized_) {
        writer_.send(error_response(id, error_code::kServerNotInitialized, "the server is not initialized"));
        return true;
    }
    if (shutdown_) {
        writer_.send(error_response(id, error_code::kInvalidRequest, "the server is shut down; only exit is accepted"));
        return true;
    }
    try {
        writer_.send(response(id, request(method, params)));
    } catch (const BadParams& e) {
        writer_.send(error_response(id, error_code::kInvalidParams, "Invalid params: " + e.what));
    } catch (const std::pair<int, std::string>& e) {
        writer_.send(error_response(id, e.first, e.second));
    } catch (const std::exception& e) {
        writer_.send(error_response(id, error_code::kInternalError, std::string("internal error: ") + e.what()));
    }
    return true;
}

json Server::request(const std::string& method, const json& params) {
    if (method == "initialize") {
        if (initialized_) throw std::pair<int, std::string>(error_code::kInvalidRequest, "initialize was already sent");
        initialized_ = true;
        if (params.is_object() && params.contains("initializationOptions"))
            docs_.configure(config_from(params["initializationOptions"]));
        roots_ = workspace_roots(params);
        docs_.set_roots(roots_);
        watch_files_ = can_watch_files(params);
        return {{"capabilities", capabilities()},
                {"serverInfo", {{"name", "vpclint"}, {"version", std::string(vpclint_version())}}}};
    }
    if (method == "shutdown") {
        shutdown_ = true;
        return nullptr;
    }
    if (method == "textDocument/hover") {
        std::optional<Snapshot> doc = docs_.snapshot(uri_of(params));
        if (!doc) return nullptr;
        return hover(*doc, position_field(params, "position"), docs_.config());
    }
    if (method == "textDocument/codeAction") {
        std::optional<Snapshot> doc = docs_.snapshot(uri_of(params));
        if (!doc) return json::array();
        const json& r = field(params, "range", json::value_t::object);
        Range range{position_field(r, "start"), position_field(r, "end")};
        if (params.contains("context") && params["context"].is_object() && params["context"].contains("only") &&
            params["context"]["only"].is_array()) {
            bool quickfix = false;
            for (const json& k : params["context"]["only"])
                if (k == "quickfix" || k == "") quickfix = true;
            if (!quickfix) return json::array();
        }
        return code_actions(*doc, range, docs_.config());
    }
    throw std::pair<int, std::string>(error_code::kMethodNotFound, "Method not found: " + method);
}

void Server::notify(const std::string& method, const json& params) {
    if (method == "textDocument/didOpen") {
        const json& td = field(params, "textDocument", json::value_t::object);
        docs_.open(field(td, "uri", json::value_t::string).get<std::string>(),
                   field(td, "version", json::value_t::number_integer).get<int64_t>(),
                   field(td, "text", json::value_t::string).get<std::string>());
    } else if (method == "textDocument/didChange") {
        const json& td = field(params, "textDocument", json::value_t::object);
        // An out-of-order or stale version is ignored, never applied.
        docs_.change(field(td, "uri", json::value_t::string).get<std::string>(),
                     field(td, "version", json::value_t::number_integer).get<int64_t>(),
                     field(params, "contentChanges", json::value_t::array));
    } else if (method == "textDocument/didSave") {
        std::optional<std::string> text;
        if (params.contains("text") && params["text"].is_string()) text = params["text"].get<std::string>();
        docs_.save(uri_of(params), text);
    } else if (method == "textDocument/didClose") {
        docs_.close(uri_of(params));
    } else if (method == "workspace/didChangeConfiguration") {
        docs_.configure(config_from(params.contains("settings") ? params["settings"] : json()));
    } else if (method == "initialized") {
        if (watch_files_) writer_.send(watch_request());
    } else if (method == "workspace/didChangeWorkspaceFolders") {
        const json& event = field(params, "event", json::value_t::object);
        json removed = event.contains("removed") ? event["removed"] : json::array();
        for (const std::string& r : workspace_roots({{"workspaceFolders", removed}}))
            std::erase(roots_, r);
        json added = event.contains("added") ? event["added"] : json::array();
        for (const std::string& r : workspace_roots({{"workspaceFolders", added}}))
            if (std::find(roots_.begin(), roots_.end(), r) == roots_.end()) roots_.push_back(r);
        docs_.set_roots(roots_);
        docs_.refresh_all();
    } else if (method == "workspace/didChangeWatchedFiles") {
        // A template or configuration on disk changed: every open document's
        // workspace pass may read it (.vpclint.yaml, an imported template).
        docs_.refresh_all();
    }
    // $/cancelRequest, $/setTrace and unknown notifications: nothing to do.
}

}  // namespace

int run_server(std::istream& in, std::ostream& out, const ServerOptions& options) {
    // A tied input stream flushes its output before every read: that flush
    // would run on the reader thread, outside the writer's lock, while the
    // analysis thread writes. Every write flushes itself instead.
    in.tie(nullptr);
    Server server(out, options);
    std::string body;
    while (true) {
        FrameStatus st = read_frame(in, body);
        if (st == FrameStatus::Eof) break;
        if (st == FrameStatus::BadHeader) {
            server.writer().send(error_response(nullptr, error_code::kParseError, "Parse error: no valid Content-Length header"));
            continue;
        }
        if (st == FrameStatus::TooLarge) {
            server.writer().send(error_response(nullptr, error_code::kInvalidRequest, "Invalid Request: message larger than 256 MiB"));
            continue;
        }
        if (!server.handle(body)) break;
    }
    return server.exit_code();
}

}  // namespace vpclint::lsp
