#!/usr/bin/env bash
# Findings in .tf files quote their source line, as findings in YAML do: a
# .tf root module (its texts come with the result) and a plan whose findings
# point into the .tf files beside it (read for the reporters). Text report
# with the caret, SARIF with the snippet. Usage: tf_source_lines.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1") src=$(realpath "$2")
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
real=$src/fixtures/terraform/realistic
cp -r "$real/module-vpc-public-function" "$real/modules" "$tmp/"
rm -f "$tmp/module-vpc-public-function/plan.json" "$tmp/module-vpc-public-function/plan.json.expect"
line='    subnet_ids         = module.vpc.public_subnets'
caret='    ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^'
check() {  # $1: what, $2: the path to lint (from $3)
    out=$(cd "$3" && "$bin" --color never --fail-on never "$2")
    first=$(printf '%s\n' "$out" | grep -A2 -m1 'error\[VL101\]' | tail -n 2)
    [ "$first" = "$(printf '    %s\n    %s' "$line" "$caret")" ] || { printf '%s\n' "$out" | head -5; fail "$1: the text report does not quote the subnet_ids line"; }
    sarif=$(cd "$3" && "$bin" -f sarif --fail-on never "$2")
    printf '%s' "$sarif" | grep -q '"text": "    subnet_ids         = module.vpc.public_subnets"' || fail "$1: no SARIF snippet of the subnet_ids line"
}
check ".tf root" module-vpc-public-function "$tmp"
check "plan beside its .tf files" plan.json "$real/module-vpc-public-function"
echo "the .tf root and the plan beside its .tf files quote main.tf:55 in the text report and in SARIF"
