// The loaders: positions, short-form tags, JSON details and every kind of
// broken input (each gives a LoadError with a position, never a crash).
#include <catch2/catch.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <random>
#include <sstream>
#include <vector>

#include "core/document.h"
#include "parsers/json_scan.h"
#include "parsers/key_table.h"

using namespace vpclint;

namespace {

const Node* load_ok(const LoadResult& r) {
    INFO((r.error ? r.error->message : std::string()));
    REQUIRE(!r.error);
    return r.doc->root;
}

std::string at(SourcePos p) { return std::to_string(p.line) + ":" + std::to_string(p.col); }
std::string span(const Node* n) { return at(n->begin) + "-" + at(n->end); }
std::string key_span(const MapEntry* e) { return at(e->key_begin) + "-" + at(e->key_end); }

// A structural dump (no positions) to compare trees; "'" marks quoted text.
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

std::string without_quote_marks(std::string s) {
    s.erase(std::remove(s.begin(), s.end(), '\''), s.end());
    return s;
}

LoadError load_error(const std::string& text, const std::string& path = "t.yaml") {
    LoadResult r = load_document(path, text);
    INFO(text.substr(0, 200));
    REQUIRE(r.error);
    return *r.error;
}

double millis_since(std::chrono::steady_clock::time_point start) {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
}

}  // namespace

TEST_CASE("YAML block style: positions of keys, values and items", "[loader]") {
    LoadResult r = load_document("t.yaml",
                                 "Resources:\n"
                                 "  Fn:\n"
                                 "    Type: AWS::Lambda::Function\n"
                                 "    Properties:\n"
                                 "      Layers:\n"
                                 "        - arn:a\n"
                                 "        - 'arn:b'\n"
                                 "      Empty:\n"
                                 "    Last: x\n");
    const Node* root = load_ok(r);
    CHECK(span(root) == "1:1-9:12");
    const Node* fn = root->get("Resources")->get("Fn");
    CHECK(span(fn) == "3:5-9:12");  // a block mapping ends with its last value
    CHECK(key_span(root->get("Resources")->entry("Fn")) == "2:3-2:5");
    CHECK(key_span(fn->entry("Type")) == "3:5-3:9");
    CHECK(span(fn->get("Type")) == "3:11-3:32");
    const Node* layers = fn->get("Properties")->get("Layers");
    CHECK(span(layers) == "6:9-7:18");
    CHECK(span(layers->items[0]) == "6:11-6:16");
    CHECK(span(layers->items[1]) == "7:11-7:18");  // quotes included
    // An empty value sits just after its ':'.
    const Node* empty = fn->get("Properties")->get("Empty");
    CHECK(empty->is_null());
    CHECK(span(empty) == "8:13-8:13");
    CHECK(span(fn->get("Properties")) == "5:7-8:13");
}

TEST_CASE("YAML flow style: positions, and ends at the closing bracket", "[loader]") {
    LoadResult r = load_document("t.yaml",
                                 "Flow: [x, {k: v}, []]  # c\n"
                                 "List: [\n"
                                 "  a,\n"
                                 "  b,\n"
                                 "]\n"
                                 "Map: {a: 1, b: }\n");
    const Node* root = load_ok(r);
    const Node* flow = root->get("Flow");
    CHECK(span(flow) == "1:7-1:22");
    CHECK(span(flow->items[0]) == "1:8-1:9");
    CHECK(span(flow->items[1]) == "1:11-1:17");
    CHECK(key_span(flow->items[1]->entry("k")) == "1:12-1:13");
    CHECK(span(flow->items[1]->get("k")) == "1:15-1:16");
    CHECK(span(flow->items[2]) == "1:19-1:21");  // an empty []
    const Node* list = root->get("List");
    CHECK(span(list) == "2:7-5:2");  // the trailing comma and the ] on its own line
    CHECK(span(list->items[1]) == "4:3-4:4");
    const Node* map = root->get("Map");
    CHECK(span(map) == "6:6-6:17");
    CHECK(map->get("b")->is_null());
    CHECK(span(root) == "1:1-6:17");
}

TEST_CASE("JSON positions of keys, values and items", "[loader]") {
    LoadResult r = load_document("t.json",
                                 "{\n"
                                 "  \"Resources\": {\n"
                                 "    \"Fn\": {\"Type\": \"AWS::Lambda::Function\", \"N\": [1, {\"k\": null}]}\n"
                                 "  }\n"
                                 "}\n");
    const Node* root = load_ok(r);
    CHECK(span(root) == "1:1-5:2");
    CHECK(key_span(root->entry("Resources")) == "2:3-2:14");
    CHECK(span(root->get("Resources")) == "2:16-4:4");
    const Node* fn = root->get("Resources")->get("Fn");
    CHECK(span(fn) == "3:11-3:67");
    CHECK(key_span(fn->entry("Type")) == "3:12-3:18");
    CHECK(span(fn->get("Type")) == "3:20-3:43");
    CHECK(span(fn->get("N")) == "3:50-3:66");
    CHECK(span(fn->get("N")->items[0]) == "3:51-3:52");
    CHECK(span(fn->get("N")->items[1]->get("k")) == "3:60-3:64");
}

TEST_CASE("columns count characters, not bytes", "[loader]") {
    // "é" is two bytes, "😀" four: each is one column.
    LoadResult y = load_document("t.yaml", "a: \"h\xc3\xa9llo\"\nc: [\xc3\xa9, y]\nd: \xf0\x9f\x98\x80 x\n");
    const Node* root = load_ok(y);
    CHECK(span(root->get("a")) == "1:4-1:11");
    CHECK(span(root->get("c")->items[0]) == "2:5-2:6");
    CHECK(span(root->get("c")->items[1]) == "2:8-2:9");
    CHECK(span(root->get("d")) == "3:4-3:7");
    LoadResult j = load_document("t.json", "{\"\xc3\xa9\": \"\xf0\x9f\x98\x80\", \"b\": 1}");
    const Node* jroot = load_ok(j);
    CHECK(span(jroot->entries[0].value) == "1:7-1:10");
    CHECK(key_span(jroot->entry("b")) == "1:12-1:15");
}

