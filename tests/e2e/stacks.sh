#!/usr/bin/env bash
# Stacks scanned together are one system: Fn::ImportValue resolves against
# the other templates' Outputs Export.Name (literal, or ${AWS::StackName}
# with the stack name given or inferred), or against an offline exports
# table for stacks not scanned. Acceptance cases of the cross-stack issue.
# Usage: stacks.sh VPCLINT_BINARY SOURCE_DIR
set -u
bin=$1 src=$2
cd "$src" || exit 1
fails=0 checks=0
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

check() {  # check NAME EXPECTED_RC COMMAND... ; output in $tmp/out, $tmp/err
  local name=$1 want=$2
  shift 2
  "$@" >"$tmp/out" 2>"$tmp/err"
  local rc=$?
  checks=$((checks + 1))
  if [ "$rc" -ne "$want" ]; then
    echo "FAIL $name: exit $rc, expected $want"; sed 's/^/  | /' "$tmp/out" "$tmp/err" | head -20
    fails=$((fails + 1))
    return 1
  fi
}
contains() {  # contains NAME FILE TEXT
  checks=$((checks + 1))
  grep -qF -- "$3" "$2" || { echo "FAIL $1: '$3' not in output"; sed 's/^/  | /' "$2" | head -20; fails=$((fails + 1)); }
}
lacks() {  # lacks NAME FILE TEXT
  checks=$((checks + 1))
  ! grep -qF -- "$3" "$2" || { echo "FAIL $1: '$3' in output"; sed 's/^/  | /' "$2" | head -20; fails=$((fails + 1)); }
}
count() {  # count NAME FILE TEXT N
  checks=$((checks + 1))
  local n; n=$(grep -cF -- "$3" "$2")
  [ "$n" -eq "$4" ] || { echo "FAIL $1: '$3' $n times, expected $4"; sed 's/^/  | /' "$2" | head -20; fails=$((fails + 1)); }
}

d=fixtures/stacks/imports
# 1. Both stacks scanned: the imported subnets are the network stack's public
#    ones. VL101 at the first import in the application template, naming both.
check both 1 "$bin" --no-config --format gcc --select VL101 "$d/app.yaml" "$d/network.yaml"
contains both-at "$tmp/out" "$d/app.yaml:33:11: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB (route table PublicRouteTable sends 0.0.0.0/0 to internet gateway InternetGateway)"
count both-only-app "$tmp/out" "[VL101]" 1
lacks both-not-in-network "$tmp/out" "$d/network.yaml:"
# The directory: the same (the stack name "network" inferred from network.yaml).
check both-dir 1 "$bin" --no-config --format gcc --select VL101 "$d"
count both-dir-count "$tmp/out" "$d/app.yaml:33:11: error: " 1
# Related locations in the network template, in every format; SARIF lists both files.
check both-sarif 1 "$bin" --no-config --format sarif --select VL101 "$d/app.yaml" "$d/network.yaml"
contains sarif-related "$tmp/out" '"uri": "fixtures/stacks/imports/network.yaml"'
contains sarif-artifact-app "$tmp/out" '"uri": "fixtures/stacks/imports/app.yaml"'
python3 - "$tmp/out" <<'PY' || { echo "FAIL sarif-structure"; fails=$((fails + 1)); }
import json, sys
run = json.load(open(sys.argv[1]))["runs"][0]
uris = {a["location"]["uri"] for a in run["artifacts"]}
assert uris == {"fixtures/stacks/imports/app.yaml", "fixtures/stacks/imports/network.yaml"}, uris
for r in run["results"]:
    assert r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("app.yaml")
    rel = [l["physicalLocation"]["artifactLocation"]["uri"] for l in r.get("relatedLocations", [])]
    steps = [s["location"]["physicalLocation"]["artifactLocation"]["uri"]
             for f in r.get("codeFlows", []) for t in f["threadFlows"] for s in t["locations"]]
    assert any(u.endswith("network.yaml") for u in rel + steps), (rel, steps)
