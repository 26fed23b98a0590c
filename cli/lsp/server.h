// `vpclint lsp`: a Language Server Protocol 3.17 server over stdio.
//
// Per document today: each open template is analysed on its own (with the
// settings from initializationOptions / workspace/didChangeConfiguration).
// A workspace pass (.vpclint.yaml, cross-stack imports between templates)
// belongs in Documents: it re-analyses every open document whenever a
// watched file changes (refresh_all), which is where importers of a changed
// network template will be found.
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
