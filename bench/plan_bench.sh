#!/usr/bin/env bash
# Plan JSON end to end (read, parse, index, bind, analyse, report) at several sizes: wall and CPU
# time, MB/s (of wall and of CPU time) and peak RSS against the target of issue 17
# (>= 150 MB/s, RSS <= 2 x file size + 50 MB). Plans are made by bench/gen_plan.py in a scratch
# directory (never in the repository: the 500 MB one would not belong there) and deleted after.
#
#   bench/plan_bench.sh [vpclint binary] [sizes in MB...]
#   bench/plan_bench.sh build/vpclint 1 10 100 500
#
# Prints one line per run: size, wall s, user+sys s, MB/s (wall), MB/s (CPU), peak RSS MB, RSS
# limit MB. Runs each size RUNS times (default 3; 1 for sizes >= 100 MB unless RUNS is set).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
bin=${1:-build/vpclint}
shift || true
sizes=${*:-1 10 100 500}
scratch=$(mktemp -d /tmp/vpclint-plan-bench.XXXXXX)
trap 'rm -rf "$scratch"' EXIT
echo "# $(date -u +%FT%TZ) $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), load: $(cut -d' ' -f1-3 /proc/loadavg)"
printf '%8s %8s %8s %10s %10s %9s %9s\n' size_MB wall_s cpu_s MBps_wall MBps_cpu rss_MB limit_MB
for s in $sizes; do
    # Its own directory: a plan with .tf files beside it would have them evaluated too.
    mkdir -p "$scratch/$s"
    plan="$scratch/$s/plan.json"
    python3 "$here/gen_plan.py" "$s" "$plan" 2>/dev/null
    bytes=$(stat -c %s "$plan")
    runs=${RUNS:-$([ "$s" -ge 100 ] && echo 1 || echo 3)}
    for _ in $(seq "$runs"); do
        /usr/bin/time -f '%e %U %S %M' -o "$scratch/time" "$bin" -q -f json --fail-on never "$plan" >/dev/null
        read -r wall user sys rss_kb <"$scratch/time"
        awk -v b="$bytes" -v w="$wall" -v u="$user" -v y="$sys" -v r="$rss_kb" 'BEGIN {
            mb = b / 1e6; cpu = u + y
            printf "%8.1f %8.2f %8.2f %10.1f %10.1f %9.0f %9.0f\n", mb, w, cpu, mb / (w > 0 ? w : 0.01),
                   mb / (cpu > 0 ? cpu : 0.01), r / 1024, 2 * b / 1048576 + 50 }'
    done
    rm -f "$plan"
done