PY
checks=$((checks + 1))
check both-json 1 "$bin" --no-config --format json --select VL101 "$d/app.yaml" "$d/network.yaml"
contains json-related "$tmp/out" "fixtures/stacks/imports/network.yaml"

# 2. The application stack alone: the imports are unknown; silent.
check app-alone 0 "$bin" --no-config --format gcc "$d/app.yaml"
lacks app-alone-silent "$tmp/out" "[VL101]"

# 3. Alone with the exports table: the subnet ids are known, their routes
#    are not (the network template is not scanned): silent still, but the
#    explanation shows the ids from the table.
check exports 0 "$bin" --no-config --format gcc --exports "$d/exports.json" "$d/app.yaml"
lacks exports-silent "$tmp/out" "[VL101]"
check exports-explain 0 "$bin" explain "$d/app.yaml" --function OrdersFunction --exports "$d/exports.json"
contains exports-explain-id "$tmp/out" "subnet-0a1b2c3d4e5f60718"
check no-exports-explain 0 "$bin" explain "$d/app.yaml" --function OrdersFunction
lacks no-exports-explain-id "$tmp/out" "subnet-0a1b2c3d4e5f60718"
check exports-bad 2 "$bin" --no-config --exports "$d/app.yaml" "$d/app.yaml"

# Stack names: ${AWS::StackName} exports resolve only under the right name.
cp "$d/network.yaml" "$tmp/net-v2.yaml"
cp "$d/app.yaml" "$tmp/app.yaml"
check name-not-inferred 1 "$bin" --no-config --format gcc --select VL101 "$tmp/app.yaml" "$tmp/net-v2.yaml"
count name-not-inferred-one "$tmp/out" "[VL101]" 1
contains name-not-inferred-literal "$tmp/out" "public subnet PublicSubnetB"   # a literal export name
lacks name-not-inferred-sub "$tmp/out" "PublicSubnetA"
check name-flag 1 "$bin" --no-config --format gcc --select VL101 --stack-name "$tmp/net-v2.yaml=network" \
  "$tmp/app.yaml" "$tmp/net-v2.yaml"
contains name-flag-both "$tmp/out" "public subnets PublicSubnetA and PublicSubnetB"
cat >"$tmp/.vpclint.yaml" <<'YAML'
stacks:
  "net-*.yaml": network
YAML
check name-config 1 "$bin" --config "$tmp/.vpclint.yaml" --format gcc --select VL101 "$tmp/app.yaml" "$tmp/net-v2.yaml"
contains name-config-both "$tmp/out" "public subnets PublicSubnetA and PublicSubnetB"
check name-bad-flag 2 "$bin" --no-config --stack-name network "$tmp/app.yaml"

