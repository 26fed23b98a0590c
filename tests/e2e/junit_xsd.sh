#!/usr/bin/env bash
# vpclint's JUnit output is valid against the Jenkins/xUnit JUnit schema
# (tests/schemas/junit-jenkins.xsd) for every fixture, the golden report and
# each --fail-on level; VL001 is an <error>, and findings below --fail-on are
# no failed tests. xmllint comes from Debian's libxml2-utils (exit 77 when missing).
# Usage: junit_xsd.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
command -v xmllint >/dev/null || { echo "skip: xmllint not installed (apt-get install libxml2-utils)"; exit 77; }
cd "$src" || exit 1
xsd=tests/schemas/junit-jenkins.xsd
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 n=0
outs=()
while IFS= read -r -d '' f; do
  n=$((n + 1))
  "$bin" --format junit -o "$tmp/$n.xml" "$f" >/dev/null 2>&1
  outs+=("$tmp/$n.xml")
done < <(find fixtures -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0 | sort -z)
for level in error warning note never; do
  n=$((n + 1))
  "$bin" --format junit --fail-on "$level" -o "$tmp/all-$level.xml" fixtures >/dev/null 2>&1
  outs+=("$tmp/all-$level.xml")
done
outs+=(tests/golden/junit.xml)
for o in "${outs[@]}"; do
  xmllint --noout --schema "$xsd" "$o" >"$tmp/lint.txt" 2>&1 || { echo "FAIL $o:"; head -5 "$tmp/lint.txt"; fails=$((fails + 1)); }
done
# Every report written and non-empty.
for o in "${outs[@]}"; do [ -s "$o" ] || { echo "FAIL: $o is empty"; fails=$((fails + 1)); }; done
# Semantics: a broken file is an <error>; a note below --fail-on is no failure.
"$bin" --format junit fixtures/bad-input/dup.yaml >"$tmp/vl001.xml" 2>/dev/null
grep -q '<error message=' "$tmp/vl001.xml" && ! grep -q '<failure' "$tmp/vl001.xml" || { echo "FAIL: VL001 is not an <error>"; fails=$((fails + 1)); }
failures() { python3 -c 'import sys,xml.etree.ElementTree as E; r=E.parse(sys.argv[1]).getroot(); print(sum(int(s.get("failures")) for s in r.iter("testsuite")), sum(int(s.get("errors")) for s in r.iter("testsuite")), len(list(r.iter("failure"))))' "$1"; }
read -r f_error e_error c_error <<<"$(failures "$tmp/all-error.xml")"
read -r f_note e_note c_note <<<"$(failures "$tmp/all-note.xml")"
read -r f_never e_never c_never <<<"$(failures "$tmp/all-never.xml")"
[ "$f_error" -eq "$c_error" ] && [ "$f_note" -eq "$c_note" ] || { echo "FAIL: failures attributes do not count <failure> elements"; fails=$((fails + 1)); }
[ "$f_note" -gt "$f_error" ] || { echo "FAIL: --fail-on note does not fail more cases ($f_note vs $f_error)"; fails=$((fails + 1)); }
[ "$f_never" -eq 0 ] && [ "$e_never" -gt 0 ] || { echo "FAIL: --fail-on never: $f_never failures, $e_never errors"; fails=$((fails + 1)); }
# A schema check that cannot fail is no check: a report without `errors` must be rejected.
sed 's/ errors="[0-9]*"//' tests/golden/junit.xml >"$tmp/broken.xml"
xmllint --noout --schema "$xsd" "$tmp/broken.xml" >/dev/null 2>&1 && { echo "FAIL: the XSD accepts a testsuite without errors"; fails=$((fails + 1)); }
echo "$((n + 6 - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
