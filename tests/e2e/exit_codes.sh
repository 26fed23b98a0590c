#!/usr/bin/env bash
# Every row of the README's exit-code table: its example command exits with
# the row's code. docs/ci.md refers to that table instead of keeping its own,
# and --help lists the same codes.
# Usage: exit_codes.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
cd "$src" || exit 1
python3 - "$bin" <<'PY'
import re, shlex, subprocess, sys
binary = sys.argv[1]
readme = open("README.md").read()
section = readme[readme.index("### Exit codes"):]
section = section[: section.index("\n### ")]
rows = re.findall(r"^\| (\d) \| (.*?) \| `(vpclint[^`]*)` \|$", section, re.M)
fails = 0
for code, when, cmd in rows:
    args = shlex.split(cmd)[1:]
    r = subprocess.run([binary] + args, capture_output=True, text=True, stdin=subprocess.DEVNULL)
    if r.returncode != int(code):
        fails += 1
        print(f"FAIL row '{when}': `{cmd}` exited {r.returncode}, the table says {code}\n{r.stderr[-400:]}")
if len(rows) < 10 or {c for c, _, _ in rows} != {"0", "1", "2"}:
    fails += 1
    print(f"FAIL: the table has {len(rows)} rows with an example")
ci = open("docs/ci.md").read()
if "README.md#exit-codes" not in ci or re.search(r"^\| exit \|", ci, re.M):
    fails += 1
    print("FAIL docs/ci.md: should refer to the README's exit-code table, not keep its own")
help_text = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
if not all(re.search(rf"^  {c}  ", help_text, re.M) for c in "012"):
    fails += 1
    print("FAIL --help: exit codes 0, 1 and 2 are not all listed")
print(f"{len(rows)} rows checked; {fails} failed")
sys.exit(1 if fails else 0)
PY
