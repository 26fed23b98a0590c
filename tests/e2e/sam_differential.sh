#!/usr/bin/env bash
# Differential test of the SAM expansion: every SAM template (the SAM rule
# fixtures, fixtures/sam/, and the aws-sam-translator test inputs of the shared
# corpus) is translated with the installed aws-sam-translator, and vpclint's
# findings on the SAM template and on its translation must agree by (rule,
# resource, level), but for the differences tests/sam_differential/allowlist.txt
# lists with a reason.
# Usage: sam_differential.sh VPCLINT_BINARY SOURCE_DIR (exit 77: skipped)
set -u
bin=$1 src=$2
python3 -c 'import samtranslator' 2>/dev/null || { echo "skip: aws-sam-translator is not importable"; exit 77; }
cd "$src" || exit 1
corpus=$(cd .. && pwd)/shared/corpus/sam/translator-inputs
inputs=(fixtures/sam/*.yaml)
while IFS= read -r f; do inputs+=("$f"); done < <(grep -rlE 'AWS::Serverless(-2016-10-31|::)' fixtures/rules | sort)
if [ -d "$corpus" ]; then
  inputs+=("$corpus"/*.yaml)
else
  echo "note: $corpus is absent: comparing the fixtures only"
fi
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 tests/sam_differential/translate.py "$tmp" "${inputs[@]}" || exit 1
python3 tests/sam_differential/compare.py "$bin" "$tmp" tests/sam_differential/allowlist.txt
