#!/usr/bin/env bash
# The configuration file end to end: discovery (working directory, parents up
# to the git top level), --config, --no-config, every key, flags winning over
# the file, VL005 at its position, exclude and .gitignore in directory walks.
# Usage: config.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
cd "$src" || exit 1
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
fails=0 checks=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # check NAME EXPECTED_RC COMMAND... ; output in $tmp/out, $tmp/err
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
lacks() {  # lacks NAME FILE TEXT
  checks=$((checks + 1))
  ! grep -qF -- "$3" "$2" || { echo "FAIL $1: '$3' in output"; sed 's/^/  | /' "$2" | head -20; fails=$((fails + 1)); }
}

# A repository of its own: discovery stops at its top level.
repo=$tmp/repo
mkdir -p "$repo/stacks/sub" "$repo/build" "$repo/generated"
git init -q "$repo"
note=$src/fixtures/rules/VL101/bad-public-subnet-no-evidence.yaml   # VL101 note (and VL502 note)
vl504=$src/fixtures/rules/VL504/bad-literal-subnet-name.yaml         # VL504 error
cp "$note" "$repo/stacks/app.yaml"
cp "$vl504" "$repo/stacks/sub/literal.yaml"
cp "$vl504" "$repo/build/copy.yaml"
cp "$vl504" "$repo/generated/copy.yaml"
cd "$repo"

# No configuration: the defaults.
check no-config-file 1 "$bin" --format gcc stacks
contains no-config-walk "$tmp/out" "stacks/sub/literal.yaml:40:13: error: "

# fail-on and per-function needs from the file; found from a subdirectory.
cat >.vpclint.yaml <<'YAML'
fail-on: note
ignore: [VL504]
YAML
check fail-on-from-file 1 "$bin" stacks/app.yaml
(cd stacks/sub && "$bin" ../app.yaml >"$tmp/out" 2>&1); rc=$?
checks=$((checks + 1)); [ "$rc" -eq 1 ] || { echo "FAIL found-from-subdirectory: exit $rc"; fails=$((fails + 1)); }
check flag-wins-over-file 0 "$bin" --fail-on error stacks/app.yaml
check no-config-flag 0 "$bin" --no-config stacks/app.yaml
check ignore-from-file 0 "$bin" --fail-on error stacks/sub/literal.yaml
check select-flag-wins 1 "$bin" --fail-on error --ignore VL101 stacks/sub/literal.yaml

cat >.vpclint.yaml <<'YAML'
functions:
  "Orders*":
    needs: [internet]
YAML
check needs-from-file 1 "$bin" --format gcc stacks/app.yaml
contains needs-make-error "$tmp/out" "error: "
contains needs-rule "$tmp/out" "[VL101]"

# Levels: a note raised to an error, an error turned off.
cat >.vpclint.yaml <<'YAML'
rules:
  function-in-public-subnet: error
  VL504: off
YAML
check level-raised 1 "$bin" --format gcc stacks/app.yaml
contains level-raised-error "$tmp/out" "error: "
check level-off 0 "$bin" --format gcc stacks/sub/literal.yaml
lacks level-off-gone "$tmp/out" "VL504"
check level-off-json 0 "$bin" --format json stacks/sub/literal.yaml
lacks level-off-gone-json "$tmp/out" "VL504"

# format from the file; the flag wins.
printf 'format: gcc\n' >.vpclint.yaml
check format-from-file 1 "$bin" stacks/sub/literal.yaml
contains format-gcc "$tmp/out" "stacks/sub/literal.yaml:40:13: error: "
check format-flag-wins 1 "$bin" -f json stacks/sub/literal.yaml
contains format-json "$tmp/out" '"rule": "VL504"'

# exclude (relative to the configuration file) and .gitignore in walks.
cat >.vpclint.yaml <<'YAML'
format: gcc
exclude:
  - "build/"
YAML
printf 'generated/\n' >.gitignore
check walk-excluded 1 "$bin" .
contains walk-keeps "$tmp/out" "stacks/sub/literal.yaml:40:13"
lacks walk-exclude "$tmp/out" "build/copy.yaml"
lacks walk-gitignore "$tmp/out" "generated/copy.yaml"
check walk-no-ignore 1 "$bin" --no-ignore .
contains walk-no-ignore-gitignored "$tmp/out" "generated/copy.yaml"
lacks walk-no-ignore-still-excluded "$tmp/out" "build/copy.yaml"
check named-excluded 2 "$bin" build/copy.yaml
check named-gitignored-is-checked 1 "$bin" generated/copy.yaml

# Parameters per template glob: SecurityGroupIds given, the VL501 scenario
# (no security groups) is gone; a glob that does not match changes nothing;
# the command line wins.
cp "$src/fixtures/rules/VL501/bad-conditional-security-groups.yaml" stacks/cond.yaml
cat >.vpclint.yaml <<'YAML'
parameters:
  "stacks/cond*.yaml":
    SecurityGroupIds: sg-0123456789abcdef0
YAML
check parameters-from-file 0 "$bin" stacks/cond.yaml
check parameters-flag-wins 1 "$bin" -p SecurityGroupIds= stacks/cond.yaml
sed -i 's/cond\*/other*/' .vpclint.yaml
check parameters-glob-not-matching 1 "$bin" stacks/cond.yaml
rm stacks/cond.yaml

# --config names the file; a missing one is a usage error.
printf 'fail-on: note\n' >"$tmp/other.yaml"
rm .vpclint.yaml
check config-flag 1 "$bin" --config "$tmp/other.yaml" stacks/app.yaml
check config-missing 2 "$bin" --config "$tmp/none.yaml" stacks/app.yaml
check config-and-no-config 2 "$bin" --config "$tmp/other.yaml" --no-config stacks/app.yaml

# Above the git top level a configuration does not apply.
printf 'fail-on: note\n' >"$tmp/.vpclint.yaml"
check not-above-top-level 0 "$bin" stacks/app.yaml
rm "$tmp/.vpclint.yaml"

# VL005: at the position in the configuration file, in every format; the
# valid parts still apply.
cat >.vpclint.yaml <<'YAML'
fail-on: note
ignroe: [VL504]
rules:
  VL999: off
YAML
check vl005 1 "$bin" --format gcc stacks/app.yaml
contains vl005-key-out "$tmp/out" ".vpclint.yaml:2:1: error: unknown key 'ignroe'"
contains vl005-rule "$tmp/out" ".vpclint.yaml:4:3: error: "
contains vl005-valid-part-applies "$tmp/out" "stacks/app.yaml"
check vl005-sarif 1 "$bin" --format sarif stacks/app.yaml
contains vl005-sarif-rule "$tmp/out" '"ruleId": "VL005"'
contains vl005-sarif-artifact "$tmp/out" '"uri": ".vpclint.yaml"'

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]
