#!/usr/bin/env bash
# Real `--format gcc` output over every fixture (and messages that quote CR and
# LF) read by both problem matchers: VS Code's $gcc (defined by the C/C++
# extension, vscode-cpptools package.json "problemMatchers" gcc; it reads error
# and warning lines) and the bundled .github/vpclint-matcher.json (all three
# levels, also inlined in docs/examples/vscode-tasks.json). Every output line
# is one finding that the bundled matcher reads with the right file, line,
# column, level and rule, and every error/warning line $gcc reads too.
# Usage: gcc_matchers.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
cd "$src" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
sed 's/          - PrivateSubnet1ID  # expect: VL504 error col 13/          - "Private\\r\\nSubnet1ID"/' \
  fixtures/rules/VL504/bad-literal-subnet-name.yaml >"$tmp/crlf-in-message.yaml"
"$bin" --format gcc --fail-on never fixtures "$tmp/crlf-in-message.yaml" >"$tmp/gcc.txt" 2>/dev/null
"$bin" --format json --fail-on never fixtures "$tmp/crlf-in-message.yaml" >"$tmp/all.json" 2>/dev/null
python3 - "$tmp/gcc.txt" "$tmp/all.json" .github/vpclint-matcher.json docs/examples/vscode-tasks.json <<'PY'
import json, re, sys
raw = open(sys.argv[1], "rb").read()
report = json.load(open(sys.argv[2]))
diags = report["diagnostics"] if isinstance(report, dict) else report
matchers = json.load(open(sys.argv[3]))["problemMatcher"]
tasks = json.load(open(sys.argv[4]))["tasks"]
# VS Code C/C++ extension (vscode-cpptools), package.json, problemMatchers "gcc".
GCC = re.compile(r"^(.*):(\d+):(\d+):\s+(?:fatal\s+)?(warning|error):\s+(.*)$")
fails = 0
def fail(msg):
    global fails
    fails += 1
    if fails <= 20: print("FAIL", msg)
if b"\r" in raw: fail("a raw CR in the output")
lines = raw.decode().split("\n")[:-1]
if len(lines) != len(diags): fail(f"{len(lines)} lines for {len(diags)} findings")
bundled = [(re.compile(m["pattern"][0]["regexp"]), m["pattern"][0], m.get("severity")) for m in matchers]
inline = [(re.compile(m["pattern"]["regexp"]), m["pattern"], m.get("severity")) for m in tasks[1]["problemMatcher"]]
levels = {"error": 0, "warning": 0, "note": 0}
for line, d in zip(lines, diags):
    loc = d.get("location", d)
    want = (loc.get("file"), str(loc.get("line")), str(loc.get("column", loc.get("col"))), d.get("severity", d.get("level")), d.get("rule", d.get("rule_id")))
    for name, ms in (("bundled", bundled), ("vscode-inline", inline)):
        hits = [(m, p, sev) for r, p, sev in ms for m in [r.match(line)] if m]
        if len(hits) != 1: fail(f"{name}: {len(hits)} matchers read {line!r}"); continue
        m, p, sev = hits[0]
        got_level = m.group(p["severity"]) if "severity" in p else ("note" if sev else None)
        got = (m.group(p["file"]), m.group(p["line"]), m.group(p["column"]), got_level, m.group(p["code"]))
        if got[:3] != want[:3] or got[4] != want[4] or (got_level != want[3]):
            fail(f"{name}: read {got} from {line!r}, want {want}")
    levels[want[3]] = levels.get(want[3], 0) + 1
    g = GCC.match(line)
    if want[3] in ("error", "warning"):
        if not g or (g.group(1), g.group(2), g.group(3), g.group(4)) != want[:4]: fail(f"$gcc: misread {line!r}")
    elif g:
        fail(f"$gcc reads a note as {g.group(4)}: {line!r}")
if not all(levels.values()): fail(f"the fixtures should give every level: {levels}")
if not any("\\r\\n" in l for l in lines): fail("the CR/LF message was not escaped")
print(f"{len(lines)} lines read by both matchers ({levels}); {fails} failed")
sys.exit(1 if fails else 0)
PY