# Imports everywhere, by mechanism: the role (VL201), a list exported joined
# and split again (VL101), names built from a parameter and from the
# importing stack's own name (the security group).
s=fixtures/stacks/split
check split-both 1 "$bin" --no-config --format gcc "$s/app.yaml" "$s/network.yaml"
contains split-vl101 "$tmp/out" "$s/app.yaml:25:20: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB (route table PublicRouteTable sends 0.0.0.0/0 to internet gateway InternetGateway)"
contains split-vl201 "$tmp/out" "$s/app.yaml:16:13: error: Function OrdersFunction runs in a VPC, but its execution role FunctionRole does not allow ec2:CreateNetworkInterface, ec2:DescribeNetworkInterfaces and ec2:DeleteNetworkInterface (its policies: AWSLambdaBasicExecutionRole)"
contains split-vl303 "$tmp/out" "$s/app.yaml:27:11: error: Function OrdersFunction connects to the internet on tcp/443 (PAYMENTS_API_URL at line 23 is an internet URL (api.payments.example.com)), but no egress rule of its security group FunctionSecurityGroup lets that traffic out"
count split-three "$tmp/out" "$s/app.yaml:" 3
lacks split-not-in-network "$tmp/out" "$s/network.yaml:"
# The application under another stack name: the group's export name
# ${AWS::StackName}-FunctionSecurityGroup is not found, the group unknown.
check split-renamed 1 "$bin" --no-config --format gcc --stack-name "$s/app.yaml=orders" "$s/app.yaml" "$s/network.yaml"
lacks split-renamed-no-vl303 "$tmp/out" "[VL303]"
contains split-renamed-vl101 "$tmp/out" "[VL101]"
# Alone: every import unknown, silent.
check split-alone 0 "$bin" --no-config --format gcc "$s/app.yaml"
lacks split-alone-silent "$tmp/out" "[VL"
# Alone with the exports table: the split list is the two literal ids, the
# group's name built from the stack's inferred name "app".
check split-exports 0 "$bin" --no-config --format gcc --exports "$s/exports.json" "$s/app.yaml"
lacks split-exports-silent "$tmp/out" "[VL"
check split-exports-explain 0 "$bin" explain "$s/app.yaml" --function OrdersFunction --exports "$s/exports.json"
contains split-exports-a "$tmp/out" "subnet-0a1b2c3d4e5f60718"
contains split-exports-b "$tmp/out" "subnet-0f1e2d3c4b5a69788"
contains split-exports-sg "$tmp/out" "sg-0123456789abcdef0"
# Another stack name for the application: the group's export is not found
# (unknown), the subnets still are.
check split-other-name 0 "$bin" explain "$s/app.yaml" --function OrdersFunction --exports "$s/exports.json" \
  --stack-name "$s/app.yaml=orders"
contains split-other-name-subnet "$tmp/out" "subnet-0a1b2c3d4e5f60718"
lacks split-other-name-sg "$tmp/out" "sg-0123456789abcdef0"
# A parameter that names another network stack: nothing resolves, silent.
check split-other-network 1 "$bin" --no-config --format gcc --parameter NetworkStackName=other \
  "$s/app.yaml" "$s/network.yaml"
lacks split-other-network-vl101 "$tmp/out" "[VL101]"
contains split-other-network-vl201 "$tmp/out" "[VL201]"
# One item picked out of the split export: that one subnet.
check split-select 1 "$bin" --no-config --format gcc --select VL101 "$s/select.yaml" "$s/network.yaml"
contains split-select-at "$tmp/out" "$s/select.yaml:33:11: error: Function ReportsFunction is in public subnet PublicSubnetB (route table PublicRouteTable sends 0.0.0.0/0 to internet gateway InternetGateway)"
lacks split-select-only-b "$tmp/out" "PublicSubnetA"
check split-select-alone 0 "$bin" --no-config --format gcc --select VL101 "$s/select.yaml"

