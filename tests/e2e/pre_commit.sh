#!/usr/bin/env bash
# `pre-commit try-repo` with this repository's hooks on a temporary git repo
# that mixes what real repositories hold (a Helm chart, VS Code settings with
# comments, Kubernetes and OpenAPI documents, Terraform with its plan, a
# template): both hooks enabled report each finding exactly once, skip every
# non-infrastructure file, fail on the bad template and plan, and pass on a
# commit without templates. Also checks that the hooks' patterns cover every
# extension a directory walk reads and are disjoint.
# Usage: pre_commit.sh VPCLINT_BINARY SOURCE_DIR (exit 77: pre-commit missing)
set -u
bin=$1 src=$(cd "$2" && pwd)
command -v pre-commit >/dev/null || { echo "skip: pre-commit not installed"; exit 77; }
git -C "$src" rev-parse --git-dir >/dev/null 2>&1 || { echo "skip: $src is not a git checkout"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
export PATH="$(cd "$(dirname "$bin")" && pwd):$PATH" PRE_COMMIT_HOME="$tmp/cache"
fails=0 checks=0
fail() { echo "FAIL: $*"; fails=$((fails + 1)); }

# The patterns: every extension discover() reads, and no file taken by both.
checks=$((checks + 1))
python3 - "$src/.pre-commit-hooks.yaml" <<'PY' || fail "hook patterns"
import re, sys
text = open(sys.argv[1]).read()
hooks = {}
for block in text.split("- id: ")[1:]:
    name = block.split("\n", 1)[0].strip()
    get = lambda k: (re.search(r"^\s*" + k + r": (.*)$", block, re.M) or [None, None])[1]
    if get("language") == "docker":
        continue  # vpclint-docker: an alternative to the vpclint hook, not used beside it
    hooks[name] = (re.compile(get("files")), re.compile(get("exclude")) if get("exclude") else None)
def takes(h, path):
    files, exclude = hooks[h]
    return bool(files.search(path)) and not (exclude and exclude.search(path))
samples = ["a.yaml", "b.yml", "c.json", "d.template", "e.tpl", "stacks/X.YAML".lower(), "tfplan.json",
           "infra/plan.json", "prod.tfplan.json", "plan-prod.json", "planning.yaml", "deploy/template.json"]
for s in samples:
    n = sum(takes(h, s) for h in hooks)
    if n != 1:
        print(f"{s}: taken by {n} hooks"); sys.exit(1)
PY

cd "$tmp" && git init -q repo && cd repo || exit 1
git config user.email t@example.invalid && git config user.name t
mkdir -p chart/templates .vscode k8s api infra
cp "$src/fixtures/rules/VL504/bad-literal-subnet-name.yaml" bad.yaml
cp "$src/fixtures/rules/VL101/good-private-subnets-nat.yaml" good.yaml
cp -r "$src/fixtures/terraform/modules-for-each/." infra/
printf 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: {{ .Release.Name }}\nspec:\n  replicas: {{ .Values.replicas }}\n' >chart/templates/deployment.yaml
printf '{{- if .Values.enabled }}\nkind: ConfigMap\n{{- end }}\n' >chart/templates/configmap.yaml
printf 'name: chart\nversion: 0.1.0\n' >chart/Chart.yaml
printf '{\n  // editor settings\n  "editor.tabSize": 2,\n}\n' >.vscode/settings.json
printf 'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  ports: [{port: 80}]\n' >k8s/service.yaml
printf 'openapi: 3.0.0\ninfo: {title: api, version: "1"}\npaths: {}\ncomponents:\n  schemas:\n    Resources: {type: object}\n' >api/openapi.yaml
echo '{"name": "not-a-template"}' >package.json
git add . && git commit -qm init

# Both hooks (no hook id: try-repo runs every hook but the container one,
# which needs Docker and replaces the vpclint hook) over every file.
export SKIP=vpclint-docker,vpclint-terraform  # the .tf hook is an alternative to the plan hook (tests/e2e/pre_commit_tf.sh)
pre-commit try-repo "$src" --all-files >out.txt 2>&1
rc=$?
checks=$((checks + 1)); [ $rc -ne 0 ] || fail "the hooks passed on a repository with findings"
checks=$((checks + 1)); [ "$(grep -c 'bad.yaml:40:13: error: .*\[VL504\]' out.txt)" -eq 1 ] || fail "the template finding is not reported exactly once"
checks=$((checks + 1)); [ "$(grep -c 'infra/main.tf:[0-9]*:[0-9]*: error: .*\[VL102\]' out.txt)" -eq 1 ] || fail "the plan finding is not reported exactly once"
checks=$((checks + 1)); ! grep -q 'VL001\|skipped' out.txt || fail "a non-infrastructure file was reported"
[ $fails -eq 0 ] || cat out.txt

# A commit of only non-templates passes (--allow-empty), and the good template too.
pre-commit try-repo "$src" --files chart/templates/deployment.yaml chart/templates/configmap.yaml .vscode/settings.json \
  k8s/service.yaml api/openapi.yaml package.json good.yaml >out.txt 2>&1 ||
  { fail "the hooks failed on non-templates and a good template"; cat out.txt; }
checks=$((checks + 1))
pre-commit try-repo "$src" vpclint --files bad.yaml >out.txt 2>&1 && { fail "the hook did not fail on bad.yaml"; cat out.txt; }
checks=$((checks + 2))
echo "$((checks - fails)) passed, $fails failed"
[ $fails -eq 0 ]
