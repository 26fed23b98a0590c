#!/usr/bin/env python3
"""Selects small seed inputs for each harness from the shared corpus
(../shared/corpus) and the repository's fixtures into fuzz/corpus/<harness>/.
Only small files are taken (a fuzzer mutates small inputs best, and the
committed seeds stay small). Deterministic: the same corpus gives the same
seeds. Usage: fuzz/select_seeds.py [--max-files 25] [--max-bytes 12000]"""
import argparse
import hashlib
import json
import os
import shutil

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
CORPUS = os.path.join(os.path.dirname(ROOT), "shared", "corpus")


def files(base, exts):
    out = []
    for d, _, names in os.walk(base):
        for n in names:
            if n.endswith(exts):
                out.append(os.path.join(d, n))
    return sorted(out)


def is_plan(path):
    try:
        with open(path, encoding="utf-8") as f:
            j = json.load(f)
    except Exception:
        return False
    return isinstance(j, dict) and "format_version" in j and ("planned_values" in j or "values" in j)


def pick(paths, max_files, max_bytes):
    small = [p for p in paths if 0 < os.path.getsize(p) <= max_bytes]
    # Spread over the folders: a stable hash order, not the first N names.
    small.sort(key=lambda p: hashlib.sha1(os.path.relpath(p, CORPUS if p.startswith(CORPUS) else ROOT).encode()).hexdigest())
    return small[:max_files]


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--max-files", type=int, default=25)
    ap.add_argument("--max-bytes", type=int, default=12000)
    a = ap.parse_args()
    yaml_t = files(os.path.join(CORPUS, "cloudformation"), (".yaml", ".yml", ".template")) + \
        files(os.path.join(CORPUS, "sam"), (".yaml", ".yml")) + files(os.path.join(ROOT, "fixtures", "rules"), (".yaml",))
    json_t = [p for p in files(os.path.join(CORPUS, "cloudformation"), (".json",)) if not is_plan(p)]
    plans = [p for p in files(os.path.join(CORPUS, "terraform"), (".json",)) + files(os.path.join(ROOT, "fixtures", "terraform"), (".json",))
             if is_plan(p)]
    sets = {
        "yaml_loader": yaml_t + files(os.path.join(ROOT, "fixtures", "bad-input"), (".yaml",)),
        "json_loader": json_t + files(os.path.join(ROOT, "fixtures", "bad-input"), (".json",)),
        "pipeline_yaml": yaml_t,
        "pipeline_json": json_t,
        "plan_json": plans,
    }
    for name, paths in sets.items():
        out = os.path.join(HERE, "corpus", name)
        shutil.rmtree(out, ignore_errors=True)
        os.makedirs(out)
        for p in pick(paths, a.max_files, a.max_bytes):
            digest = hashlib.sha1(open(p, "rb").read()).hexdigest()[:16]
            shutil.copy(p, os.path.join(out, digest + os.path.splitext(p)[1]))
    # Parameters files: the three accepted shapes, written here (the corpus has none).
    out = os.path.join(HERE, "corpus", "parameters")
    shutil.rmtree(out, ignore_errors=True)
    os.makedirs(out)
    seeds = {
        "aws-cli.json": [{"ParameterKey": "VpcId", "ParameterValue": "vpc-12345678"},
                         {"ParameterKey": "SubnetIds", "ParameterValue": ["subnet-1", "subnet-2"]},
                         {"ParameterKey": "Old", "UsePreviousValue": True}],
        "object.json": {"Env": "prod", "Count": 3, "Enabled": True, "Subnets": ["a", "b"]},
        "overrides.json": {"Parameters": {"Env": "dev", "Nested": {"a": [1, {"b": None}]}}},
    }
    for n, v in seeds.items():
        with open(os.path.join(out, n), "w") as f:
            json.dump(v, f, indent=1)


main()
