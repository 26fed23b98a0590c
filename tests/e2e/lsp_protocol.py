"""`vpclint lsp` end to end over pipes: every response checked.

Usage: lsp_protocol.py VPCLINT_BINARY SOURCE_DIR
"""
import json
import os
import re
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import LspClient, apply_edits, position_of, utf16_len  # noqa: E402

BIN, SRC = sys.argv[1], sys.argv[2]
fails = 0
checks = 0


def check(name, ok, detail=""):
    global fails, checks
    checks += 1
    if not ok:
        fails += 1
        print("FAIL %s %s" % (name, detail))


def codes(params):
    return sorted(d["code"] for d in params["diagnostics"])


def strip_expect(text):
    return re.sub(r"  # expect:.*", "", text)


with open(os.path.join(SRC, "fixtures/rules/VL101/bad-public-subnet-no-evidence.yaml")) as f:
    BAD = strip_expect(f.read())
# The same function in two subnets given by id: unknown, so nothing to report.
GOOD = BAD.replace("          - !Ref PublicSubnetA\n", "          - subnet-0123abcd\n          - subnet-0456abcd\n")
assert GOOD != BAD
URI = "file:///work/lsp-test/template.yaml"

c = LspClient([BIN, "lsp"])

# -- before initialize: requests are refused, notifications dropped
r = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 0, "character": 0}})
check("not-initialized", r.get("error", {}).get("code") == -32002, r)

r = c.initialize("file:///work/lsp-test")
caps = r.get("result", {}).get("capabilities", {})
check("init-sync", caps.get("textDocumentSync", {}).get("change") == 2, caps)
check("init-open-close", caps.get("textDocumentSync", {}).get("openClose") is True, caps)
check("init-hover", caps.get("hoverProvider") is True, caps)
check("init-code-actions", "quickfix" in caps.get("codeActionProvider", {}).get("codeActionKinds", []), caps)
check("init-server-info", r["result"].get("serverInfo", {}).get("name") == "vpclint", r)
r = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {}})
check("init-twice", r.get("error", {}).get("code") == -32600, r)

# -- malformed JSON-RPC
c.send_body("{not json")
r = c.wait_for(lambda m: "error" in m and m.get("id") is None)
check("parse-error", r["error"]["code"] == -32700, r)
c.send_body("[1, 2]")
r = c.wait_for(lambda m: "error" in m and m.get("id") is None)
check("batch-invalid", r["error"]["code"] == -32600, r)
c.send_body(json.dumps({"jsonrpc": "2.0", "id": 900}))
r = c.response(900)
check("no-method", r.get("error", {}).get("code") == -32600, r)
c.send_body(json.dumps({"jsonrpc": "1.0", "id": 901, "method": "shutdown"}))
r = c.response(901)
check("wrong-version", r.get("error", {}).get("code") == -32600, r)
c.send_body(json.dumps({"jsonrpc": "2.0", "id": {"x": 1}, "method": "shutdown"}))
r = c.wait_for(lambda m: "error" in m and m.get("id") is None)
check("object-id", r["error"]["code"] == -32600, r)
c.send_raw(b"Content-Type: application/json\r\n\r\n")
r = c.wait_for(lambda m: "error" in m and m.get("id") is None)
check("no-content-length", r["error"]["code"] == -32700, r)
r = c.request("textDocument/hover", {"textDocument": {}})
check("invalid-params", r.get("error", {}).get("code") == -32602, r)

# -- unknown methods: requests get MethodNotFound, notifications nothing
c.notify("vpclint/unknownNotification", {})
c.notify("$/setTrace", {"value": "off"})
r = c.request("vpclint/unknownRequest", {})
check("method-not-found", r.get("error", {}).get("code") == -32601, r)
check("unknown-notification-silent", not [m for m in c.pending if "id" in m and "method" not in m], c.pending)

# -- open: diagnostics with range, severity, code, docs link, source, path
c.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "yaml", "version": 1, "text": BAD}})
p = c.diagnostics(URI, 1)
check("open-codes", codes(p) == ["VL101", "VL502"], codes(p))
vl101 = next((d for d in p["diagnostics"] if d["code"] == "VL101"), {})
line80 = BAD.split("\n")[80]
check("vl101-range", vl101.get("range") == {"start": {"line": 80, "character": 10},
                                             "end": {"line": 80, "character": len(line80)}}, vl101.get("range"))
