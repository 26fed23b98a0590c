// The language server's pure parts: UTF-16 positions, edits, framing, URIs.
#include <catch2/catch.hpp>
#include <sstream>

#include "cli/lsp/convert.h"
#include "cli/lsp/jsonrpc.h"
#include "cli/lsp/text_sync.h"

using namespace vpclint;
using namespace vpclint::lsp;

TEST_CASE("LSP positions count UTF-16 code units", "[lsp]") {
    // U+00E9 is 2 bytes / 1 unit, U+1F600 is 4 bytes / 2 units (a surrogate pair).
    std::string text = "a\xC3\xA9\xF0\x9F\x98\x80z\nsecond\r\nthird";
    CHECK(offset_of(text, {0, 0}) == 0);
    CHECK(offset_of(text, {0, 2}) == 3);  // after é
    CHECK(offset_of(text, {0, 4}) == 7);  // after the emoji
    CHECK(offset_of(text, {0, 5}) == 8);  // after z
    CHECK(offset_of(text, {0, 99}) == 8);  // past the line end: the line end
    CHECK(offset_of(text, {1, 99}) == 15);  // before \r\n
    CHECK(offset_of(text, {9, 0}) == text.size());
    // vpclint columns are code points: column 4 is 'z', UTF-16 character 4.
    CHECK(position_of(text, 1, 4).character == 4);
    CHECK(position_of(text, 2, 3).line == 1);
    Position p = position_of_offset(text, 7);
    CHECK((p.line == 0 && p.character == 4));
}

TEST_CASE("range edits apply at UTF-16 positions", "[lsp]") {
    std::string text = "x: \xF0\x9F\x98\x80 one\ny: two\n";
    apply_edit(text, {0, 6}, {0, 9}, "1");
    CHECK(text == "x: \xF0\x9F\x98\x80 1\ny: two\n");
    apply_edit(text, {1, 3}, {0, 3}, "");  // reversed range: taken in order
    CHECK(text == "x: two\n");
    apply_edit(text, {5, 0}, {5, 0}, "end\n");  // past the end: appended
    CHECK(text == "x: two\nend\n");
}

TEST_CASE("ranges: the token when the end is unknown", "[lsp]") {
    std::string text = "a: [subnet-1, two]\n";
    Range r = range_of(text, Location{"f", 1, 5, 0, 0});
    CHECK((r.start.character == 4 && r.end.character == 12));
    r = range_of(text, Location{"f", 1, 5, 1, 8});
    CHECK(r.end.character == 7);
}

TEST_CASE("Content-Length framing", "[lsp]") {
    std::istringstream in("Content-Length: 2\r\nContent-Type: x\r\n\r\n{}"
                          "content-length:3\n\n[1]"
                          "Content-Type: x\r\n\r\n"
                          "Content-Length: 12x\r\n\r\n"
                          "Content-Length: 10\r\n\r\n{\"a\"");
    std::string body;
    CHECK(read_frame(in, body) == FrameStatus::Ok);
    CHECK(body == "{}");
    CHECK(read_frame(in, body) == FrameStatus::Ok);  // case-insensitive name, bare \n
    CHECK(body == "[1]");
    CHECK(read_frame(in, body) == FrameStatus::BadHeader);  // no Content-Length
    CHECK(read_frame(in, body) == FrameStatus::BadHeader);  // not a number
    CHECK(read_frame(in, body) == FrameStatus::Eof);        // the body is cut short
}

TEST_CASE("file URIs", "[lsp]") {
    CHECK(path_of_uri("file:///a/b%20c.yaml") == "/a/b c.yaml");
    CHECK(path_of_uri("file://localhost/x.json") == "/x.json");
    CHECK(path_of_uri("untitled:Untitled-1") == "untitled:Untitled-1");
    CHECK(uri_of_path("/a/b c.yaml") == "file:///a/b%20c.yaml");
    CHECK(rule_docs_url("VL101") == "https://github.com/vpclint/vpclint/blob/main/docs/rules/VL101.md");
}
