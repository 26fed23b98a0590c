# A network module with for_each (zones from terraform.tfvars, the name from
# an .auto.tfvars file); two functions: `api` in the private subnets (NAT per
# zone: nothing to report) and `worker`, which var.worker_placement (tfvars)
# puts in the public subnets while it calls an internet API: VL101 error at
# its subnet_ids line. The role's trust policy is a data
# aws_iam_policy_document; AWSLambdaVPCAccessExecutionRole is attached.

provider "aws" {
  region                      = "eu-west-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

variable "name" {
  type    = string
  default = "unnamed"
}

variable "zones" {
  type = map(number)
}

variable "worker_placement" {
  type    = string
  default = "private"
}

module "network" {
  source = "../modules/network"
  name   = var.name
  cidr   = "10.20.0.0/16"
  zones  = var.zones
}

locals {
  subnets = {
    private = module.network.private_subnet_ids
    public  = module.network.public_subnet_ids
  }
}

data "aws_iam_policy_document" "assume" {
  statement {
    actions = ["sts:AssumeRole"]
    principals {
      type        = "Service"
      identifiers = ["lambda.amazonaws.com"]
    }
  }
}

resource "aws_iam_role" "fn" {
  name               = "${var.name}-fn"
  assume_role_policy = data.aws_iam_policy_document.assume.json
}

resource "aws_iam_role_policy_attachment" "vpc" {
  role       = aws_iam_role.fn.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_lambda_function" "api" {
  function_name = "${var.name}-api"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "artifacts-example"
  s3_key        = "api.zip"

  environment {
    variables = {
      PAYMENTS_URL = "https://api.stripe.com/v1"
    }
  }

  vpc_config {
    subnet_ids         = module.network.private_subnet_ids
    security_group_ids = [module.network.lambda_security_group_id]
  }
}

resource "aws_lambda_function" "worker" {
  function_name = "${var.name}-worker"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "worker.handler"
  s3_bucket     = "artifacts-example"
  s3_key        = "worker.zip"

  environment {
    variables = {
      WEBHOOK_URL = "https://hooks.slack.com/services/T000/B000/XXXX"
    }
  }

  vpc_config {
    subnet_ids         = local.subnets[var.worker_placement]
    security_group_ids = [module.network.lambda_security_group_id]
  }
}