TEST_CASE("multi-line and block scalars: begin, end and value", "[loader]") {
    LoadResult r = load_document("t.yaml",
                                 "a: first\n"
                                 "  second\n"
                                 "b: |\n"
                                 "  line1\n"
                                 "  line2\n"
                                 "\n"
                                 "c: >-\n"
                                 "  folded\n"
                                 "  text\n"
                                 "d: \"quoted\n"
                                 "  more\"\n"
                                 "e: x\n");
    const Node* root = load_ok(r);
    CHECK(root->get("a")->text == "first second");
    CHECK(span(root->get("a")) == "1:4-2:9");
    CHECK(root->get("b")->text == "line1\nline2\n");
    CHECK(span(root->get("b")) == "3:4-5:8");  // from the '|' to the last text
    CHECK(root->get("c")->text == "folded text");
    CHECK(span(root->get("c")) == "7:4-9:7");
    CHECK(root->get("d")->text == "quoted more");
    CHECK(span(root->get("d")) == "10:4-11:8");
    CHECK(span(root->get("e")) == "12:4-12:5");
}

TEST_CASE("quoted scalars keep the spec's folding where yaml-cpp drops a line feed", "[loader]") {
    // Fn::Join lists of UserData lines are written like this.
    LoadResult r = load_document("t.yaml", "a: 'x\n\n\n  '\nb: '\n\n  '\nc: \"a\\\n   b\"\nd: 'it''s'\n");
    const Node* root = load_ok(r);
    CHECK(root->get("a")->text == "x\n\n");
    CHECK(root->get("b")->text == "\n");
    CHECK(root->get("c")->text == "ab");
    CHECK(root->get("d")->text == "it's");
}

TEST_CASE("quoted and plain scalars", "[loader]") {
    LoadResult r = load_document("t.yaml",
                                 "a: \"true\"\nb: true\nc: '1'\nd: 1\ne: !!str 1\nf: |\n  x\n"
                                 "g: !Sub 'x'\nh: null\ni: ~\nj: \"null\"\nk:\n");
    const Node* root = load_ok(r);
    CHECK(root->get("a")->quoted);
    CHECK_FALSE(root->get("b")->quoted);
    CHECK(root->get("c")->quoted);
    CHECK_FALSE(root->get("d")->quoted);
    CHECK(root->get("e")->quoted);
    CHECK(root->get("e")->text == "1");
    CHECK(root->get("f")->quoted);  // a block scalar is always a string
    CHECK(root->get("g")->get("Fn::Sub")->quoted);
    CHECK(root->get("h")->is_null());
    CHECK(root->get("i")->is_null());
    CHECK(span(root->get("i")) == "10:4-10:5");
    CHECK(root->get("j")->is_scalar());
    CHECK(root->get("j")->quoted);
    CHECK(root->get("k")->is_null());
}

TEST_CASE("short-form tags give the same tree as the long form", "[loader]") {
    const char* short_form = R"(
A: !Ref X
B: !GetAtt Res.Attr.Nested
B2: !GetAtt [R, Arn]
C: !Sub 'a-${X}'
C2: !Sub
  - '${A}-x'
  - {A: !Ref B}
D: !Join [',', [a, !Ref X]]
E: !If [Cond, !GetAtt R.Arn, !Ref AWS::NoValue]
F: !FindInMap [M, !Ref AWS::Region, K]
G: !Equals [!Ref P, 'x']
H: !Condition C
I: !Select [0, !GetAZs '']
J: !Split [',', !ImportValue Exported]
K: !Base64 text
L: !Cidr [!GetAtt Vpc.CidrBlock, 6, 8]
M: !And [!Not [!Condition C], !Or [!Condition D, !Condition E]]
N: !Transform {Name: AWS::Include}
O: !ToJsonString {a: b}
P: !Length [1, 2]
Q: !ForEach [Id, [a, b], {K: v}]
R: !Foo thing
)";
    const char* long_form = R"(
A: {Ref: X}
B: {Fn::GetAtt: [Res, Attr.Nested]}
B2: {Fn::GetAtt: [R, Arn]}
C: {Fn::Sub: 'a-${X}'}
C2: {Fn::Sub: ['${A}-x', {A: {Ref: B}}]}
D: {Fn::Join: [',', [a, {Ref: X}]]}
E: {Fn::If: [Cond, {Fn::GetAtt: [R, Arn]}, {Ref: AWS::NoValue}]}
F: {Fn::FindInMap: [M, {Ref: AWS::Region}, K]}
G: {Fn::Equals: [{Ref: P}, 'x']}
H: {Condition: C}
I: {Fn::Select: [0, {Fn::GetAZs: ''}]}
J: {Fn::Split: [',', {Fn::ImportValue: Exported}]}
K: {Fn::Base64: text}
L: {Fn::Cidr: [{Fn::GetAtt: [Vpc, CidrBlock]}, 6, 8]}
M: {Fn::And: [{Fn::Not: [{Condition: C}]}, {Fn::Or: [{Condition: D}, {Condition: E}]}]}
N: {Fn::Transform: {Name: AWS::Include}}
O: {Fn::ToJsonString: {a: b}}
P: {Fn::Length: [1, 2]}
Q: {Fn::ForEach: [Id, [a, b], {K: v}]}
R: {Fn::Foo: thing}
)";
    const char* json_form = R"({
