# Two instances of the module VPC with for_each: a prod function in prod's private subnets with prod's
# group (no VL505 across instances), a staging function in staging's public subnets with a URL: VL101
# error naming staging's subnets.

provider "aws" {
  region                      = "eu-west-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

module "vpc" {
  source   = "../modules/vpc"
  for_each = {
    prod    = "10.0.0.0/16"
    staging = "10.1.0.0/16"
  }

  name            = each.key
  cidr            = each.value
  azs             = ["eu-west-1a", "eu-west-1b"]
  public_subnets  = [cidrsubnet(each.value, 8, 0), cidrsubnet(each.value, 8, 1)]
  private_subnets = [cidrsubnet(each.value, 8, 10), cidrsubnet(each.value, 8, 11)]
}

resource "aws_iam_role" "fn" {
  name = "fn"

  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Action    = "sts:AssumeRole"
      Principal = { Service = "lambda.amazonaws.com" }
    }]
  })
}

resource "aws_iam_role_policy_attachment" "fn_vpc" {
  role       = aws_iam_role.fn.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

resource "aws_lambda_function" "prod_api" {
  function_name = "prod_api"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "artifacts-example"
  s3_key        = "prod_api.zip"

  environment {
    variables = {
      PAYMENTS_URL = "https://api.stripe.com/v1"
    }
  }

  vpc_config {
    subnet_ids         = module.vpc["prod"].private_subnets
    security_group_ids = [module.vpc["prod"].lambda_security_group_id]
  }
}

resource "aws_lambda_function" "staging_api" {
  function_name = "staging_api"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "artifacts-example"
  s3_key        = "staging_api.zip"

  environment {
    variables = {
      PAYMENTS_URL = "https://api.stripe.com/v1"
    }
  }

  vpc_config {
    subnet_ids         = module.vpc["staging"].public_subnets
    security_group_ids = [module.vpc["staging"].lambda_security_group_id]
  }
}
