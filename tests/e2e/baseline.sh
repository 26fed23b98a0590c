#!/usr/bin/env bash
# Baselines end to end: --write-baseline records the findings; --baseline
# reports only new ones, counts baselined and stale entries; an entry matches
# one finding in one file; lines moving keep it matched; baselined and
# suppressed findings leave every format and the exit code, and
# --report-suppressed shows them in SARIF with their justification; for
# Terraform, a plan and its .tf files give the same entries.
# Usage: baseline.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
cd "$src" || exit 1
bin=$(cd "$(dirname "$bin")" && pwd)/$(basename "$bin")
src=$(pwd)
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

mkdir -p "$tmp/t"
cp fixtures/rules/VL504/bad-literal-subnet-name.yaml "$tmp/t/a.yaml"
cd "$tmp/t"
v="$bin --no-config"
check before 1 $v --format gcc a.yaml
n=$(grep -c '\[VL504\]' "$tmp/out")
word=findings; [ "$n" -eq 1 ] && word=finding

check write 0 $v --write-baseline base.json a.yaml
contains write-summary "$tmp/err" "$n $word baselined, 0 stale entries"
python3 - base.json "$n" <<'PY' || { echo "FAIL baseline-content"; fails=$((fails + 1)); }
import json, sys
b = json.load(open(sys.argv[1]))
assert b["vpclint_baseline"] == 1 and len(b["findings"]) == int(sys.argv[2]), b
for f in b["findings"]:
    assert f["rule"] == "VL504" and f["file"] == "a.yaml" and f["resource"] and ":" in f["fingerprint"], f
# The normalised property path of the first finding (line 40, `- PrivateSubnet1ID`).
assert b["findings"][0]["path"] == "Resources/DirectoryFunction/Properties/VpcConfig/SubnetIds/0", b["findings"][0]
PY
checks=$((checks + 1))
# The path takes part in matching: an entry naming another property is
# stale and its finding new; an entry without a path (an older baseline)
# still matches by fingerprint.
python3 - base.json <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
other = json.loads(json.dumps(b)); other["findings"][0]["path"] = "Resources/DirectoryFunction/Properties/VpcConfig/SubnetIds/1"
json.dump(other, open("other-path.json", "w"))
for f in b["findings"]: f.pop("path", None)
json.dump(b, open("no-path.json", "w"))
PY
check other-path 1 $v --format gcc --baseline other-path.json a.yaml
contains other-path-stale "$tmp/err" "1 stale entry"
contains other-path-shown "$tmp/out" "a.yaml:40:13: error: "
check no-path 0 $v --format gcc --baseline no-path.json a.yaml
contains no-path-summary "$tmp/err" "$n $word baselined, 0 stale entries"

# Every format: nothing left, exit 0.
for fmt in text gcc json sarif github junit gitlab; do
  check "baselined-$fmt" 0 $v --baseline base.json -f "$fmt" a.yaml
  lacks "baselined-$fmt-gone" "$tmp/out" "DirectoryFunction"
done
contains baselined-summary "$tmp/err" "$n $word baselined, 0 stale entries"

# --report-suppressed: in SARIF, suppressed, with the justification.
check report-suppressed 0 $v --baseline base.json --report-suppressed -f sarif a.yaml
contains report-suppressed-kind "$tmp/out" '"suppressions"'
contains report-suppressed-why "$tmp/out" '"justification": "in the baseline base.json"'
# A baseline is outside the input: kind "external"; baselineState "unchanged".
python3 - "$tmp/out" "$n" <<'PY' || { echo "FAIL report-suppressed-external"; fails=$((fails + 1)); }
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
assert len(results) == int(sys.argv[2]), results
for r in results:
    assert r["suppressions"] == [{"kind": "external", "justification": "in the baseline base.json"}], r
    assert r["baselineState"] == "unchanged", r