"A": {"Ref": "X"},
"B": {"Fn::GetAtt": ["Res", "Attr.Nested"]},
"B2": {"Fn::GetAtt": ["R", "Arn"]},
"C": {"Fn::Sub": "a-${X}"},
"C2": {"Fn::Sub": ["${A}-x", {"A": {"Ref": "B"}}]},
"D": {"Fn::Join": [",", ["a", {"Ref": "X"}]]},
"E": {"Fn::If": ["Cond", {"Fn::GetAtt": ["R", "Arn"]}, {"Ref": "AWS::NoValue"}]},
"F": {"Fn::FindInMap": ["M", {"Ref": "AWS::Region"}, "K"]},
"G": {"Fn::Equals": [{"Ref": "P"}, "x"]},
"H": {"Condition": "C"},
"I": {"Fn::Select": [0, {"Fn::GetAZs": ""}]},
"J": {"Fn::Split": [",", {"Fn::ImportValue": "Exported"}]},
"K": {"Fn::Base64": "text"},
"L": {"Fn::Cidr": [{"Fn::GetAtt": ["Vpc", "CidrBlock"]}, 6, 8]},
"M": {"Fn::And": [{"Fn::Not": [{"Condition": "C"}]}, {"Fn::Or": [{"Condition": "D"}, {"Condition": "E"}]}]},
"N": {"Fn::Transform": {"Name": "AWS::Include"}},
"O": {"Fn::ToJsonString": {"a": "b"}},
"P": {"Fn::Length": [1, 2]},
"Q": {"Fn::ForEach": ["Id", ["a", "b"], {"K": "v"}]},
"R": {"Fn::Foo": "thing"}
})";
    LoadResult s = load_document("s.yaml", short_form);
    LoadResult l = load_document("l.yaml", long_form);
    LoadResult j = load_document("j.json", json_form);
    std::string from_short = dump(load_ok(s));
    CHECK(from_short == dump(load_ok(l)));  // quoting included
    CHECK(without_quote_marks(from_short) == without_quote_marks(dump(load_ok(j))));
    // Both forms of one entry, to see what differs when the above fails.
    CHECK(dump(s.doc->root->get("E")) == "{Fn::If:[Cond,{Fn::GetAtt:[R,Arn,],},{Ref:AWS::NoValue,},],}");
}

TEST_CASE("short-form tags: positions of the created mapping, its key and the value", "[loader]") {
    LoadResult r = load_document("t.yaml",
                                 "A: !Ref X\n"
                                 "B: !GetAtt Res.Attr.Nested\n"
                                 "C: !GetAtt \"R.Arn\"\n"
                                 "D: !Sub\n"
                                 "  - x\n");
    const Node* root = load_ok(r);
    const Node* ref = root->get("A");
    CHECK(span(ref) == "1:4-1:10");  // the tagged node: tag and value
    CHECK(key_span(ref->entry("Ref")) == "1:4-1:8");  // the tag token
    CHECK(span(ref->get("Ref")) == "1:9-1:10");
    const Node* getatt = root->get("B")->get("Fn::GetAtt");
    REQUIRE(getatt->items.size() == 2);
    CHECK(getatt->items[0]->text == "Res");
    CHECK(getatt->items[1]->text == "Attr.Nested");
    CHECK(span(getatt) == "2:12-2:27");
    CHECK(span(getatt->items[0]) == "2:12-2:15");
    CHECK(span(getatt->items[1]) == "2:16-2:27");
    const Node* quoted = root->get("C")->get("Fn::GetAtt");
    CHECK(span(quoted->items[0]) == "3:13-3:14");  // inside the quotes
    CHECK(span(quoted->items[1]) == "3:15-3:18");
    CHECK(quoted->items[1]->quoted);
    const Node* sub = root->get("D");
    CHECK(span(sub) == "4:4-5:6");
    CHECK(span(sub->get("Fn::Sub")) == "5:3-5:6");  // the list on the next line
}

TEST_CASE("aliases share the anchored node", "[loader]") {
    LoadResult r = load_document("t.yaml", "a: &x {k: v}\nb: *x\nc: &s !Ref P\nd: *s\n");
    const Node* root = load_ok(r);
    CHECK(root->get("a") == root->get("b"));
    CHECK(root->get("d") == root->get("c"));
    CHECK(root->get("d")->get("Ref")->text == "P");
    CHECK(span(root) == "1:1-4:6");  // ends at the alias, not at the anchored node
    LoadError e = load_error("a: &x [1, *x]\n");
    CHECK(e.message == "alias to an unknown or unfinished anchor");
    CHECK(at(e.pos) == "1:11");
}

TEST_CASE("a document whose root is not a mapping still loads", "[loader]") {
    CHECK(load_ok(load_document("t.yaml", "- a\n- b\n"))->is_sequence());
    CHECK(load_ok(load_document("t.yaml", "just text\n"))->text == "just text");
    CHECK(load_ok(load_document("t.json", "[1, 2]"))->items.size() == 2);
    CHECK(load_ok(load_document("t.yaml", "---\n# nothing else\n"))->is_null());
}

TEST_CASE("byte-order marks and UTF-16 plans", "[loader]") {
    LoadResult bom = load_document("t.yaml", "\xEF\xBB\xBF" "a: 1\n");
    CHECK(span(load_ok(bom)->get("a")) == "1:4-1:5");
    // What Windows PowerShell writes for `terraform show -json > plan.json`.
    std::string utf16 = "\xFF\xFE";
    for (char c : std::string("{\r\n  \"format_version\": \"1.2\", \"x\": \"")) utf16 += {c, '\0'};
    utf16 += {'\xE9', '\0'};
    for (char c : std::string("\"\r\n}")) utf16 += {c, '\0'};
    LoadResult r = load_document("plan.json", utf16);
    const Node* plan = load_ok(r);
    CHECK(plan->get("format_version")->text == "1.2");
    CHECK(plan->get("x")->text == "\xc3\xa9");
    CHECK(key_span(plan->entry("x")) == "2:28-2:31");
    CHECK(span(plan->get("x")) == "2:33-2:36");
}

