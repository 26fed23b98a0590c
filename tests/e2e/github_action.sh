#!/usr/bin/env bash
# The GitHub Action's script (packaging/action/run) run as GitHub runs it:
# GITHUB_WORKSPACE, GITHUB_ACTION_PATH, RUNNER_TEMP, GITHUB_OUTPUT and
# GITHUB_STEP_SUMMARY set, the built vpclint on PATH (version: system).
# Checks the exit code, the log format, the SARIF file, the outputs and the
# Markdown summary. (release_install.sh runs it on a released tarball.)
# Usage: github_action.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$(readlink -f "$1") src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
fails=0 passes=0
check() { if eval "$2"; then passes=$((passes + 1)); else echo "FAIL: $1"; fails=$((fails + 1)); fi; }
mkdir -p "$tmp/ws/templates" "$tmp/runner"
cp "$src/fixtures/examples/"*.yaml "$tmp/ws/templates/"

run_action() {  # extra env assignments as arguments
  : >"$tmp/runner/output"; : >"$tmp/runner/summary.md"
  env -i PATH="$(dirname "$bin"):/usr/bin:/bin" HOME="$tmp" GITHUB_WORKSPACE="$tmp/ws" \
    GITHUB_ACTION_PATH="$src" RUNNER_TEMP="$tmp/runner" GITHUB_OUTPUT="$tmp/runner/output" \
    GITHUB_STEP_SUMMARY="$tmp/runner/summary.md" INPUT_VERSION=system INPUT_PATHS=templates \
    INPUT_FORMAT=github INPUT_FAIL_ON=error INPUT_ARGS= "$@" "$src/packaging/action/run" >"$tmp/log" 2>&1
}

run_action
rc=$?
check "a finding fails the step (exit $rc)" '[ $rc -eq 1 ]'
check "the log has GitHub annotations" 'grep -q "^::error file=templates/public-subnet-function.yaml,line=[0-9]*" "$tmp/log" || { cat "$tmp/log"; false; }'
check "outputs: sarif-file and exit-code" 'grep -qx "sarif-file=$tmp/runner/vpclint.sarif" "$tmp/runner/output" && grep -qx "exit-code=1" "$tmp/runner/output"'
check "the SARIF file is SARIF 2.1.0 with the VL101 result" \
  'python3 -c "import json,sys; d=json.load(open(sys.argv[1])); assert d[\"version\"]==\"2.1.0\"; assert any(r[\"ruleId\"]==\"VL101\" for r in d[\"runs\"][0][\"results\"])" "$tmp/runner/vpclint.sarif"'
check "the job summary is a Markdown table with the finding" \
  'grep -q "^## vpclint: failed" "$tmp/runner/summary.md" && grep -q "^| error | VL101 | " "$tmp/runner/summary.md"'

run_action INPUT_FAIL_ON=never INPUT_FORMAT=gcc INPUT_ARGS="--ignore VL101"
rc=$?
check "fail-on never and args pass through (exit $rc)" '[ $rc -eq 0 ] && ! grep -q "VL101" "$tmp/log"'
check "the summary says passed" 'grep -q "^## vpclint: passed" "$tmp/runner/summary.md"'

run_action INPUT_PATHS=does-not-exist
rc=$?
check "a missing path is an error, not a pass (exit $rc)" '[ $rc -eq 2 ]'

run_action INPUT_VERSION=system PATH=/usr/bin:/bin
rc=$?
check "version: system without vpclint on PATH fails with a message" \
  '[ $rc -eq 2 ] && grep -q "::error title=vpclint::version: system" "$tmp/log"'
echo "$passes passed, $fails failed"
[ $fails -eq 0 ]
