#!/usr/bin/env bash
# Every file of the public corpus (../shared/corpus) is processed with exit
# code 0, 1 or 2: no crash, no hang (> 10 s a file). Prints the count and the
# wall time. Usage: corpus.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
corpus=$(cd "$src/.." && pwd)/shared/corpus
[ -d "$corpus" ] || { echo "skip: no corpus at $corpus"; exit 77; }

start=$(date +%s%N)
n=0 bad=0
while IFS= read -r -d '' f; do
  n=$((n + 1))
  timeout 10 "$bin" --format json -q -j 1 "$f" >/dev/null 2>/tmp/vpclint-corpus-err.$$
  rc=$?
  if [ $rc -eq 124 ]; then echo "HANG (>10 s): $f"; bad=$((bad + 1));
  elif [ $rc -gt 2 ]; then echo "CRASH (exit $rc): $f"; head -3 /tmp/vpclint-corpus-err.$$; bad=$((bad + 1)); fi
done < <(find "$corpus/cloudformation" "$corpus/sam/translator-inputs" "$corpus/terraform" -type f \
           \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0 | sort -z)
rm -f /tmp/vpclint-corpus-err.$$
ms=$(( ($(date +%s%N) - start) / 1000000 ))
printf 'corpus: %d files, %d crashed or hung, %d.%03d s wall\n' "$n" "$bad" $((ms / 1000)) $((ms % 1000))
[ "$n" -gt 1000 ] && [ "$bad" -eq 0 ]