TEST_CASE("UTF-32 plans with a byte-order mark; UTF-16 without one stays a binary file", "[loader]") {
    for (bool le : {true, false}) {
        std::string utf32 = le ? std::string("\xFF\xFE\0\0", 4) : std::string("\0\0\xFE\xFF", 4);
        auto add = [&](uint32_t cp) {
            for (int k = 0; k < 4; ++k) utf32 += static_cast<char>((cp >> (8 * (le ? k : 3 - k))) & 0xFF);
        };
        for (char c : std::string("{\n  \"format_version\": \"1.2\", \"x\": \"")) add(static_cast<unsigned char>(c));
        add(0x1F600);
        for (char c : std::string("\"\n}")) add(static_cast<unsigned char>(c));
        LoadResult r = load_document("plan.json", utf32);
        const Node* plan = load_ok(r);
        CHECK(plan->get("format_version")->text == "1.2");
        CHECK(plan->get("x")->text == "\xf0\x9f\x98\x80");
        CHECK(span(plan->get("x")) == "2:33-2:36");
        LoadResult truncated = load_document("plan.json", utf32.substr(0, utf32.size() - 1));
        REQUIRE(truncated.error);
        CHECK(truncated.error->message.find("invalid UTF-32") == 0);
    }
    std::string no_bom;
    for (char c : std::string("{\"a\": 1}")) no_bom += {c, '\0'};
    LoadResult r = load_document("plan.json", no_bom);
    REQUIRE(r.error);
    CHECK(r.error->message.find("binary file (NUL byte at line 1 col 2); if it is text, save it as UTF-8") == 0);
}

TEST_CASE("JSON numbers, literals, escapes", "[loader]") {
    LoadResult r = load_document("t.json",
                                 "{\n  \"n\": -1.5e3, \"t\": true, \"f\": false, \"z\": null, \"i\": 0,\n"
                                 "  \"s\": \"a\\u00e9\\ud83d\\ude00\\n\\t\\\"\\\\\\/\"\n}");
    const Node* root = load_ok(r);
    CHECK(root->get("n")->text == "-1.5e3");
    CHECK_FALSE(root->get("n")->quoted);
    CHECK(root->get("t")->text == "true");
    CHECK_FALSE(root->get("t")->quoted);
    CHECK(root->get("f")->text == "false");
    CHECK(root->get("z")->is_null());
    CHECK(span(root->get("z")) == "2:44-2:48");
    CHECK(root->get("i")->text == "0");
    CHECK(root->get("s")->text == "a\xc3\xa9\xf0\x9f\x98\x80\n\t\"\\/");
    CHECK(root->get("s")->quoted);
    CHECK(span(root->get("s")) == "3:8-3:39");
}

TEST_CASE("a JSON-looking .yaml file that is only valid YAML still loads", "[loader]") {
    const char* text = "{Resources: {Fn: {Type: 'AWS::Lambda::Function'}},}";
    CHECK(load_ok(load_document("t.yaml", text))->get("Resources")->get("Fn"));
    LoadError e = load_error(text, "t.json");
    CHECK(e.message == "invalid JSON: expected a quoted key");
    CHECK(at(e.pos) == "1:2");
}

