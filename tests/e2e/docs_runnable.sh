#!/usr/bin/env bash
# The docs are true: every command block in README.md and docs/ marked
#   <!-- runnable: exit N -->
# (the line before a ```sh fence) runs with the built vpclint first on PATH
# and exits N; and the README's options table lists every option --help shows.
# Usage: docs_runnable.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
cd "$src" || exit 1
export PATH="$(cd "$(dirname "$bin")" && pwd):$PATH"
python3 - "$bin" README.md $(find docs -name '*.md' | sort) <<'PY'
import re, subprocess, sys
binary, files = sys.argv[1], sys.argv[2:]
fails = blocks = 0
marker = re.compile(r"^<!-- runnable: exit (\d+) -->\n```(?:sh|bash)\n(.*?)^```", re.M | re.S)
for f in files:
    text = open(f).read()
    for m in marker.finditer(text):
        blocks += 1
        want, script = int(m.group(1)), m.group(2)
        r = subprocess.run(["bash", "-c", "set -o pipefail\n" + script], capture_output=True, text=True)
        line = text[: m.start()].count("\n") + 1
        if r.returncode != want:
            fails += 1
            print(f"FAIL {f}:{line}: exit {r.returncode}, expected {want}:\n{script}{r.stdout[-500:]}{r.stderr[-500:]}")
    # A marker not followed by a command block would silently test nothing.
    if text.count("<!-- runnable:") != len(marker.findall(text)):
        fails += 1
        print(f"FAIL {f}: a runnable marker is not directly followed by a ```sh block")
# Every option --help shows is in the README's options table.
help_text = subprocess.run([binary, "--help"], capture_output=True, text=True).stdout
options = set(re.findall(r"^\s+(?:-\w,)?(--[\w-]+)", help_text, re.M))
readme = open("README.md").read()
table = readme[readme.index("| option | meaning |"):]
table = table[: table.index("\n\n")]
for o in sorted(options):
    if f"`{o}" not in table and f", {o}" not in table:
        fails += 1
        print(f"FAIL README options table: {o} (shown by --help) is missing")
if blocks < 3:
    fails += 1
    print(f"FAIL: only {blocks} runnable blocks found")
print(f"{blocks} runnable blocks, {len(options)} options; {fails} failed")
sys.exit(1 if fails else 0)
PY
