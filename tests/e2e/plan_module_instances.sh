#!/usr/bin/env bash
# Many instances of the same modules in one plan (bench/gen_plan.py --findings: real plans as
# for_each module instances): each instance's finding is found once, in that instance, and names only
# that instance's resources. Guards the plan index's per-instance lookups (a reference inside
# module.s["k7"] must resolve to module.s["k7"]'s resources, not to every copy's).
# Usage: plan_module_instances.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$(realpath "$1") src=$2
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
python3 "$src/bench/gen_plan.py" 2 "$tmp/plan.json" --findings 2>/dev/null || { echo "FAIL: generator"; exit 1; }
"$bin" -q -f json --fail-on never "$tmp/plan.json" >"$tmp/out.json" || { echo "FAIL: vpclint exit $?"; exit 1; }
python3 - "$tmp/out.json" "$tmp/plan.json" <<'PY'
import collections, json, re, sys
found = json.load(open(sys.argv[1]))
keys = json.load(open(sys.argv[2]))["variables"]["stacks"]["value"]
# Stacks s3, s4, s5 hold one finding each (VL102, VL101, VL107); s0-s2 none.
want = {"s3": "VL102", "s4": "VL101", "s5": "VL107"}
fails = 0
seen = collections.Counter()
for f in found:
    m = re.match(r'module\.(s\d)\["(k\d+)"\]\.', f["resource"])
    if not m or want.get(m.group(1)) != f["rule"]:
        print("FAIL: unexpected", f["rule"], f["resource"]); fails += 1; continue
    own = m.group(0)[:-1]
    text = f["message"] + " " + " ".join(r.get("message", "") for r in f.get("related", []) + f.get("path", []))
    others = {x for x in re.findall(r'module\.s\d\["k\d+"\]', text) if x != own}
    if others:
        print("FAIL:", f["rule"], own, "names other instances:", sorted(others)[:3]); fails += 1
    seen[(m.group(1), m.group(2))] += 1
for stack in want:
    for k in keys:
        if seen[(stack, k)] != 1:
            print(f"FAIL: module.{stack}[\"{k}\"]: {seen[(stack, k)]} findings, expected 1"); fails += 1
print(f"{len(found)} findings over {len(keys)} instances of 6 stacks, {fails} failures")
sys.exit(1 if fails else 0)
PY
