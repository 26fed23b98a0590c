#!/usr/bin/env bash
# The real terraform-aws-modules/lambda module (a local snapshot, never
# committed) on its examples/with-vpc, laid out as `terraform init` leaves
# it: the lambda module from its own checkout ("../../"), the VPC module
# registered in .terraform/modules/modules.json and pointing at the corpus
# copy of terraform-aws-modules/vpc. The function's `dynamic "vpc_config"`
# links it to module.vpc.intra_subnets: explain lists the three intra
# subnets, and the findings name no unknown subnets.
# No plan: the module needs the external/local/null/random providers and
# aws >= 6.28, which the offline mirror does not have.
# Skips (77) without the snapshot or the corpus.
# Usage: tf_lambda_module.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1")
snapshot=${LAMBDA_MODULE_GIT:-/work/.mirror/terraform-aws-modules+terraform-aws-lambda/repo}
vpc=${VPC_MODULE_DIR:-/work/shared/corpus/terraform-hcl/terraform-aws-vpc}
[ -d "$snapshot" ] || { echo "skip: no snapshot of terraform-aws-lambda at $snapshot"; exit 77; }
[ -f "$vpc/main.tf" ] || { echo "skip: no terraform-aws-vpc module at $vpc"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fail() { echo "FAIL: $*"; exit 1; }
git --git-dir="$snapshot" archive HEAD | tar -x -C "$tmp" || fail "cannot extract the snapshot"
root="$tmp/examples/with-vpc"
[ -f "$root/main.tf" ] || fail "the snapshot has no examples/with-vpc"
mkdir -p "$root/.terraform/modules"
ln -s "$(realpath "$vpc")" "$root/.terraform/modules/vpc"
cat >"$root/.terraform/modules/modules.json" <<'JSON'
{"Modules":[{"Key":"","Source":"","Dir":"."},
 {"Key":"lambda_function_in_vpc","Source":"../../","Dir":"../.."},
 {"Key":"vpc","Source":"registry.terraform.io/terraform-aws-modules/vpc/aws","Version":"6.5.1","Dir":".terraform/modules/vpc"}]}
JSON
fn='module.lambda_function_in_vpc.aws_lambda_function.this[0]'
out=$(cd "$tmp" && "$bin" explain examples/with-vpc --function "$fn" 2>&1) || { printf '%s\n' "$out"; fail "explain failed"; }
for k in 0 1 2; do
    printf '%s\n' "$out" | grep -qF "module.vpc.aws_subnet.intra[$k]" || { printf '%s\n' "$out"; fail "explain does not show subnet module.vpc.aws_subnet.intra[$k]"; }
done
if printf '%s\n' "$out" | grep -qi "subnets unknown\|subnets are unknown"; then printf '%s\n' "$out"; fail "the subnets are unknown"; fi
report=$(cd "$tmp" && "$bin" --color never --fail-on never examples/with-vpc 2>&1)
printf '%s\n' "$report" | grep -q "VL001" && { printf '%s\n' "$report"; fail "VL001 on the real module"; }
echo "explain links $fn to module.vpc.aws_subnet.intra[0..2]; findings: $(printf '%s\n' "$report" | grep -o '\[VL[0-9]*\]' | sort | uniq -c | tr -s ' ' | tr '\n' ' ')"
