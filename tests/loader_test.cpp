// The loaders: positions, short-form tags, JSON details and every kind of
// broken input (each gives a LoadError with a position, never a crash).
#include <catch2/catch.hpp>
#include <chrono>
#include <functional>

#include "core/document.h"

using namespace vpclint;

namespace {

const Node* load_ok(LoadResult& r) {
    INFO((r.error ? r.error->message : std::string()));
    REQUIRE(!r.error);
    return r.doc->root;
}

// A structural dump (no positions) to compare trees.
std::string dump(const Node* n) {
    switch (n->kind) {
        case NodeKind::Null: return "~";
        case NodeKind::Scalar: return (n->quoted ? "'" : "") + n->text;
        case NodeKind::Sequence: {
            std::string s = "[";
            for (const Node* i : n->items) s += dump(i) + ",";
            return s + "]";
        }
        case NodeKind::Mapping: {
            std::string s = "{";
            for (const MapEntry& e : n->entries) s += e.key + ":" + dump(e.value) + ",";
            return s + "}";
        }
    }
    return "";
}

LoadError load_error(const std::string& text, const std::string& path = "t.yaml") {
    LoadResult r = load_document(path, text);
    REQUIRE(r.error);
    return *r.error;
}

}  // namespace

TEST_CASE("YAML positions of keys, values and items", "[loader]") {
    LoadResult r = load_document("t.yaml", "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n    List:\n      - a\n      - 'b c'\n    Flow: [x, {k: v}]\n");
    const Node* root = load_ok(r);
    const Node* fn = root->get("Resources")->get("Fn");
    const MapEntry* type = fn->entry("Type");
    CHECK(type->key_begin.line == 3);
    CHECK(type->key_begin.col == 5);
    CHECK(type->value->begin.line == 3);
    CHECK(type->value->begin.col == 11);
    CHECK(type->value->end.col == 32);
    const Node* list = fn->get("List");
    CHECK(list->begin.line == 5);
    CHECK(list->begin.col == 7);
    CHECK(list->items[1]->begin.col == 9);
    CHECK(list->items[1]->quoted);
    CHECK(list->items[1]->end.col == 14);
    const Node* flow = fn->get("Flow");
    CHECK(flow->items[1]->get("k")->begin.col == 19);
}

TEST_CASE("columns count characters, not bytes", "[loader]") {
    LoadResult r = load_document("t.yaml", "a: \"h\xc3\xa9llo\"\nb: x\nc: [\xc3\xa9, y]\n");
    const Node* root = load_ok(r);
    CHECK(root->get("c")->items[1]->begin.col == 8);  // "é" is one column
}

TEST_CASE("short-form tags give the same tree as the long form", "[loader]") {
    LoadResult s = load_document("t.yaml", R"(
A: !Ref X
B: !GetAtt Res.Attr.Nested
C: !Sub 'a-${X}'
D: !Join [',', [a, !Ref X]]
E: !If [Cond, !GetAtt [R, Arn], !Ref AWS::NoValue]
F: !FindInMap [M, !Ref AWS::Region, K]
G: !Equals [!Ref P, 'x']
H: !Condition C
I: !Select [0, !GetAZs '']
J: !Unknown thing
)");
    LoadResult l = load_document("t.json", R"({
"A": {"Ref": "X"},
"B": {"Fn::GetAtt": ["Res", "Attr.Nested"]},
"C": {"Fn::Sub": "a-${X}"},
"D": {"Fn::Join": [",", ["a", {"Ref": "X"}]]},
"E": {"Fn::If": ["Cond", {"Fn::GetAtt": ["R", "Arn"]}, {"Ref": "AWS::NoValue"}]},
"F": {"Fn::FindInMap": ["M", {"Ref": "AWS::Region"}, "K"]},
"G": {"Fn::Equals": [{"Ref": "P"}, "x"]},
"H": {"Condition": "C"},
"I": {"Fn::Select": ["0", {"Fn::GetAZs": ""}]},
"J": {"Fn::Unknown": "thing"}
})");
    std::string a = dump(load_ok(s)), b = dump(load_ok(l));
    // JSON strings are quoted; compare without the quote markers.
    auto unquote = [](std::string x) {
        x.erase(std::remove(x.begin(), x.end(), '\''), x.end());
        return x;
    };
    CHECK(unquote(a) == unquote(b));
    const Node* getatt = s.doc->root->get("B")->get("Fn::GetAtt");
    CHECK(getatt->items[1]->begin.col == getatt->items[0]->begin.col + 4);
    CHECK(s.doc->root->get("A")->begin.col == 4);  // the tag's position
}

