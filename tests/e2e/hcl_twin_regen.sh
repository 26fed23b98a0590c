#!/usr/bin/env bash
# Terraform remakes the plan of a .tf fixture (fixtures/terraform/hcl, offline
# from the provider mirror) and vpclint gives the same findings on it as on
# the committed plan, so the twin test's oracle is what Terraform writes
# today; the .tf directory gives them too, plus only the listed differences.
# Skips (77) without terraform or the mirror. Usage: hcl_twin_regen.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
mirror=${TF_PLUGIN_DIR:-/opt/tf-plugins}
command -v terraform >/dev/null || { echo "skip: terraform is not on PATH"; exit 77; }
[ -d "$mirror" ] || { echo "skip: no provider mirror at $mirror"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
name=for-each-module-tfvars
fixture="$src/fixtures/terraform/hcl/$name"
OUT_DIR=$out "$src/scripts/regen-hcl-fixtures" "$name" || { echo "FAIL: terraform could not remake $name"; exit 1; }
findings() { "$bin" -f gcc --fail-on never -q --tf-root "$fixture" "$1" | sed -E 's/^[^:]+:([0-9]+:[0-9]+): (.*)$/\1 \2/'; }
want=$(findings "$fixture/plan.json")
got=$(findings "$out/$name/plan.json")
if [ "$want" != "$got" ]; then
    echo "FAIL: a fresh plan gives other findings than the committed one"
    diff <(echo "$want") <(echo "$got")
    exit 1
fi
# The .tf files (named: a directory walk takes the plan beside them): exactly the finding twin-differences.tsv lists for this fixture.
tf=$("$bin" -f gcc --fail-on never -q "$fixture/main.tf" | grep -o '\[VL[0-9]*\]' | sort | tr '\n' ' ')
[ "$tf" = "[VL101] " ] || { echo "FAIL: the .tf directory gives '$tf', not the listed VL101"; exit 1; }
echo "a fresh Terraform plan of $name gives the committed findings ('$want'); the .tf files give $tf"
