#!/usr/bin/env python3
# Writes the terraform.tfstate of the module-vpc-update-* fixtures in
# fixtures/terraform/realistic: the module VPC (modules/vpc with two AZs), its
# security group and the function's role exist already, with made-up ids; the
# function is new. Each existing route table reads back, in `route`, the route
# its aws_route resource made, as the AWS provider does. After changing
# modules/vpc, run it and then scripts/regen-terraform-fixtures:
#
#   scripts/terraform-fixture-state.py fixtures/terraform/realistic/module-vpc-update-public/terraform.tfstate
import json, sys
P = 'provider["registry.terraform.io/hashicorp/aws"]'
ACC = "123456789012"
res = []
def add(typ, name, attrs, index=None, module="module.vpc", schema=0, deps=()):
    r = next((x for x in res if x["type"] == typ and x["name"] == name and x.get("module") == module), None)
    if not r:
        r = ({"module": module} if module else {}) | {"mode": "managed", "type": typ, "name": name, "provider": P,
                                                       "instances": []}
        res.append(r)
    inst = {"schema_version": schema, "attributes": attrs, "sensitive_attributes": [], "dependencies": list(deps)}
    if index is not None: inst = {"index_key": index, **inst}
    r["instances"].append(inst)
vpc, igw = "vpc-0a1b2c3d4e5f60718", "igw-0a1b2c3d4e5f60718"
main_rt = "rtb-0f0e0d0c0b0a09081"
tags = lambda n: {"Name": n}
add("aws_vpc", "this", {"id": vpc, "arn": f"arn:aws:ec2:eu-west-1:{ACC}:vpc/{vpc}", "cidr_block": "10.0.0.0/16",
    "enable_dns_hostnames": True, "enable_dns_support": True, "instance_tenancy": "default",
    "main_route_table_id": main_rt, "default_route_table_id": main_rt, "default_security_group_id": "sg-0f0e0d0c0b0a09080",
    "default_network_acl_id": "acl-0f0e0d0c0b0a09080", "owner_id": ACC, "tags": tags("orders"), "tags_all": tags("orders"),
    "assign_generated_ipv6_cidr_block": False, "enable_network_address_usage_metrics": False,
    "ipv6_association_id": "", "ipv6_cidr_block": "", "ipv6_cidr_block_network_border_group": "", "ipv6_ipam_pool_id": "",
    "ipv6_netmask_length": 0, "ipv4_ipam_pool_id": None, "ipv4_netmask_length": None, "dhcp_options_id": "dopt-0f0e0d0c0b0a09080"}, schema=1)
add("aws_internet_gateway", "this", {"id": igw, "arn": f"arn:aws:ec2:eu-west-1:{ACC}:internet-gateway/{igw}", "owner_id": ACC,
    "vpc_id": vpc, "tags": tags("orders"), "tags_all": tags("orders"), "timeouts": None}, index=0)
azs = ["eu-west-1a", "eu-west-1b"]
pub = ["subnet-0aa0000000000000%d" % k for k in (1, 2)]
priv = ["subnet-0bb0000000000000%d" % k for k in (1, 2)]
for kind, ids, cidrs, public in (("public", pub, ["10.0.0.0/24", "10.0.1.0/24"], True), ("private", priv, ["10.0.10.0/24", "10.0.11.0/24"], False)):
    for k, sid in enumerate(ids):
        n = f"orders-{kind}-{azs[k]}"
        add("aws_subnet", kind, {"id": sid, "arn": f"arn:aws:ec2:eu-west-1:{ACC}:subnet/{sid}", "vpc_id": vpc, "cidr_block": cidrs[k],
            "availability_zone": azs[k], "availability_zone_id": "euw1-az%d" % (k + 1), "map_public_ip_on_launch": public,
            "assign_ipv6_address_on_creation": False, "customer_owned_ipv4_pool": "", "enable_dns64": False,
            "enable_lni_at_device_index": 0, "enable_resource_name_dns_a_record_on_launch": False,
            "enable_resource_name_dns_aaaa_record_on_launch": False, "ipv6_cidr_block": "", "ipv6_cidr_block_association_id": "",
            "ipv6_native": False, "map_customer_owned_ip_on_launch": False, "outpost_arn": "", "owner_id": ACC,
            "private_dns_hostname_type_on_launch": "ip-name", "tags": tags(n), "tags_all": tags(n), "timeouts": None}, index=k, schema=1)
