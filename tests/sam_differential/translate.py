#!/usr/bin/env python3
"""Translates SAM templates to plain CloudFormation with the installed
aws-sam-translator, offline.

Usage: translate.py OUT_DIR INPUT...

Writes OUT_DIR/<n>.json per translated input and OUT_DIR/index.tsv with one
line per input: "<n>.json<TAB>input" when translated, "-<TAB>input<TAB>reason"
when the translator rejects it (the corpus holds the translator's own error
cases, error_*.yaml, on purpose).

Offline: managed policy names resolve through the map the translator bundles
(samtranslator/internal/data/aws_managed_policies.json), the fallback map is
empty, and the Serverless Application Repository client is a stub.
"""
import json
import logging
import os
import sys

os.environ.setdefault("AWS_DEFAULT_REGION", "us-east-1")  # the partition SAM writes into ARNs

from samtranslator.parser.parser import Parser  # noqa: E402
from samtranslator.plugins.application.serverless_app_plugin import ServerlessAppPlugin  # noqa: E402
from samtranslator.translator.translator import Translator  # noqa: E402
from samtranslator.utils.py27hash_fix import (  # noqa: E402
    to_py27_compatible_template,
    undo_mark_unicode_str_in_template,
)
from samtranslator.yaml_helper import yaml_parse  # noqa: E402


class OfflineServerlessRepo:
    """Stands in for the Serverless Application Repository client, which the
    translator would create with boto3 for AWS::Serverless::Application: no
    call leaves the machine, and such templates are rejected."""

    def get_application(self, **_):
        raise ConnectionError("offline: the Serverless Application Repository is not reachable")

    create_cloud_formation_template = get_cloud_formation_template = get_application


def translate(path):
    with open(path, encoding="utf-8") as f:
        template = yaml_parse(f.read())
    if not isinstance(template, dict) or not isinstance(template.get("Resources"), dict):
        raise ValueError("not a template")
    # Translator test inputs often leave the Transform line out.
    template.setdefault("Transform", "AWS::Serverless-2016-10-31")
    # What samtranslator.translator.transform.transform does, with the
    # repository client replaced. parameter_values {}: the translator applies
    # the parameters' defaults itself.
    parameters = {}
    to_py27_compatible_template(template, parameters)
    translator = Translator(None, Parser(), plugins=[ServerlessAppPlugin(sar_client=OfflineServerlessRepo())])
    out = translator.translate(template, parameter_values=parameters, get_managed_policy_map=lambda: {})
    return undo_mark_unicode_str_in_template(out)


def main():
    # The translator logs per template ("There are unpublished metrics", the
    # reasons of rejections, which index.tsv keeps).
    logging.disable(logging.CRITICAL)
    out_dir, inputs = sys.argv[1], sys.argv[2:]
    os.makedirs(out_dir, exist_ok=True)
    translated = rejected = 0
    with open(os.path.join(out_dir, "index.tsv"), "w", encoding="utf-8") as index:
        for n, path in enumerate(inputs):
            try:
                out = translate(path)
            except Exception as e:  # noqa: BLE001 - any rejection means "nothing to compare"
                reason = " ".join(str(e).split())[:300] or type(e).__name__
                index.write("-\t%s\t%s\n" % (path, reason))
                rejected += 1
                continue
            name = "%04d.json" % n
            with open(os.path.join(out_dir, name), "w", encoding="utf-8") as f:
                json.dump(out, f, indent=1, default=str)
            index.write("%s\t%s\n" % (name, path))
            translated += 1
    print("translated %d, rejected by the translator %d" % (translated, rejected))


if __name__ == "__main__":
    main()
