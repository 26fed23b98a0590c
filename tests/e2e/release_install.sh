#!/usr/bin/env bash
# packaging/release from a clean clone: the three artifacts, a static
# binary that needs only the C library family, the .deb installed into a
# prefix, `vpclint --version` = the version from git describe,
# `man vpclint`, the completions, the tarball, and the Action on that tarball.
# Usage: release_install.sh VPCLINT_BINARY SOURCE_DIR (exit 77: not a git checkout or tools missing)
set -u
bin=$1 src=$2
git -C "$src" rev-parse --git-dir >/dev/null 2>&1 || { echo "skip: $src is not a git checkout"; exit 77; }
for tool in help2man dpkg-deb cpack man; do
  command -v $tool >/dev/null || { echo "skip: $tool missing"; exit 77; }
done
# Below the checkout (an ignored build-* folder), so that the compiler cache's
# base_dir covers this clone as it covers the Release build.
tmp=$(mktemp -d "$src/build-e2e.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() { if eval "$2"; then passes=$((passes + 1)); else echo "FAIL: $1"; fails=$((fails + 1)); fi; }

# A clean clone of what is committed, plus the working tree's changes (as CI
# sees a submission), so that the test also runs before a commit.
git clone -q "$src" "$tmp/clone"
(cd "$src" && git diff HEAD --binary) | (cd "$tmp/clone" && git apply --allow-empty 2>/dev/null || true)
(cd "$src" && git ls-files --others --exclude-standard -z) | (cd "$src" && xargs -0 -r cp --parents -t "$tmp/clone")
cd "$tmp/clone" || exit 1
# --skip-tests: the suite already ran on this checkout (scripts/test); here the
# static build and the artifacts are under test. Its build tree is laid out as
# scripts/setup's, with the same compiler, so ccache serves what that build
# compiled (the second compiler, clang, builds the sanitizer stage).
command -v ccache >/dev/null && export CCACHE_BASEDIR="$src"
BUILD_DIR="$tmp/clone/build" DIST_DIR="$tmp/dist" packaging/release --skip-tests >"$tmp/release.log" 2>&1
if [ $? -ne 0 ]; then
  tail -40 "$tmp/release.log"
  echo "FAIL: packaging/release"
  echo "0 passed, 1 failed"
  exit 1
fi
deb=$(ls "$tmp"/dist/*.deb 2>/dev/null | head -1)
tgz=$(ls "$tmp"/dist/*.tar.gz 2>/dev/null | head -1)
check "a .deb, a .tar.gz and SHA256SUMS" '[ -f "$deb" ] && [ -f "$tgz" ] && [ -f "$tmp/dist/SHA256SUMS" ]'
check "SHA256SUMS verifies both" '(cd "$tmp/dist" && sha256sum --check --status SHA256SUMS) && [ "$(wc -l <"$tmp/dist/SHA256SUMS")" -eq 2 ]'

want=$(git -C "$tmp/clone" describe --tags --match "v[0-9]*" --dirty 2>/dev/null | sed 's/^v//')
[ -n "$want" ] || want="$(sed -n 's/^project(vpclint VERSION \([0-9.]*\).*/\1/p' CMakeLists.txt)+g$(git rev-parse --short=7 HEAD)"
check "the built binary says version $want" '[ "$("$tmp/clone/build/vpclint" --version)" = "vpclint $want" ]'
libs=$(ldd "$tmp/clone/build/vpclint" | awk '{print $1}' | grep -Ev '^(linux-vdso|/lib64/ld-linux|ld-linux|libc\.so|libm\.so|libpthread\.so)' || true)
check "ldd lists only the C library family (got: $libs)" '[ -z "$libs" ]'
depends=$(dpkg-deb -f "$deb" Depends)
libc_only='^libc6 \(>= [0-9.]+\)$'
check "the .deb depends on libc6 only (got: $depends)" '[[ "$depends" =~ $libc_only ]]'

# Install the .deb: unpacked into a prefix of its own (dpkg -x), so that the
# system keeps no vpclint and tests that need a PATH without one can run at
# the same time; `man vpclint` then reads that prefix through MANPATH.
dpkg-deb -x "$deb" "$tmp/root"
prefix="$tmp/root/usr"
check "the installed binary prints $want" '[ "$("$prefix/bin/vpclint" --version)" = "vpclint $want" ]'
check "man vpclint works" 'MANPATH="$prefix/share/man" MANPAGER=cat man vpclint 2>/dev/null | grep -q "fail-on"'
# Every option --help shows is in the man page and in both completions.
page=$(zcat "$prefix/share/man/man1/vpclint.1.gz")
for opt in $("$prefix/bin/vpclint" --help | grep -oE '^\s+(-[a-zA-Z],)?--[a-z-]+' | sed 's/.*--/--/'); do
  man_opt=${opt//-/\\-}
  check "the man page documents $opt" 'grep -qF -- "$man_opt" <<<"$page"'
  check "bash completion offers $opt" 'grep -q -- "$opt" "$prefix/share/bash-completion/completions/vpclint"'
  check "zsh completion offers $opt" 'grep -q -- "$opt" "$prefix/share/zsh/vendor-completions/_vpclint"'
done
# bash completion really completes: option names, then a value list.
complete_words() {
  bash -c 'source "$1"; shift; COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); _vpclint; printf "%s\n" "${COMPREPLY[@]}"' \
    _ "$prefix/share/bash-completion/completions/vpclint" "$@"
}
check "bash completes --fo to --format" '[ "$(complete_words vpclint --fo)" = "--format" ]'
check "bash completes the formats after --format" 'complete_words vpclint --format s | grep -qx sarif'
if command -v zsh >/dev/null; then
  check "the zsh completion parses" 'zsh -n "$prefix/share/zsh/vendor-completions/_vpclint"'
fi
check "the rule docs are installed" '[ -f "$prefix/share/doc/vpclint/rules/VL101.md" ]'
check "the installed binary finds VL101 in the examples" \
  '"$prefix/bin/vpclint" -q -f gcc "$src/fixtures/examples" | grep -q "\[VL101\]"'

# The tarball: unpack and run; then the Action installs it from a release URL.
mkdir -p "$tmp/tar" && tar -xzf "$tgz" -C "$tmp/tar"
tbin=$(ls "$tmp"/tar/*/bin/vpclint 2>/dev/null | head -1)
check "the tarball's binary prints $want" '[ -n "$tbin" ] && [ "$("$tbin" --version)" = "vpclint $want" ]'
mkdir -p "$tmp/releases/v$want" "$tmp/ws" "$tmp/runner"
cp "$tgz" "$tmp/dist/SHA256SUMS" "$tmp/releases/v$want/"
cp "$src/fixtures/examples/"*.yaml "$tmp/ws/"
env -i PATH="/usr/bin:/bin" HOME="$tmp" GITHUB_WORKSPACE="$tmp/ws" GITHUB_ACTION_PATH="$tmp/clone" \
  RUNNER_TEMP="$tmp/runner" GITHUB_OUTPUT="$tmp/runner/output" GITHUB_STEP_SUMMARY="$tmp/runner/summary.md" \
  VPCLINT_RELEASES="file://$tmp/releases" INPUT_VERSION="v$want" INPUT_PATHS="." INPUT_FORMAT=gcc \
  INPUT_FAIL_ON=error "$tmp/clone/packaging/action/run" >"$tmp/action.log" 2>&1
rc=$?
check "the Action with version v$want installs the release and fails on the example (exit $rc)" \
  '[ $rc -eq 1 ] && grep -q "\[VL101\]" "$tmp/action.log" || { cat "$tmp/action.log"; false; }'
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
