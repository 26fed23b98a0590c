#!/usr/bin/env bash
# Every output format reports the same findings: (rule, file, line, column)
# from json, sarif, gcc and github, and (rule, file, line) from gitlab, for
# all fixtures at once. Usage: formats_agree.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
cd "$src" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for f in json sarif gcc github gitlab; do "$bin" --format "$f" -q fixtures >"$tmp/$f" 2>/dev/null; done
# JUnit fails a case only at or above --fail-on: at `note` every finding's case fails (or errors, VL001).
"$bin" --format junit --fail-on note -q fixtures >"$tmp/junit" 2>/dev/null
python3 - "$tmp" <<'PY'
import json, re, sys, xml.etree.ElementTree as ET
d = sys.argv[1]
def read(n): return open(f"{d}/{n}").read()
sets = {}
sets["json"] = {(x["rule"], x["file"], x["line"], x["column"]) for x in json.loads(read("json"))}
sarif = json.loads(read("sarif"))["runs"][0]["results"]
sets["sarif"] = {(r["ruleId"], r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
                  r["locations"][0]["physicalLocation"]["region"]["startLine"],
                  r["locations"][0]["physicalLocation"]["region"].get("startColumn", 0)) for r in sarif}
sets["gcc"] = {(m[4], m[0], int(m[1]), int(m[2])) for m in re.findall(r"^(.+?):(\d+):(\d+): (?:error|warning|note): .* \[(VL\d+)\]$", read("gcc"), re.M)
               for m in [(m[0], m[1], m[2], None, m[3])]}
sets["github"] = {(m[4], m[0], int(m[1]), int(m[2])) for m in
                  [(a, b, c, None, t.split()[0]) for a, b, c, t in re.findall(r"^::\w+ file=([^,]+),line=(\d+),col=(\d+),.*?title=([^:]+)::", read("github"), re.M)]}
gitlab = {(x["check_name"], x["location"]["path"], x["location"]["lines"]["begin"]) for x in json.loads(read("gitlab"))}
junit_failures = sum(len(tc.findall("failure")) + len(tc.findall("error")) for tc in ET.fromstring(read("junit")).iter("testcase"))
base = sets["json"]
fails = 0
for name, s in sets.items():
    if s != base:
        fails += 1
        print(f"FAIL {name} differs from json: missing {sorted(base - s)[:3]}, extra {sorted(s - base)[:3]}")
if gitlab != {(r, f, l) for r, f, l, c in base}:
    fails += 1
    print("FAIL gitlab differs from json")
cases = {(x["file"], x["rule"], x["resource"]) for x in json.loads(read("json"))}
if junit_failures != len(cases):
    fails += 1
    print(f"FAIL junit has {junit_failures} failing testcases, expected one per (file, rule, resource): {len(cases)}")
print(f"{len(base)} findings compared across 6 formats")
print(f"{6 - fails} passed, {fails} failed")
sys.exit(1 if fails else 0)
PY
