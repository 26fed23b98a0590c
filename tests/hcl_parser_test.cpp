// HCL2 native syntax: every construct with its positions, and syntax
// errors at the exact place.
#include <catch2/catch.hpp>

#include "parsers/hcl/hcl_ast.h"
#include "parsers/hcl/tf_eval.h"

using namespace vpclint::hcl;

namespace {

const Expr* attr(const ParseResult& r, const char* name) {
    REQUIRE(!r.error);
    const Attribute* a = r.file.body.attribute(name);
    REQUIRE(a);
    return a->expr;
}

// Evaluates `v = <expr>` with no module around it.
Value value_of(const std::string& text) {
    static std::vector<std::unique_ptr<ParseResult>> keep;
    keep.push_back(std::make_unique<ParseResult>(parse_hcl("t.tf", "v = " + text + "\n")));
    const ParseResult& r = *keep.back();
    INFO(text << (r.error ? " -> " + r.error->message : ""));
    REQUIRE(!r.error);
    Evaluation ev;
    ev.root = std::make_unique<ModuleInst>();
    static ModuleDef def;
    def.dir = ".";
    ev.root->def = &def;
    Evaluator e(ev);
    Scope s;
    s.mod = ev.root.get();
    s.ev = &ev;
    return e.eval(r.file.body.attributes[0].expr, s, 0);
}

std::string json_of(const std::string& text) { return to_json(value_of(text)); }

SyntaxError error_of(const std::string& text) {
    ParseResult r = parse_hcl("t.tf", text);
    REQUIRE(r.error);
    return *r.error;
}

}  // namespace

TEST_CASE("blocks, labels and attributes carry their positions", "[hcl][parser]") {
    ParseResult r = parse_hcl("t.tf",
                              "resource \"aws_subnet\" \"a\" {\n"
                              "  vpc_id = aws_vpc.main.id\n"
                              "  tags { Name = \"x\" }\n"
                              "  empty {}\n"
                              "}\n");
    REQUIRE(!r.error);
    REQUIRE(r.file.body.blocks.size() == 1);
    const Block& b = *r.file.body.blocks[0];
    CHECK(b.type == "resource");
    CHECK(b.labels == std::vector<std::string>{"aws_subnet", "a"});
    CHECK(b.begin.line == 1);
    CHECK(b.begin.col == 1);
    const Attribute* a = b.body.attribute("vpc_id");
    REQUIRE(a);
    CHECK(a->begin.line == 2);
    CHECK(a->begin.col == 3);
    CHECK(a->end.col == 27);
    CHECK(a->expr->kind == ExprKind::GetAttr);
    REQUIRE(b.body.blocks.size() == 2);
    CHECK(b.body.blocks[0]->body.attribute("Name"));
    CHECK(b.body.blocks[1]->body.attributes.empty());
}

TEST_CASE("all three comment forms are skipped", "[hcl][parser]") {
    ParseResult r = parse_hcl("t.tf", "# one\n// two\n/* three\n still */ a = 1 # after\nb = /* inline */ 2 // end\n");
    CHECK(attr(r, "a")->kind == ExprKind::Number);
    CHECK(attr(r, "b")->text == "2");
}

TEST_CASE("literals: numbers, bools, null, strings with escapes", "[hcl][parser]") {
    CHECK(json_of("1.5e2") == "150");
    CHECK(json_of("0.1 + 0.2") == "0.3");
    CHECK(json_of("-3") == "-3");
    CHECK(json_of("true") == "true");
    CHECK(json_of("null") == "null");
    CHECK(json_of("\"a\\tb\\\"c\\u00e9\"") == "\"a\\tb\\\"c\xC3\xA9\"");
    CHECK(json_of("\"$${literal} %%{x}\"") == "\"${literal} %{x}\"");
}

TEST_CASE("heredocs keep their text; <<- strips the common indentation", "[hcl][parser]") {
    CHECK(value_of("<<EOT\n  a\n b\nEOT").s == "  a\n b\n");
    CHECK(value_of("<<-EOT\n    a\n      b\n    EOT").s == "a\n  b\n");
    CHECK(value_of("<<EOT\n${1 + 1}x\nEOT").s == "2x\n");
}

TEST_CASE("templates: interpolation, strip markers, if and for directives", "[hcl][parser]") {
    CHECK(value_of("\"a-${\"b\"}-${1 + 2}\"").s == "a-b-3");
    CHECK(value_of("\"${true}\"").k == Value::K::Bool);  // a lone interpolation is its value
    CHECK(value_of("\"x ${~ \"y\" ~} z\"").s == "xyz");
    CHECK(value_of("\"%{ if 1 == 1 }yes%{ else }no%{ endif }\"").s == "yes");
    CHECK(value_of("\"%{ for k, v in {a = 1, b = 2} }${k}${v};%{ endfor }\"").s == "a1;b2;");
}

