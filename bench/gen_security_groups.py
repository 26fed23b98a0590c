#!/usr/bin/env python3
"""Generates a CloudFormation template with one database security group of R
ingress rules (none admits the functions) and F VPC functions that use the
database, for the security-group linearity benchmark: every function's
question scans the group's R rules once.
Usage: gen_security_groups.py R F > template.yaml"""
import sys

rules, functions = int(sys.argv[1]), int(sys.argv[2])
out = ['AWSTemplateFormatVersion: "2010-09-09"', "Resources:",
       "  Vpc:", "    Type: AWS::EC2::VPC", "    Properties: {CidrBlock: 10.0.0.0/16}",
       "  SubnetA:", "    Type: AWS::EC2::Subnet",
       "    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.1.0/24, AvailabilityZone: us-east-1a}",
       "  SubnetB:", "    Type: AWS::EC2::Subnet",
       "    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.2.0/24, AvailabilityZone: us-east-1b}",
       "  FunctionSg:", "    Type: AWS::EC2::SecurityGroup", "    Properties: {GroupDescription: f, VpcId: !Ref Vpc}",
       "  DatabaseSg:", "    Type: AWS::EC2::SecurityGroup", "    Properties:",
       "      GroupDescription: db", "      VpcId: !Ref Vpc", "      SecurityGroupIngress:"]
for i in range(rules):
    out.append(f"        - {{IpProtocol: tcp, FromPort: {1 + i % 5000}, ToPort: {1 + i % 5000}, "
               f"CidrIp: 192.168.{i % 256}.0/24}}")
out += ["  Subnets:", "    Type: AWS::RDS::DBSubnetGroup",
        "    Properties: {DBSubnetGroupDescription: db, SubnetIds: [!Ref SubnetA, !Ref SubnetB]}",
        "  Database:", "    Type: AWS::RDS::DBInstance", "    Properties:",
        "      {Engine: postgres, DBInstanceClass: db.t4g.micro, AllocatedStorage: '20', DBSubnetGroupName: !Ref Subnets,",
        "       VPCSecurityGroups: [!GetAtt DatabaseSg.GroupId]}",
        "  Role:", "    Type: AWS::IAM::Role", "    Properties:",
        "      AssumeRolePolicyDocument: {Statement: [{Effect: Allow, Principal: {Service: lambda.amazonaws.com}, Action: sts:AssumeRole}]}",
        "      ManagedPolicyArns: [!Sub 'arn:${AWS::Partition}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole']"]
for i in range(functions):
    out += [f"  Fn{i}:", "    Type: AWS::Lambda::Function", "    Properties:",
            "      Runtime: python3.12", "      Handler: index.handler", "      Role: !GetAtt Role.Arn",
            "      Code: {ZipFile: 'def handler(e, c): return None'}",
            "      VpcConfig: {SubnetIds: [!Ref SubnetA, !Ref SubnetB], SecurityGroupIds: [!Ref FunctionSg]}",
            "      Environment: {Variables: {DB_HOST: !GetAtt Database.Endpoint.Address}}"]
print("\n".join(out))
