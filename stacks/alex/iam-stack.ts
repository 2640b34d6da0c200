import type { IamRolePolicy } from "@cdktf/provider-aws/lib/iam-role-policy";
import type { IamRolePolicyAttachment } from "@cdktf/provider-aws/lib/iam-role-policy-attachment";
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { Sleep } from "@cdktf/provider-time/lib/sleep";
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { knownKeys } from "../../modules/core/known-keys";
import { optional, STRING } from "../../modules/core/kinds";
import { InferenceExecutionPolicy } from "../../modules/iam/inference-execution-policy";
import { managedPolicyAttachmentId, ServiceRole } from "../../modules/iam/service-role";
import { RegionalImage } from "../../modules/images/regional-image";
import { acknowledge } from "../../modules/policy/acknowledgements";
import { ProjectStack } from "../project-stack";
import { awsRegionVariable } from "../region-variable";
import { DEFAULT_IMAGE_REPOSITORY, DEFAULT_IMAGE_TAG } from "./sagemaker-serverless-stack";

/** The AWS managed policy the original attaches to the execution role. */
export const SAGEMAKER_FULL_ACCESS = "AmazonSageMakerFullAccess";

/** The construct ids of the role and of the least-privilege policy, whose resources keep the original's addresses. */
const ROLE = "sagemaker-execution-role";
const POLICY = "execution-policy";

/** Why the stack keeps the original's broad managed policy by default (shown in the synth output). */
export const FULL_ACCESS_REASON =
  "Kept from the original Alex Terraform (terraform/2_sagemaker), so that moving its state changes no " +
  'permission. Set IamStackProps.executionPolicy to "least-privilege" for a role limited to the ' +
  "endpoint's logs, metrics and image repository.";

/** The permissions of the execution role. */
export type ExecutionPolicy = "AmazonSageMakerFullAccess" | "least-privilege";

export interface IamStackProps {
  /**
   * Name of the SageMaker execution role.
   *
   * @default "alex-sagemaker-role"
   */
  readonly roleName?: string;
  /**
   * What the execution role may do.
   *
   * - `AmazonSageMakerFullAccess`: the original's AWS managed policy, so a migrated deployment sees no
   *   permission change. Far broader than the endpoint needs: the policy checks report it, acknowledged.
   * - `least-privilege`: an inline policy (`InferenceExecutionPolicy`) with only what the endpoint uses:
   *   logs in `/aws/sagemaker/Endpoints/*`, `cloudwatch:PutMetricData` and `ecr:GetAuthorizationToken` (which
   *   have no resource-level permissions), and image pulls from the region's HuggingFace inference repository
   *   (`huggingface-pytorch-inference` in the registry account of `aws_region`). An image set through
   *   `sagemaker_image_uri` in another repository cannot be pulled with it.
   *
   * @default "AmazonSageMakerFullAccess"
   */
  readonly executionPolicy?: ExecutionPolicy;
}

const IAM_STACK_KEYS = knownKeys<IamStackProps>({
  roleName: optional(STRING),
  executionPolicy: optional(STRING),
});

/**
 * Stack `iam`: the SageMaker execution role of the Alex embedding endpoint (terraform/2_sagemaker in the
 * original), and the 15 s pause that lets IAM propagate the role before SageMaker uses it.
 *
 * Resource addresses are the original's, so its state can be moved here unchanged.
 */
export class IamStack extends ProjectStack {
  /** The execution role; the `sagemaker-serverless` stack takes its ARN. */
  public readonly executionRole: ServiceRole;
  /** What grants the role its permissions: the managed policy attachment, or the least-privilege policy. */
  public readonly permissions: IamRolePolicyAttachment | IamRolePolicy;
  /** `time_sleep.wait_for_iam_propagation`, created after the permissions. */
  public readonly propagationDelay: Sleep;

  public constructor(scope: Construct, id: string, props: IamStackProps = {}) {
    super(scope, id);
    IAM_STACK_KEYS.refuseWrongShape(this, props);
    IAM_STACK_KEYS.refuseUnknown(this, props);
    const leastPrivilege = props.executionPolicy === "least-privilege";
    this.keepAddresses({
      [`${ROLE}/trust-policy`]: "sagemaker_assume_role",
      [`${ROLE}/role`]: "sagemaker_role",
      ...(leastPrivilege
        ? {
            [`${POLICY}/document`]: "sagemaker_execution",
            [`${POLICY}/policy`]: "sagemaker_execution",
          }
        : {
            [`${ROLE}/${managedPolicyAttachmentId(SAGEMAKER_FULL_ACCESS)}`]:
              "sagemaker_full_access",
          }),
    });
    const region = awsRegionVariable(this);
    new AwsProvider(this, "aws", { region: region.stringValue });
    new TimeProvider(this, "time");

    // Correction: the original trust policy has no condition; this one only lets SageMaker assume the
    // role on behalf of this account and region (confused-deputy protection), and the managed policy ARN
    // uses the stack's partition instead of a literal `arn:aws:`.
    this.executionRole = new ServiceRole(this, ROLE, {
      roleName: props.roleName ?? "alex-sagemaker-role",
      servicePrincipal: "sagemaker.amazonaws.com",
      managedPolicies: leastPrivilege ? [] : [SAGEMAKER_FULL_ACCESS],
    });

    if (leastPrivilege) {
      const image = new RegionalImage(this, "inference-image", {
        registry: "huggingface-inference",
        repository: DEFAULT_IMAGE_REPOSITORY,
        tag: DEFAULT_IMAGE_TAG,
        region: region.stringValue,
      });
      const policy = new InferenceExecutionPolicy(this, POLICY, {
        roleName: this.executionRole.roleName,
        policyName: "alex-sagemaker-execution",
        imageRepositoryArns: [image.repositoryArn],
      }).policy;
      // Without a registry in the region the repository ARN is not valid: stop the plan with the reason.
      policy.lifecycle = {
        precondition: [
          { condition: image.regionSupported, errorMessage: image.unsupportedRegionMessage },
        ],
      };
      this.permissions = policy;
    } else {
      this.permissions = this.executionRole.managedPolicyAttachments[SAGEMAKER_FULL_ACCESS]!;
      acknowledge(this.permissions, "iam-broad-managed-policy", FULL_ACCESS_REASON);
    }

    // IAM is eventually consistent: a role used right after creation can be refused by SageMaker. The
    // `sagemaker-serverless` stack depends on this stack, so its endpoint is created after this pause.
    this.propagationDelay = new Sleep(this, "wait_for_iam_propagation", {
      createDuration: "15s",
      dependsOn: [this.permissions],
    });

    new TerraformOutput(this, "sagemaker_role_name", {
      value: this.executionRole.roleName,
      description: "Name of the SageMaker execution role",
    });
    new TerraformOutput(this, "sagemaker_role_arn", {
      value: this.executionRole.roleArn,
      description: "ARN of the SageMaker execution role",
    });
  }
}
