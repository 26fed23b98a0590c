// classify_input: the one decision for named and walked files alike, on the
// files a mixed repository holds.
#include <catch2/catch.hpp>

#include "cli/analyze_file.h"
#include "cli/classify.h"

using namespace vpclint;

namespace {

Classification classify(const std::string& name, const std::string& text) {
    LoadResult r = load_document(name, text);
    return classify_input(r.error ? nullptr : r.doc.get(), text).what;
}

}  // namespace

TEST_CASE("non-infrastructure files are skipped, loadable or not", "[classify]") {
    // Helm: does not load as YAML ({{ }}), or loads as an unrelated mapping.
    CHECK(classify("chart/templates/d.yaml", "metadata:\n  name: {{ .Release.Name }\n") == Classification::Skip);
    CHECK(classify("chart/templates/c.yaml", "{{- if .Values.on }}\nkind: ConfigMap\n{{- end }}\n") == Classification::Skip);
    // JSON with comments (VS Code settings) does not load as JSON.
    CHECK(classify(".vscode/settings.json", "{\n  // tabs\n  \"editor.tabSize\": 2,\n}\n") == Classification::Skip);
    CHECK(classify("k8s/svc.yaml", "apiVersion: v1\nkind: Service\nmetadata: {name: web}\n") == Classification::Skip);
    CHECK(classify("api/openapi.yaml", "openapi: 3.0.0\ncomponents:\n  schemas:\n    Resources: {type: object}\n") ==
          Classification::Skip);
    CHECK(classify("package.json", "{\"name\": \"x\"}") == Classification::Skip);
    // A mention of AWS:: in a comment is no marker.
    CHECK(classify("notes.yaml", "# see AWS::Lambda::Function\nkey: [unclosed\n") == Classification::Skip);
    CHECK(classify("empty.yaml", "") == Classification::Skip);
}

TEST_CASE("broken infrastructure is VL001, whole infrastructure is analysed", "[classify]") {
    CHECK(classify("t.yaml", "AWSTemplateFormatVersion: '2010-09-09'\nResources: [unclosed\n") == Classification::Broken);
    CHECK(classify("t.yaml", "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n   Properties: {}\n") ==
          Classification::Broken);
    CHECK(classify("t.json", "{\"Resources\": {\"Fn\": {\"Type\": \"AWS::Lambda::Function\",}}}") == Classification::Broken);
    CHECK(classify("plan.json", "{\"format_version\": \"1.2\", \"planned_values\": {,}}") == Classification::Broken);
    CHECK(classify("other.json", "{\"format_version\": \"1.2\", \"x\": {,}}") == Classification::Skip);
    CHECK(classify("t.yaml", "Resources:\n  Fn:\n    Type: AWS::Lambda::Function\n") == Classification::Infrastructure);
    CHECK(classify("p.json", "{\"format_version\": \"1.2\", \"planned_values\": {}}") == Classification::Infrastructure);
}

TEST_CASE("a skipped file gives no diagnostics", "[classify]") {
    FileResult r = analyze_text(".vscode/settings.json", "{\n  // c\n  \"a\": 1,\n}\n", {}, {});
    CHECK_FALSE(r.analysed);
    CHECK(r.diagnostics.empty());
    FileResult b = analyze_text("t.yaml", "AWSTemplateFormatVersion: x\nResources: [\n", {}, {});
    CHECK(b.analysed);
    REQUIRE(b.diagnostics.size() == 1);
    CHECK(b.diagnostics[0].rule_id == "VL001");
}
