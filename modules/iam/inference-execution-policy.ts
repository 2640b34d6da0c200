import {
  DataAwsIamPolicyDocument,
  type DataAwsIamPolicyDocumentStatement,
} from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Fn, Token } from "cdktf";
import { Construct } from "constructs";
import { AwsContext } from "../core/aws-context";
import { knownKeys } from "../core/known-keys";
import { optional, STRING, STRINGS } from "../core/kinds";
import { IAM_POLICY_NAME } from "../core/limits/iam";
import { isUnresolved, Problems } from "../core/validation";

/** Log groups of SageMaker endpoints: `/aws/sagemaker/Endpoints/<endpoint name>`, and their streams. */
export const ENDPOINT_LOG_GROUPS = "log-group:/aws/sagemaker/Endpoints/*";

/** What a SageMaker hosting execution role may do beyond logs, metrics and the ECR login. */
export interface InferenceExecutionPermissions {
  /**
   * ARNs of the ECR repositories the model's images come from, e.g. `RegionalImage.repositoryArn`. At least one.
   */
  readonly imageRepositoryArns: readonly string[];
  /**
   * ARNs of the S3 objects of the model artifacts (`arn:<partition>:s3:::<bucket>/<key>`).
   *
   * @default - none: the container fetches its model itself
   */
  readonly modelArtifactArns?: readonly string[];
  /**
   * Name of the one endpoint whose log group (`/aws/sagemaker/Endpoints/<name>`) and streams the role writes.
   *
   * @default - the log groups of every endpoint in the account and region
   */
  readonly endpointName?: string;
  /**
   * ARNs of the S3 objects data capture writes, e.g. `arn:<partition>:s3:::<bucket>/data-capture/*`.
   *
   * @default - none: the endpoint captures no data
   */
  readonly dataCaptureArns?: readonly string[];
  /**
   * The subnets and security groups of a model in a VPC (its `vpc_config`): SageMaker then creates network
   * interfaces in those subnets with those security groups, and deletes them, with the role. Lists known only at
   * apply time (Terraform variables) are fine.
   *
   * @default - the model runs outside any VPC: no network interface permissions
   */
  readonly vpcNetworkInterfaces?: ModelNetwork;
  /**
   * Names of the CloudWatch alarms that roll the model's endpoint deployments back (`autoRollback`): SageMaker
   * describes them with the execution role while a deployment runs.
   *
   * @default - none: no rollback alarms
   */
  readonly rollbackAlarmNames?: readonly string[];
}

/**
 * `cloudwatch:DescribeAlarms` on the rollback alarms of an endpoint's deployments: "Ensure that your IAM execution
 * role has permission to perform the cloudwatch:DescribeAlarms action on the auto-rollback alarms you specify"
 * (SageMaker Developer Guide, Auto-Rollback Configuration and Monitoring). The action takes alarm ARNs.
 */
export function rollbackAlarmsStatement(
  aws: AwsContext,
  alarmNames: readonly string[],
): DataAwsIamPolicyDocumentStatement {
  return {
    sid: "RollbackAlarms",
    effect: "Allow",
    actions: ["cloudwatch:DescribeAlarms"],
    resources: alarmNames.map((name) =>
      aws.arn({ service: "cloudwatch", resource: `alarm:${name}` }),
    ),
  };
}

/** Where a model's network interfaces live: its VPC configuration. */
export interface ModelNetwork {
  /** The subnet ids (`subnet-...`), or a Terraform list of them. */
  readonly subnetIds: readonly string[];
  /** The security group ids (`sg-...`), or a Terraform list of them. */
  readonly securityGroupIds: readonly string[];
}

export interface InferenceExecutionPolicyProps extends InferenceExecutionPermissions {
  /** Name of the execution role the policy is put on (an inline policy). */
  readonly roleName: string;
  /**
   * Name of the inline policy: 1-128 characters of letters, digits and `+=,.@_-`.
   *
   * @default "sagemaker-inference-execution"
   */
  readonly policyName?: string;
}

/** The EC2 reads SageMaker makes for a model in a VPC; none of them has resource-level permissions. */
const NETWORK_DESCRIBE_ACTIONS = [
  "ec2:DescribeDhcpOptions",
  "ec2:DescribeNetworkInterfaces",
  "ec2:DescribeSecurityGroups",
  "ec2:DescribeSubnets",
  "ec2:DescribeVpcs",
];

