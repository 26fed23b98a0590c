#!/usr/bin/env bash
# VL002 must never fire on a template CloudFormation accepts. cfn-lint is the
# oracle: every corpus file where vpclint reports VL002 must also have a
# cfn-lint error (E…). Usage: vl002_oracle.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
corpus=$(cd "$src/.." && pwd)/shared/corpus
[ -d "$corpus" ] || { echo "skip: no corpus"; exit 77; }
command -v cfn-lint >/dev/null || { echo "skip: cfn-lint not installed"; exit 77; }
cd "$corpus" || exit 1
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
"$bin" --format gcc -q --select VL002 cloudformation sam/translator-inputs >"$tmp/vpclint.txt" 2>/dev/null
grep '\[VL002\]' "$tmp/vpclint.txt" | cut -d: -f1 | sort -u >"$tmp/ours.txt"
n=$(wc -l <"$tmp/ours.txt")
[ "$n" -gt 0 ] || { echo "no VL002 findings on the corpus"; echo "1 passed, 0 failed"; exit 0; }
xargs -a "$tmp/ours.txt" -d '\n' cfn-lint --format parseable -- >"$tmp/cfnlint.txt" 2>&1
awk -F: '$6 ~ /^E/ { print $1 }' "$tmp/cfnlint.txt" | sort -u >"$tmp/theirs.txt"
false_positives=$(comm -23 "$tmp/ours.txt" "$tmp/theirs.txt")
if [ -n "$false_positives" ]; then
  echo "VL002 on files cfn-lint accepts:"
  for f in $false_positives; do grep "^$f:" "$tmp/vpclint.txt"; done
  echo "0 passed, 1 failed"
  exit 1
fi
echo "VL002 on $n corpus files, cfn-lint reports errors on every one"
echo "1 passed, 0 failed"