TEST_CASE("JSON errors: message and position", "[loader]") {
    struct Case {
        const char* text;
        const char* message;
        const char* pos;
    };
    const Case cases[] = {
        {"{\"a\": [1, 2}", "invalid JSON: expected ',' or ']' in an array", "1:12"},
        {"{\"a\": [1,\n 2", "invalid JSON: unclosed '[' (end of file reached)", "1:7"},
        {"{\"a\": 1,}", "invalid JSON: trailing comma before '}'", "1:8"},
        {"[1, 2, ]", "invalid JSON: trailing comma before ']'", "1:6"},
        {"{\"a\" 1}", "invalid JSON: expected ':' after the key \"a\"", "1:6"},
        {"{\"a\": \"x\\qy\"}", "invalid JSON: invalid escape \\q", "1:9"},
        {"{\"a\": \"\\ud800x\"}", "invalid JSON: unpaired surrogate in a \\u escape", "1:8"},
        {"{\"a\": \"\\u12G4\"}", "invalid JSON: invalid \\u escape: four hex digits expected", "1:12"},
        {"{\"a\": \"x\ty\"}", "invalid JSON: control character in a string (escape it)", "1:9"},
        {"{\"a\": \"x\ny\"}", "invalid JSON: line break in a string (missing closing quote, or write it as \\n)", "1:9"},
        {"{\"a\": \"xy", "invalid JSON: unclosed string (end of file reached)", "1:7"},
        {"{\"a\": 1} x", "invalid JSON: unexpected text after the JSON value", "1:10"},
        {"{\"a\": 01}", "invalid JSON: invalid number: leading zero", "1:7"},
        {"{\"a\": 1.}", "invalid JSON: invalid number: a digit is expected", "1:9"},
        {"{\"a\": -}", "invalid JSON: invalid number: a digit is expected", "1:8"},
        {"{\"a\": 1e}", "invalid JSON: invalid number: a digit is expected", "1:9"},
        {"{\"a\": tru}", "invalid JSON: unexpected character 't'", "1:7"},
        {"{\"a\": }", "invalid JSON: unexpected '}': a value is missing", "1:7"},
        {"{a: 1}", "invalid JSON: expected a quoted key", "1:2"},
        {"{\"a\": 1, \"b\": 2, \"a\": 3}", "duplicate key 'a' (first at line 1)", "1:18"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        LoadError e = load_error(c.text, "t.json");
        CHECK(e.message == c.message);
        CHECK(at(e.pos) == c.pos);
    }
}

TEST_CASE("YAML errors: message and position", "[loader]") {
    struct Case {
        const char* text;
        const char* message;
        const char* pos;
    };
    const Case cases[] = {
        {"Resources:\n  Fn:\n    Type: x\n   Bad: y\n",
         "invalid YAML: bad indentation (this line does not line up with the mapping it is in)", "4:4"},
        {"a: b: c\n", "invalid YAML: a mapping value is not allowed here (wrong indentation, or a missing space after ':'?)",
         "1:5"},
        {"a: [1, 2\nb: 3\n", "invalid YAML: unclosed '['", "1:4"},
        {"a:\n  b: {c: 1\n", "invalid YAML: unclosed '{'", "2:6"},
        {"a: [1, 2]]\n", "invalid YAML: a closing bracket that does not match the open one", "1:10"},
        {"a: \"x\nb: c\n", "invalid YAML: unclosed quoted string (missing closing quote)", "1:4"},
        {"a:\n\tb: 1\n", "invalid YAML: a tab is used for indentation (YAML allows only spaces)", "2:1"},
        {"a:\n  b: 1\n  \tc: 2\n", "invalid YAML: a tab is used for indentation (YAML allows only spaces)", "3:3"},
        {"a: 1\nb: 2\na: 3\n", "duplicate key 'a' (first at line 1)", "3:1"},
        {"x:\n  'k': 1\n  \"k\": 2\n", "duplicate key 'k' (first at line 2)", "3:3"},
        {"a: 1\n---\nb: 2\n", "more than one YAML document in the file (CloudFormation reads one)", "2:1"},
        {"- a\nb: c\n", "invalid YAML: unexpected text after the end of the document (wrong indentation?)", "2:1"},
        {"a: *nope\n", "invalid YAML: an alias ('*name') refers to an anchor ('&name') that is not defined", "1:4"},
        {"? [a]\n: b\n", "a mapping key must be a plain value, not a list, mapping or tagged value", "1:3"},
        {"a: \"\\q\"\n", "invalid YAML: unknown escape character: q", "1:5"},
        {"# only a comment\n", "file is empty (only comments)", "1:1"},
    };
    for (const Case& c : cases) {
        INFO(c.text);
        LoadError e = load_error(c.text);
        CHECK(e.message == c.message);
        CHECK(at(e.pos) == c.pos);
    }
}

TEST_CASE("input checks: size, emptiness, binary content, encoding", "[loader]") {
    LoadError e = load_error("");
    CHECK(e.message == "file is empty");
    CHECK(at(e.pos) == "1:1");
    CHECK(load_error(" \t\r\n\n").message == "file is empty");
    e = load_error(std::string("a: b\nc:\0d", 9));
    CHECK(e.message ==
          "binary file (NUL byte at line 2 col 3); if it is text, save it as UTF-8 (or UTF-16 with a byte-order mark)");
    CHECK(at(e.pos) == "2:3");
    e = load_error("a: \xc3\xa9t\xc3\xa9\nb: caf\xe9\n");
    CHECK(e.message == "invalid UTF-8 (the file must be UTF-8 encoded)");
    CHECK(at(e.pos) == "2:7");
    CHECK(at(load_error("a: \xed\xa0\x80\n").pos) == "1:4");  // an encoded surrogate
    CHECK(at(load_error("a: \xc0\xaf\n").pos) == "1:4");      // an overlong '/'
    // The limit is --max-file-size (1 GiB by default); a small one here.
    std::string big((50u << 20) + 1, ' ');
    auto start = std::chrono::steady_clock::now();
    LoadResult too_big = load_document("t.yaml", big, 50u << 20);
    REQUIRE(too_big.error);
    e = *too_big.error;
    CHECK(e.message == "file is larger than 50 MiB (52428801 bytes); not analysed (--max-file-size raises the limit)");
    CHECK(at(e.pos) == "1:1");
    CHECK(millis_since(start) < 100);  // refused before reading
}

TEST_CASE("10,000-deep nesting is refused at the level that is too deep", "[loader]") {
    std::string json = std::string(10000, '[') + std::string(10000, ']');
    LoadError e = load_error(json, "t.json");
    CHECK(e.message == "invalid JSON: nesting deeper than 512 levels");
    CHECK(at(e.pos) == "1:513");
    // 512 levels are fine.
    CHECK(load_ok(load_document("t.json", std::string(512, '[') + std::string(512, ']')))->is_sequence());

    std::string flow = "a: " + std::string(10000, '[') + std::string(10000, ']');
    e = load_error(flow);
    CHECK(e.message == "nesting deeper than 480 levels");
    CHECK(at(e.pos) == "1:483");  // the mapping and 479 lists are open

    // A block mapping 10,000 deep (one space per level: 50 MB of text).
    std::string block;
    block.reserve(10000 * 10000 / 2 + 40000);
    for (size_t i = 0; i < 10000; ++i) block.append(i, ' ').append("k:\n");
    e = load_error(block);
    CHECK(e.message == "nesting deeper than 480 levels");
    CHECK(at(e.pos) == "481:481");  // 480 mappings are open
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
    CHECK(millis_since(start) < 1000);
    CHECK(e.message == "YAML aliases expand to more than 1000000 nodes (an alias bomb?)");
    // The alias that crosses the limit: f's tenth *e (1 + 10 x 111,111).
    CHECK(at(e.pos) == "6:44");
    // The same shape within the limit loads, sharing nodes.
    LoadResult small = load_document("t.yaml", "a: &a [x, x]\nb: &b [*a, *a]\nc: [*b, *b]\n");
    const Node* root = load_ok(small);
    CHECK(root->get("c")->items[0] == root->get("b"));
}

// Every file in fixtures/bad-input/ is listed in its README with the error it
// gives; the end-to-end test runs the binary over the same files.
TEST_CASE("fixtures/bad-input: each file fails as its README says", "[loader]") {
    namespace fs = std::filesystem;
    fs::path dir = fs::path(VPCLINT_SOURCE_DIR) / "fixtures" / "bad-input";
    std::ifstream readme(dir / "README.md");
    REQUIRE(readme);
    // Rows read: | `file` | line:col | message | what it is |
    std::map<std::string, std::pair<std::string, std::string>> expected;
    for (std::string line; std::getline(readme, line);) {
        if (line.rfind("| `", 0) != 0) continue;
        std::vector<std::string> cells;
        std::stringstream row(line.substr(1));
        for (std::string cell; std::getline(row, cell, '|');)
            cells.push_back(cell.substr(1, cell.size() >= 2 ? cell.size() - 2 : 0));
        REQUIRE(cells.size() >= 3);
        expected[cells[0].substr(1, cells[0].size() - 2)] = {cells[1], cells[2]};
    }
    size_t files = 0;
    for (const auto& entry : fs::directory_iterator(dir)) {
        std::string name = entry.path().filename().string();
        if (name == "README.md") continue;
        ++files;
        INFO(name);
        CHECK(fs::file_size(entry.path()) < 64 * 1024);
        auto it = expected.find(name);
        REQUIRE(it != expected.end());
        std::ifstream in(entry.path(), std::ios::binary);
        std::stringstream text;
        text << in.rdbuf();
        auto start = std::chrono::steady_clock::now();
        LoadResult r = load_document(name, text.str());
        CHECK(millis_since(start) < 1000);
        REQUIRE(r.error);
        CHECK(at(r.error->pos) == it->second.first);
        // The README may shorten a long message: it gives its beginning.
        CHECK(r.error->message.rfind(it->second.second, 0) == 0);
    }
    CHECK(files == expected.size());
}

// A plan's parts no binder reads (resource_changes[].change.before/after/...,
// relevant_attributes, ...) are checked but not built (parsers/json_loader.cpp).
namespace {

// A plan when `head` is "format_version", otherwise a JSON document of the
// same length that is no plan (so that positions compare).
std::string plan_text(const std::string& head, const std::string& after) {
    return "{\"" + head + "\": \"1.2\",\n \"planned_values\": {\"root_module\": {}},\n"
           " \"resource_changes\": [{\"address\": \"aws_vpc.a\", \"change\": {\"actions\": [\"create\"],\n"
           "   \"after\": " + after + ",\n   \"after_unknown\": {\"id\": true}}}],\n"
           " \"relevant_attributes\": [{\"resource\": \"aws_vpc.a\", \"attribute\": [\"id\"]}]}";
}

}  // namespace

TEST_CASE("plans: the parts no binder reads are null nodes with their extent", "[loader][plan-skip]") {
    auto r = load_document("plan.json", plan_text("format_version", "{\"cidr_block\": \"10.0.0.0/16\", \"tags\": [1, {}]}"));
    const Node* root = load_ok(r);
    const Node* change = root->get("resource_changes")->items[0]->get("change");
    const Node* after = change->get("after");
    REQUIRE(after);
    CHECK(after->is_null());
    CHECK(span(after) == "4:13-4:59");  // the whole object
    // What the plan index reads is there.
    CHECK(dump(change->get("actions")) == "['create,]");
    CHECK(dump(change->get("after_unknown")) == "{id:true,}");
    CHECK(root->get("resource_changes")->items[0]->get("address")->text == "aws_vpc.a");
    CHECK(root->get("relevant_attributes")->is_null());
    CHECK(root->get("planned_values")->get("root_module")->is_mapping());

    // Not a plan (its first key is not format_version): everything is built.
    auto other = load_document("x.json", plan_text("formatXversion", "{\"cidr_block\": \"10.0.0.0/16\"}"));
    const Node* o = load_ok(other)->get("resource_changes")->items[0]->get("change")->get("after");
    CHECK(dump(o) == "{cidr_block:'10.0.0.0/16,}");
    CHECK(load_ok(other)->get("relevant_attributes")->is_sequence());

    // The key decides, however it is written: an escaped format_version is one.
    auto escaped = load_document("plan.json", plan_text("format\\u005fversion", "{\"cidr_block\": \"10.0.0.0/16\"}"));
    CHECK(load_ok(escaped)->get("relevant_attributes")->is_null());
    // load_json alone knows no plan (the plan reader is load_document's choice).
    auto plain = load_json("plan.json", plan_text("format_version", "{\"cidr_block\": \"10.0.0.0/16\"}"));
    CHECK(load_ok(plain)->get("relevant_attributes")->is_sequence());
}

TEST_CASE("plans: a part not built is checked as strictly as the rest", "[loader][plan-skip]") {
    // Each broken value gives the same message at the same position whether
    // it is skipped (in a plan) or built (the same text, not a plan).
    const char* broken[] = {
        "{\"a\": 0123}",
        "{\"a\": 1.2.3}",
        "{\"a\": 1e}",
        "{\"a\": \"x\\qy\"}",
        "{\"a\": \"\\ud800x\"}",
        "{\"a\": [1, 2,]}",
        "{\"a\": 1,}",
        "{\"a\": 1, \"a\": 2}",
        "{\"a\" 1}",
        "{a: 1}",
        "{\"a\": tru}",
        "{\"a\": \"x\ty\"}",
        "{\"a\": [1 2]}",
    };
    for (const char* b : broken) {
        INFO(b);
        LoadError skipped = load_error(plan_text("format_version", b), "plan.json");
        LoadError built = load_error(plan_text("formatXversion", b), "plan.json");
        CHECK(skipped.message == built.message);
        CHECK(at(skipped.pos) == at(built.pos));
        CHECK(skipped.pos.line == 4);
    }
    // The depth limit holds inside a skipped part (and needs no stack depth):
    // 1,000,000 open brackets stop at the 513th level.
    std::string deep = std::string(1000000, '[') + std::string(1000000, ']');
    LoadError skipped = load_error(plan_text("format_version", deep), "plan.json");
    LoadError built = load_error(plan_text("formatXversion", deep), "plan.json");
    CHECK(skipped.message == "invalid JSON: nesting deeper than 512 levels");
    CHECK(at(skipped.pos) == at(built.pos));
    // Unclosed at the end of the file.
    std::string cut = plan_text("format_version", "{\"a\": [1, {\"b\": \"c\"}]}");
    cut.resize(cut.find("\"c\"") + 3);
    CHECK(load_error(cut, "plan.json").message == "invalid JSON: unclosed '{' (end of file reached)");
}

TEST_CASE("plans: prior_state copies of planned resources are not built, the others are", "[loader][plan-skip]") {
    std::string plan = R"({"format_version": "1.2",
 "planned_values": {"root_module": {"resources": [
   {"address": "aws_vpc.a", "mode": "managed", "type": "aws_vpc", "name": "a", "values": {"id": "vpc-1"}},
   {"address": "aws_subnet.typeless", "name": "typeless", "sensitive_values": {"tags": {}}}],
   "child_modules": [{"address": "module.m", "resources": [
     {"address": "module.m.aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s"}]}]}},
 "prior_state": {"values": {"root_module": {"resources": [
   {"address": "aws_vpc.a", "mode": "managed", "type": "aws_vpc", "name": "a", "values": {"id": "vpc-1"}},
   {"address": "aws_vpc.gone", "mode": "managed", "type": "aws_vpc", "name": "gone"},
   {"address": "aws_subnet.typeless", "mode": "managed", "type": "aws_subnet", "name": "typeless"},
   {"address": "data.aws_vpc.d", "mode": "data", "type": "aws_vpc", "name": "d"}],
   "child_modules": [{"address": "module.m", "resources": [
     {"address": "module.m.aws_subnet.s", "mode": "managed", "type": "aws_subnet", "name": "s", "x": [1, 0123]}]}]}}}})";
    // Checked all the same: the number 0123 in a skipped copy is an error.
    LoadError e = load_error(plan, "plan.json");
    CHECK(e.message == "invalid JSON: invalid number: leading zero");
    CHECK(e.pos.line == 13);
    plan.replace(plan.find("0123"), 4, "123");
    auto r = load_document("plan.json", plan);
    const Node* prior = load_ok(r)->get("prior_state")->get("values")->get("root_module");
    const auto& rs = prior->get("resources")->items;
    REQUIRE(rs.size() == 4);
    CHECK(rs[0]->is_null());  // planned_values has it
    CHECK(span(rs[0]) == "8:4-8:106");
    CHECK(rs[1]->is_mapping());  // destroyed by the plan: only here
    CHECK(rs[2]->is_mapping());  // its planned copy lacks a type, so the index takes this one
    CHECK(rs[3]->is_mapping());  // data sources stay
    CHECK(prior->get("child_modules")->items[0]->get("resources")->items[0]->is_null());
    const Node* typeless = load_ok(r)->get("planned_values")->get("root_module")->get("resources")->items[1];
    CHECK(typeless->get("name")->text == "typeless");
    CHECK(typeless->get("sensitive_values")->is_null());
    // A duplicate key after the address is still found.
    std::string dup = plan;
    dup.replace(dup.rfind("\"name\": \"a\""), 11, "\"type\": \"a\"");  // in the prior_state copy
    CHECK(load_error(dup, "plan.json").message.rfind("duplicate key 'type'", 0) == 0);
}