PY
checks=$((checks + 1))
# Without a baseline: no baselineState.
check no-baseline-sarif 1 $v -f sarif a.yaml
lacks no-baseline-state "$tmp/out" '"baselineState"'
# ...and an inline suppression the same way.
check report-suppressed-inline 0 "$bin" --no-config --report-suppressed -f sarif "$src/fixtures/suppressions/metadata-and-inline.yaml"
contains report-suppressed-inline-kind "$tmp/out" '"kind": "inSource"'
lacks report-suppressed-inline-not-external "$tmp/out" '"kind": "external"'

# Lines moving above the finding: still baselined.
{ echo "# a comment that moves every line"; echo "# and another"; cat a.yaml; } >moved.yaml
mv moved.yaml a.yaml
check moved 0 $v --baseline base.json a.yaml
contains moved-summary "$tmp/err" "$n $word baselined, 0 stale entries"

# A new finding: reported; the old ones stay baselined.
python3 - a.yaml <<'PY'
import sys
p = sys.argv[1]; s = open(p).read()
s = s.replace("- PrivateSubnet1ID", "- PrivateSubnetOneID", 1)
open(p, "w").write(s)
PY
check new-finding 1 $v --format gcc --baseline base.json a.yaml
contains new-finding-shown "$tmp/out" "PrivateSubnetOneID"
contains new-finding-stale "$tmp/err" "1 stale entry"
# VL004 (a note) at the stale entry, in the baseline file.
contains new-finding-vl004 "$tmp/out" "base.json:4:5: note: The baseline entry for VL504 on DirectoryFunction in a.yaml matches no finding"
# In SARIF: the new finding and the stale entry's VL004 are "new", the
# baselined ones "unchanged".
check new-finding-sarif 1 $v -f sarif --baseline base.json --report-suppressed a.yaml
python3 - "$tmp/out" <<'PY' || { echo "FAIL new-finding-baseline-state"; fails=$((fails + 1)); }
import json, sys
results = json.load(open(sys.argv[1]))["runs"][0]["results"]
new = [r for r in results if r["baselineState"] == "new"]
old = [r for r in results if r["baselineState"] == "unchanged"]
assert len(new) + len(old) == len(results), results
assert sorted(r["ruleId"] for r in new) == ["VL004", "VL504"], new
assert all("suppressions" not in r for r in new), new
assert "PrivateSubnetOneID" in new[[r["ruleId"] for r in new].index("VL504")]["message"]["text"], new
assert all(r["suppressions"][0]["kind"] == "external" for r in old), old
PY
checks=$((checks + 1))

# Terraform: a plan and its .tf files (the twin) give the same entries: the
# file the finding points into (main.tf), the address and the attribute's
# path. A baseline written from the plan matches the .tf scan and back.
mkdir -p "$tmp/tf"
cp -r "$src/fixtures/terraform/realistic/module-vpc-public-function" "$src/fixtures/terraform/realistic/modules" "$tmp/tf/"
cd "$tmp/tf"
tfpath="aws_lambda_function.api/vpc_config/0/subnet_ids"
check tf-plan-before 1 $v --format gcc module-vpc-public-function/plan.json
contains tf-plan-before-shown "$tmp/out" "module-vpc-public-function/main.tf:55:5: error: "
check tf-write-plan 0 $v --write-baseline plan-base.json module-vpc-public-function/plan.json
contains tf-write-plan-summary "$tmp/err" "1 finding baselined, 0 stale entries"
check tf-write-dir 0 $v --write-baseline dir-base.json module-vpc-public-function
python3 - plan-base.json dir-base.json "$tfpath" <<'PY' || { echo "FAIL tf-baseline-content"; fails=$((fails + 1)); }
import json, sys
plan, tf = (json.load(open(p))["findings"] for p in sys.argv[1:3])
assert len(plan) == 1 and len(tf) == 1, (plan, tf)
for f in plan + tf:
    assert f["rule"] == "VL101" and f["resource"] == "aws_lambda_function.api", f
    assert f["file"] == "module-vpc-public-function/main.tf" and f["path"] == sys.argv[3], f