# Nested stacks: the child template (TemplateURL relative to the parent) is
# read with the parameters passed; GetAtt Child.Outputs.X resolves into it.
n=fixtures/stacks/nested
check nested 1 "$bin" --no-config --format gcc --select VL101,VL002 "$n/parent.yaml"
contains nested-at "$tmp/out" "$n/parent.yaml:40:11: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB"
check nested-text 1 "$bin" --no-config --select VL101 "$n/parent.yaml"
contains nested-path "$tmp/out" "$n/network.yaml:"
check nested-dir 1 "$bin" --no-config --format gcc --select VL101 "$n/parent.yaml" "$n/network.yaml"
count nested-dir-once "$tmp/out" "[VL101]" 1
# A joined output split again in the parent.
check nested-split 1 "$bin" --no-config --format gcc --select VL101 "$n/split-parent.yaml"
contains nested-split-at "$tmp/out" "$n/split-parent.yaml:39:20: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB"
# A child with condition scenarios still links: one parent model per child
# scenario, and the finding says in which.
check nested-scenarios 1 "$bin" --no-config --format gcc --select VL101 "$n/cond-parent.yaml"
contains nested-scenarios-at "$tmp/out" "$n/cond-parent.yaml:40:11: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB (route table PublicRouteTable sends 0.0.0.0/0 to internet gateway InternetGateway), but Lambda never gives a function's network interfaces a public IP, so it has no internet access there, and it needs it: PAYMENTS_API_URL at line 37 is an internet URL (api.payments.example.com) (when Network.Direct is true)."
count nested-scenarios-once "$tmp/out" "[VL101]" 1
# A parameter computed from the parent's own parameters passes into the
# child: one scenario there, decided by the parent's value.
check nested-param 1 "$bin" --no-config --format gcc --select VL101 "$n/param-parent.yaml"
contains nested-param-at "$tmp/out" "$n/param-parent.yaml:46:11: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB"
lacks nested-param-no-scenario "$tmp/out" "(when "
check nested-param-none 0 "$bin" --no-config --format gcc --select VL101 -p Exposure=none "$n/param-parent.yaml"
# A parameter the parent passes with a value vpclint cannot know (an import
# from a stack not scanned) is unknown in the child: the child's Default
# (private subnets) does not apply, so the public scenario is reported.
check nested-param-unknown 1 "$bin" --no-config --format gcc --select VL101 "$n/unknown-param-parent.yaml"
contains nested-param-unknown-at "$tmp/out" "$n/unknown-param-parent.yaml:42:11: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB"
contains nested-param-unknown-scenario "$tmp/out" "(when Network.Direct is true)"
check nested-sam 1 "$bin" --no-config --format gcc --select VL101 "$n/sam-parent.yaml"
contains nested-sam-at "$tmp/out" "$n/sam-parent.yaml:22:11: error: Function OrdersFunction is in public subnet PublicSubnetA"
# A nesting cycle: VL002 at each TemplateURL, and the run ends.
check nested-cycle 1 "$bin" --no-config --format gcc "$n/cycle-a.yaml"
contains nested-cycle-at "$tmp/out" "$n/cycle-a.yaml:7:20: error: Nested stack B leads back to this template ($n/cycle-a.yaml -> $n/cycle-b.yaml -> $n/cycle-a.yaml)"

# The parent into the child: parameters the parent passes as its own
# resources (`!Join` of subnets, `!GetAtt Sg.GroupId`, `!GetAtt Role.Arn`) or
# as a sibling's outputs resolve in the child, whose function is checked
# against the parent's routes. The finding is the child's (where the fix
# goes), with the parent's subnet as a related location.
p=fixtures/stacks/from-parent
check from-parent 1 "$bin" --no-config --format gcc --select VL101 "$p/public-parent.yaml"
contains from-parent-at "$tmp/out" "$p/app.yaml:29:20: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB (route table PublicRouteTable sends 0.0.0.0/0 to internet gateway InternetGateway)"
count from-parent-once "$tmp/out" "[VL101]" 1
lacks from-parent-not-in-parent "$tmp/out" "$p/public-parent.yaml:"
check from-parent-related 1 "$bin" --no-config --format json --select VL101 "$p/public-parent.yaml"
contains from-parent-related-subnet "$tmp/out" "\"file\": \"$p/public-parent.yaml\""
# Both scanned (a directory walk): the child's own run (parameters unknown,
# silent) and the parent's deployment of it give the finding once.
check from-parent-both 1 "$bin" --no-config --format gcc --select VL101 "$p/public-parent.yaml" "$p/app.yaml"
count from-parent-both-once "$tmp/out" "[VL101]" 1
check from-parent-child-alone 0 "$bin" --no-config --format gcc --select VL101,VL201 "$p/app.yaml"
# Private subnets with a NAT gateway: silent; the role passed in lacks the
# ENI permissions, and the child's Role (which reads it) says so.
check from-parent-private 1 "$bin" --no-config --format gcc --select VL101,VL201 "$p/private-parent.yaml"
lacks from-parent-private-no-vl101 "$tmp/out" "[VL101]"
contains from-parent-private-vl201 "$tmp/out" "$p/app.yaml:20:13: error: Function OrdersFunction runs in a VPC, but its execution role FunctionRole does not allow"
# Values vpclint cannot work out (imports of a stack not scanned): unknown, silent.
check from-parent-unknown 0 "$bin" --no-config --format gcc "$p/unknown-parent.yaml"
lacks from-parent-unknown-silent "$tmp/out" "[VL"
check from-parent-sam 1 "$bin" --no-config --format gcc --select VL101 "$p/sam-parent.yaml"
contains from-parent-sam-at "$tmp/out" "$p/app.yaml:29:20: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB"
# A sibling's outputs: one subnet (`!Ref SubnetId`) and a joined list split
# in the child (`!Split [",", !Ref SubnetCsv]`).
check from-sibling 1 "$bin" --no-config --format gcc --select VL101 "$p/sibling-parent.yaml"
contains from-sibling-one "$tmp/out" "$p/single.yaml:40:11: error: Function OneSubnetFunction is in public subnet PublicSubnetA"
contains from-sibling-split "$tmp/out" "$p/single.yaml:57:20: error: Function SplitFunction is in public subnets PublicSubnetA and PublicSubnetB"
count from-sibling-two "$tmp/out" "[VL101]" 2

