#!/usr/bin/env bash
# Every file of the public corpus (../shared/corpus) is processed with exit
# code 0, 1 or 2: no crash, no hang (> 10 s a file). Prints the count and the
# wall time. Usage: corpus.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
corpus=$(cd "$src/.." && pwd)/shared/corpus
[ -d "$corpus" ] || { echo "skip: no corpus at $corpus"; exit 77; }

start=$(date +%s%N)
list=$(mktemp)
bad=$(mktemp)
trap 'rm -f "$list" "$bad"' EXIT
find "$corpus/cloudformation" "$corpus/sam/translator-inputs" "$corpus/terraform" -type f \
  \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0 | sort -z >"$list"
n=$(tr -cd '\0' <"$list" | wc -c)
# One process per file (a crash must name its file), as many at once as cores.
xargs -0 -P "$(nproc)" -n 1 bash -c '
  timeout 10 "$0" --format json -q -j 1 "$1" >/dev/null 2>&1
  rc=$?
  if [ $rc -eq 124 ]; then echo "HANG (>10 s): $1"; elif [ $rc -gt 2 ]; then echo "CRASH (exit $rc): $1"; fi
' "$bin" <"$list" >"$bad"
cat "$bad"
nbad=$(wc -l <"$bad")
ms=$(( ($(date +%s%N) - start) / 1000000 ))
printf 'corpus: %d files, %d crashed or hung, %d.%03d s wall\n' "$n" "$nbad" $((ms / 1000)) $((ms % 1000))
[ "$n" -gt 1000 ] && [ "$nbad" -eq 0 ]
