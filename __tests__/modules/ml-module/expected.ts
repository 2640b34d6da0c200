/**
 * The addresses and IAM documents MlModule writes, for the construct's and the stack's tests: the same statements, with
 * names known at synth time in one and Terraform expressions in the other.
 */
export const PARTITION = "${data.aws_partition.current.partition}";
export const REGION = "${data.aws_region.current.region}";
export const ACCOUNT = "${data.aws_caller_identity.current.account_id}";

/** The repository ARN of `local.image_uri`, as Terraform computes it when the image is not a plain string. */
export const REPOSITORY_OF_IMAGE_LOCAL =
  '${replace(local.image_uri, "/^([0-9]{12})[.]dkr[.]ecr[.]([a-z0-9-]+)[.]([a-z0-9.-]+)/([a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$/", ' +
  `"arn:${PARTITION}:ecr:$2:$1:repository/$4")}`;

/** Every address of the module under its original names: the original's eight resources and the new data sources. */
export const ADDRESSES = [
  "aws_iam_role.lambda_sagemaker_invoke_role",
  "aws_iam_role.sagemaker_execution_role",
  "aws_iam_role_policy.lambda_sagemaker_invoke_policy",
  "aws_iam_role_policy.sagemaker_execution_policy",
  "aws_iam_role_policy_attachment.lambda_vpc_execution",
  "aws_sagemaker_endpoint.serverless_endpoint",
  "aws_sagemaker_endpoint_configuration.serverless_config",
  "aws_sagemaker_model.optimal_call_time_predictor",
  "data.aws_caller_identity.current",
  "data.aws_iam_policy_document.lambda_sagemaker_invoke_assume_role",
  "data.aws_iam_policy_document.lambda_sagemaker_invoke_policy",
  "data.aws_iam_policy_document.sagemaker_execution_assume_role",
  "data.aws_iam_policy_document.sagemaker_execution_policy",
  "data.aws_partition.current",
  "data.aws_region.current",
];

const LOG_WRITE = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];

function trustPolicy(principal: string, condition: Record<string, unknown>) {
  return {
    statement: [
      {
        effect: "Allow",
        actions: ["sts:AssumeRole"],
        principals: [{ type: "Service", identifiers: [principal] }],
        condition: [condition],
      },
    ],
  };
}

/** SageMaker may assume the execution role for this account and region only. */
export const SAGEMAKER_TRUST = trustPolicy("sagemaker.amazonaws.com", {
  test: "ArnLike",
  variable: "aws:SourceArn",
  values: [`arn:${PARTITION}:sagemaker:${REGION}:${ACCOUNT}:*`],
});

/** Lambda may assume the invoke role for this account only. */
export const LAMBDA_TRUST = trustPolicy("lambda.amazonaws.com", {
  test: "StringEquals",
  variable: "aws:SourceAccount",
  values: [ACCOUNT],
});

/** Read the two model objects, pull from one repository, write one endpoint's log group. */
export function executionPolicy(bucket: string, endpointName: string, repositoryArn: string) {
  const logGroup = `arn:${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:/aws/sagemaker/Endpoints/${endpointName}`;
  return {
    statement: [
      {
        sid: "ReadModel",
        effect: "Allow",
        actions: ["s3:GetObject"],
        resources: [
          `arn:${PARTITION}:s3:::${bucket}/models/optimal-call-time/model.tar.gz`,
          `arn:${PARTITION}:s3:::${bucket}/models/optimal-call-time/code`,
        ],
      },
      {
        sid: "PullImage",
        effect: "Allow",
        actions: [
          "ecr:BatchCheckLayerAvailability",
          "ecr:GetDownloadUrlForLayer",
          "ecr:BatchGetImage",
        ],
        resources: [repositoryArn],
      },
      {
        sid: "AuthenticateToEcr",
        effect: "Allow",
        actions: ["ecr:GetAuthorizationToken"],
        resources: ["*"],
      },
      {
        sid: "WriteEndpointLogs",
        effect: "Allow",
        actions: LOG_WRITE,
        resources: [logGroup, `${logGroup}:log-stream:*`],
      },
    ],
  };
}

/** Invoke one endpoint (`endpointNameInArn`: lower case), write the log groups of functions named `<prefix>...`. */
export function lambdaInvokePolicy(endpointNameInArn: string, functionNamePrefix: string) {
  return {
    statement: [
      {
        sid: "InvokeEndpoint",
        effect: "Allow",
        actions: ["sagemaker:InvokeEndpoint"],
        resources: [
          `arn:${PARTITION}:sagemaker:${REGION}:${ACCOUNT}:endpoint/${endpointNameInArn}`,
        ],
      },
      {
        sid: "WriteFunctionLogs",
        effect: "Allow",
        actions: LOG_WRITE,
        resources: [
          `arn:${PARTITION}:logs:${REGION}:${ACCOUNT}:log-group:/aws/lambda/${functionNamePrefix}*`,
        ],
      },
    ],
  };
}
