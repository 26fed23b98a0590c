#!/usr/bin/env bash
# The gate never passes silently (issue 15): every way of running vpclint that
# would check nothing, or not what was asked, fails loudly; stdin, colour,
# --help, --list-rules and the -o summary behave as documented.
# Usage: gate.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1") src=$2
cd "$src" || exit 1
fails=0 checks=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # check NAME EXPECTED_RC COMMAND... ; output in $tmp/out, $tmp/err
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err" </dev/null
  local rc=$?
  checks=$((checks + 1))
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL $name: exit $rc, expected $want"; sed 's/^/  | /' "$tmp/out" "$tmp/err" | head -20
    fails=$((fails + 1))
    return 1
  fi
}
has() {  # has NAME FILE TEXT
  checks=$((checks + 1))
  grep -qF -- "$3" "$2" || { echo "FAIL $1: '$3' not in $(basename "$2")"; sed 's/^/  | /' "$2" | head -10; fails=$((fails + 1)); }
}
hasnt() {  # hasnt NAME FILE TEXT
  checks=$((checks + 1))
  ! grep -qF -- "$3" "$2" || { echo "FAIL $1: '$3' in $(basename "$2")"; sed 's/^/  | /' "$2" | head -10; fails=$((fails + 1)); }
}

bad=fixtures/rules/VL504/bad-literal-subnet-name.yaml
good=fixtures/rules/VL504/good-refs-and-real-ids.yaml

# --select / --ignore: unknown ids are usage errors naming the valid ids.
for item in VL999 FOO VL9 V "VL504,nope"; do
  check "select-$item" 2 "$bin" --select "$item" "$bad" && has "select-$item-names-ids" "$tmp/err" "valid ids: VL001"
  check "ignore-$item" 2 "$bin" --ignore "$item" "$bad"
done
# ids, prefixes and slugs, case-insensitively, with or without spaces.
check select-lowercase 1 "$bin" -q --format gcc --select vl504 "$bad" && has select-lowercase "$tmp/out" "[VL504]"
check select-slug 1 "$bin" -q --format gcc --select Invalid-Network-Id "$bad"
check select-spaces 1 "$bin" -q --format gcc --select "VL101, vl5" "$bad"
check ignore-slug-spaces 0 "$bin" -q --ignore "vl101, invalid-network-id" "$bad"
check select-repeatable 1 "$bin" -q --select VL101 --select VL504 "$bad"
# --select never hides that a file could not be read or parsed.
check select-keeps-vl001 2 "$bin" -q --format gcc --select VL101 fixtures/bad-input/dup.yaml "$good"
has select-keeps-vl001 "$tmp/out" "[VL001]"
check ignore-vl001 2 "$bin" --ignore VL001 fixtures/bad-input/dup.yaml
check ignore-vl0 2 "$bin" --ignore vl0 fixtures/bad-input/dup.yaml
has ignore-vl0 "$tmp/err" "would hide VL001"

# Zero files analysed: exit 2 with a message, unless --allow-empty.
mkdir -p "$tmp/empty" "$tmp/tfonly"
echo 'resource "aws_vpc" "v" {}' >"$tmp/tfonly/main.tf"
for d in "$tmp/empty"; do
  check "zero-files-$(basename "$d")" 2 "$bin" "$d" && has zero-files "$tmp/err" "nothing was checked"
  hasnt zero-files-summary "$tmp/out" "no problems"
  check "allow-empty-$(basename "$d")" 0 "$bin" --allow-empty "$d"
done
# A directory of .tf files is a root module now (issue 19): analysed, not "nothing checked".
check tf-only-dir 0 "$bin" "$tmp/tfonly" && has tf-only-dir "$tmp/out" "no problems in 1 file"
# A nonexistent path: stderr, exit 2, and no "no problems" summary.
check missing-path 2 "$bin" "$good" no/such/dir
has missing-path "$tmp/err" "no/such/dir: no such file or directory"
hasnt missing-path-summary "$tmp/out" "no problems"
has missing-path-summary "$tmp/out" "1 path not found"
check missing-path-never 2 "$bin" --fail-on never no/such.yaml
check missing-path-allow-empty 2 "$bin" --allow-empty no/such.yaml

# Parameters: undeclared names warn (error with --strict-parameters), values
# outside AllowedValues are errors, a missing --tf-root and a bad parameters
# file are usage errors with positions.
cat >"$tmp/p.yaml" <<'YAML'
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Stage: {Type: String, AllowedValues: [dev, prod], Default: dev}
  Size: {Type: String, Default: small}
Resources:
  Topic:
    Type: AWS::SNS::Topic