assert plan[0]["fingerprint"] == tf[0]["fingerprint"], (plan, tf)
PY
checks=$((checks + 1))
check tf-plan-matches-dir 0 $v --baseline plan-base.json module-vpc-public-function
contains tf-plan-matches-dir-summary "$tmp/err" "1 finding baselined, 0 stale entries"
check tf-dir-matches-plan 0 $v --baseline dir-base.json module-vpc-public-function/plan.json
contains tf-dir-matches-plan-summary "$tmp/err" "1 finding baselined, 0 stale entries"
# Lines moving in main.tf: the plan's and the .tf scan's findings move with
# them and stay baselined.
{ echo "# a comment that moves every line"; echo "# and another"; cat module-vpc-public-function/main.tf; } >moved.tf
mv moved.tf module-vpc-public-function/main.tf
check tf-moved-plan 0 $v --baseline plan-base.json module-vpc-public-function/plan.json
contains tf-moved-plan-summary "$tmp/err" "1 finding baselined, 0 stale entries"
check tf-moved-dir 0 $v --baseline plan-base.json module-vpc-public-function
contains tf-moved-dir-summary "$tmp/err" "1 finding baselined, 0 stale entries"
# An entry at another property: stale (VL004), its finding new.
python3 - plan-base.json <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
b["findings"][0]["path"] = "aws_lambda_function.api/vpc_config/0/security_group_ids"
json.dump(b, open("tf-other-path.json", "w"), indent=2)
PY
check tf-stale-plan 1 $v --format gcc --baseline tf-other-path.json module-vpc-public-function/plan.json
contains tf-stale-plan-summary "$tmp/err" "0 findings baselined, 1 stale entry"
contains tf-stale-plan-shown "$tmp/out" "module-vpc-public-function/main.tf:57:5: error: "
contains tf-stale-plan-vl004 "$tmp/out" "tf-other-path.json:4:5: note: The baseline entry for VL101 on aws_lambda_function.api"
check tf-stale-dir 1 $v --format gcc --baseline tf-other-path.json module-vpc-public-function
contains tf-stale-dir-summary "$tmp/err" "0 findings baselined, 1 stale entry"
# A plan's baseline written by an earlier version (its fingerprint quoted no
# .tf line, and it had no path) still matches, from the plan and the .tf files.
cat >legacy-base.json <<'JSON'
{
  "vpclint_baseline": 1,
  "findings": [
    {
      "rule": "VL101",
      "file": "module-vpc-public-function/main.tf",
      "resource": "aws_lambda_function.api",
      "plan_path": "planned_values.root_module.resources[2]",
      "fingerprint": "b2fa9b2524a249f4:1",
      "message": "written by vpclint before a plan's .tf texts came with its result"
    }
  ]
}
JSON
check tf-legacy-plan 0 $v --baseline legacy-base.json module-vpc-public-function/plan.json
contains tf-legacy-plan-summary "$tmp/err" "1 finding baselined, 0 stale entries"
# The plan's text report quotes the .tf line its finding points at.
check tf-quoted 1 $v module-vpc-public-function/plan.json
contains tf-quoted-line "$tmp/out" "    subnet_ids         = module.vpc.public_subnets"
cd "$tmp/t"

# One entry matches one finding in one file: the same template under another
# name is not covered by a.yaml's entries.
git -C "$src" show HEAD:fixtures/rules/VL504/bad-literal-subnet-name.yaml >b.yaml 2>/dev/null ||
  cp "$src/fixtures/rules/VL504/bad-literal-subnet-name.yaml" b.yaml
check other-file 1 $v --format gcc --baseline base.json b.yaml
contains other-file-shown "$tmp/out" "b.yaml:40:13: error: "
check bad-baseline 2 $v --baseline a.yaml a.yaml
check missing-baseline 2 $v --baseline no-such.json a.yaml

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]
