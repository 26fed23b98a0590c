#!/usr/bin/env python3
"""Latency of `vpclint lsp`: typing a public subnet into a function's SubnetIds
on a ~5,000-line template, time from the last keystroke to the
publishDiagnostics that carries VL101 (the server's 150 ms debounce included).

Usage: bench/lsp_latency.py BUILD/vpclint [RUNS]   (prints one line per run and the median)
"""
import os
import re
import statistics
import subprocess
import sys
import time

here = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(here, "..", "tests", "e2e"))
from lsp_client import LspClient  # noqa: E402

bin_, runs = sys.argv[1], int(sys.argv[2]) if len(sys.argv) > 2 else 5
gen = subprocess.run([sys.executable, os.path.join(here, "gen_functions.py"), "243"], capture_output=True, text=True,
                     check=True).stdout
# Every function in a private subnet, so VL101 comes only from the typing.
text = re.sub(r"SubnetIds: \[!Ref Subnet(\d+)\]", lambda m: "SubnetIds: [!Ref Subnet%d]" % (int(m.group(1)) | 1), gen)
lines = text.split("\n")
line = next(i for i, l in enumerate(lines) if "SubnetIds: [!Ref Subnet1]" in l)
col = lines[line].index("!Ref Subnet1]") + len("!Ref Subnet1")
typed = ", !Ref Subnet0"
URI = "file:///bench/lsp-latency/template.yaml"

results = []
for run in range(runs):
    c = LspClient([bin_, "lsp"])
    c.initialize()
    c.notify("textDocument/didOpen", {"textDocument": {"uri": URI, "languageId": "yaml", "version": 1, "text": text}})
    p = c.diagnostics(URI, 1, timeout=60)
    assert not [d for d in p["diagnostics"] if d["code"] == "VL101"], "VL101 before typing"
    version = 1
    for i, ch in enumerate(typed):
        version += 1
        pos = {"line": line, "character": col + i}
        c.notify("textDocument/didChange", {"textDocument": {"uri": URI, "version": version},
                                            "contentChanges": [{"range": {"start": pos, "end": pos}, "text": ch}]})
        last = time.monotonic()
        time.sleep(0.04)  # a fast typist: 25 keys a second
    p = c.diagnostics(URI, version, timeout=60)
    latency = (time.monotonic() - last) * 1000
    assert [d for d in p["diagnostics"] if d["code"] == "VL101"], "no VL101 after typing"
    results.append(latency)
    print("run %d: %.0f ms from the last keystroke to VL101" % (run + 1, latency))
    c.request("shutdown", None)
    c.notify("exit", None)
    c.wait_exit()
print("median of %d: %.0f ms (%d lines; load average %s)" % (runs, statistics.median(results), len(lines),
                                                            open("/proc/loadavg").read().split()[0]))
