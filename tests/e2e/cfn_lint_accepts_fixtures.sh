#!/usr/bin/env bash
# cfn-lint (the oracle for "CloudFormation accepts it") must report no error
# on any fixture meant to be valid: the good rule fixtures (`# expect: none`
# or a `none` sidecar), the bundled examples, and the bad fixtures of the
# network and IAM rules, whose mistakes CloudFormation accepts (VL001, VL002
# and VL504 fixtures hold syntax, reference and id-pattern errors on purpose).
# Usage: cfn_lint_accepts_fixtures.sh VPCLINT_BINARY SOURCE_DIR
set -u
src=$2
command -v cfn-lint >/dev/null || { echo "skip: cfn-lint not installed"; exit 77; }
files=()
while IFS= read -r -d '' f; do
  case "$f" in
    */VL005/*) continue ;;   # configuration files, not templates
    */stacks/*/exports.json) continue ;;  # `aws cloudformation list-exports` output
    */stacks/nested/cycle-*) continue ;;  # a nesting cycle: VL002 on purpose
    */VL001/*|*/VL002/*|*/VL504/*)
      grep -q 'expect: none' "$f" 2>/dev/null || grep -qx none "$f.expect" 2>/dev/null || continue ;;
  esac
  grep -q '"format_version"' "$f" 2>/dev/null && continue   # Terraform plans
  files+=("$f")
done < <(find "$src/fixtures/rules" "$src/fixtures/examples" "$src/fixtures/stacks" -type f \
           \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0 | sort -z)
[ ${#files[@]} -gt 0 ] || { echo "no fixtures found"; exit 1; }
# Errors only (E…): warnings and informational results are matters of taste.
out=$(cfn-lint --format parseable --ignore-checks W I -- "${files[@]}" 2>&1)
rc=$?
if [ $((rc & 3)) -ne 0 ]; then
  echo "cfn-lint rejects fixtures meant to be valid (exit $rc):"
  echo "$out"
  exit 1
fi
echo "cfn-lint accepts ${#files[@]} fixtures"