check("vl101-severity-note", vl101.get("severity") == 3, vl101.get("severity"))
check("vl101-source", vl101.get("source") == "vpclint")
check("vl101-href", vl101.get("codeDescription", {}).get("href", "").endswith("/docs/rules/VL101.md"), vl101)
rel = vl101.get("relatedInformation", [])
check("vl101-path", len(rel) >= 6 and "internet gateway InternetGateway" in rel[5]["message"]
      and rel[1]["location"] == {"uri": URI, "range": {"start": {"line": 16, "character": 2},
                                                      "end": {"line": 16, "character": 15}}}, rel[:2])

# -- hover on the finding and on the function's logical id
r = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 80, "character": 14}})
value = (r.get("result") or {}).get("contents", {}).get("value", "")
check("hover-finding", "VL101" in value and "**Why:**" in value and "**Fix:**" in value
      and "/docs/rules/VL101.md" in value, value[:300])
fn_line = BAD.split("\n").index("  OrdersFunction:")
r = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": fn_line, "character": 5}})
value = (r.get("result") or {}).get("contents", {}).get("value", "")
check("hover-explain", "function ordersfunction" in value.lower() and "internet egress" in value, value[:300])
check("hover-explain-range", (r.get("result") or {}).get("range") ==
      {"start": {"line": fn_line, "character": 2}, "end": {"line": fn_line, "character": 16}}, r)
r = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": 1, "character": 0}})
check("hover-nothing", "result" in r and r["result"] is None, r)

# -- code actions: suppressions, checked by applying them
r = c.request("textDocument/codeAction", {"textDocument": {"uri": URI}, "range": vl101["range"],
                                          "context": {"diagnostics": [vl101]}})
actions = r.get("result") or []
titles = [a["title"] for a in actions]
check("actions-titles", "Suppress VL101 for this resource" in titles and "Suppress VL101 on this line" in titles,
      titles)
version = 1
for title in ("Suppress VL101 for this resource", "Suppress VL101 on this line"):
    a = next((a for a in actions if a["title"] == title), None)
    if not a:
        continue
    fixed = apply_edits(BAD, a["edit"]["changes"][URI])
    check("action-placeholder " + title, "TODO: why this finding does not apply" in fixed)
    version += 1
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                        "contentChanges": [{"text": fixed}]})
    p = c.diagnostics(URI, version)
    check("action-suppresses " + title, "VL101" not in codes(p), codes(p))
# Suppressing a second rule of the same resource extends the list the first made.
a = next((a for a in actions if a["title"] == "Suppress VL101 for this resource"), None)
if a:
    once = apply_edits(BAD, a["edit"]["changes"][URI])
    version += 1
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                        "contentChanges": [{"text": once}]})
    p = c.diagnostics(URI, version)
    vl502 = [d for d in p["diagnostics"] if d["code"] == "VL502"]
    check("vl502-left", codes(p) == ["VL502"], codes(p))
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": URI}, "range": vl502[0]["range"] if vl502 else
                                              vl101["range"], "context": {"diagnostics": vl502}})
    b = next((b for b in r.get("result") or [] if b["title"] == "Suppress VL502 for this resource"), None)
    check("second-suppression-offered", b is not None, [x["title"] for x in r.get("result") or []])
    if b:
        twice = apply_edits(once, b["edit"]["changes"][URI])
        version += 1
        c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                            "contentChanges": [{"text": twice}]})
        p = c.diagnostics(URI, version)
        check("second-suppression-works", codes(p) == [], (codes(p), twice.split("\n")[68:78]))
version += 1
c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version}, "contentChanges": [{"text": BAD}]})
check("back-to-bad", "VL101" in codes(c.diagnostics(URI, version)))

# -- incremental edit: the fix clears VL101
start = BAD.index("          - !Ref PublicSubnetA\n")
end = start + len("          - !Ref PublicSubnetA\n")
version += 1
c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version}, "contentChanges": [
    {"range": {"start": position_of(BAD, start), "end": position_of(BAD, end)},
     "text": "          - subnet-0123abcd\n          - subnet-0456abcd\n"}]})
p = c.diagnostics(URI, version)
check("incremental-fix", codes(p) == [], codes(p))
good_version = version

# -- a newer version within the debounce supersedes: only the last one is analysed and published
c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version + 1},
                                    "contentChanges": [{"text": BAD}]})
