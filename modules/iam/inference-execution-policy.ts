import { DataAwsIamPolicyDocument } from "@cdktf/provider-aws/lib/data-aws-iam-policy-document";
import { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import { Construct } from "constructs";
import { AwsContext } from "../core/aws-context";
import { matches } from "../core/rules";
import { isUnresolved, Problems } from "../core/validation";

/** Log groups of SageMaker endpoints: `/aws/sagemaker/Endpoints/<endpoint name>`, and their streams. */
export const ENDPOINT_LOG_GROUPS = "log-group:/aws/sagemaker/Endpoints/*";

export interface InferenceExecutionPolicyProps {
  /** Name of the execution role the policy is put on (an inline policy). */
  readonly roleName: string;
  /**
   * Name of the inline policy: 1-128 characters of letters, digits and `+=,.@_-`.
   *
   * @default "sagemaker-inference-execution"
   */
  readonly policyName?: string;
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
}

/**
 * The least-privilege permissions of a SageMaker hosting execution role, as the SageMaker guide lists them for
 * CreateModel ("CreateModel API: Execution Role Permissions"): write logs to the endpoints' log groups, put
 * metrics, log in to ECR, pull the model's images, and read its artifacts. Only CloudWatch metrics and the ECR
 * login use resource `*`: they have no resource-level permissions.
 */
export class InferenceExecutionPolicy extends Construct {
  /** The policy document. */
  public readonly document: DataAwsIamPolicyDocument;
  /** The inline policy on the role. */
  public readonly policy: IamRolePolicy;

  public constructor(scope: Construct, id: string, props: InferenceExecutionPolicyProps) {
    super(scope, id);
    const policyName = props.policyName ?? "sagemaker-inference-execution";
    const problems = new Problems().check(
      "policyName",
      policyName,
      matches(
        /^[\w+=,.@-]{1,128}$/,
        "an IAM policy name: 1-128 characters from letters, digits and + = , . @ _ -",
      ),
    );
    if (!isUnresolved(props.imageRepositoryArns) && props.imageRepositoryArns.length === 0) {
      problems.add("imageRepositoryArns", [], "at least one ECR repository ARN");
    }
    problems.throwIfAny(this);

    const aws = AwsContext.of(this);
    const statements = [
      {
        sid: "EndpointLogs",
        actions: [
          "logs:CreateLogGroup",
          "logs:CreateLogStream",
          "logs:DescribeLogStreams",
          "logs:PutLogEvents",
        ],
        resources: [aws.arn({ service: "logs", resource: ENDPOINT_LOG_GROUPS })],
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
        resources: [...props.imageRepositoryArns],
      },
    ];
    if (props.modelArtifactArns && props.modelArtifactArns.length > 0) {
      statements.push({
        sid: "ModelArtifacts",
        actions: ["s3:GetObject"],
        resources: [...props.modelArtifactArns],
      });
    }
    this.document = new DataAwsIamPolicyDocument(this, "document", {
      statement: statements.map((statement) => ({ effect: "Allow", ...statement })),
    });
    this.policy = new IamRolePolicy(this, "policy", {
      name: policyName,
      role: props.roleName,
      policy: this.document.json,
    });
  }
}
