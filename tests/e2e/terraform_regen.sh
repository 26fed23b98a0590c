#!/usr/bin/env bash
# Terraform itself remakes one realistic fixture's plan (offline, from the
# provider mirror) and vpclint gives the same findings on it as on the
# committed plan: the committed plans are what Terraform writes. Skips (77)
# without terraform or the mirror. Usage: terraform_regen.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
mirror=${TF_PLUGIN_DIR:-/opt/tf-plugins}
command -v terraform >/dev/null || { echo "skip: terraform is not on PATH"; exit 77; }
[ -d "$mirror" ] || { echo "skip: no provider mirror at $mirror"; exit 77; }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
name=vl201-basic-execution-only
OUT_DIR=$out JOBS=1 "$src/scripts/regen-terraform-fixtures" "$name" || { echo "FAIL: terraform could not remake $name"; exit 1; }
# The fresh plan is read with the fixture's .tf files (--tf-root, for positions).
findings() {
    "$bin" -f gcc --fail-on never -q --tf-root "$src/fixtures/terraform/realistic/$name" "$1" |
        sed -E 's/^[^:]+:([0-9]+:[0-9]+): (.*)$/\1 \2/'
}
want=$(findings "$src/fixtures/terraform/realistic/$name/plan.json")
got=$(findings "$out/$name/plan.json")
[ -n "$want" ] || { echo "FAIL: the committed plan gives no finding"; exit 1; }
if [ "$want" != "$got" ]; then
    echo "FAIL: a fresh plan gives other findings than the committed one"
    diff <(echo "$want") <(echo "$got")
    exit 1
fi
echo "a fresh Terraform plan of $name gives the committed findings: $want" | cut -c1-200