TEST_CASE("plans: random damage to a real plan fails alike whether its parts are skipped or built", "[loader][plan-skip]") {
    std::ifstream in(std::string(VPCLINT_SOURCE_DIR) + "/fixtures/terraform/realistic/module-vpc-update-private/plan.json");
    std::stringstream ss;
    ss << in.rdbuf();
    const std::string base = ss.str();
    const size_t fv = base.find("\"format_version\"");
    REQUIRE(fv == 1);
    {
        // Undamaged, the two differ in what is built (else the comparison below proves nothing).
        std::string other = base;
        other.replace(fv, 16, "\"formatXversion\"");
        LoadResult a = load_document("p.json", base), b = load_document("p.json", other);
        CHECK(load_ok(a)->get("resource_changes")->items[0]->get("change")->get("after")->is_null());
        CHECK(load_ok(b)->get("resource_changes")->items[0]->get("change")->get("after")->is_mapping());
    }
    std::mt19937 rng(17);
    const std::string pieces = "{}[],:\"0123456789.eE-+\\ntrufalsu ";
    int failures = 0;
    for (int it = 0; it < 300; ++it) {
        std::string t = base;
        size_t pos = fv + 20 + rng() % (t.size() - fv - 20);
        switch (rng() % 4) {
            case 0: t.erase(pos, 1 + rng() % 3); break;
            case 1: t.insert(pos, 1, pieces[rng() % pieces.size()]); break;
            case 2: t[pos] = pieces[rng() % pieces.size()]; break;
            default: t.insert(pos, t.substr(fv + 20 + rng() % (t.size() - fv - 20), 1 + rng() % 40)); break;
        }
        std::string other = t;
        other.replace(fv, 16, "\"formatXversion\"");  // the same text, not a plan: built whole
        LoadResult a = load_document("p.json", t), b = load_document("p.json", other);
        INFO(t.substr(pos > 60 ? pos - 60 : 0, 120));
        REQUIRE(bool(a.error) == bool(b.error));
        if (!a.error) continue;
        ++failures;
        CHECK(a.error->message == b.error->message);
        CHECK(at(a.error->pos) == at(b.error->pos));
    }
    CHECK(failures > 100);  // the damage reaches the parser
}