TEST_CASE("tuples, objects, function calls with expansion", "[hcl][parser]") {
    CHECK(json_of("[1, \"a\", [true],]") == "[1,\"a\",[true]]");
    CHECK(json_of("{\n b = 1\n \"a\" = 2, c: 3\n (\"d\") = 4\n}") == "{\"a\":2,\"b\":1,\"c\":3,\"d\":4}");
    CHECK(json_of("concat([1], [2, 3])") == "[1,2,3]");
    CHECK(json_of("concat([[1], [2]]...)") == "[1,2]");
    CHECK(json_of("uuid()") == "null");  // not evaluated: unknown, not a guess
    CHECK(value_of("uuid()").is_unknown());
}

TEST_CASE("index, attribute access, splats", "[hcl][parser]") {
    CHECK(json_of("[10, 20][1]") == "20");
    CHECK(json_of("{a = {b = 5}}.a.b") == "5");
    CHECK(json_of("[10, 20].1") == "20");
    CHECK(json_of("[{id = 1}, {id = 2}][*].id") == "[1,2]");
    CHECK(json_of("[{id = 1}, {id = 2}].*.id") == "[1,2]");
    CHECK(json_of("[{a = [7]}][*].a[0]") == "[7]");
    CHECK(json_of("null[*]") == "[]");
}

TEST_CASE("for expressions over lists and maps, with if and grouping", "[hcl][parser]") {
    CHECK(json_of("[for x in [1, 2, 3] : x * 2 if x != 2]") == "[2,6]");
    CHECK(json_of("{for k, v in {a = 1, b = 2} : v => k}") == "{\"1\":\"a\",\"2\":\"b\"}");
    CHECK(json_of("{for x in [\"a\", \"b\", \"a\"] : x => x...}") == "{\"a\":[\"a\",\"a\"],\"b\":[\"b\"]}");
    CHECK(json_of("[for i, x in [\"p\", \"q\"] : \"${i}${x}\"]") == "[\"0p\",\"1q\"]");
}

TEST_CASE("operators bind with HCL's precedence", "[hcl][parser]") {
    CHECK(json_of("1 + 2 * 3") == "7");
    CHECK(json_of("(1 + 2) * 3") == "9");
    CHECK(json_of("10 - 4 - 3") == "3");
    CHECK(json_of("7 % 4 == 3 && !false") == "true");
    CHECK(json_of("1 < 2 == true") == "true");
    CHECK(json_of("false || true && false") == "false");
    CHECK(json_of("true ? 1 : 2") == "1");
    CHECK(json_of("1 > 2 ? \"a\" : 3 > 2 ? \"b\" : \"c\"") == "\"b\"");
    CHECK(json_of("-(2 + 3)") == "-5");
}

TEST_CASE("newlines: inside brackets they are spaces, in an object they separate items", "[hcl][parser]") {
    ParseResult r = parse_hcl("t.tf", "a = [\n 1,\n 2\n]\nb = f(\n 1\n)\n");
    CHECK(attr(r, "a")->items.size() == 2);
    CHECK(error_of("a = 1 +\n 2\n").pos.line == 1);
}

