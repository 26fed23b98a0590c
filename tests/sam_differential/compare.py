#!/usr/bin/env python3
"""Compares vpclint's findings on SAM templates with its findings on the same
templates translated by aws-sam-translator, by (rule, resource, level).

Usage: compare.py VPCLINT OUT_DIR ALLOWLIST
Differences listed in the allow-list (file<TAB>rule<TAB>resource<TAB>reason)
are accepted; any other fails.
"""
import json
import os
import subprocess
import sys


def findings(vpclint, paths):
    out = subprocess.run([vpclint, "--format", "json", "-q", "--ignore", "VL001", *paths],
                         capture_output=True, text=True).stdout
    by_file = {}
    for d in json.loads(out or "[]"):
        # VL002 names the resource that holds the broken reference, and SAM
        # moves that into the resources it generates: compare its presence.
        resource = "" if d["rule"] == "VL002" else d["resource"]
        by_file.setdefault(d["file"], set()).add((d["rule"], resource, d["level"]))
    return by_file


def main():
    vpclint, out_dir, allow_path = sys.argv[1:4]
    pairs = [line.rstrip("\n").split("\t") for line in open(os.path.join(out_dir, "index.tsv"))]
    sam = findings(vpclint, [p for _, p in pairs])
    translated = findings(vpclint, [os.path.join(out_dir, n) for n, _ in pairs])
    allowed = set()
    for line in open(allow_path):
        if line.strip() and not line.startswith("#"):
            f, rule, resource, _reason = line.rstrip("\n").split("\t", 3)
            allowed.add((f, rule, resource))
    unexpected = []
    for name, path in pairs:
        a = sam.get(os.path.relpath(path) if os.path.isabs(path) else path, set())
        a |= sam.get(path, set())
        b = translated.get(os.path.join(out_dir, name), set())
        for rule, resource, level in sorted(a ^ b):
            if (os.path.basename(path), rule, resource) in allowed:
                continue
            side = "SAM only" if (rule, resource, level) in a else "translated only"
            unexpected.append("%s\t%s\t%s\t%s (%s)" % (os.path.basename(path), rule, resource, level, side))
    print("compared %d templates, allow-list %d entries" % (len(pairs), len(allowed)))
    for u in unexpected:
        print("DIFF " + u)
    print("%d passed, %d failed" % (len(pairs) - len({u.split('\t')[0] for u in unexpected}), len({u.split('\t')[0] for u in unexpected})))
    return 1 if unexpected else 0


if __name__ == "__main__":
    sys.exit(main())
