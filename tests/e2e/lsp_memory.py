"""The server's memory stays flat over 10,000 edits (RSS from /proc, with a bound).

Usage: lsp_memory.py VPCLINT_BINARY SOURCE_DIR

Each edit types or deletes one character in a function's SubnetIds line
(incremental changes, as an editor sends them while typing); every 500th edit
is followed by a pause longer than the debounce, so analyses run too and
their results are published and replaced. RSS after the first 1,000 edits
(allocator and caches warm) and after all 10,000 may differ by at most 8 MiB.
"""
import os
import re
import sys
import time

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from lsp_client import LspClient  # noqa: E402

BIN, SRC = sys.argv[1], sys.argv[2]
EDITS = 10000
BOUND_KIB = 8 * 1024

with open(os.path.join(SRC, "fixtures/rules/VL101/bad-public-subnet-no-evidence.yaml")) as f:
    text = re.sub(r"  # expect:.*", "", f.read())
line = text.split("\n").index("          - !Ref PublicSubnetA")
URI = "file:///work/lsp-memory/template.yaml"


def rss_kib(pid):
    with open("/proc/%d/status" % pid) as f:
        for l in f:
            if l.startswith("VmRSS:"):
                return int(l.split()[1])
    raise RuntimeError("no VmRSS")


# Under AddressSanitizer (a VPCLINT_SANITIZE build) freed memory sits in a
# quarantine, which is RSS that looks like growth; without the quarantine the
# bound holds there too. Other builds ignore the variable.
os.environ["ASAN_OPTIONS"] = (os.environ.get("ASAN_OPTIONS", "") + ":quarantine_size_mb=0").lstrip(":")
c = LspClient([BIN, "lsp"])
c.initialize()
c.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "yaml", "version": 1, "text": text}})
c.diagnostics(URI, 1)
end = len("          - !Ref PublicSubnetA")
version = 1
warm = None
for i in range(EDITS):
    version += 1
    if i % 2 == 0:  # type 'X' at the end of the line
        change = {"range": {"start": {"line": line, "character": end}, "end": {"line": line, "character": end}},
                  "text": "X"}
    else:           # and delete it again
        change = {"range": {"start": {"line": line, "character": end}, "end": {"line": line, "character": end + 1}},
                  "text": ""}
    c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version}, "contentChanges": [change]})
    if i % 500 == 499:
        c.diagnostics(URI, version, timeout=30)  # the analysis of this version ran and was published
        c.pending = []
        if i == 999:
            warm = rss_kib(c.proc.pid)
final = rss_kib(c.proc.pid)
r = c.request("textDocument/hover", {"textDocument": {"uri": URI}, "position": {"line": line, "character": 14}})
ok_hover = "VL101" in ((r.get("result") or {}).get("contents") or {}).get("value", "")
c.request("shutdown", None)
c.notify("exit", None)
rc = c.wait_exit()
growth = final - warm
print("RSS after 1,000 edits: %d KiB; after %d: %d KiB; growth %d KiB (bound %d KiB)" % (warm, EDITS, final, growth,
                                                                                         BOUND_KIB))
fails = 0
if growth > BOUND_KIB:
    print("FAIL memory grew by %d KiB over %d edits" % (growth, EDITS - 1000))
    fails += 1
if not ok_hover:
    print("FAIL the text after the edits is not the original (no VL101 at the line): %s" % r)
    fails += 1
if rc != 0:
    print("FAIL exit code %d" % rc)
    fails += 1
sys.exit(1 if fails else 0)