c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version + 2},
                                    "contentChanges": [{"text": GOOD}]})
version += 2
p = c.diagnostics(URI, version)
check("superseded-final", codes(p) == [], codes(p))
seen = [m["params"].get("version") for m in c.drain(0.4) + c.pending
        if m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == URI]
check("superseded-not-published", version - 1 not in seen, seen)
good_version = version

# -- an out-of-order (stale) version is ignored; a save re-analyses what the server holds
c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": good_version - 1},
                                    "contentChanges": [{"text": BAD}]})
c.notify("textDocument/didSave", {"textDocument": {"uri": URI}})
p = c.diagnostics(URI)
check("stale-version-ignored", p.get("version") == good_version and codes(p) == [], p)

# -- a text that does not parse keeps the last good diagnostics plus VL001
version += 1
c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                    "contentChanges": [{"text": BAD}]})
check("bad-again", "VL101" in codes(c.diagnostics(URI, version)))
version += 1
c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version}, "contentChanges": [
    {"range": {"start": {"line": 80, "character": 10}, "end": {"line": 80, "character": 10}}, "text": "[unclosed: "}]})
p = c.diagnostics(URI, version)
check("broken-keeps-last-good", codes(p) == ["VL001", "VL101", "VL502"], codes(p))

# -- configuration: ignoring VL101 re-analyses open documents
c.notify("workspace/didChangeConfiguration", {"settings": {"vpclint": {"ignore": ["VL1"]}}})
version += 1
c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                    "contentChanges": [{"text": BAD}]})
p = c.diagnostics(URI, version)
check("config-ignore", codes(p) == ["VL502"], codes(p))
c.notify("workspace/didChangeConfiguration", {"settings": {}})
p = c.diagnostics(URI, version)
check("config-reset", codes(p) == ["VL101", "VL502"], codes(p))
c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": "file:///work/lsp-test/net.yaml", "type": 2}]})
p = c.diagnostics(URI, version)
check("watched-files-refresh", codes(p) == ["VL101", "VL502"], codes(p))

# -- VL504: replace with !Ref, UTF-16 columns after a non-BMP character
VL504 = """AWSTemplateFormatVersion: "2010-09-09"
Description: "\U0001F600 emoji"
Resources:
  OnlySubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: vpc-0123abcd
      CidrBlock: 10.0.0.0/24
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      Code: {ZipFile: "x"}
      Handler: index.handler
      Runtime: python3.12
      VpcConfig: {SubnetIds: ["\U0001F600", PrivateSubnetX], SecurityGroupIds: [sg-12345678]}
"""
URI2 = "file:///work/lsp-test/vl504.yaml"
c.notify("textDocument/didOpen", {"textDocument": {"uri": URI2, "languageId": "yaml", "version": 1, "text": VL504}})
p = c.diagnostics(URI2, 1)
x = [d for d in p["diagnostics"] if d["code"] == "VL504" and "PrivateSubnetX" in d["message"]]
line = VL504.split("\n")[15]
col = utf16_len(line[:line.index("PrivateSubnetX")])
check("utf16-range", x and x[0]["range"]["start"] == {"line": 15, "character": col}
      and x[0]["range"]["end"] == {"line": 15, "character": col + len("PrivateSubnetX")}, x)
if x:
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": URI2}, "range": x[0]["range"],
                                              "context": {"diagnostics": x}})
    acts = [a for a in (r.get("result") or []) if a["title"] == "Replace with !Ref OnlySubnet"]
    check("vl504-action", len(acts) == 1, [a["title"] for a in r.get("result") or []])
    if acts:
        fixed = apply_edits(VL504, acts[0]["edit"]["changes"][URI2])
        check("vl504-edit", "[\"\U0001F600\", !Ref OnlySubnet]" in fixed, fixed.split("\n")[15])
        # The same edit, sent as an incremental change at UTF-16 positions.
        c.notify("textDocument/didChange", {"textDocument": {"uri": URI2, "version": 2},
                                            "contentChanges": [{"range": acts[0]["edit"]["changes"][URI2][0]["range"],
                                                                "text": acts[0]["edit"]["changes"][URI2][0]["newText"]}]})
        p = c.diagnostics(URI2, 2)
        check("vl504-fixed", not [d for d in p["diagnostics"] if "PrivateSubnetX" in d["message"]], codes(p))