YAML
check param-undeclared-warns 0 "$bin" -p Stge=dev "$tmp/p.yaml"
has param-undeclared-warns "$tmp/err" "warning: parameter Stge is not declared"
has param-undeclared-names "$tmp/err" "declared parameters: Size, Stage"
check param-undeclared-strict 2 "$bin" --strict-parameters -p Stge=dev "$tmp/p.yaml"
has param-undeclared-strict "$tmp/err" "error: parameter Stge"
check param-declared 0 "$bin" --strict-parameters -p Stage=prod -p Size=big "$tmp/p.yaml"
check param-not-allowed 2 "$bin" -p Stage=test "$tmp/p.yaml"
has param-not-allowed "$tmp/err" "'test' is not one of its AllowedValues: dev, prod"
check tf-root-missing 2 "$bin" --tf-root no/such/dir "$tmp/p.yaml"
has tf-root-missing "$tmp/err" "--tf-root no/such/dir"
printf '[\n  {"ParameterKey": "Stage",\n   "ParameterValue": dev}\n]\n' >"$tmp/bad-params.json"
check params-file-position 2 "$bin" --parameters-file "$tmp/bad-params.json" "$tmp/p.yaml"
has params-file-position "$tmp/err" "bad-params.json:3:22:"

# --fail-on never: exit 0 even with errors and unparseable inputs (still VL001 findings).
check never-findings 0 "$bin" --fail-on never "$bad"
check never-vl001 0 "$bin" --fail-on never --format gcc fixtures/bad-input/dup.yaml
has never-vl001 "$tmp/out" "[VL001]"
check never-bad-output 2 "$bin" --fail-on never -o "$tmp/no/such/dir/report.txt" "$bad"
check never-usage 2 "$bin" --fail-on never --select VL999 "$bad"

# explain without --function lists the file's functions.
check explain-no-function 2 "$bin" explain "$bad"
has explain-no-function "$tmp/err" "DirectoryFunction"
check explain-function 0 "$bin" explain "$bad" --function DirectoryFunction

# Standard input: '-' with --stdin-filename for positions and classification.
checks=$((checks + 1))
out=$("$bin" --format gcc --stdin-filename stacks/app.yaml - <"$bad" 2>&1); rc=$?
[ $rc -eq 1 ] && grep -q "^stacks/app.yaml:40:13: error: .*\[VL504\]" <<<"$out" || { echo "FAIL stdin: exit $rc"; echo "$out"; fails=$((fails + 1)); }
checks=$((checks + 1))
out=$(echo '{"name": "x", "version": "1.0.0"}' | "$bin" --stdin-filename package.json - 2>&1); rc=$?
[ $rc -eq 2 ] && grep -q "package.json: skipped" <<<"$out" || { echo "FAIL stdin-non-template: exit $rc"; echo "$out"; fails=$((fails + 1)); }
checks=$((checks + 1))
out=$(git show "HEAD:$bad" 2>/dev/null | "$bin" -q --format gcc --stdin-filename "$bad" -); rc=$?
[ $rc -eq 1 ] && grep -q "^$bad:40:13:" <<<"$out" || { echo "FAIL git-show-pipe: exit $rc"; fails=$((fails + 1)); }
checks=$((checks + 1))
"$bin" - - <"$bad" >/dev/null 2>&1; [ $? -eq 2 ] || { echo "FAIL: '-' twice is not a usage error"; fails=$((fails + 1)); }

# -o FILE: the report in the file, the summary on stderr.
for f in text github; do
  check "output-$f" 1 "$bin" --format "$f" -o "$tmp/report.$f" "$bad"
  has "output-$f-summary" "$tmp/err" "vpclint: 1 error in 1 of 1 file"
  hasnt "output-$f-file" "$tmp/report.$f" "1 error in 1 of 1 file"
  checks=$((checks + 1)); [ ! -s "$tmp/out" ] || { echo "FAIL output-$f: stdout not empty"; fails=$((fails + 1)); }
done

# Colour: NO_COLOR non-empty and TERM=dumb disable it; --color always wins.
esc=$'\x1b['
colour_case() {  # NAME WANT(yes|no) ENV... -- ARGS...
  local name=$1 want=$2; shift 2
  local envs=()
  while [ "$1" != "--" ]; do envs+=("$1"); shift; done; shift
  # `script` gives vpclint a terminal, so auto mode sees a tty.
  env "${envs[@]}" script -qec "$bin $* $bad" /dev/null >"$tmp/tty" 2>&1 </dev/null
  checks=$((checks + 1))
  if grep -qF "$esc" "$tmp/tty"; then got=yes; else got=no; fi
  [ "$got" = "$want" ] || { echo "FAIL colour $name: colour=$got, expected $want"; fails=$((fails + 1)); }
}
if command -v script >/dev/null; then
  colour_case tty yes TERM=xterm -- --color auto
  colour_case no-color no TERM=xterm NO_COLOR=1 -- --color auto
  colour_case no-color-empty yes TERM=xterm NO_COLOR= -- --color auto
  colour_case term-dumb no TERM=dumb -- --color auto
  colour_case always-wins yes TERM=dumb NO_COLOR=1 -- --color always
  colour_case never no TERM=xterm -- --color never
fi
check colour-pipe 1 "$bin" "$bad"
hasnt colour-pipe "$tmp/out" "$esc"
check colour-always-pipe 1 "$bin" --color always "$bad"
has colour-always-pipe "$tmp/out" "$esc"

