# The module VPC with count = 1 and enable_nat_gateway = false: a function in its private subnets (no
# default route) with an internet URL: VL102.

provider "aws" {
  region                      = "eu-west-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

module "vpc" {
  source = "../modules/vpc"
  count  = 1

  name               = "reports"
  cidr               = "10.2.0.0/16"
  azs                = ["eu-west-1a", "eu-west-1b"]
  public_subnets     = ["10.2.0.0/24", "10.2.1.0/24"]
  private_subnets    = ["10.2.10.0/24", "10.2.11.0/24"]
  enable_nat_gateway = false
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

resource "aws_lambda_function" "reports" {
  function_name = "reports"
  role          = aws_iam_role.fn.arn
  runtime       = "python3.12"
  handler       = "app.handler"
  s3_bucket     = "artifacts-example"
  s3_key        = "reports.zip"

  environment {
    variables = {
      PAYMENTS_URL = "https://api.stripe.com/v1"
    }
  }

  vpc_config {
    subnet_ids         = module.vpc[0].private_subnets
    security_group_ids = [module.vpc[0].lambda_security_group_id]
  }
}
