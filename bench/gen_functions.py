#!/usr/bin/env python3
"""Generates a CloudFormation template with N functions and N subnets (half
public, half private behind NAT gateways) for the linearity benchmark.
Usage: gen_functions.py N > template.yaml"""
import sys

n = int(sys.argv[1])
out = ['AWSTemplateFormatVersion: "2010-09-09"', "Resources:",
       "  Vpc:", "    Type: AWS::EC2::VPC", "    Properties: {CidrBlock: 10.0.0.0/8}",
       "  Igw:", "    Type: AWS::EC2::InternetGateway",
       "  Attach:", "    Type: AWS::EC2::VPCGatewayAttachment", "    Properties: {VpcId: !Ref Vpc, InternetGatewayId: !Ref Igw}",
       "  PublicRt:", "    Type: AWS::EC2::RouteTable", "    Properties: {VpcId: !Ref Vpc}",
       "  PublicDefault:", "    Type: AWS::EC2::Route",
       "    Properties: {RouteTableId: !Ref PublicRt, DestinationCidrBlock: 0.0.0.0/0, GatewayId: !Ref Igw}",
       "  Sg:", "    Type: AWS::EC2::SecurityGroup", "    Properties: {GroupDescription: f, VpcId: !Ref Vpc}",
       "  Role:", "    Type: AWS::IAM::Role", "    Properties:",
       "      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}",
       "      ManagedPolicyArns: [!Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']"]
for i in range(n):
    b, c = divmod(i, 250)
    public = i % 2 == 0
    out += [f"  Subnet{i}:", "    Type: AWS::EC2::Subnet",
            f"    Properties: {{VpcId: !Ref Vpc, CidrBlock: 10.{b}.{c}.0/24, AvailabilityZone: !Select [{i % 3}, !GetAZs '']}}",
            f"  Assoc{i}:", "    Type: AWS::EC2::SubnetRouteTableAssociation",
            f"    Properties: {{SubnetId: !Ref Subnet{i}, RouteTableId: !Ref {'PublicRt' if public else f'Rt{i}'}}}"]
    if public:
        out += [f"  Eip{i}:", "    Type: AWS::EC2::EIP", f"  Nat{i}:", "    Type: AWS::EC2::NatGateway",
                f"    Properties: {{SubnetId: !Ref Subnet{i}, AllocationId: !GetAtt Eip{i}.AllocationId}}"]
    else:
        out += [f"  Rt{i}:", "    Type: AWS::EC2::RouteTable", "    Properties: {VpcId: !Ref Vpc}",
                f"  Default{i}:", "    Type: AWS::EC2::Route",
                f"    Properties: {{RouteTableId: !Ref Rt{i}, DestinationCidrBlock: 0.0.0.0/0, NatGatewayId: !Ref Nat{i - 1}}}"]
    out += [f"  Fn{i}:", "    Type: AWS::Lambda::Function", "    Properties:",
            "      Runtime: python3.12", "      Handler: index.handler", "      Role: !GetAtt Role.Arn",
            "      Code: {ZipFile: 'def handler(e, c): return None'}",
            f"      VpcConfig: {{SubnetIds: [!Ref Subnet{i}], SecurityGroupIds: [!Ref Sg]}}",
            f"      Environment: {{Variables: {{API_URL: 'https://api{i}.example.com'}}}}"]
print("\n".join(out))
