#!/usr/bin/env bash
# SAM templates and their aws-sam-translator translations give the same
# findings (rule, resource, level), but for the allow-listed differences.
# Usage: sam_differential.sh VPCLINT_BINARY SOURCE_DIR (exit 77: skipped)
set -u
bin=$1 src=$2
corpus=$(cd "$src/.." && pwd)/shared/corpus/sam/translator-inputs
python3 -c 'import samtranslator' 2>/dev/null || { echo "skip: aws-sam-translator is not importable"; exit 77; }
cd "$src" || exit 1
inputs=(fixtures/rules/*/sam-*.yaml)
[ -d "$corpus" ] && inputs+=("$corpus"/*.yaml)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 tests/sam_differential/translate.py "$tmp" "${inputs[@]}" 2>/dev/null | tail -1
python3 tests/sam_differential/compare.py "$bin" "$tmp" tests/sam_differential/allowlist.tsv
