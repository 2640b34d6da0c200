import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { Fn } from "cdktf";
import type { Construct } from "constructs";
import { AwsContext } from "../core/aws-context";
import { rollbackAlarmsStatement } from "../iam/inference-execution-policy";
import { isUnresolved } from "../core/validation";

/** The CloudWatch Logs actions a writer of logs needs (the original's three). */
const LOG_WRITE_ACTIONS = ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"];
/** The ECR actions that pull an image's layers; `ecr:GetAuthorizationToken` is granted separately on `*`. */
const IMAGE_PULL_ACTIONS = [
  "ecr:BatchCheckLayerAvailability",
  "ecr:GetDownloadUrlForLayer",
  "ecr:BatchGetImage",
];

export interface ExecutionPolicyProps {
  /** Bucket of the model artifact. */
  readonly bucket: string;
  /** Keys SageMaker and the container read: the model artifact and the inference code archive. */
  readonly objectKeys: readonly string[];
  /** ARN of the ECR repository of the inference image. */
  readonly imageRepositoryArn: string;
  /** Name of the endpoint, whose log group `/aws/sagemaker/Endpoints/<name>` SageMaker writes. */
  readonly endpointName: string;
  /** Names of the alarms that roll the endpoint's deployments back, which SageMaker describes; none by default. */
  readonly rollbackAlarmNames?: readonly string[];
}

/**
 * What the SageMaker execution role may do: read the model objects, pull the image, write the endpoint's logs.
 *
 * Correction: the original grants s3:GetObject, s3:PutObject and s3:ListBucket on the whole bucket, CloudWatch
 * Logs on every log ARN and image pulls from every repository, with ARNs in the `aws` partition. Hosting a
 * model needs none of the writes (no data capture, no async output), so this reads the two objects the model
 * points at, pulls from the image's own repository, and writes only the endpoint's log group, with ARNs in the
 * stack's partition. (`ecr:GetAuthorizationToken` has no resource-level permissions: it stays on `*`.)
 */
export function executionPolicyDocument(
  scope: Construct,
  id: string,
  props: ExecutionPolicyProps,
): DataAwsIamPolicyDocument {
  const aws = AwsContext.of(scope);
  const logGroup = aws.arn({
    service: "logs",
    resource: `log-group:/aws/sagemaker/Endpoints/${props.endpointName}`,
  });
  return new DataAwsIamPolicyDocument(scope, id, {
    statement: [
      {
        sid: "ReadModel",
        effect: "Allow",
        actions: ["s3:GetObject"],
        resources: props.objectKeys.map((key) =>
          aws.arn({ service: "s3", region: "", account: "", resource: `${props.bucket}/${key}` }),
        ),
      },
      {
        sid: "PullImage",
        effect: "Allow",
        actions: IMAGE_PULL_ACTIONS,
        resources: [props.imageRepositoryArn],
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
        actions: LOG_WRITE_ACTIONS,
        // The group itself (CreateLogGroup) and its streams; not `<name>*`, which would match other endpoints.
        resources: [logGroup, `${logGroup}:log-stream:*`],
      },
      ...(props.rollbackAlarmNames && props.rollbackAlarmNames.length > 0
        ? [rollbackAlarmsStatement(aws, props.rollbackAlarmNames)]
        : []),
    ],
  });
}

export interface LambdaInvokePolicyProps {
  /** Name of the endpoint the functions invoke. */
  readonly endpointName: string;
  /** Start of the names of the functions whose log groups `/aws/lambda/<name>` the role may write. */
  readonly functionNamePrefix: string;
}

/**
 * What the Lambda functions may do: invoke this endpoint and write their own logs.
 *
 * Correction: the original lets the functions write to every log ARN. This allows the log groups of the
 * project's functions only, `/aws/lambda/<projectName>-<environment>-*` in this account and region, and builds
 * the endpoint ARN in the stack's partition with the name in lower case. (The AWS managed policy the original
 * also attaches, AWSLambdaVPCAccessExecutionRole, still allows logs on `*`: see the README.)
 */
export function lambdaInvokePolicyDocument(
  scope: Construct,
  id: string,
  props: LambdaInvokePolicyProps,
): DataAwsIamPolicyDocument {
  const aws = AwsContext.of(scope);
  return new DataAwsIamPolicyDocument(scope, id, {
    statement: [
      {
        sid: "InvokeEndpoint",
        effect: "Allow",
        actions: ["sagemaker:InvokeEndpoint"],
        resources: [
          aws.arn({ service: "sagemaker", resource: `endpoint/${lowerCase(props.endpointName)}` }),
        ],
      },
      {
        sid: "WriteFunctionLogs",
        effect: "Allow",
        actions: LOG_WRITE_ACTIONS,
        // The trailing `*` covers the groups and their streams (`...:log-stream:...`).
        resources: [
          aws.arn({
            service: "logs",
            resource: `log-group:/aws/lambda/${props.functionNamePrefix}*`,
          }),
        ],
      },
    ],
  });
}

/**
 * SageMaker ARNs carry the endpoint name in lower case whatever case it was created with, so a policy that
 * spells it otherwise never matches (AccessDenied on invoke).
 */
function lowerCase(name: string): string {
  return isUnresolved(name) ? Fn.lower(name) : name.toLowerCase();
}
