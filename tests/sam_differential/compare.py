#!/usr/bin/env python3
"""Compares vpclint's findings on SAM templates with its findings on the same
templates translated by aws-sam-translator, by (rule, resource, level).

Usage: compare.py VPCLINT OUT_DIR ALLOWLIST

OUT_DIR holds translate.py's output. vpclint runs twice in all: once over every
SAM input, once over every translation. A difference fails the comparison
unless the allow-list names it (see allowlist.txt). An input under fixtures/
that the translator rejects fails too: fixtures are written to translate.
"""
import json
import os
import subprocess
import sys


def findings(vpclint, paths):
    """{path: {(rule, resource, level)}} for the given files."""
    if not paths:
        return {}
    run = subprocess.run([vpclint, "--format", "json", "-q", "--fail-on", "never", *paths],
                         capture_output=True, text=True, check=False)
    if run.returncode not in (0, 1, 2):
        sys.exit("vpclint failed (%d): %s" % (run.returncode, run.stderr[-2000:]))
    by_file = {}
    for d in json.loads(run.stdout or "[]"):
        # VL002 names the resource that holds the broken reference, and SAM
        # moves properties into the resources it generates (an event's Queue
        # into <Function><Event>, Policies into <Function>Role): compare
        # whether the template has the problem, not where SAM put it.
        resource = "-" if d["rule"] == "VL002" else d["resource"]
        by_file.setdefault(os.path.normpath(d["file"]), set()).add((d["rule"], resource, d["level"]))
    return by_file


def read_allowlist(path):
    """{(file, rule, resource): reason}; lines are `file rule resource reason…`."""
    allowed = {}
    with open(path, encoding="utf-8") as f:
        for number, line in enumerate(f, 1):
            line = line.strip()
            if not line or line.startswith("#"):
                continue
            parts = line.split(None, 3)
            if len(parts) < 4:
                sys.exit("%s:%d: expected `file rule resource reason`" % (path, number))
            allowed[tuple(parts[:3])] = parts[3]
    return allowed


def main():
    vpclint, out_dir, allow_path = sys.argv[1:4]
    translated, rejected = [], []
    with open(os.path.join(out_dir, "index.tsv"), encoding="utf-8") as index:
        for line in index:
            fields = line.rstrip("\n").split("\t")
            if fields[0] == "-":
                rejected.append((fields[1], fields[2] if len(fields) > 2 else ""))
            else:
                translated.append((os.path.join(out_dir, fields[0]), fields[1]))
    allowed = read_allowlist(allow_path)

    sam = findings(vpclint, [src for _, src in translated])
    cfn = findings(vpclint, [out for out, _ in translated])
    unexpected, used = [], set()
    for out, src in translated:
        a = sam.get(os.path.normpath(src), set())
        b = cfn.get(os.path.normpath(out), set())
        for rule, resource, level in sorted(a ^ b):
            key = (os.path.basename(src), rule, resource)
            if key in allowed:
                used.add(key)
                continue
            side = "SAM only" if (rule, resource, level) in a else "translation only"
            unexpected.append("%s %s %s %s (%s)" % (src, rule, resource, level, side))
    for src, reason in rejected:
        if "fixtures/" in src and "/VL001/" not in src:
            unexpected.append("%s: the translator rejects this fixture: %s" % (src, reason))

    fixtures = sum(1 for _, src in translated if "fixtures/" in src)
    print("compared %d templates (%d fixtures, %d corpus; %d findings on the SAM side, %d on the translations), "
          "%d rejected by the translator; allow-list %d entries, %d used"
          % (len(translated), fixtures, len(translated) - fixtures, sum(map(len, sam.values())),
             sum(map(len, cfn.values())), len(rejected), len(allowed), len(used)))
    for key in sorted(set(allowed) - used):
        print("note: allow-list entry not needed: %s %s %s" % key)
    for u in unexpected:
        print("DIFF " + u)
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
