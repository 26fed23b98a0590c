#include "cli/lsp/jsonrpc.h"

#include <algorithm>
#include <cctype>
#include <charconv>

namespace vpclint::lsp {

namespace {

// One header line without its line ending; false at end of stream.
bool read_header_line(std::istream& in, std::string& line) {
    line.clear();
    if (!std::getline(in, line)) return false;
    if (!line.empty() && line.back() == '\r') line.pop_back();
    return true;
}

bool iequals_prefix(const std::string& s, std::string_view prefix) {
    if (s.size() < prefix.size()) return false;
    for (size_t i = 0; i < prefix.size(); ++i)
        if (std::tolower(static_cast<unsigned char>(s[i])) != std::tolower(static_cast<unsigned char>(prefix[i])))
            return false;
    return true;
}

}  // namespace

FrameStatus read_frame(std::istream& in, std::string& body) {
    std::string line;
    bool have_length = false, bad = false;
    size_t length = 0;
    bool any = false;
    while (true) {
        if (!read_header_line(in, line)) return FrameStatus::Eof;
        if (line.empty()) {
            if (!any) continue;  // stray blank lines between messages
            break;
        }
        any = true;
        constexpr std::string_view kName = "content-length:";
        if (!iequals_prefix(line, kName)) continue;
        size_t b = line.find_first_not_of(' ', kName.size());
        if (b == std::string::npos) {
            bad = true;
            continue;
        }
        const char* first = line.data() + b;
        const char* last = line.data() + line.size();
        while (last > first && last[-1] == ' ') --last;
        auto [ptr, ec] = std::from_chars(first, last, length);
        if (ec != std::errc() || ptr != last) bad = true;
        else have_length = true;
    }
    if (bad || !have_length) return FrameStatus::BadHeader;
    if (length > kMaxMessageBytes) {
        // Skip the body in chunks so the stream stays in step.
        char chunk[65536];
        for (size_t left = length; left > 0;) {
            size_t n = std::min(left, sizeof chunk);
            if (!in.read(chunk, static_cast<std::streamsize>(n))) return FrameStatus::Eof;
            left -= n;
        }
        return FrameStatus::TooLarge;
    }
    body.resize(length);
    if (length && !in.read(body.data(), static_cast<std::streamsize>(length))) return FrameStatus::Eof;
    return FrameStatus::Ok;
}

void Writer::send(const json& message) {
    // Invalid UTF-8 in a string (a document's bytes quoted in a message) is
    // replaced rather than thrown on: a response must always go out.
    std::string text = message.dump(-1, ' ', false, json::error_handler_t::replace);
    std::lock_guard<std::mutex> lock(mutex_);
    out_ << "Content-Length: " << text.size() << "\r\n\r\n" << text;
    out_.flush();
}

json response(const json& id, json result) {
    return {{"jsonrpc", "2.0"}, {"id", id}, {"result", std::move(result)}};
}

json error_response(const json& id, int code, const std::string& message) {
    return {{"jsonrpc", "2.0"}, {"id", id}, {"error", {{"code", code}, {"message", message}}}};
}

json notification(const std::string& method, json params) {
    return {{"jsonrpc", "2.0"}, {"method", method}, {"params", std::move(params)}};
}

}  // namespace vpclint::lsp