TEST_CASE("JSON numbers, literals, escapes and positions", "[loader]") {
    LoadResult r = load_document("t.json", "{\n  \"n\": -1.5e3, \"t\": true, \"z\": null,\n  \"s\": \"a\\u00e9\\ud83d\\ude00\\n\"\n}");
    const Node* root = load_ok(r);
    CHECK(root->get("n")->text == "-1.5e3");
    CHECK_FALSE(root->get("n")->quoted);
    CHECK(root->get("t")->text == "true");
    CHECK(root->get("z")->is_null());
    CHECK(root->get("s")->text == "a\xc3\xa9\xf0\x9f\x98\x80\n");
    CHECK(root->entry("s")->key_begin.line == 3);
    CHECK(root->get("s")->begin.col == 8);
}

TEST_CASE("broken inputs give positioned load errors", "[loader]") {
    LoadError e = load_error("Resources:\n  Fn:\n    Type: x\n   Bad: y\n");
    CHECK(e.pos.line == 4);
    e = load_error("a: [1, 2\nb: 3\n");
    CHECK(e.message.find("invalid YAML") == 0);
    e = load_error("a:\n\tb: 1\n");
    CHECK(e.message.find("tab") != std::string::npos);
    CHECK(e.pos.line == 2);
    e = load_error("a: 1\nb: 2\na: 3\n");
    CHECK(e.message == "duplicate key 'a' (first at line 1)");
    CHECK(e.pos.line == 3);
    e = load_error("{\"a\": 1, \"a\": 2}", "t.json");
    CHECK(e.message.find("duplicate key 'a'") != std::string::npos);
    CHECK(e.pos.col == 10);
    e = load_error("{\"a\": [1, 2}", "t.json");
    CHECK(e.pos.col == 12);
    e = load_error("{\"a\": 1,}", "t.json");
    CHECK(e.message.find("trailing comma") != std::string::npos);
    e = load_error("{\"a\": \"x\ty\"}", "t.json");
    CHECK(e.message.find("control character") != std::string::npos);
    e = load_error("{\"a\": 1} x", "t.json");
    CHECK(e.message.find("after the JSON value") != std::string::npos);
    CHECK(load_error("").message == "file is empty");
    CHECK(load_error("  \n\n").message == "file is empty");
    e = load_error(std::string("a: b\n\0c", 7));
    CHECK(e.message.find("binary file") == 0);
    CHECK(e.pos.line == 2);
    e = load_error("a: caf\xe9\n");
    CHECK(e.message.find("invalid UTF-8") == 0);
    CHECK(e.pos.col == 7);
    e = load_error("a: 1\n---\nb: 2\n");
    CHECK(e.message.find("more than one YAML document") == 0);
}

TEST_CASE("deep nesting is rejected without a crash", "[loader]") {
    std::string deep_json = std::string(10000, '[') + std::string(10000, ']');
    LoadError e = load_error(deep_json, "t.json");
    CHECK(e.message.find("deeper than 512") != std::string::npos);
    std::string deep_yaml = "a: " + std::string(10000, '[') + std::string(10000, ']');
    CHECK(load_error(deep_yaml).message.find("nesting deeper") != std::string::npos);
    std::string block;
    for (int i = 0; i < 3000; ++i) block += std::string(static_cast<size_t>(i) * 2, ' ') + "k:\n";
    CHECK(load_error(block).message.find("nesting deeper") != std::string::npos);
}

TEST_CASE("an alias bomb fails fast", "[loader]") {
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    std::string prev = "a";
    for (char c = 'b'; c <= 'j'; ++c) {
        bomb += std::string(1, c) + ": &" + c + " [";
        for (int i = 0; i < 10; ++i) bomb += (i ? ", *" : "*") + prev;
        bomb += "]\n";
        prev = std::string(1, c);
    }
    auto start = std::chrono::steady_clock::now();
    LoadError e = load_error(bomb);
    double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
    CHECK(e.message.find("alias") != std::string::npos);
    CHECK(ms < 1000);
    // Aliases within the limit share nodes.
    LoadResult ok = load_document("t.yaml", "a: &x {k: v}\nb: *x\n");
    CHECK(load_ok(ok)->get("a") == ok.doc->root->get("b"));
}

TEST_CASE("files over 50 MiB are rejected before parsing", "[loader]") {
    std::string big(kMaxFileBytes + 1, ' ');
    CHECK(load_error(big).message.find("larger than 50 MiB") != std::string::npos);
}