/**
 * The least-privilege permissions of a SageMaker hosting execution role, as the SageMaker guide lists them for
 * CreateModel ("CreateModel API: Execution Role Permissions"): write logs to the endpoints' log groups, put
 * metrics, log in to ECR, pull the model's images, read its artifacts, and, when asked, write captured data,
 * manage the network interfaces of a model in a VPC and describe the alarms that roll its deployments back. Only CloudWatch metrics, the ECR login and the EC2 reads use
 * resource `*`: they have no resource-level permissions.
 */
export function inferenceExecutionDocument(
  scope: Construct,
  id: string,
  permissions: InferenceExecutionPermissions,
): DataAwsIamPolicyDocument {
  const aws = AwsContext.of(scope);
  const logs =
    permissions.endpointName === undefined
      ? [aws.arn({ service: "logs", resource: ENDPOINT_LOG_GROUPS })]
      : endpointLogGroup(aws, permissions.endpointName);
  const statements: DataAwsIamPolicyDocumentStatement[] = [
    {
      sid: "EndpointLogs",
      actions: [
        "logs:CreateLogGroup",
        "logs:CreateLogStream",
        "logs:DescribeLogStreams",
        "logs:PutLogEvents",
      ],
      resources: logs,
    },
    { sid: "Metrics", actions: ["cloudwatch:PutMetricData"], resources: ["*"] },
    { sid: "RegistryLogin", actions: ["ecr:GetAuthorizationToken"], resources: ["*"] },
    {
      sid: "ImagePull",
      actions: [
        "ecr:BatchCheckLayerAvailability",
        "ecr:BatchGetImage",
        "ecr:GetDownloadUrlForLayer",
      ],
      resources: [...permissions.imageRepositoryArns],
    },
  ];
  if (permissions.modelArtifactArns && permissions.modelArtifactArns.length > 0) {
    statements.push({
      sid: "ModelArtifacts",
      actions: ["s3:GetObject"],
      resources: [...permissions.modelArtifactArns],
    });
  }
  if (permissions.dataCaptureArns && permissions.dataCaptureArns.length > 0) {
    statements.push({
      sid: "DataCapture",
      actions: ["s3:PutObject"],
      resources: [...permissions.dataCaptureArns],
    });
  }
  if (permissions.vpcNetworkInterfaces) {
    statements.push(...networkInterfaceStatements(aws, permissions.vpcNetworkInterfaces));
  }
  if (permissions.rollbackAlarmNames && permissions.rollbackAlarmNames.length > 0) {
    statements.push(rollbackAlarmsStatement(aws, permissions.rollbackAlarmNames));
  }
  return new DataAwsIamPolicyDocument(scope, id, {
    statement: statements.map((statement) => ({ effect: "Allow", ...statement })),
  });
}

/**
 * The network interface actions SageMaker takes for a model in a VPC ("CreateModel API: Execution Role
 * Permissions"), each scoped as far as the EC2 Service Authorization Reference allows (condition keys per action as
 * listed there, read from iann0036/iam-dataset `aws/iam_definition.json`, 2026-08):
 *
 * - `CreateNetworkInterface` authorizes the interface, the subnet and the security groups, and its
 *   network-interface resource has no `ec2:Subnet` key: the model's subnets and security groups are its resources.
 * - `CreateNetworkInterfacePermission` (a "Permissions management" action) has `ec2:Subnet`,
 *   `ec2:AuthorizedService` and `ec2:Permission`: the interface must be in the model's subnets, and the permission
 *   may only let SageMaker attach it. AWS's own policies for SageMaker use these two conditions on this action:
 *   `ec2:AuthorizedService` = `sagemaker.amazonaws.com` in AmazonSageMakerCoreServiceRolePolicy, `ec2:Permission` =
 *   `INSTANCE-ATTACH` in AmazonSageMakerInferenceServiceRolePolicy.
 * - `DeleteNetworkInterface` and `DeleteNetworkInterfacePermission` have `ec2:Subnet` (and `ec2:Vpc`), not
 *   `ec2:AuthorizedService`: only interfaces in the model's subnets.
 *
 * The reads (`Describe*`) have no resource-level permissions and stay on `*`.
 */
