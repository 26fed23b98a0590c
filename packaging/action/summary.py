#!/usr/bin/env python3
"""The Action's job summary: a Markdown table of vpclint's findings (from --format json)."""
import json
import sys


def cell(text):
    return str(text).replace("|", "\\|").replace("\r", " ").replace("\n", " ")


def main():
    findings = json.load(open(sys.argv[1], encoding="utf-8"))
    code = int(sys.argv[2])
    shown = [f for f in findings if not f.get("suppressed")]
    counts = {level: sum(1 for f in shown if f["level"] == level) for level in ("error", "warning", "note")}
    verdict = {0: "passed", 1: "failed"}.get(code, "could not run (exit code %d)" % code)
    print("## vpclint: %s" % verdict)
    print()
    print("%d errors, %d warnings, %d notes." % (counts["error"], counts["warning"], counts["note"]))
    if not shown:
        return
    print()
    print("| level | rule | resource | location | message |")
    print("|---|---|---|---|---|")
    for f in shown:
        where = "%s:%d:%d" % (f["file"], f["line"], f["column"])
        print("| %s | %s | %s | `%s` | %s |" % (f["level"], f["rule"], cell(f["resource"]), cell(where), cell(f["message"])))


if __name__ == "__main__":
    main()
