#!/usr/bin/env python3
"""Benchmarks vpclint against the tools users already have (cfn-lint) and checks
that analysis stays linear in template size. Prints a Markdown table of
timings and ratios. Not a test: numbers vary with the machine.

Usage: bench/run.py [--vpclint build/vpclint] [--sample 100] [--no-cfn-lint]
"""
import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")


def corpus_files(*subdirs):
    out = []
    for sub in subdirs:
        for dirpath, _, names in os.walk(os.path.join(CORPUS, sub)):
            for n in names:
                if n.endswith((".yaml", ".yml", ".json", ".template")):
                    out.append(os.path.join(dirpath, n))
    return sorted(out)


def timed(cmd, repeat=1):
    best = None
    for _ in range(repeat):
        t = time.perf_counter()
        subprocess.run(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        dt = time.perf_counter() - t
        best = dt if best is None else min(best, dt)
    return best


def generate(n, path):
    gen = os.path.join(HERE, "gen_functions.py")
    with open(path, "w") as f:
        subprocess.run([sys.executable, gen, str(n)], stdout=f, check=True)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--vpclint", default=os.path.join(ROOT, "build", "vpclint"))
    ap.add_argument("--sample", type=int, default=100, help="corpus files timed with cfn-lint")
    ap.add_argument("--no-cfn-lint", action="store_true")
    args = ap.parse_args()
    vpclint = args.vpclint
    rows = []

    cfn = corpus_files("cloudformation", "sam/translator-inputs")
    if cfn:
        t = timed([vpclint, "--format", "json", "-q", *cfn], repeat=3)
        rows.append(("vpclint, whole CloudFormation+SAM corpus (one process)", len(cfn), t, t / len(cfn) * 1000))
        random.seed(42)
        sample = random.sample(cfn, min(args.sample, len(cfn)))
        tv = timed([vpclint, "--format", "json", "-q", *sample], repeat=3)
        rows.append(("vpclint, sample", len(sample), tv, tv / len(sample) * 1000))
        if not args.no_cfn_lint and shutil.which("cfn-lint"):
            tc = timed(["cfn-lint", "--format", "parseable", "--", *sample])
            rows.append(("cfn-lint 1.x, same sample (one process)", len(sample), tc, tc / len(sample) * 1000))
            rows.append(("ratio cfn-lint / vpclint", None, tc / tv, None))
    tf = corpus_files("terraform")
    if tf:
        t = timed([vpclint, "--format", "json", "-q", *tf], repeat=3)
        rows.append(("vpclint, Terraform corpus", len(tf), t, t / len(tf) * 1000))

    with tempfile.TemporaryDirectory() as tmp:
        per = {}
        for n in (20, 200, 2000):
            p = os.path.join(tmp, f"gen{n}.yaml")
            generate(n, p)
            t = timed([vpclint, "--format", "json", "-q", p], repeat=3)
            per[n] = t / n
            rows.append((f"generated template, {n} functions + {n} subnets", 1, t, t / n * 1e6))
        rows.append(("per-resource time 2000 / 20 (linear: < 2)", None, per[2000] / per[20], None))

        # Security groups: F functions each ask about one group of R rules.
        sg = {}
        for r, f in ((500, 1000), (5000, 1000)):
            p = os.path.join(tmp, f"sg{r}.yaml")
            with open(p, "w") as out:
                subprocess.run([sys.executable, os.path.join(HERE, "gen_security_groups.py"), str(r), str(f)],
                               stdout=out, check=True)
            sg[r] = timed([vpclint, "--format", "json", "-q", "--fail-on", "never", p], repeat=3)
            rows.append((f"generated template, group of {r} rules + {f} functions", 1, sg[r], None))
        rows.append(("time 5000 rules / 500 rules (linear in rules: < 10)", None, sg[5000] / sg[500], None))

    print("| measurement | files | seconds | per unit |")
    print("|---|---|---|---|")
    for name, files, secs, unit in rows:
        unit_s = "" if unit is None else (f"{unit:.1f} µs/function" if "generated" in name else f"{unit:.2f} ms/file")
        print(f"| {name} | {'' if files is None else files} | {secs:.3f} | {unit_s} |")


if __name__ == "__main__":
    main()
