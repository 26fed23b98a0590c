#!/usr/bin/env bash
# CDK-synthesized templates: tests/e2e/cdk/app.js synthesizes two stacks with
# aws-cdk-lib, offline (no account, no CDK CLI). Their findings, without
# positions, must equal those of the committed copies under
# fixtures/rules/VL102/cdk-*.template.json, whose exact findings the fixture
# test checks. aws-cdk-lib and constructs come from VPCLINT_CDK_NODE_MODULES,
# or are installed with npm into build-tools/cdk (as the SARIF validators are);
# skips without node, or when npm cannot install them.
# Usage: cdk_synth_matches_fixtures.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1
src=$2
command -v node >/dev/null || { echo "skip: node not installed"; exit 77; }
if [ -z "${VPCLINT_CDK_NODE_MODULES:-}" ]; then
  tools="$src/build-tools/cdk"
  VPCLINT_CDK_NODE_MODULES="$tools/node_modules"
  if ! NODE_PATH="$VPCLINT_CDK_NODE_MODULES" node -e "require('aws-cdk-lib'); require('constructs')" 2>/dev/null &&
     command -v npm >/dev/null; then
    mkdir -p "$tools"
    (cd "$tools" && npm install --no-audit --no-fund --silent aws-cdk-lib@2 constructs@10 >/dev/null 2>&1) ||
      echo "npm could not install aws-cdk-lib"
  fi
fi
export NODE_PATH=$VPCLINT_CDK_NODE_MODULES
node -e "require('aws-cdk-lib'); require('constructs')" 2>/dev/null ||
  { echo "skip: aws-cdk-lib is not installed (set VPCLINT_CDK_NODE_MODULES)"; exit 77; }
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
node "$src/tests/e2e/cdk/app.js" "$tmp/out" >"$tmp/synth.log" 2>&1 || { cat "$tmp/synth.log"; exit 1; }
findings() { "$bin" -q -f gcc --fail-on never "$1" | sed -E 's/^[^:]+:[0-9]+:[0-9]+: //' | sort; }
status=0
for pair in NatVpcStack:cdk-nat-vpc IsolatedVpcStack:cdk-isolated-vpc; do
  stack=${pair%%:*}
  fixture=$src/fixtures/rules/VL102/${pair#*:}.template.json
  got=$(findings "$tmp/out/$stack.template.json")
  want=$(findings "$fixture")
  if [ "$got" != "$want" ]; then
    echo "$stack: synthesized findings differ from $fixture"
    diff <(echo "$want") <(echo "$got")
    status=1
  fi
done
[ $status -eq 0 ] && echo "synthesized CDK stacks give the committed fixtures' findings"
exit $status
