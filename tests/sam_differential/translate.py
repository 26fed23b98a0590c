#!/usr/bin/env python3
"""Translates SAM templates to plain CloudFormation with the installed
aws-sam-translator, offline: the managed-policy map comes from vpclint's own
table of AWS managed policies (names -> ARNs) instead of IAM.

Usage: translate.py OUT_DIR INPUT...   (writes OUT_DIR/<n>.json and an index
file OUT_DIR/index.tsv with "<n>.json<TAB>input path"; prints counts)
"""
import json
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")  # the translator asks boto for a region

from samtranslator.translator.transform import transform  # noqa: E402
from samtranslator.yaml_helper import yaml_parse  # noqa: E402

# Names a template may use bare in Policies; SAM resolves them through IAM.
MANAGED = {
    "AWSLambdaBasicExecutionRole": "service-role/", "AWSLambdaVPCAccessExecutionRole": "service-role/",
    "AWSLambdaENIManagementAccess": "service-role/", "AWSLambdaSQSQueueExecutionRole": "service-role/",
    "AWSLambdaKinesisExecutionRole": "service-role/", "AWSLambdaDynamoDBExecutionRole": "service-role/",
    "AWSLambdaMSKExecutionRole": "service-role/", "AWSLambdaRole": "service-role/",
    "AWSXrayWriteOnlyAccess": "", "AWSXRayDaemonWriteAccess": "", "AdministratorAccess": "",
    "PowerUserAccess": "", "AmazonEC2FullAccess": "", "AmazonDynamoDBFullAccess": "",
    "AmazonDynamoDBReadOnlyAccess": "", "AmazonS3FullAccess": "", "AmazonS3ReadOnlyAccess": "",
    "AmazonSQSFullAccess": "", "AmazonSNSFullAccess": "", "SecretsManagerReadWrite": "",
    "AWSLambda_FullAccess": "", "AWSLambdaExecute": "", "AmazonKinesisFullAccess": "",
    "CloudWatchLambdaInsightsExecutionRolePolicy": "",
}


class OfflinePolicies:
    def load(self):
        return {name: "arn:aws:iam::aws:policy/%s%s" % (path, name) for name, path in MANAGED.items()}


def main():
    out_dir, inputs = sys.argv[1], sys.argv[2:]
    os.makedirs(out_dir, exist_ok=True)
    ok = failed = 0
    with open(os.path.join(out_dir, "index.tsv"), "w") as index:
        for n, path in enumerate(inputs):
            try:
                with open(path) as f:
                    template = yaml_parse(f.read())
                if not isinstance(template, dict) or "Resources" not in template:
                    raise ValueError("not a template")
                template.setdefault("Transform", "AWS::Serverless-2016-10-31")
                out = transform(template, {}, OfflinePolicies())
            except Exception:  # the translator rejects the input: nothing to compare
                failed += 1
                continue
            name = "%d.json" % n
            with open(os.path.join(out_dir, name), "w") as f:
                json.dump(out, f, indent=1, default=str)
            index.write("%s\t%s\n" % (name, path))
            ok += 1
    print("translated %d, rejected by the translator %d" % (ok, failed))


if __name__ == "__main__":
    main()
