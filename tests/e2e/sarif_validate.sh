#!/usr/bin/env bash
# vpclint's SARIF for every fixture passes both validators GitHub users rely
# on: the SARIF Multitool (schema + SARIF and GitHub rules) and ajv against
# the sarif-2.1.0 schema shipped inside the multitool package.
# Installs them with npm into build-tools/ when missing (exit 77 = skipped when
# npm is unavailable). Usage: sarif_validate.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
tools="$src/build-tools"
command -v npm >/dev/null || { echo "skip: npm not installed"; exit 77; }
mt="$tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
ajv="$tools/node_modules/.bin/ajv"
if [ ! -x "$mt" ] || [ ! -x "$ajv" ]; then
  mkdir -p "$tools"
  (cd "$tools" && npm install --no-audit --no-fund --silent @microsoft/sarif-multitool ajv-cli ajv-formats >/dev/null 2>&1) ||
    { echo "skip: npm install failed"; exit 77; }
  chmod u+x "$mt" 2>/dev/null
fi
schema="$tools/node_modules/@microsoft/sarif-multitool-linux/sarif-2.1.0.json"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 n=0
cd "$src" || exit 1
files=()
while IFS= read -r -d '' f; do files+=("$f"); done < <(find fixtures -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0 | sort -z)
# One SARIF file per fixture, then one call of each validator over all of them.
outs=()
for f in "${files[@]}"; do
  n=$((n + 1))
  out="$tmp/$n.json"   # ajv wants data files to end in .json
  "$bin" --format sarif --output "$out" "$f" >/dev/null 2>&1
  rc=$?
  if [ $rc -gt 2 ] || [ ! -s "$out" ]; then echo "FAIL $f: vpclint exit $rc, no SARIF written"; fails=$((fails + 1)); else outs+=("$out"); fi
  echo "$f" >"$out.name"
done
# The reporters' golden SARIF has what fixtures may lack (a parse problem next
# to findings, related locations, odd characters in paths and messages).
n=$((n + 1))
cp tests/golden/sarif.json "$tmp/$n.json"
echo tests/golden/sarif.json >"$tmp/$n.json.name"
outs+=("$tmp/$n.json")
# A failed run: a missing path next to a broken and a good file
# (executionSuccessful false, notifications with and without locations), from
# a subdirectory with the repository root as %SRCROOT%.
n=$((n + 1))
"$bin" --format sarif --srcroot "$src" --output "$tmp/$n.json" fixtures/bad-input/dup.yaml no/such/file.yaml \
  fixtures/rules/VL504/bad-literal-subnet-name.yaml >/dev/null 2>&1
echo "failed run" >"$tmp/$n.json.name"
outs+=("$tmp/$n.json")
# A baseline run: baselined findings (suppressions of kind external,
# baselineState unchanged) next to new ones (baselineState new).
n=$((n + 1))
mkdir -p "$tmp/bl"
cp fixtures/rules/VL504/bad-literal-subnet-name.yaml "$tmp/bl/a.yaml"
"$bin" --no-config --write-baseline "$tmp/bl/base.json" "$tmp/bl/a.yaml" >/dev/null 2>&1
"$bin" --no-config --baseline "$tmp/bl/base.json" --report-suppressed --format sarif --output "$tmp/$n.json" \
  "$tmp/bl/a.yaml" fixtures/stacks/imports/app.yaml fixtures/stacks/imports/network.yaml >/dev/null 2>&1
echo "baseline run" >"$tmp/$n.json.name"
outs+=("$tmp/$n.json")
# The multitool always exits 0: read its log for error-level results.
"$mt" validate --rule-kind "Sarif;Gh" -o "$tmp/log.sarif" "${outs[@]}" >"$tmp/mt.txt" 2>&1
bad=$(python3 - "$tmp/log.sarif" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
seen = set()
for r in d["runs"][0].get("results", []):
    if r.get("level", "warning") != "error":
        continue
    uri = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    name = open(uri.replace("file://", "") + ".name").read().strip()
    print(f"{name}: {r['ruleId']} {r['message'].get('id', '')} {r['message'].get('arguments', '')}")
PY
)
if [ ! -s "$tmp/log.sarif" ]; then echo "FAIL: the multitool wrote no log"; cat "$tmp/mt.txt"; fails=$((fails + 1)); fi
if [ -n "$bad" ]; then echo "FAIL (multitool):"; echo "$bad" | head -20; fails=$((fails + $(echo "$bad" | cut -d: -f1 | sort -u | wc -l))); fi
# The schema inside the multitool package declares JSON Schema 2020-12
# ("$schema": "https://json-schema.org/draft/2020-12/schema"), hence draft2020.
ajv_args=()
for o in "${outs[@]}"; do ajv_args+=(-d "$o"); done
if ! "$ajv" validate --spec=draft2020 -c ajv-formats -s "$schema" "${ajv_args[@]}" >"$tmp/ajv.txt" 2>&1; then
  echo "FAIL (ajv):"; grep -v " valid$" "$tmp/ajv.txt" | head -20; fails=$((fails + $(grep -c "invalid" "$tmp/ajv.txt")))
fi
echo "$((n - fails)) passed, $fails failed"
[ "$fails" -eq 0 ] && [ "$n" -gt 0 ]