TEST_CASE("duplicate keys in large mappings (past the scan limit, through the hash index)", "[loader]") {
    for (int dup_of : {3, 65, 150}) {
        INFO(dup_of);
        std::string json = "{", yaml;
        for (int k = 0; k < 200; ++k) {
            json += (k ? ",\n\"k" : "\n\"k") + std::to_string(k) + "\": " + std::to_string(k);
            yaml += "k" + std::to_string(k) + ": " + std::to_string(k) + "\n";
        }
        json += ",\n\"k" + std::to_string(dup_of) + "\": 0}";
        yaml += "k" + std::to_string(dup_of) + ": 0\n";
        std::string first = "(first at line " + std::to_string(dup_of + 2) + ")";
        LoadError e = load_error(json, "t.json");
        CHECK(e.message == "duplicate key 'k" + std::to_string(dup_of) + "' " + first);
        CHECK(at(e.pos) == "202:1");
        e = load_error(yaml);
        CHECK(e.message == "duplicate key 'k" + std::to_string(dup_of) + "' (first at line " + std::to_string(dup_of + 1) + ")");
        CHECK(at(e.pos) == "201:1");
        // The same object in a part of a plan that is checked, not built.
        e = load_error("{\"format_version\": \"1\", \"checks\": " + json + "}", "plan.json");
        CHECK(e.message == "duplicate key 'k" + std::to_string(dup_of) + "' " + first);
        CHECK(at(e.pos) == "202:1");
    }
}

