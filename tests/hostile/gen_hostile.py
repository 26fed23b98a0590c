#!/usr/bin/env python3
"""Writes one small file per hostile-input class of issue 17 into OUT_DIR
(crashes by recursion depth, runaway time or memory, silent wrong answers).
The files are generated, never committed: a depth of 1,000,000 is a few MB.

Usage: gen_hostile.py OUT_DIR [DEPTH]   (DEPTH defaults to 1,000,000)

Each file's name says what vpclint must answer; tests/e2e/hostile_input.sh
checks the answers, time and memory."""
import json
import os
import sys

out = sys.argv[1]
depth = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
os.makedirs(out, exist_ok=True)

HEAD = 'AWSTemplateFormatVersion: "2010-09-09"\n'


def write(name, text):
    with open(os.path.join(out, name), "w") as f:
        f.write(text)


# Deep nesting written out, in every syntax the loaders read.
write("deep-flow.yaml", HEAD + "Resources: " + "[" * depth + "]" * depth + "\n")
write("deep-flow-map.yaml", HEAD + "Resources: " + "{a: " * depth + "b" + "}" * depth + "\n")
write("deep-block.yaml", HEAD + "Resources:\n" + "".join(" " * (i + 1) + "- \n" for i in range(min(depth, 2000))))
write("deep.json", '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": ' + "[" * depth + "]" * depth + "}\n")
write("deep-object.json", '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": ' + '{"a":' * depth + "1" + "}" * depth + "}\n")

# YAML aliases whose effective depth is `depth` while each line nests once.
n = min(depth, 200000)
lines = [HEAD, "Metadata:\n", "  A0: &a0 [x]\n"]
lines += [f"  A{i}: &a{i} [*a{i - 1}]\n" for i in range(1, n)]
lines += ["Resources:\n", "  Fn:\n", "    Type: AWS::Lambda::Function\n", "    Properties:\n",
          "      Runtime: python3.12\n", "      Handler: i.h\n", "      Role: arn:aws:iam::123456789012:role/r\n",
          "      Code: {ZipFile: x}\n", f"      Tags: *a{n - 1}\n"]
write("alias-chain.yaml", "".join(lines))

# A mapping whose value looks itself up (CloudFormation rejects intrinsics in
# Mappings; evaluating it naively never ends).
write("findinmap-self.yaml", HEAD + """Mappings:
  M:
    A:
      B: !FindInMap [M, A, B]
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      Runtime: python3.12
      Handler: i.h
      Role: arn:aws:iam::123456789012:role/r
      Code: {ZipFile: x}
      FunctionName: !FindInMap [M, A, B]
""")

# A policy document given as a deeply nested JSON string.
write("policy-json-deep.yaml", HEAD + """Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument: '{"Statement": """ + "[" * depth + "]" * depth + """}'
""")

# A chain of NAT gateways: subnet i routes 0.0.0.0/0 to the NAT in subnet i+1
# (JSON: the YAML parser alone would take seconds for 20,000 subnets).
n = min(depth, 20000)
res = {"Vpc": {"Type": "AWS::EC2::VPC", "Properties": {"CidrBlock": "10.0.0.0/8"}}}
for i in range(n):
    res[f"S{i}"] = {"Type": "AWS::EC2::Subnet", "Properties": {"VpcId": {"Ref": "Vpc"}, "CidrBlock": f"10.{i // 250}.{i % 250}.0/24"}}
    res[f"Rt{i}"] = {"Type": "AWS::EC2::RouteTable", "Properties": {"VpcId": {"Ref": "Vpc"}}}
    res[f"As{i}"] = {"Type": "AWS::EC2::SubnetRouteTableAssociation",
                     "Properties": {"SubnetId": {"Ref": f"S{i}"}, "RouteTableId": {"Ref": f"Rt{i}"}}}
    res[f"Nat{i}"] = {"Type": "AWS::EC2::NatGateway", "Properties": {"SubnetId": {"Ref": f"S{i}"}, "ConnectivityType": "private"}}
    if i + 1 < n:
        res[f"R{i}"] = {"Type": "AWS::EC2::Route", "Properties": {"RouteTableId": {"Ref": f"Rt{i}"}, "DestinationCidrBlock": "0.0.0.0/0",
                                                                  "NatGatewayId": {"Ref": f"Nat{i + 1}"}}}