function networkInterfaceStatements(
  aws: AwsContext,
  network: ModelNetwork,
): DataAwsIamPolicyDocumentStatement[] {
  const networkInterfaces = aws.arn({ service: "ec2", resource: "network-interface/*" });
  const subnets = ec2Arns(aws, "subnet", network.subnetIds);
  const securityGroups = ec2Arns(aws, "security-group", network.securityGroupIds);
  const inModelSubnets = { test: "ArnEquals", variable: "ec2:Subnet", values: subnets };
  return [
    {
      sid: "NetworkInterfaceCreate",
      actions: ["ec2:CreateNetworkInterface"],
      resources:
        isUnresolved(network.subnetIds) || isUnresolved(network.securityGroupIds)
          ? Token.asList(Fn.concat([[networkInterfaces], subnets, securityGroups]))
          : [networkInterfaces, ...subnets, ...securityGroups],
    },
    {
      sid: "NetworkInterfacePermission",
      actions: ["ec2:CreateNetworkInterfacePermission"],
      resources: [networkInterfaces],
      condition: [
        inModelSubnets,
        {
          test: "StringEquals",
          variable: "ec2:AuthorizedService",
          values: ["sagemaker.amazonaws.com"],
        },
        { test: "StringEquals", variable: "ec2:Permission", values: ["INSTANCE-ATTACH"] },
      ],
    },
    {
      sid: "NetworkInterfaceDelete",
      actions: ["ec2:DeleteNetworkInterface", "ec2:DeleteNetworkInterfacePermission"],
      resources: [networkInterfaces],
      condition: [inModelSubnets],
    },
    { sid: "NetworkDescribe", actions: NETWORK_DESCRIBE_ACTIONS, resources: ["*"] },
  ];
}

/** The ARNs of EC2 resources of one type in this account and region, by id; a Terraform list stays one. */
function ec2Arns(aws: AwsContext, type: string, ids: readonly string[]): string[] {
  if (isUnresolved(ids)) {
    return Token.asList(
      Fn.formatlist(`arn:%s:ec2:%s:%s:${type}/%s`, [aws.partition, aws.region, aws.accountId, ids]),
    );
  }
  return ids.map((id) => aws.arn({ service: "ec2", resource: `${type}/${id}` }));
}

/** The group itself (CreateLogGroup) and its streams; not `<name>*`, which would match other endpoints. */
function endpointLogGroup(aws: AwsContext, endpointName: string): string[] {
  const logGroup = aws.arn({
    service: "logs",
    resource: `log-group:/aws/sagemaker/Endpoints/${endpointName}`,
  });
  return [logGroup, `${logGroup}:log-stream:*`];
}

const MODEL_NETWORK_KEYS = knownKeys<ModelNetwork>({
  subnetIds: STRINGS,
  securityGroupIds: STRINGS,
});
const EXECUTION_POLICY_KEYS = knownKeys<InferenceExecutionPolicyProps>({
  roleName: STRING,
  policyName: optional(STRING),
  imageRepositoryArns: STRINGS,
  modelArtifactArns: optional(STRINGS),
  endpointName: optional(STRING),
  dataCaptureArns: optional(STRINGS),
  vpcNetworkInterfaces: optional(MODEL_NETWORK_KEYS),
  rollbackAlarmNames: optional(STRINGS),
});

/** {@link inferenceExecutionDocument} as an inline policy of the execution role. */
export class InferenceExecutionPolicy extends Construct {
  /** The policy document. */
  public readonly document: DataAwsIamPolicyDocument;
  /** The inline policy on the role. */
  public readonly policy: IamRolePolicy;

  public constructor(scope: Construct, id: string, props: InferenceExecutionPolicyProps) {
    super(scope, id);
    EXECUTION_POLICY_KEYS.refuseWrongShape(this, props);
    const policyName = props.policyName ?? "sagemaker-inference-execution";
    const problems = new Problems();
    EXECUTION_POLICY_KEYS.check(problems, "", props);
    MODEL_NETWORK_KEYS.check(problems, "vpcNetworkInterfaces", props.vpcNetworkInterfaces);
    problems.check("policyName", policyName, IAM_POLICY_NAME);
    if (!isUnresolved(props.imageRepositoryArns) && props.imageRepositoryArns.length === 0) {
      problems.add("imageRepositoryArns", [], "at least one ECR repository ARN");
    }
    problems.throwIfAny(this);

    this.document = inferenceExecutionDocument(this, "document", props);
    this.policy = new IamRolePolicy(this, "policy", {
      name: policyName,
      role: props.roleName,
      policy: this.document.json,
    });
  }
}
