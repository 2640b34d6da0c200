/**
 * AWS managed policies that grant actions on every resource (`"Resource": "*"`, or every bucket, log group,
 * function, ...) and that SageMaker and Lambda workloads commonly attach. The `iam-broad-managed-policy` rule reports
 * them (as warnings: they grant a few actions, not a whole service; `...FullAccess` and the like are errors).
 *
 * Each entry says what the policy allows on every resource, from the policy document in the AWS Managed Policy
 * Reference (`https://docs.aws.amazon.com/aws-managed-policy/latest/reference/<name>.html`), as of the version
 * given; the documents were read from the snapshot in iann0036/iam-dataset (`aws/managedpolicies/<name>.json`,
 * 2026-08). AWS changes managed policies without notice: the list names the policies, the text is for people.
 */
export interface WildcardManagedPolicy {
  /** The policy's name with its path, as in its ARN after `policy/`: `service-role/AWSLambdaRole`. */
  readonly name: string;
  /** What it allows on every resource. */
  readonly grants: string;
  /** The policy version the text was read from. */
  readonly version: string;
}

export const WILDCARD_MANAGED_POLICIES: readonly WildcardManagedPolicy[] = [
  {
    name: "service-role/AWSLambdaBasicExecutionRole",
    grants: "logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents on every log group",
    version: "v1",
  },
  {
    name: "service-role/AWSLambdaVPCAccessExecutionRole",
    grants:
      "logs:CreateLogGroup, logs:CreateLogStream, logs:PutLogEvents on every log group, and " +
      "ec2:CreateNetworkInterface, ec2:DeleteNetworkInterface, ec2:AssignPrivateIpAddresses, " +
      "ec2:UnassignPrivateIpAddresses on every subnet and network interface",
    version: "v3",
  },
  {
    name: "service-role/AWSLambdaENIManagementAccess",
    grants:
      "ec2:CreateNetworkInterface, ec2:DeleteNetworkInterface, ec2:AssignPrivateIpAddresses, " +
      "ec2:UnassignPrivateIpAddresses on every subnet and network interface",
    version: "v2",
  },
  {
    name: "AWSLambdaExecute",
    grants: "logs:* on every log group, s3:GetObject and s3:PutObject on every bucket",
    version: "v1",
  },
  {
    name: "service-role/AWSLambdaRole",
    grants: "lambda:InvokeFunction on every function",
    version: "v1",
  },
  {
    name: "service-role/AWSLambdaKinesisExecutionRole",
    grants: "reads of every Kinesis stream, and writes to every log group",
    version: "v2",
  },
  {
    name: "service-role/AWSLambdaSQSQueueExecutionRole",
    grants:
      "sqs:ReceiveMessage and sqs:DeleteMessage on every queue, and writes to every log group",
    version: "v1",
  },
  {
    name: "service-role/AWSLambdaDynamoDBExecutionRole",
    grants: "reads of every DynamoDB stream, and writes to every log group",
    version: "v1",
  },
  {
    name: "AmazonS3ReadOnlyAccess",
    grants: "s3:Get*, s3:List* and s3:Describe* on every bucket and object",
    version: "v3",
  },
  {
    name: "AmazonEC2ContainerRegistryReadOnly",
    grants: "image pulls and reads of every ECR repository",
    version: "v3",
  },
  {
    name: "AmazonEC2ContainerRegistryPullOnly",
    grants: "image pulls from every ECR repository, pull-through cache imports included",
    version: "v1",
  },
  {
    name: "AmazonEC2ContainerRegistryPowerUser",
    grants: "image pulls from and pushes to every ECR repository",
    version: "v3",
  },
  {
    name: "AmazonSageMakerReadOnly",
    grants:
      "sagemaker:Describe*, sagemaker:List*, sagemaker:Search and record reads on every SageMaker resource",
    version: "v11",
  },
  {
    name: "CloudWatchAgentServerPolicy",
    grants: "cloudwatch:PutMetricData, and log group creation and writes on every log group",
    version: "v3",
  },
];