TEST_CASE("built-in functions", "[hcl][functions]") {
    CHECK(json_of("cidrsubnet(\"10.0.0.0/16\", 8, 2)") == "\"10.0.2.0/24\"");
    CHECK(json_of("cidrsubnet(\"10.1.0.0/16\", 4, 15)") == "\"10.1.240.0/20\"");
    CHECK(json_of("cidrhost(\"10.0.1.0/24\", 5)") == "\"10.0.1.5\"");
    CHECK(json_of("cidrhost(\"10.0.1.0/24\", -1)") == "\"10.0.1.255\"");
    CHECK(json_of("element([\"a\", \"b\"], 3)") == "\"b\"");
    CHECK(json_of("lookup({a = 1}, \"b\", 2)") == "2");
    CHECK(json_of("merge({a = 1, b = 1}, {b = 2})") == "{\"a\":1,\"b\":2}");
    CHECK(json_of("length(\"h\xC3\xA9\")") == "2");
    CHECK(json_of("format(\"%s-%03d\", \"x\", 7)") == "\"x-007\"");
    CHECK(json_of("join(\",\", [\"a\", \"b\"])") == "\"a,b\"");
    CHECK(json_of("split(\",\", \"a,,b\")") == "[\"a\",\"\",\"b\"]");
    CHECK(json_of("jsonencode({b = [1, true], a = null})") == "\"{\\\"a\\\":null,\\\"b\\\":[1,true]}\"");
    CHECK(json_of("toset([\"b\", \"a\", \"b\"])") == "[\"a\",\"b\"]");
    CHECK(json_of("try(uuid(), \"fallback\")") == "\"fallback\"");
    CHECK(json_of("can(uuid())") == "null");
    CHECK(json_of("coalesce(null, \"\", \"x\")") == "\"x\"");
    CHECK(json_of("flatten([[1, [2]], 3])") == "[1,2,3]");
    CHECK(json_of("zipmap([\"a\", \"b\"], [1, 2])") == "{\"a\":1,\"b\":2}");
    CHECK(json_of("keys({b = 1, a = 2})") == "[\"a\",\"b\"]");
    CHECK(json_of("values({b = 1, a = 2})") == "[2,1]");
    CHECK(json_of("contains([\"a\"], \"a\")") == "true");
    CHECK(json_of("range(3)") == "[0,1,2]");
    CHECK(json_of("slice([1, 2, 3], 1, 3)") == "[2,3]");
    CHECK(json_of("compact([\"a\", \"\", null])") == "[\"a\"]");
    CHECK(json_of("distinct([1, 1, 2])") == "[1,2]");
    CHECK(json_of("replace(\"a-b-c\", \"-\", \"_\")") == "\"a_b_c\"");
    CHECK(json_of("upper(lower(\"aB\"))") == "\"AB\"");
    CHECK(json_of("tolist(tomap({a = 1}).a == 1 ? [1] : [])") == "[1]");
    CHECK(value_of("regex(\"a\", \"a\")").is_unknown());
}

TEST_CASE("syntax errors are reported where they are", "[hcl][parser][errors]") {
    SyntaxError e = error_of("resource \"a\" \"b\" {\n  x = [1, 2\n}\n");
    CHECK(e.pos.line == 3);
    CHECK(e.pos.col == 1);
    e = error_of("a = \"unterminated\n");
    CHECK(e.pos.line == 1);
    CHECK(e.pos.col == 18);  // the newline
    e = error_of("block {\n  a = 1\n");
    CHECK(e.pos.line == 3);
    e = error_of("a = 1 2\n");
    CHECK(e.pos.col == 7);
    e = error_of("a = 1\na = 2\n");
    CHECK(e.pos.line == 2);
    CHECK(e.message.find("already defined") != std::string::npos);
    e = error_of("a = <<EOT\nnever closed\n");
    CHECK(e.pos.line == 1);
    CHECK(e.pos.col == 5);
    e = error_of("a = \"%{ if true }x\"\n");
    CHECK(e.message.find("not closed") != std::string::npos);
    e = error_of("/* open\n");
    CHECK(e.pos.line == 1);
    CHECK(error_of("}\n").pos.col == 1);
    CHECK(error_of("a = {b = 1 c = 2}\n").pos.col == 12);
}

TEST_CASE("nesting is depth-limited, not a stack overflow", "[hcl][parser][errors]") {
    std::string deep = "a = " + std::string(100000, '[') + "\n";
    CHECK(error_of(deep).message.find("nesting deeper") != std::string::npos);
    std::string blocks;
    for (int k = 0; k < 5000; ++k) blocks += "b {\n";
    CHECK(error_of(blocks).message.find("nesting deeper") != std::string::npos);
    std::string parens = "a = " + std::string(50000, '(') + "1" + std::string(50000, ')') + "\n";
    CHECK(error_of(parens).message.find("nesting deeper") != std::string::npos);
}

TEST_CASE(".tf.json: blocks by their labels, strings as templates", "[hcl][parser][json]") {
    ParseResult r = parse_hcl_json("t.tf.json",
                                   R"({"resource": {"aws_subnet": {"a": {"vpc_id": "${aws_vpc.x.id}", "vpc_config": {"subnet_ids": []}}}},
                                       "locals": {"n": 1}})");
    REQUIRE(!r.error);
    REQUIRE(r.file.body.blocks.size() == 2);
    const Block& b = *r.file.body.blocks[0];
    CHECK(b.labels == std::vector<std::string>{"aws_subnet", "a"});
    const Attribute* a = b.body.attribute("vpc_id");
    REQUIRE(a);
    REQUIRE(a->expr->parts.size() == 1);
    CHECK(a->expr->parts[0].kind == TemplatePart::Interp);
    CHECK(b.body.blocks_of("vpc_config").size() == 1);
    ParseResult bad = parse_hcl_json("t.tf.json", "{\"a\": }");
    REQUIRE(bad.error);
    CHECK(bad.error->pos.line == 1);
}