// The string scanner's sixteen-byte steps (parsers/json_scan.h) against the
// byte-at-a-time definition, at every length and offset, with multi-byte
// characters and stop bytes on either side of each step boundary.
TEST_CASE("JSON string runs: length and columns as byte by byte", "[loader][json-scan]") {
    const std::vector<std::string> pieces = {"a", "Z", " ", "\xc3\xa9", "\xe2\x82\xac", "\xf0\x9f\x98\x80", "\"", "\\",
                                             "\t", "\n", "\x1f", "\x7f", "~"};
    std::mt19937 rng(17);
    for (int it = 0; it < 3000; ++it) {
        std::string s;
        size_t n = rng() % 70;
        bool plain_only = rng() % 2;
        while (s.size() < n) s += pieces[rng() % (plain_only ? 6 : pieces.size())];
        for (size_t from = 0; from <= std::min<size_t>(s.size(), 17); ++from) {
            size_t want = from;
            uint32_t want_cols = 0;
            while (want < s.size() && json_scan::plain(static_cast<unsigned char>(s[want]))) {
                want_cols += (static_cast<unsigned char>(s[want]) & 0xC0) != 0x80;
                ++want;
            }
            INFO(s << " from " << from);
            uint32_t cols = 5, word_cols = 5;
            REQUIRE(json_scan::plain_run(s.data() + from, s.data() + s.size(), cols) == want - from);
            REQUIRE(cols == 5 + want_cols);
            REQUIRE(json_scan::plain_run_words(s.data() + from, s.data() + s.size(), word_cols) == want - from);
            REQUIRE(word_cols == 5 + want_cols);
        }
    }
    // Through the loader: a column after seventeen two-byte characters, and after an escape.
    std::string e17;
    for (int k = 0; k < 17; ++k) e17 += "\xc3\xa9";
    LoadError e = load_error("{\"a\": \"" + e17 + "\tx\"}", "t.json");
    CHECK(e.message == "invalid JSON: control character in a string (escape it)");
    CHECK(at(e.pos) == "1:25");
    e = load_error("{\"a\": \"\\n" + e17 + e17 + "\"x}", "t.json");
    CHECK(at(e.pos) == "1:45");
}

TEST_CASE("JSON keys: one copy per text, duplicates found however written", "[loader][json-scan]") {
    KeyTable keys;
    NodeArena arena;
    std::string a = "subnet_id", b = "subnet_id";
    std::string_view ka = keys.intern(a, arena), kb = keys.intern(b, arena);
    CHECK(ka == "subnet_id");
    CHECK(ka.data() == kb.data());
    CHECK(ka.data() != a.data());  // the arena's copy
    CHECK(keys.intern("subnet_ids", arena).data() != ka.data());
    CHECK(keys.intern("", arena).data() == keys.intern(std::string(), arena).data());
    // Past the table's first size, every key still one copy.
    std::vector<std::string_view> first;
    for (int k = 0; k < 5000; ++k) first.push_back(keys.intern("k" + std::to_string(k), arena));
    for (int k = 0; k < 5000; ++k) REQUIRE(keys.intern("k" + std::to_string(k), arena).data() == first[k].data());
    CHECK(keys.distinct());

    LoadError e = load_error("{\"ab\": 1,\n \"a\\u0062\": 2}", "t.json");
    CHECK(e.message == "duplicate key 'ab' (first at line 1)");
    CHECK(at(e.pos) == "2:2");
    e = load_error("{\"\": 1, \"\": 2}", "t.json");
    CHECK(e.message == "duplicate key '' (first at line 1)");
    // The same in a part of a plan that is checked, not built.
    e = load_error("{\"format_version\": \"1\", \"checks\": {\"ab\": 1,\n \"a\\u0062\": 2}}", "plan.json");
    CHECK(e.message == "duplicate key 'ab' (first at line 1)");
}