def route_item(cidr, **t):
    item = {"carrier_gateway_id": "", "cidr_block": cidr, "core_network_arn": "", "destination_prefix_list_id": "",
            "egress_only_gateway_id": "", "gateway_id": "", "ipv6_cidr_block": "", "local_gateway_id": "", "nat_gateway_id": "",
            "network_interface_id": "", "transit_gateway_id": "", "vpc_endpoint_id": "", "vpc_peering_connection_id": ""}
    item.update(t)
    return item
pub_rt = "rtb-0cc00000000000001"
priv_rt = ["rtb-0dd0000000000000%d" % k for k in (1, 2)]
eips = ["eipalloc-0ee0000000000000%d" % k for k in (1, 2)]
nats = ["nat-0ff0000000000000%d" % k for k in (1, 2)]
# The provider reads every route of the table back into `route`, also those
# that separate aws_route resources created.
add("aws_route_table", "public", {"id": pub_rt, "arn": f"arn:aws:ec2:eu-west-1:{ACC}:route-table/{pub_rt}", "owner_id": ACC,
    "vpc_id": vpc, "propagating_vgws": [], "route": [route_item("0.0.0.0/0", gateway_id=igw)],
    "tags": tags("orders-public"), "tags_all": tags("orders-public"), "timeouts": None}, index=0)
add("aws_route", "public_internet_gateway", {"id": "r-%s1080289494" % pub_rt, "route_table_id": pub_rt, "destination_cidr_block": "0.0.0.0/0",
    "gateway_id": igw, "carrier_gateway_id": "", "core_network_arn": "", "destination_ipv6_cidr_block": "", "destination_prefix_list_id": "",
    "egress_only_gateway_id": "", "instance_id": "", "instance_owner_id": "", "local_gateway_id": "", "nat_gateway_id": "",
    "network_interface_id": "", "origin": "CreateRoute", "state": "active", "transit_gateway_id": "", "vpc_endpoint_id": "",
    "vpc_peering_connection_id": "", "timeouts": {"create": "5m", "delete": None, "update": None}}, index=0)
