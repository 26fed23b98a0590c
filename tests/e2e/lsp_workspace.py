"""`vpclint lsp` with a workspace: the .vpclint.yaml that applies to a document
(ignore, levels, exclude, VL005 on the open configuration) and templates that
import another template's exports.

Usage: lsp_workspace.py VPCLINT_BINARY SOURCE_DIR
"""
import os
import re
import shutil
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import LspClient  # noqa: E402

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


def severities(params, code):
    return [d["severity"] for d in params["diagnostics"] if d["code"] == code]


def read(rel):
    with open(os.path.join(SRC, rel)) as f:
        return f.read()


def uri(path):
    return "file://" + path


ws = tempfile.mkdtemp(prefix="vpclint-lsp-ws-")
try:
    os.mkdir(os.path.join(ws, ".git"))  # the git top level: no configuration above it applies
    # A function in a public subnet that needs the internet: VL101, error.
    bad = re.sub(r"  # expect:.*", "", read("fixtures/stacks/imports/app.yaml"))
    with open(os.path.join(ws, "app.yaml"), "w") as f:
        f.write(bad)
    network = read("fixtures/stacks/imports/network.yaml")
    with open(os.path.join(ws, "network.yaml"), "w") as f:
        f.write(network)
    single = re.sub(r"  # expect:.*", "", read("fixtures/rules/VL101/bad-public-subnet-no-evidence.yaml"))
    one = os.path.join(ws, "single", "template.yaml")
    os.mkdir(os.path.dirname(one))
    with open(one, "w") as f:
        f.write(single)
    config = os.path.join(ws, ".vpclint.yaml")

    c = LspClient([BIN, "lsp"])
    c.initialize(uri(ws))

    # -- cross-stack: app.yaml imports network.yaml's public subnets (network.yaml read from disk)
    APP = uri(os.path.join(ws, "app.yaml"))
    c.notify("textDocument/didOpen", {"textDocument": {"uri": APP, "languageId": "yaml", "version": 1, "text": bad}})
    p = c.diagnostics(APP, 1)
    check("import-vl101", codes(p) == ["VL101"], codes(p))
    if p["diagnostics"]:
        d = p["diagnostics"][0]
        check("import-vl101-at-import", d["range"]["start"] == {"line": 32, "character": 10}, d["range"])
        related = [r["location"]["uri"] for r in d.get("relatedInformation", [])]
        check("import-related-in-network", uri(os.path.join(ws, "network.yaml")) in related, related)
        check("import-related-in-app", APP in related, related)

    # -- the network template opened and edited to private subnets behind a NAT gateway: the app clears
    NET = uri(os.path.join(ws, "network.yaml"))
    c.notify("textDocument/didOpen", {"textDocument": {"uri": NET, "languageId": "yaml", "version": 1, "text": network}})
    p = c.diagnostics(NET, 1)
    check("network-clean", codes(p) == [], codes(p))
    nat = network.replace("      GatewayId: !Ref InternetGateway\n  PublicSubnetARouteTable:", """      NatGatewayId: !Ref NatGateway
  NatSubnet:
    Type: AWS::EC2::Subnet
    Properties:
      VpcId: !Ref Vpc
      CidrBlock: 10.0.9.0/24
  NatRouteTable:
    Type: AWS::EC2::RouteTable
    Properties:
      VpcId: !Ref Vpc
  NatDefaultRoute:
    Type: AWS::EC2::Route
    DependsOn: GatewayAttachment
    Properties:
      RouteTableId: !Ref NatRouteTable
      DestinationCidrBlock: 0.0.0.0/0
      GatewayId: !Ref InternetGateway
  NatSubnetRouteTable:
    Type: AWS::EC2::SubnetRouteTableAssociation
    Properties:
      SubnetId: !Ref NatSubnet
      RouteTableId: !Ref NatRouteTable
  NatEip:
    Type: AWS::EC2::EIP
    Properties:
      Domain: vpc
  NatGateway:
    Type: AWS::EC2::NatGateway
    Properties:
      AllocationId: !GetAtt NatEip.AllocationId
      SubnetId: !Ref NatSubnet
  PublicSubnetARouteTable:""")
    assert nat != network
    c.notify("textDocument/didChange", {"textDocument": {"uri": NET, "version": 2}, "contentChanges": [{"text": nat}]})
    p = c.diagnostics(APP, 1)  # the importer again, its own text unchanged
    check("import-refreshed-clears", codes(p) == [], codes(p))
    # ...and back to the internet gateway: the importer shows VL101 again
    c.notify("textDocument/didChange", {"textDocument": {"uri": NET, "version": 3}, "contentChanges": [{"text": network}]})
    p = c.diagnostics(APP, 1)
    check("import-refreshed-again", codes(p) == ["VL101"], codes(p))
    # Not linked: the same app in a workspace without the network template knows nothing of the subnets.
    c.notify("textDocument/didClose", {"textDocument": {"uri": NET}})
    c.notify("textDocument/didClose", {"textDocument": {"uri": APP}})
    c.drain(0.3)

    # -- the configuration file: a level override, read from disk on didChangeWatchedFiles
    ONE = uri(one)
    c.notify("textDocument/didOpen", {"textDocument": {"uri": ONE, "languageId": "yaml", "version": 1, "text": single}})
    p = c.diagnostics(ONE, 1)
    check("no-config-note", severities(p, "VL101") == [3], p["diagnostics"])
    with open(config, "w") as f:
        f.write("rules:\n  VL101: warning\n")
    c.notify("workspace/didChangeWatchedFiles", {"changes": [{"uri": uri(config), "type": 1}]})
    p = c.diagnostics(ONE, 1)
    check("config-level-warning", severities(p, "VL101") == [2], p["diagnostics"])

    # -- the configuration open in the editor: its text applies; saving it re-analyses
    CFG = uri(config)
    text = "rules:\n  VL101: warning\nignore: [VL101]\n"
    c.notify("textDocument/didOpen", {"textDocument": {"uri": CFG, "languageId": "yaml", "version": 1, "text": text}})
    p = c.diagnostics(CFG, 1)
    check("config-doc-clean", codes(p) == [], p["diagnostics"])
    p = c.diagnostics(ONE, 1)
    check("config-ignore", codes(p) == ["VL502"], codes(p))  # the fixture's other finding stays

    # -- an error in the configuration: VL005 on the configuration document; the valid parts still apply
    text = "rules:\n  VL101: off\nunknown-key: 1\n"
    c.notify("textDocument/didChange", {"textDocument": {"uri": CFG, "version": 2}, "contentChanges": [{"text": text}]})
    p = c.diagnostics(CFG, 2)
    check("config-vl005", codes(p) == ["VL005"], p["diagnostics"])
    if p["diagnostics"]:
        check("config-vl005-line", p["diagnostics"][0]["range"]["start"]["line"] == 2, p["diagnostics"][0])
    p = c.diagnostics(ONE, 1)
    check("config-off", codes(p) == ["VL502"], codes(p))

    # -- exclude: an excluded document gets no diagnostics; the others still do
    text = "exclude: [single/]\n"
    c.notify("textDocument/didChange", {"textDocument": {"uri": CFG, "version": 3}, "contentChanges": [{"text": text}]})
    c.notify("textDocument/didSave", {"textDocument": {"uri": CFG}, "text": text})
    got = [m for m in c.drain(1.0) if m.get("method") == "textDocument/publishDiagnostics"
           and m["params"]["uri"] == ONE]
    # It showed VL502: excluding it clears that, and nothing else is published for it.
    check("exclude-clears", got and all(m["params"]["diagnostics"] == [] for m in got), got)
    text = "rules:\n  VL101: error\n"
    c.notify("textDocument/didChange", {"textDocument": {"uri": CFG, "version": 4}, "contentChanges": [{"text": text}]})
    p = c.diagnostics(ONE, 1)
    check("config-level-error", severities(p, "VL101") == [1], p["diagnostics"])

    r = c.request("shutdown", None)
    check("shutdown", "result" in r, r)
    c.notify("exit", None)
    check("exit-0", c.wait_exit() == 0)

    # -- a client that registers watchers for us gets asked to watch configurations and templates
    c = LspClient([BIN, "lsp"])
    r = c.request("initialize", {"processId": None, "rootUri": uri(ws), "capabilities": {
        "workspace": {"didChangeWatchedFiles": {"dynamicRegistration": True}}}})
    check("watch-init", "result" in r, r)
    c.notify("initialized", {})
    m = c.wait_for(lambda m: m.get("method") == "client/registerCapability")
    regs = m.get("params", {}).get("registrations", [])
    globs = [w["globPattern"] for g in regs for w in g.get("registerOptions", {}).get("watchers", [])]
    check("watch-register", [g["method"] for g in regs] == ["workspace/didChangeWatchedFiles"]
          and "**/.vpclint.{yaml,yml}" in globs, m)
    c.send({"jsonrpc": "2.0", "id": m["id"], "result": None})
    r = c.request("shutdown", None)
    check("watch-shutdown", "result" in r, r)
    c.notify("exit", None)
    check("watch-exit-0", c.wait_exit() == 0)
    # -- workspace folders: removing the folder unlinks the import; adding it back links it again
    c = LspClient([BIN, "lsp"])
    r = c.request("initialize", {"processId": None, "rootUri": None, "capabilities": {},
                                 "workspaceFolders": [{"uri": uri(ws), "name": "ws"}]})
    check("folders-capability", r["result"]["capabilities"].get("workspace", {}).get("workspaceFolders", {})
          .get("changeNotifications") is True, r)
    c.notify("initialized", {})
    os.remove(config)  # no configuration: its directory is no fallback root
    c.notify("textDocument/didOpen", {"textDocument": {"uri": APP, "languageId": "yaml", "version": 1, "text": bad}})
    p = c.diagnostics(APP, 1)
    check("folders-linked", codes(p) == ["VL101"], codes(p))
    c.notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [], "removed": [{"uri": uri(ws), "name": "ws"}]}})
    p = c.diagnostics(APP, 1)
    check("folders-removed-unlinked", codes(p) == [], codes(p))
    c.notify("workspace/didChangeWorkspaceFolders", {"event": {"added": [{"uri": uri(ws) + "/", "name": "ws"}], "removed": []}})
    p = c.diagnostics(APP, 1)
    check("folders-added-linked", codes(p) == ["VL101"], codes(p))
    c.request("shutdown", None)
    c.notify("exit", None)
    check("folders-exit-0", c.wait_exit() == 0)

    # ...and one that does not, is not asked.
    c = LspClient([BIN, "lsp"])
    c.initialize(uri(ws))
    later = c.drain(0.3)
    check("no-watch-register", not [m for m in later if m.get("method") == "client/registerCapability"], later)
    c.request("shutdown", None)
    c.notify("exit", None)
    c.wait_exit()
finally:
    shutil.rmtree(ws, ignore_errors=True)

print("%d checks, %d failed" % (checks, fails))
sys.exit(1 if fails else 0)
