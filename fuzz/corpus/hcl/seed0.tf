# A function from a module whose vpc_config is a dynamic block (as in
# terraform-aws-modules/lambda), placed in the public subnets of the realistic
# VPC module while it calls an internet API: VL101 error. The plan's
# configuration omits dynamic blocks, so the plan alone cannot tell which
# subnets the function is in (no finding); with these .tf files beside it,
# vpclint supplies the references (tests/hcl_twins_test.cpp).

provider "aws" {
  region                      = "eu-west-1"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
}

module "vpc" {
  source          = "../../realistic/modules/vpc"
  name            = "orders"
  cidr            = "10.0.0.0/16"
  azs             = ["eu-west-1a", "eu-west-1b"]
  public_subnets  = ["10.0.0.0/24", "10.0.1.0/24"]
  private_subnets = ["10.0.10.0/24", "10.0.11.0/24"]
}

resource "aws_iam_role" "fn" {
  name = "fn"
  assume_role_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = [{ Effect = "Allow", Action = "sts:AssumeRole", Principal = { Service = "lambda.amazonaws.com" } }]
  })
}

resource "aws_iam_role_policy_attachment" "vpc" {
  role       = aws_iam_role.fn.name
  policy_arn = "arn:aws:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole"
}

module "api" {
  source                 = "../modules/function"
  name                   = "api"
  role_arn               = aws_iam_role.fn.arn
  environment            = { PAYMENTS_URL = "https://api.stripe.com/v1" }
  vpc_subnet_ids         = module.vpc.public_subnets
  vpc_security_group_ids = [module.vpc.lambda_security_group_id]
}