# A split of a join of several imports resolves item by item.
j=fixtures/stacks/join-split
check join-split 1 "$bin" --no-config --format gcc --select VL101 "$j/app.yaml" "$j/network.yaml"
contains join-split-at "$tmp/out" "$j/app.yaml:33:20: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB"
check join-split-alone 0 "$bin" --no-config --format gcc --select VL101 "$j/app.yaml"

# Exports that depend on the exporting template's own conditions: what is
# decided in every scenario is exported (PublicSubnetA exists only when
# Share is true, PublicSubnetB's Fn::If branches agree); a value that differs
# by scenario (the security group) stays unknown.
c=fixtures/stacks/cond-exports
check cond-exports 1 "$bin" --no-config --format gcc --select VL101 "$c/app.yaml" "$c/network.yaml"
contains cond-exports-at "$tmp/out" "$c/app.yaml:34:11: error: Function OrdersFunction is in public subnets PublicSubnetA and PublicSubnetB"
check cond-exports-alone 0 "$bin" --no-config --format gcc --select VL101 "$c/app.yaml"

# Terraform workspaces: the app plan with the network state (flag or
# configuration); the plan alone is silent; bad arguments are usage errors.
t=fixtures/terraform/remote-state
check tf-linked 1 "$bin" --no-config --format gcc --tf-remote-state "network=$t/network/state.json" "$t/app/plan.json"
contains tf-linked-at "$tmp/out" "$t/app/main.tf:54:5: error: Function aws_lambda_function.api is in public subnets module.vpc.aws_subnet.public[0] and module.vpc.aws_subnet.public[1]"
check tf-alone 0 "$bin" --no-config --format gcc "$t/app/plan.json"
lacks tf-alone-silent "$tmp/out" "[VL101]"
printf 'tf-remote-state:\n  network: %s\n' "$src/$t/network/state.json" >"$tmp/tf.yaml"
check tf-config 1 "$bin" --config "$tmp/tf.yaml" --format gcc "$t/app/plan.json"
contains tf-config-at "$tmp/out" "$t/app/main.tf:54:5: error: "
check tf-bad-arg 2 "$bin" --no-config --tf-remote-state network "$t/app/plan.json"
check tf-missing-state 2 "$bin" --no-config --tf-remote-state network=no/such/state.json "$t/app/plan.json"

echo "$checks checks, $fails failed"
[ "$fails" -eq 0 ]
