#!/usr/bin/env bash
# The command line end to end: options, exit codes, paths, determinism.
# Usage: cli.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
cd "$src" || exit 1
fails=0 checks=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # check NAME EXPECTED_RC COMMAND... ; output in $tmp/out
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  checks=$((checks + 1))
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL $name: exit $rc, expected $want"; sed 's/^/  | /' "$tmp/out" "$tmp/err" | head -20
    fails=$((fails + 1))
    return 1
  fi
}
contains() {  # contains NAME FILE TEXT
  checks=$((checks + 1))
  grep -qF -- "$3" "$2" || { echo "FAIL $1: '$3' not in output"; sed 's/^/  | /' "$2" | head -20; fails=$((fails + 1)); }
}

vl504=fixtures/rules/VL504/bad-literal-subnet-name.yaml
check version 0 "$bin" --version && contains version "$tmp/out" "vpclint "
check help 0 "$bin" --help && contains help "$tmp/out" "Exit codes:" && contains help-fail-on "$tmp/out" "--fail-on"
check unknown-option 2 "$bin" --no-such-option
check bad-fail-on 2 "$bin" --fail-on sometimes "$vl504"
check bad-format 2 "$bin" --format xml "$vl504"
check no-input 2 "$bin"
check missing-file 2 "$bin" no/such/file.yaml
check list-rules 0 "$bin" --list-rules && contains list-rules "$tmp/out" "VL504  invalid-network-id"
check explain-rule 0 "$bin" --explain VL504 && contains explain-rule "$tmp/out" "Why:"
check explain-unknown-rule 2 "$bin" --explain VL999

check finding-exit-1 1 "$bin" --format gcc "$vl504"
contains gcc-line "$tmp/out" "$vl504:40:13: error: "
contains gcc-rule "$tmp/out" "[VL504]"
check absolute-path-reported-relative 1 "$bin" --format gcc "$src/$vl504"
contains relative "$tmp/out" "$vl504:40:13: error: "
check fail-on-never 0 "$bin" --fail-on never "$vl504"
check ignore 0 "$bin" --ignore VL504 "$vl504"
check ignore-family 0 "$bin" --ignore VL5 "$vl504"
check select-other 0 "$bin" --select VL101 "$vl504"
check clean-file 0 "$bin" fixtures/rules/VL504/good-refs-and-real-ids.yaml
contains summary "$tmp/out" "no problems"
check quiet 0 "$bin" -q fixtures/rules/VL504/good-refs-and-real-ids.yaml
checks=$((checks + 1)); [ ! -s "$tmp/out" ] || { echo "FAIL quiet: output not empty"; fails=$((fails + 1)); }

# A directory: walked, classified by content, non-templates skipped silently.
mkdir -p "$tmp/tree/sub" "$tmp/tree/node_modules"
cp "$vl504" "$tmp/tree/sub/a.yaml"
cp "$vl504" "$tmp/tree/node_modules/ignored.yaml"
echo '{"name": "not a template"}' >"$tmp/tree/package.json"
ln -s .. "$tmp/tree/sub/loop"
check directory 1 "$bin" --format gcc "$tmp/tree"
checks=$((checks + 1)); [ "$(grep -c VL504 "$tmp/out")" -eq 1 ] || { echo "FAIL directory: expected one finding"; cat "$tmp/out"; fails=$((fails + 1)); }
# Nothing analysed: exit 2, the file named in the notice.
check explicit-non-template 2 "$bin" "$tmp/tree/package.json"
contains explicit-non-template "$tmp/err" "skipped: not a CloudFormation template"

# One classification: the files of a mixed directory named one by one give
# exactly what walking the directory gives.
mkdir -p "$tmp/mixed/.vscode" "$tmp/mixed/chart"
cp "$vl504" "$tmp/mixed/t.yaml"
cp fixtures/bad-input/dup.yaml "$tmp/mixed/broken.yaml"
printf '{\n  // c\n  "a": 1,\n}\n' >"$tmp/mixed/.vscode/settings.json"
printf 'name: {{ .Values.name }\n' >"$tmp/mixed/chart/values.yaml"
"$bin" -q --format gcc "$tmp/mixed" >"$tmp/walk" 2>/dev/null
"$bin" -q --format gcc $(find "$tmp/mixed" -type f | sort) >"$tmp/named" 2>/dev/null
checks=$((checks + 1)); cmp -s "$tmp/walk" "$tmp/named" && [ "$(wc -l <"$tmp/walk")" -eq 2 ] ||
  { echo "FAIL classification: named files differ from the walk"; diff "$tmp/walk" "$tmp/named"; fails=$((fails + 1)); }

# Deterministic across runs and -j values.
"$bin" --format json -j 1 fixtures >"$tmp/j1" 2>/dev/null
"$bin" --format json -j 4 fixtures >"$tmp/j4" 2>/dev/null
"$bin" --format json -j 4 fixtures >"$tmp/j4b" 2>/dev/null
checks=$((checks + 1)); cmp -s "$tmp/j1" "$tmp/j4" && cmp -s "$tmp/j4" "$tmp/j4b" || { echo "FAIL determinism: -j changes the output"; fails=$((fails + 1)); }

# Parameters: a value given on the command line fixes a condition switch.
cat >"$tmp/cond.yaml" <<'YAML'
Parameters:
  UseVpc: {Type: String, AllowedValues: ['yes', 'no'], Default: 'no'}
Conditions:
  InVpc: !Equals [!Ref UseVpc, 'yes']
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/x
      VpcConfig: !If [InVpc, {SubnetIds: [PrivateSubnetA], SecurityGroupIds: [sg-12345678]}, !Ref AWS::NoValue]
YAML
check scenario 1 "$bin" --format gcc "$tmp/cond.yaml"
contains scenario-named "$tmp/out" "(when InVpc is true)"
check parameter-fixes-switch 0 "$bin" --parameter UseVpc=no "$tmp/cond.yaml"
echo '[{"ParameterKey": "UseVpc", "ParameterValue": "yes"}]' >"$tmp/params.json"
check parameters-file 1 "$bin" --format gcc --parameters-file "$tmp/params.json" "$tmp/cond.yaml"
checks=$((checks + 1)); grep -q "when InVpc" "$tmp/out" && { echo "FAIL parameters-file: scenario still named"; fails=$((fails + 1)); }
check bad-parameter 2 "$bin" --parameter NoEquals "$tmp/cond.yaml"

# Suppressions: resource Metadata and an inline comment; never in the exit code.
sup=fixtures/suppressions/metadata-and-inline.yaml
check suppressed-exit-0 0 "$bin" "$sup"
contains suppressed-count "$tmp/err" "2 suppressed findings"
check suppressed-sarif 0 "$bin" --format sarif --report-suppressed "$sup"
checks=$((checks + 1)); [ "$(grep -c '"kind": "inSource"' "$tmp/out")" -eq 2 ] || { echo "FAIL suppressed-sarif: expected 2 suppressions"; fails=$((fails + 1)); }
check suppressed-left-out 0 "$bin" --format sarif "$sup"
checks=$((checks + 1)); grep -q '"suppressions"' "$tmp/out" && { echo "FAIL: suppressed findings in SARIF without --report-suppressed"; fails=$((fails + 1)); }

echo "$((checks - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
