#!/usr/bin/env bash
# The pre-commit hook on a machine where vpclint is not installed, tried with
# `pre-commit try-repo` on a clean clone of this repository (its working-tree
# changes committed there, as CI sees a submission): the first run builds
# vpclint and says so; the second reuses that build. Both report the bad
# template; the good one passes.
# Usage: pre_commit_scratch.sh VPCLINT_BINARY SOURCE_DIR (exit 77: pre-commit missing)
set -u
src=$2
command -v pre-commit >/dev/null || { echo "skip: pre-commit not installed"; exit 77; }
git -C "$src" rev-parse --git-dir >/dev/null 2>&1 || { echo "skip: $src is not a git checkout"; exit 77; }
# PATH without any vpclint (a user's own install would be used instead).
path=""
IFS=: read -r -a dirs <<<"$PATH"
for d in "${dirs[@]}"; do [ -x "$d/vpclint" ] || path="${path:+$path:}$d"; done
for tool in git cmake pre-commit; do
  PATH="$path" command -v $tool >/dev/null || { echo "skip: $tool is only next to a vpclint on PATH"; exit 77; }
done
# Below the checkout (an ignored build-* folder), so that the compiler cache's
# base_dir covers this clone as it covers the Release build.
tmp=$(mktemp -d "$src/build-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
# The hook's build shares the compiler cache of the build under test (its
# flags: -Werror as scripts/setup builds), so it compiles only what differs.
if command -v ccache >/dev/null; then
  export CCACHE_DIR="${CCACHE_DIR:-$(ccache -k cache_dir)}" CCACHE_BASEDIR="$src"
  export VPCLINT_HOOK_CMAKE_ARGS="-DVPCLINT_WERROR=ON"
fi
# TMPDIR too: `try-repo` clones the hook repository into a temporary folder.
mkdir -p "$tmp/t"
export PATH="$path" PRE_COMMIT_HOME="$tmp/cache" XDG_CACHE_HOME="$tmp/xdg" HOME="$tmp" TMPDIR="$tmp/t"
git config --global user.email t@example.invalid && git config --global user.name t
clone="$tmp/clone"
git clone -q "$src" "$clone" || exit 1
(cd "$src" && git diff HEAD --binary) | (cd "$clone" && git apply --allow-empty 2>/dev/null || true)
(cd "$src" && git ls-files --others --exclude-standard -z) | (cd "$src" && xargs -0 -r cp --parents -t "$clone")
git -C "$clone" add -A && { git -C "$clone" diff --cached --quiet || git -C "$clone" commit -qm "working tree"; }
fails=0 passes=0
check() { if eval "$2"; then passes=$((passes + 1)); else echo "FAIL: $1"; fails=$((fails + 1)); fi; }
cd "$tmp" && git init -q repo && cd repo || exit 1
cp "$src/fixtures/rules/VL504/bad-literal-subnet-name.yaml" bad.yaml
cp "$src/fixtures/rules/VL101/good-private-subnets-nat.yaml" good.yaml
git add . && git commit -qm init

pre-commit try-repo "$clone" vpclint --files bad.yaml >first.txt 2>&1
rc=$?
check "first run: fails on bad.yaml (exit $rc)" '[ $rc -eq 1 ] && grep -q "bad.yaml:40:13: error: .*\[VL504\]" first.txt || { cat first.txt; false; }'
check "first run: says it builds vpclint once" 'grep -q "vpclint: not on PATH; building it once" first.txt'
pre-commit try-repo "$clone" vpclint --files bad.yaml >second.txt 2>&1
rc=$?
check "second run: same finding (exit $rc)" '[ $rc -eq 1 ] && grep -q "\[VL504\]" second.txt'
check "second run: no rebuild" '! grep -q "building it once" second.txt'
pre-commit try-repo "$clone" vpclint --files good.yaml >good.txt 2>&1
check "the good template passes" '[ $? -eq 0 ] || { cat good.txt; false; }'
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
