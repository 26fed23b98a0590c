#!/usr/bin/env bash
# `pre-commit try-repo` with this repository's hooks on a temporary git repo:
# the hook fails on a bad template and passes on a good one.
# Usage: pre_commit.sh VPCLINT_BINARY SOURCE_DIR (exit 77: pre-commit missing)
set -u
bin=$1 src=$2
command -v pre-commit >/dev/null || { echo "skip: pre-commit not installed"; exit 77; }
git -C "$src" rev-parse --git-dir >/dev/null 2>&1 || { echo "skip: $src is not a git checkout"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PATH="$(dirname "$bin"):$PATH" PRE_COMMIT_HOME="$tmp/cache"
cd "$tmp" && git init -q repo && cd repo || exit 1
git config user.email t@example.invalid && git config user.name t
cp "$src/fixtures/rules/VL504/bad-literal-subnet-name.yaml" bad.yaml
cp "$src/fixtures/rules/VL101/good-private-subnets-nat.yaml" good.yaml
echo '{"name": "not-a-template"}' >package.json
git add . && git commit -qm init
fails=0
pre-commit try-repo "$src" vpclint --files bad.yaml >out.txt 2>&1
rc=$?
if [ $rc -eq 0 ] || ! grep -q "bad.yaml:40:13: error: .*\[VL504\]" out.txt; then
  echo "FAIL: the hook did not fail on bad.yaml (exit $rc)"; cat out.txt; fails=$((fails + 1))
fi
pre-commit try-repo "$src" vpclint --files good.yaml package.json >out.txt 2>&1 ||
  { echo "FAIL: the hook failed on good.yaml"; cat out.txt; fails=$((fails + 1)); }
echo "$((2 - fails)) passed, $fails failed"
[ $fails -eq 0 ]
