// JSON-RPC 2.0 over the LSP base protocol: `Content-Length: N\r\n\r\n` then N
// bytes of JSON. Only framing and error codes live here; what a message
// means is the server's business.
#pragma once
#include <cstddef>
#include <istream>
#include <mutex>
#include <nlohmann/json.hpp>
#include <ostream>
#include <string>

namespace vpclint::lsp {

using json = nlohmann::json;

// JSON-RPC and LSP error codes (LSP 3.17 "Response Message").
namespace error_code {
constexpr int kParseError = -32700;
constexpr int kInvalidRequest = -32600;
constexpr int kMethodNotFound = -32601;
constexpr int kInvalidParams = -32602;
constexpr int kInternalError = -32603;
constexpr int kServerNotInitialized = -32002;
}  // namespace error_code

// A message body is at most this large: a 50 MiB document, JSON-escaped,
// fits; anything larger is read and dropped, never buffered.
constexpr size_t kMaxMessageBytes = 256u * 1024u * 1024u;

enum class FrameStatus {
    Ok,         // `body` holds one message
    Eof,        // the stream ended (cleanly or mid-message)
    BadHeader,  // no usable Content-Length: the header block was skipped
    TooLarge,   // Content-Length above the limit: the body was skipped
};

// Reads one framed message. Header lines end in \r\n (a bare \n is accepted);
// headers other than Content-Length (Content-Type) are ignored.
FrameStatus read_frame(std::istream& in, std::string& body);

// Writes framed messages; one lock so that the reader thread's responses and
// the analysis thread's notifications never interleave.
class Writer {
public:
    explicit Writer(std::ostream& out) : out_(out) {}
    void send(const json& message);

private:
    std::mutex mutex_;
    std::ostream& out_;
};

json response(const json& id, json result);
json error_response(const json& id, int code, const std::string& message);
json notification(const std::string& method, json params);

}  // namespace vpclint::lsp