res["Fn"] = {"Type": "AWS::Lambda::Function", "Properties": {
    "Runtime": "python3.12", "Handler": "i.h", "Role": "arn:aws:iam::123456789012:role/r", "Code": {"ZipFile": "x"},
    "VpcConfig": {"SubnetIds": [{"Ref": "S0"}], "SecurityGroupIds": ["sg-12345678"]}}}
write("nat-chain.json", json.dumps({"AWSTemplateFormatVersion": "2010-09-09", "Resources": res}, indent=1))

# A parameters file nested `depth` deep, and a template for it.
write("params-deep.json", '[{"ParameterKey": "P", "ParameterValue": ' + "[" * depth + "]" * depth + "}]\n")
write("params-template.yaml", HEAD + "Parameters:\n  P: {Type: String}\nResources:\n  T:\n    Type: AWS::SNS::Topic\n")

# Merge keys: the function's VpcConfig comes from the defaults.
write("merge-keys.yaml", HEAD + """Metadata:
  Defaults: &defaults
    Runtime: python3.12
    Handler: i.h
Resources:
  Fn:
    Type: AWS::Lambda::Function
    Properties:
      <<: *defaults
      Role: arn:aws:iam::123456789012:role/r
      Code: {ZipFile: x}
""")

# Numbers RFC 8259 forbids.
for i, bad in enumerate(["0123", "1.2.3", "1e", "-", "01.5", "1.", ".5", "+1"]):
    write(f"bad-number-{i}.json", '{"AWSTemplateFormatVersion": "2010-09-09", "Resources": {"T": {"Type": "AWS::SNS::Topic", "X": '
          + bad + "}}}\n")

# Structurally invalid plans.
write("plan-planned-null.json", json.dumps({"format_version": "1.2", "terraform_version": "1.11.0", "planned_values": None}))
write("plan-changes-object.json", json.dumps({"format_version": "1.2", "terraform_version": "1.11.0",
                                              "planned_values": {"root_module": {}}, "resource_changes": {"a": 1}}))
write("plan-root-list.json", json.dumps({"format_version": "1.2", "terraform_version": "1.11.0",
                                         "planned_values": {"root_module": []}}))


# Module outputs referring to each other in a cycle of `k` (exponential
# without memoisation).
def cycle_plan(k):
    names = [chr(ord("a") + i) for i in range(k)]
    outs = [f"module.m.o{i}" for i in range(k)]
    return {"format_version": "1.2", "terraform_version": "1.11.0",
            "planned_values": {"root_module": {"resources": [
                {"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function", "name": "f",
                 "values": {"function_name": "f", "vpc_config": [{"subnet_ids": [None], "security_group_ids": [None]}]}}]}},
            "configuration": {"root_module": {
                "resources": [{"address": "aws_lambda_function.f", "mode": "managed", "type": "aws_lambda_function",
                               "name": "f", "expressions": {"vpc_config": [{"subnet_ids": {"references": outs},
                                                                             "security_group_ids": {"references": outs}}]}}],
                "module_calls": {"m": {"source": "./m",
                                       "expressions": {n: {"references": outs} for n in names},
                                       "module": {"outputs": {f"o{i}": {"expression": {"references": [f"var.{n}" for n in names]}}
                                                              for i in range(k)}}}}}}}


write("plan-cycle3.json", json.dumps(cycle_plan(3)))
write("plan-cycle4.json", json.dumps(cycle_plan(4)))

# Terraform modules nested `depth` deep (the JSON nesting limit applies).
k = min(depth, 100000)
write("plan-deep-modules.json", '{"format_version": "1.2", "terraform_version": "1.11.0", "planned_values": {"root_module": {}}, '
      '"configuration": {"root_module": ' + '{"module_calls": {"m": {"source": "./m", "module": ' * k + "{}" + "}}}" * k + "}}")

# Four times the node budget (1,000,000, core/document.h) with no alias at
# all: the load stops at the budget, whatever follows.
write("many-nodes.yaml", HEAD + "Metadata:\n  L: [" + ",".join(["1"] * 4_100_000) + "]\nResources:\n  T: {Type: AWS::SNS::Topic}\n")

# One long line: 32k resources in flow style.
write("one-line.yaml", "{AWSTemplateFormatVersion: '2010-09-09', Resources: {"
      + ", ".join(f"T{i}: {{Type: AWS::SNS::Topic, Properties: {{TopicName: t{i}}}}}" for i in range(32000)) + "}}\n")
