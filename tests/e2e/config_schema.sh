#!/usr/bin/env bash
# docs/vpclint-config.schema.json (what editors validate .vpclint.yaml with)
# is a valid JSON Schema, accepts every example configuration in the repo and
# rejects the VL005 fixtures of the classes a schema can see (unknown key,
# wrong type). Needs python3-jsonschema (scripts/test installs it).
# Usage: config_schema.sh VPCLINT_BINARY SOURCE_DIR
set -u
src=$2
cd "$src" || exit 1
python3 -c 'import jsonschema, yaml' 2>/dev/null || { echo "SKIP: python3-jsonschema or python3-yaml missing"; exit 77; }
python3 - <<'PY'
import glob, json, sys, jsonschema, yaml
schema = json.load(open("docs/vpclint-config.schema.json"))
jsonschema.Draft202012Validator.check_schema(schema)
v = jsonschema.Draft202012Validator(schema)
fails = 0
good = sorted(glob.glob("fixtures/rules/VL005/good-*.vpclint.yaml") + glob.glob("docs/examples/**/.vpclint.yaml", recursive=True)
              + glob.glob("docs/examples/**/*.vpclint.yaml", recursive=True))
bad = ["fixtures/rules/VL005/unknown-key.vpclint.yaml", "fixtures/rules/VL005/wrong-type.vpclint.yaml",
       "fixtures/rules/VL005/not-a-mapping.vpclint.yaml"]
for f in good:
    errors = list(v.iter_errors(yaml.safe_load(open(f))))
    if errors:
        fails += 1
        print(f"FAIL {f}: rejected by the schema: {errors[0].message}")
for f in bad:
    if v.is_valid(yaml.safe_load(open(f))):
        fails += 1
        print(f"FAIL {f}: accepted by the schema, though vpclint reports VL005 there")
if len(good) < 2:
    fails += 1
    print(f"FAIL: only {len(good)} example configurations found")
print(f"{len(good)} good and {len(bad)} bad configurations; {fails} failed")
sys.exit(1 if fails else 0)
PY