# --help: one Usage line; comma-separated options say so; --list-rules aligned and as JSON.
check help 0 "$bin" --help
checks=$((checks + 1)); [ "$(grep -c 'Usage:' "$tmp/out")" -eq 1 ] || { echo "FAIL help: not exactly one Usage line"; fails=$((fails + 1)); }
checks=$((checks + 1)); [ "$(grep -A1 -E '^\s+--(select|ignore)' "$tmp/out" | grep -c 'comma-separated')" -eq 2 ] ||
  { echo "FAIL help: --select/--ignore do not say comma-separated"; fails=$((fails + 1)); }
check list-rules 0 "$bin" --list-rules
checks=$((checks + 1))
python3 - "$tmp/out" <<'PY' || { echo "FAIL list-rules: not aligned"; fails=$((fails + 1)); }
import re, sys
lines = open(sys.argv[1]).read().splitlines()
ms = [re.match(r"(VL\d{3}  \S+\s+)(.*?\S)(\s{2,})(\S)", l) for l in lines]
starts = {(m.start(2), m.start(4)) for m in ms if m}
sys.exit(0 if len(starts) == 1 and lines and all(ms) else 1)
PY
check list-rules-json 0 "$bin" --list-rules -f json
checks=$((checks + 1))
python3 -c 'import json,sys; d=json.load(open(sys.argv[1])); assert d and all({"id","slug","levels","summary"} <= set(r) for r in d)' "$tmp/out" ||
  { echo "FAIL list-rules-json"; fails=$((fails + 1)); }

# SARIF from a subdirectory: URIs relative to the repository root, never ../.
mkdir -p "$tmp/repo/.git" "$tmp/repo/infra/stacks"
cp "$bad" "$tmp/repo/infra/stacks/t.yaml"
(cd "$tmp/repo/infra" && "$bin" -q --format sarif stacks/t.yaml >"$tmp/sub.sarif" 2>/dev/null)
(cd "$tmp/repo/infra" && "$bin" -q --format sarif --srcroot "$tmp/repo/infra/stacks" stacks/t.yaml >"$tmp/sub2.sarif" 2>/dev/null)
checks=$((checks + 1))
python3 - "$tmp/sub.sarif" "$tmp/sub2.sarif" "$tmp/repo" <<'PY' || { echo "FAIL sarif srcroot"; fails=$((fails + 1)); }
import json, sys
a, b = (json.load(open(p))["runs"][0] for p in sys.argv[1:3])
root = sys.argv[3]
assert a["originalUriBaseIds"]["%SRCROOT%"]["uri"] == "file://" + root + "/", a["originalUriBaseIds"]
assert a["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "infra/stacks/t.yaml"
assert b["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"] == "t.yaml"
assert a["invocations"][0]["executionSuccessful"] is True
assert a["columnKind"] == "unicodeCodePoints"
PY
check srcroot-missing 2 "$bin" --srcroot no/such/dir "$bad"
check sarif-failed-input 2 "$bin" --format sarif fixtures/bad-input/dup.yaml
checks=$((checks + 1))
python3 -c 'import json,sys; i=json.load(open(sys.argv[1]))["runs"][0]["invocations"][0]; assert i["executionSuccessful"] is False and i["toolExecutionNotifications"]' "$tmp/out" ||
  { echo "FAIL sarif-failed-input: executionSuccessful not false"; fails=$((fails + 1)); }

# GitLab fingerprints (and SARIF's) survive unrelated lines moving, and are unique.
mkdir -p "$tmp/fp"
cp fixtures/examples/public-subnet-function.yaml "$tmp/fp/t.yaml"
(cd "$tmp/fp" && "$bin" -q --format gitlab --fail-on never t.yaml >"$tmp/gl1.json" 2>/dev/null &&
  "$bin" -q --format sarif --fail-on never t.yaml >"$tmp/sa1.json" 2>/dev/null)
sed -i '1a\
# an unrelated comment\
# and another one, moving every line below' "$tmp/fp/t.yaml"
(cd "$tmp/fp" && "$bin" -q --format gitlab --fail-on never t.yaml >"$tmp/gl2.json" 2>/dev/null &&
  "$bin" -q --format sarif --fail-on never t.yaml >"$tmp/sa2.json" 2>/dev/null)
checks=$((checks + 1))
python3 - "$tmp" <<'PY' || { echo "FAIL fingerprints"; fails=$((fails + 1)); }
import json, sys
d = sys.argv[1]
gl1, gl2 = (json.load(open(f"{d}/gl{i}.json")) for i in (1, 2))
sa1, sa2 = (json.load(open(f"{d}/sa{i}.json"))["runs"][0]["results"] for i in (1, 2))
assert gl1 and [x["location"]["lines"]["begin"] + 2 for x in gl1] == [x["location"]["lines"]["begin"] for x in gl2]
assert [x["fingerprint"] for x in gl1] == [x["fingerprint"] for x in gl2]
assert len({x["fingerprint"] for x in gl1}) == len(gl1)
assert [x["fingerprint"] for x in gl1] == [r["partialFingerprints"]["primaryLocationLineHash"] for r in sa1]
assert [r["partialFingerprints"] for r in sa1] == [r["partialFingerprints"] for r in sa2]
PY

echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