for k in range(2):
    add("aws_route_table_association", "public", {"id": "rtbassoc-0aa0000000000000%d" % (k + 1), "subnet_id": pub[k],
        "route_table_id": pub_rt, "gateway_id": "", "timeouts": None}, index=k)
    add("aws_eip", "nat", {"id": eips[k], "allocation_id": eips[k], "domain": "vpc", "public_ip": "203.0.113.%d" % (10 + k),
        "public_dns": "ec2-203-0-113-%d.eu-west-1.compute.amazonaws.com" % (10 + k), "arn": f"arn:aws:ec2:eu-west-1:{ACC}:elastic-ip/{eips[k]}",
        "association_id": "eipassoc-0ee0000000000000%d" % (k + 1), "network_interface": "eni-0ee0000000000000%d" % (k + 1),
        "private_ip": "10.0.%d.10" % k, "private_dns": "", "tags": tags(f"orders-{azs[k]}"), "tags_all": tags(f"orders-{azs[k]}"),
        "network_border_group": "eu-west-1", "public_ipv4_pool": "amazon", "vpc": True, "timeouts": None}, index=k)
    add("aws_nat_gateway", "this", {"id": nats[k], "allocation_id": eips[k], "subnet_id": pub[k], "connectivity_type": "public",
        "association_id": "eipassoc-0ee0000000000000%d" % (k + 1), "network_interface_id": "eni-0ee0000000000000%d" % (k + 1),
        "private_ip": "10.0.%d.10" % k, "public_ip": "203.0.113.%d" % (10 + k), "secondary_allocation_ids": [],
        "secondary_private_ip_address_count": 0, "secondary_private_ip_addresses": [], "tags": tags(f"orders-{azs[k]}"),
        "tags_all": tags(f"orders-{azs[k]}"), "timeouts": None}, index=k)
    add("aws_route_table", "private", {"id": priv_rt[k], "arn": f"arn:aws:ec2:eu-west-1:{ACC}:route-table/{priv_rt[k]}", "owner_id": ACC,
        "vpc_id": vpc, "propagating_vgws": [], "route": [route_item("0.0.0.0/0", nat_gateway_id=nats[k])],
        "tags": tags(f"orders-private-{azs[k]}"), "tags_all": tags(f"orders-private-{azs[k]}"), "timeouts": None}, index=k)
    add("aws_route", "private_nat_gateway", {"id": "r-%s1080289494" % priv_rt[k], "route_table_id": priv_rt[k],
        "destination_cidr_block": "0.0.0.0/0", "nat_gateway_id": nats[k], "gateway_id": "", "carrier_gateway_id": "", "core_network_arn": "",
        "destination_ipv6_cidr_block": "", "destination_prefix_list_id": "", "egress_only_gateway_id": "", "instance_id": "",
        "instance_owner_id": "", "local_gateway_id": "", "network_interface_id": "", "origin": "CreateRoute", "state": "active",
        "transit_gateway_id": "", "vpc_endpoint_id": "", "vpc_peering_connection_id": "", "timeouts": {"create": "5m", "delete": None, "update": None}}, index=k)
    add("aws_route_table_association", "private", {"id": "rtbassoc-0bb0000000000000%d" % (k + 1), "subnet_id": priv[k],
        "route_table_id": priv_rt[k], "gateway_id": "", "timeouts": None}, index=k)
sg = "sg-0ab0000000000000c"
add("aws_security_group", "lambda", {"id": sg, "arn": f"arn:aws:ec2:eu-west-1:{ACC}:security-group/{sg}", "name": "orders-lambda-20250101000000000000000001",
    "name_prefix": "orders-lambda-", "description": "Lambda functions of orders", "vpc_id": vpc, "owner_id": ACC, "revoke_rules_on_delete": False,
    "ingress": [], "egress": [{"cidr_blocks": ["0.0.0.0/0"], "description": "", "from_port": 443, "to_port": 443, "protocol": "tcp",
    "ipv6_cidr_blocks": [], "prefix_list_ids": [], "security_groups": [], "self": False}], "tags": None, "tags_all": {}, "timeouts": None}, schema=1)
trust = json.dumps({"Version": "2012-10-17", "Statement": [{"Action": "sts:AssumeRole", "Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}}]}, separators=(",", ":"))
add("aws_iam_role", "fn", {"id": "fn", "name": "fn", "arn": f"arn:aws:iam::{ACC}:role/fn", "assume_role_policy": trust, "create_date": "2025-01-01T00:00:00Z",
    "description": "", "force_detach_policies": False, "inline_policy": [], "managed_policy_arns": ["arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"],
    "max_session_duration": 3600, "name_prefix": "", "path": "/", "permissions_boundary": "", "tags": None, "tags_all": {}, "unique_id": "AROAEXAMPLE000000001"}, module=None)
add("aws_iam_role_policy_attachment", "fn_vpc", {"id": "fn-20250101000000000000000002", "role": "fn",
    "policy_arn": "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"}, module=None)
state = {"version": 4, "terraform_version": "1.11.0", "serial": 7, "lineage": "5f1c0b6e-0000-4000-8000-00000000a11e", "outputs": {}, "resources": res, "check_results": None}
json.dump(state, open(sys.argv[1], "w"), indent=2)