# JSON: the replacement is {"Ref": ...}, the suppression a JSON Metadata entry
VL504_JSON = json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": {
    "Net": {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": "vpc-0123abcd", "CidrBlock": "10.0.0.0/24"}},
    "Fn": {"Type": "AWS::Lambda::Function", "Properties": {
        "Role": "arn:aws:iam::123456789012:role/x", "Handler": "index.handler", "Runtime": "python3.12",
        "Code": {"ZipFile": "x"}, "VpcConfig": {"SubnetIds": ["Net"], "SecurityGroupIds": ["sg-12345678"]}}}}}, indent=2)
URI3 = "file:///work/lsp-test/vl504.json"
c.notify("textDocument/didOpen", {"textDocument": {"uri": URI3, "languageId": "json", "version": 1, "text": VL504_JSON}})
p = c.diagnostics(URI3, 1)
x = [d for d in p["diagnostics"] if d["code"] == "VL504"]
check("json-vl504", len(x) == 1, codes(p))
if x:
    r = c.request("textDocument/codeAction", {"textDocument": {"uri": URI3}, "range": x[0]["range"],
                                              "context": {"diagnostics": x}})
    acts = {a["title"]: a for a in r.get("result") or []}
    check("json-actions", set(acts) == {"Replace with !Ref Net", "Suppress VL504 for this resource"}, list(acts))
    for t, a in acts.items():
        fixed = apply_edits(VL504_JSON, a["edit"]["changes"][URI3])
        check("json-edit-parses " + t, json.loads(fixed) is not None)
        c.notify("textDocument/didChange", {"textDocument": {"uri": URI3, "version": 5 + len(t)},
                                            "contentChanges": [{"text": fixed}]})
        p = c.diagnostics(URI3, 5 + len(t))
        check("json-action-works " + t, "VL504" not in codes(p), codes(p))

# -- not infrastructure: no diagnostics at all; 50 MB: analysed, answered
c.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///work/lsp-test/package.json", "languageId": "json",
                                                   "version": 1, "text": '{"name": "x", "version": "1.0.0"}'}})
c.notify("textDocument/didOpen", {"textDocument": {"uri": "file:///work/lsp-test/notes.md", "languageId": "markdown",
                                                   "version": 1, "text": "Type: AWS::Lambda::Function"}})
BIG_URI = "file:///work/lsp-test/big.yaml"
big = "AWSTemplateFormatVersion: '2010-09-09'\n" + ("# " + "x" * 98 + "\n") * (524289)
c.notify("textDocument/didOpen", {"textDocument": {"uri": BIG_URI, "languageId": "yaml", "version": 1, "text": big}})
p = c.diagnostics(BIG_URI, 1, timeout=60)
# Under the file-size limit (--max-file-size, 1 GiB by default) it is analysed
# like any template: this one holds nothing to report.
check("big-answered", codes(p) == [], p["diagnostics"][:1])
r = c.request("textDocument/hover", {"textDocument": {"uri": BIG_URI}, "position": {"line": 3, "character": 3}}, 60)
check("big-hover-answered", "result" in r, r)
later = c.drain(0.5)
check("skip-non-infrastructure", not [m for m in later if m.get("method") == "textDocument/publishDiagnostics"
                                      and m["params"]["uri"].endswith(("package.json", "notes.md"))], later)

# -- close clears
c.notify("textDocument/didClose", {"textDocument": {"uri": URI}})
p = c.diagnostics(URI)
check("close-clears", p["diagnostics"] == [], p)

# -- shutdown, then only exit; exit code 0
r = c.request("shutdown", None)
check("shutdown", "result" in r and r["result"] is None, r)
r = c.request("textDocument/hover", {"textDocument": {"uri": URI2}, "position": {"line": 0, "character": 0}})
check("after-shutdown", r.get("error", {}).get("code") == -32600, r)
c.notify("exit", None)
rc = c.wait_exit()
check("exit-0", rc == 0, rc)

# -- exit without shutdown: 1; end of input without shutdown: 1
c = LspClient([BIN, "lsp"])
c.initialize()
c.notify("exit", None)
rc = c.wait_exit()
check("exit-without-shutdown", rc == 1, rc)
c = LspClient([BIN, "lsp"])
c.initialize()
c.proc.stdin.close()
rc = c.wait_exit()
check("eof-without-shutdown", rc == 1, rc)

print("%d checks, %d failed" % (checks, fails))
sys.exit(1 if fails else 0)
