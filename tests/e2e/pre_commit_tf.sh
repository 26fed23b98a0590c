#!/usr/bin/env bash
# `pre-commit try-repo` with the .tf hook (vpclint-terraform) on a temporary
# git repository of Terraform configuration without plans: two root modules
# using one local VPC module. A change to the root whose function sits in the
# public subnets reports VL101 at its subnet_ids line; the root in private
# subnets passes; a change to the shared module checks the roots that use it.
# Usage: pre_commit_tf.sh VPCLINT_BINARY SOURCE_DIR (exit 77: pre-commit missing)
set -u
bin=$1 src=$(cd "$2" && pwd)
command -v pre-commit >/dev/null || { echo "skip: pre-commit not installed"; exit 77; }
git -C "$src" rev-parse --git-dir >/dev/null 2>&1 || { echo "skip: $src is not a git checkout"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PATH="$(cd "$(dirname "$bin")" && pwd):$PATH" PRE_COMMIT_HOME="$tmp/cache"
fails=0 checks=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }
real="$src/fixtures/terraform/realistic"

cd "$tmp" && git init -q repo && cd repo || exit 1
git config user.email t@example.invalid && git config user.name t
mkdir -p modules public private
cp -r "$real/modules/vpc" modules/vpc
cp "$real/module-vpc-public-function/main.tf" public/main.tf
cp "$real/module-vpc-private-function/main.tf" private/main.tf
git add . && git commit -qm init

run() { pre-commit try-repo "$src" vpclint-terraform "$@" >out.txt 2>&1; }

run --files public/main.tf
rc=$?
checks=$((checks + 1)); [ $rc -ne 0 ] || fail "the hook passed on the public-subnet function"
checks=$((checks + 1)); [ "$(grep -c 'public/main.tf:55:5: error: .*\[VL101\]' out.txt)" -eq 1 ] ||
  { fail "VL101 is not reported once at public/main.tf:55:5"; cat out.txt; }

run --files private/main.tf
checks=$((checks + 1)); [ $? -eq 0 ] || { fail "the hook failed on the private-subnet function"; cat out.txt; }

# The module changed: both roots that use it are checked, the module itself is not a root.
run --files modules/vpc/main.tf
rc=$?
checks=$((checks + 1)); [ $rc -ne 0 ] || fail "a module change did not check the root that uses it"
checks=$((checks + 1)); [ "$(grep -c '\[VL101\]' out.txt)" -eq 1 ] || { fail "a module change: not one VL101"; cat out.txt; }
checks=$((checks + 1)); ! grep -q 'VL001' out.txt || { fail "a syntax error was reported"; cat out.txt; }

run --all-files
checks=$((checks + 1)); [ "$(grep -c '\[VL101\]' out.txt)" -eq 1 ] || { fail "--all-files: not one VL101"; cat out.txt; }

# A syntax error is VL001 at its position.
printf 'resource "aws_vpc" "x" {\n  cidr_block = \n}\n' >private/broken.tf
run --files private/broken.tf
checks=$((checks + 1)); grep -q 'private/broken.tf:2:16: error: .*\[VL001\]' out.txt || { fail "no VL001 at private/broken.tf:2:16"; cat out.txt; }

echo "$((checks - fails)) passed, $fails failed"
[ $fails -eq 0 ]
