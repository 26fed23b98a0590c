#!/usr/bin/env python3
"""A Terraform plan JSON of about SIZE megabytes, made from real plans (terraform show -json) scaled up.

Each base plan under fixtures/terraform/realistic/ becomes a module called with for_each, instantiated
as many times as the size needs: module.s0["k17"].module.vpc.aws_subnet.private[1] and so on. Every
section a real plan has is kept and scaled the same way: planned_values.root_module (resources and
child_modules), resource_changes (before/after/after_unknown), prior_state.values, configuration
(the module call once, with the base's configuration as its module: one configuration per call, as
Terraform writes it), relevant_attributes. AWS ids (vpc-, subnet-, rtb-, igw-, nat-, eipalloc-, sg-,
...) are made unique per instance so that ids do not collide across copies.

The bases hold Lambda functions in VPCs, subnets, route tables (inline and aws_route), NAT gateways,
EIPs, internet gateways, security groups, IAM roles and policies, and a data source.

    python3 bench/gen_plan.py 100 /tmp/plan100.json     # about 100 MB
    python3 bench/gen_plan.py 1 /tmp/plan1.json --indent   # indented, not one line
    python3 bench/gen_plan.py 10 /tmp/plan10f.json --findings   # with 3 findings per copy
"""
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
BASES = ["module-vpc-update-private", "inline-routes-private-nat", "vl201-policy-document-eni"]
# --findings adds stacks with one finding each (VL102, VL101 through module outputs, VL107).
FINDING_BASES = ["vl102-private-no-nat", "module-vpc-public-function", "vl107-subnets-disagree"]
ID_RE = re.compile(r'"((?:vpc|subnet|rtb|rtbassoc|igw|nat|eipalloc|eipassoc|sg|sgr|eni|acl|dopt)-)([0-9a-f]{8,17})"')
KEY = "@@K@@"
HEX = "@@H@@"


def prefixed(addr, call):
    return f'module.{call}["{KEY}"].{addr}' if addr else f'module.{call}["{KEY}"]'


def wrap_module(root, call):
    """A base's root module as the child module module.<call>["@@K@@"] (addresses prefixed)."""
    def fix(m):
        out = dict(m)
        out["address"] = prefixed(m.get("address", ""), call)
        out["resources"] = [dict(r, address=prefixed(r["address"], call)) for r in m.get("resources", [])]
        if m.get("child_modules"):
            out["child_modules"] = [fix(c) for c in m["child_modules"]]
        return out
    return fix(root)


def templated(obj):
    """JSON text of obj with every AWS id's last 6 hex digits replaced by the per-copy marker."""
    text = json.dumps(obj, separators=(",", ":"))
    text = ID_RE.sub(lambda m: f'"{m.group(1)}{m.group(2)[:-6]}{HEX}"', text)
    # IAM role ids are their names, and the copies' roles must not share one (the resource's own
    # "name", after its "type", is its address and stays).
    text = re.sub(r'(?<!"type":"aws_iam_role",)"(name|id|role)":"fn"', rf'"\1":"fn-{HEX}"', text)
    text = text.replace(':role/fn"', f':role/fn-{HEX}"').replace('"function_name":"api"', f'"function_name":"api-{HEX}"')
    return text


def load_base(name, call):
    with open(os.path.join(HERE, "..", "fixtures", "terraform", "realistic", name, "plan.json")) as f:
        p = json.load(f)
    pv = wrap_module(p["planned_values"]["root_module"], call)
    prior = p.get("prior_state", {}).get("values", {}).get("root_module")
    changes = []
    for c in p.get("resource_changes", []):
        c = dict(c)
        c["address"] = prefixed(c["address"], call)
        c["module_address"] = prefixed(c.get("module_address", ""), call)
        if "previous_address" in c:
            c["previous_address"] = prefixed(c["previous_address"], call)
        changes.append(c)
    relevant = [dict(a, resource=prefixed(a["resource"], call)) for a in p.get("relevant_attributes", [])]
    return {
        "pv": templated(pv),
        "prior": templated(wrap_module(prior, call)) if prior else None,
        "changes": [templated(c) for c in changes],
        "relevant": [templated(a) for a in relevant],
        "config": p["configuration"]["root_module"],
        "head": p,
    }


def main():
    size_mb = float(sys.argv[1])
    out_path = sys.argv[2]
    # terraform show -json writes one line; --indent makes the multi-line kind.
    minify = "--indent" not in sys.argv
    names = BASES + (FINDING_BASES if "--findings" in sys.argv else [])
    bases = [load_base(name, f"s{k}") for k, name in enumerate(names)]
    per_round = sum(len(b["pv"]) + len(b["prior"] or "") + sum(map(len, b["changes"])) + sum(map(len, b["relevant"]))
                    for b in bases)
    # A minified copy is about a third of the indented one; aim for the size either way.
    factor = 1.0 if minify else 2.5
    rounds = max(1, round(size_mb * 1e6 / (per_round * factor)))
    keys = [f"k{n}" for n in range(rounds)]

    def copy(text, n, b):
        # ids and names unique per copy and stack
        return text.replace(KEY, keys[n]).replace(HEX, f"{n * len(bases) + b:06x}")

    head = bases[0]["head"]
    config = {
        "provider_config": head["configuration"].get("provider_config", {}),
        "root_module": {
            "module_calls": {
                f"s{k}": {
                    "source": f"./stacks/{names[k]}",
                    "for_each_expression": {"references": ["var.stacks"]},
                    "module": b["config"],
                }
                for k, b in enumerate(bases)
            },
            "variables": {"stacks": {"description": "stack keys"}},
        },
    }
    # Stream the document: the 500 MB plan is never held in memory at once.
    indent = None if minify else 2

    def write_list(f, items):
        f.write("[")
        first = True
        for item in items:
            if not first:
                f.write(",")
            first = False
            f.write(reindent(item))
        f.write("]")

    def reindent(text):
        return text if minify else json.dumps(json.loads(text), indent=indent)

    with open(out_path, "w") as f:
        f.write('{"format_version":"1.2","terraform_version":"1.11.4",')
        f.write('"variables":{"stacks":{"value":' + json.dumps({k: {} for k in keys}) + "}},")
        f.write('"planned_values":{"root_module":{"child_modules":')
        write_list(f, (copy(b["pv"], n, k) for n in range(rounds) for k, b in enumerate(bases)))
        f.write("}},")
        f.write('"resource_changes":')
        write_list(f, (copy(c, n, k) for n in range(rounds) for k, b in enumerate(bases) for c in b["changes"]))
        f.write(',"prior_state":{"format_version":"1.0","terraform_version":"1.11.4","values":{"root_module":{"child_modules":')
        write_list(f, (copy(b["prior"], n, k) for n in range(rounds) for k, b in enumerate(bases) if b["prior"]))
        f.write("}}},")
        f.write('"configuration":' + json.dumps(config, indent=indent) + ",")
        f.write('"relevant_attributes":')
        write_list(f, (copy(a, n, k) for n in range(rounds) for k, b in enumerate(bases) for a in b["relevant"]))
        f.write(',"timestamp":"2025-01-01T00:00:00Z","applyable":true,"complete":true,"errored":false}\n')
    size = os.path.getsize(out_path)
    n_res = rounds * sum(b["pv"].count('"mode":') for b in bases)
    print(f"{out_path}: {size / 1e6:.1f} MB, {rounds} copies of {len(bases)} stacks, {n_res} planned resources",
          file=sys.stderr)


if __name__ == "__main__":
    main()
