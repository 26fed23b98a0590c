// Synthesizes the CDK fixtures of vpclint offline (no AWS account, no CLI).
const cdk = require('aws-cdk-lib');
const ec2 = require('aws-cdk-lib/aws-ec2');
const lambda = require('aws-cdk-lib/aws-lambda');
const outdir = process.argv[2] || 'cdk.out';
const app = new cdk.App({ outdir });
const code = lambda.Code.fromInline(
  "import urllib.request\ndef handler(event, context):\n    return urllib.request.urlopen('https://api.payments.example.com/v1').status\n");

// A VPC with public and private subnets per AZ and one NAT gateway: the function reaches the internet.
const good = new cdk.Stack(app, 'NatVpcStack');
const vpc = new ec2.Vpc(good, 'Vpc', { maxAzs: 2, natGateways: 1 });
new lambda.Function(good, 'PaymentsFunction', {
  runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.handler', code, vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
});

// Isolated subnets only: the same function's calls to the external API time out (VL102).
const bad = new cdk.Stack(app, 'IsolatedVpcStack');
const isolated = new ec2.Vpc(bad, 'Vpc', {
  maxAzs: 2, natGateways: 0,
  subnetConfiguration: [{ name: 'Isolated', subnetType: ec2.SubnetType.PRIVATE_ISOLATED }],
});
new lambda.Function(bad, 'PaymentsFunction', {
  runtime: lambda.Runtime.PYTHON_3_12, handler: 'index.handler', code, vpc: isolated,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_ISOLATED },
});
app.synth();
