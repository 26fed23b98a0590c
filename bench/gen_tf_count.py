#!/usr/bin/env python3
"""A Terraform root module of 4*N resources made with count (the .tf frontend's benchmark, issue 19):
N subnets (cidrsubnet, element), N route tables, N associations through element(x[*].id, count.index)
(the terraform-aws-modules/vpc pattern) and N routes; writes main.tf into the directory given.

    python3 bench/gen_tf_count.py 2500 /tmp/tf10k   # 10,000 resources
"""
import os
import sys

n, out = int(sys.argv[1]), sys.argv[2]
os.makedirs(out, exist_ok=True)
with open(os.path.join(out, "main.tf"), "w") as f:
    f.write(f'''variable "n" {{ default = {n} }}
resource "aws_vpc" "this" {{ cidr_block = "10.0.0.0/8" }}
resource "aws_subnet" "private" {{
  count             = var.n
  vpc_id            = aws_vpc.this.id
  cidr_block        = cidrsubnet("10.0.0.0/8", 16, count.index)
  availability_zone = element(["eu-west-1a", "eu-west-1b", "eu-west-1c"], count.index)
  tags              = {{ Name = "private-${{count.index}}" }}
}}
resource "aws_route_table" "private" {{
  count  = var.n
  vpc_id = aws_vpc.this.id
}}
resource "aws_route_table_association" "private" {{
  count          = var.n
  subnet_id      = element(aws_subnet.private[*].id, count.index)
  route_table_id = element(aws_route_table.private[*].id, count.index)
}}
resource "aws_route" "private" {{
  count                  = var.n
  route_table_id         = aws_route_table.private[count.index].id
  destination_cidr_block = "0.0.0.0/0"
  gateway_id             = "igw-0123456789abcdef0"
}}
''')
