// `vpclint lsp`: a Language Server Protocol 3.17 server over stdio.
//
// Each open document is analysed with the client's settings
// (initializationOptions / workspace/didChangeConfiguration) and its
// workspace (cli/lsp/workspace.h): the `.vpclint.yaml` that applies to it,
// and for a template that imports exports, the exporting templates of its
// workspace folder. Documents re-analyses the importers when an open
// exporting template changes, every document when a configuration changes,
// and every document when a watched file changes on disk (refresh_all).
#pragma once
#include <chrono>
#include <istream>
#include <ostream>

namespace vpclint::lsp {

struct ServerOptions {
    std::chrono::milliseconds debounce{150};
};

// Serves until `exit` or the end of input. Returns the process exit code:
// 0 after shutdown then exit, 1 for exit (or end of input) without shutdown.
int run_server(std::istream& in, std::ostream& out, const ServerOptions& options = {});

}  // namespace vpclint::lsp
