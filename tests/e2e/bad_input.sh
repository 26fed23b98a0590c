#!/usr/bin/env bash
# Broken inputs get VL001 with a position and exit 2, quickly and with bounded
# memory, while the other files of the same run are still analysed.
# Usage: bad_input.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
cd "$src" || exit 1
fails=0
good=fixtures/rules/VL504/bad-literal-subnet-name.yaml
# Each broken file carries a template's marker (AWSTemplateFormatVersion,
# after the point where loading fails), so it counts as infrastructure and is
# VL001. Files with no content to judge (empty, blank, binary) are not
# templates: skipped, as a directory walk skips them (checked below).
contentless=(fixtures/bad-input/empty.yaml fixtures/bad-input/whitespace.yaml fixtures/bad-input/binary.template)
files=()
for f in fixtures/bad-input/*.yaml fixtures/bad-input/*.json fixtures/bad-input/*.template; do
  [[ " ${contentless[*]} " == *" $f "* ]] || files+=("$f")
done
# Memory is bounded by ulimit: an alias bomb that expanded would die here.
# An ASan build reserves terabytes of address space at start, so it cannot
# run under ulimit -v: it gets the sanitizer's own RSS limit instead.
# Time is CPU time (user + system, bash's `time`): a loaded machine does not
# fail the test; the wall-clock timeouts only catch hangs.
TIMEFORMAT='%3U %3S'
run_dir=$(mktemp -d)
trap 'rm -rf "$run_dir"' EXIT
if grep -qa "AddressSanitizer" "$bin"; then
  { time { ASAN_OPTIONS="${ASAN_OPTIONS:-}:hard_rss_limit_mb=1000" timeout 120 "$bin" --format gcc "${files[@]}" "$good" \
      >"$run_dir/out" 2>&1; }; } 2>"$run_dir/cpu"
else
  { time { (ulimit -v 1000000; timeout 60 "$bin" --format gcc "${files[@]}" "$good") >"$run_dir/out" 2>&1; }; } \
    2>"$run_dir/cpu"
fi
rc=$?
out=$(cat "$run_dir/out")
ms=$(awk '{ printf "%d", ($1 + $2) * 1000 }' "$run_dir/cpu")
[ "$rc" -eq 2 ] || { echo "FAIL: exit $rc, expected 2"; fails=$((fails + 1)); }
for f in "${files[@]}"; do
  echo "$out" | grep -qE "^$f:[0-9]+:[0-9]+: error: .*\[VL001\]$" || { echo "FAIL: no positioned VL001 for $f"; fails=$((fails + 1)); }
done
echo "$out" | grep -q "^$good:40:13: error: .*\[VL504\]" || { echo "FAIL: the good file was not analysed"; fails=$((fails + 1)); }
# The alias bomb and the deep nesting must not take time or memory.
limit_ms=2000
grep -qa "AddressSanitizer" "$bin" && limit_ms=5000  # sanitized code runs several times slower
[ "$ms" -lt "$limit_ms" ] || { echo "FAIL: took ${ms} ms of CPU"; fails=$((fails + 1)); }
# A directory scan skips files that do not load and do not look like templates.
tmp=$(mktemp -d)
printf 'name: {{ .Values.name }\n' >"$tmp/chart.yaml"
"$bin" -q --allow-empty "$tmp" >/dev/null 2>&1
drc=$?
rm -rf "$tmp"
[ "$drc" -eq 0 ] || { echo "FAIL: a broken non-template in a directory scan gave exit $drc"; fails=$((fails + 1)); }
# Content-less files named explicitly are skipped with a notice, and a run of
# only those analyses nothing: exit 2 (exit 0 with --allow-empty).
cout=$("$bin" "${contentless[@]}" 2>&1)
crc=$?
[ "$crc" -eq 2 ] || { echo "FAIL: content-less files only gave exit $crc, expected 2"; fails=$((fails + 1)); }
[ "$(echo "$cout" | grep -c 'skipped: not a CloudFormation')" -eq 3 ] || { echo "FAIL: content-less files not skipped"; echo "$cout"; fails=$((fails + 1)); }
"$bin" -q --allow-empty "${contentless[@]}" >/dev/null 2>&1 || { echo "FAIL: --allow-empty did not exit 0"; fails=$((fails + 1)); }
echo "$out" | sed 's/^/  /'
echo "$((${#files[@]} + 7 - fails)) passed, $fails failed"
[ "$fails" -eq 0 ]
