import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TimeProvider } from "@cdktf/provider-time/lib/provider";
import { Sleep } from "@cdktf/provider-time/lib/sleep";
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { ServiceRole } from "../../modules/iam/service-role";
import { ProjectStack } from "../project-stack";
import { awsRegionVariable } from "./region-variable";

/** The AWS managed policy the original attaches to the execution role. */
export const SAGEMAKER_FULL_ACCESS = "AmazonSageMakerFullAccess";

export interface IamStackProps {
  /**
   * Name of the SageMaker execution role.
   *
   * @default "alex-sagemaker-role"
   */
  readonly roleName?: string;
}

/**
 * Stack `iam`: the SageMaker execution role of the Alex embedding endpoint (terraform/2_sagemaker in the
 * original), and the 15 s pause that lets IAM propagate the role before SageMaker uses it.
 *
 * Resource addresses are the original's, so its state can be moved here unchanged.
 */
export class IamStack extends ProjectStack {
  /** The execution role; the `sagemaker-serverless` stack takes its ARN. */
  public readonly executionRole: ServiceRole;
  /** `time_sleep.wait_for_iam_propagation`, created after the policy attachment. */
  public readonly propagationDelay: Sleep;

  public constructor(scope: Construct, id: string, props: IamStackProps = {}) {
    super(scope, id);
    this.keepAddresses({
      "sagemaker-execution-role/trust-policy": "sagemaker_assume_role",
      "sagemaker-execution-role/role": "sagemaker_role",
      [`sagemaker-execution-role/managed-${SAGEMAKER_FULL_ACCESS}`]: "sagemaker_full_access",
    });
    const region = awsRegionVariable(this);
    new AwsProvider(this, "aws", { region: region.stringValue });
    new TimeProvider(this, "time");

    // Correction: the original trust policy has no condition; this one only lets SageMaker assume the
    // role on behalf of this account and region (confused-deputy protection), and the managed policy ARN
    // uses the stack's partition instead of a literal `arn:aws:`.
    this.executionRole = new ServiceRole(this, "sagemaker-execution-role", {
      roleName: props.roleName ?? "alex-sagemaker-role",
      servicePrincipal: "sagemaker.amazonaws.com",
      managedPolicies: [SAGEMAKER_FULL_ACCESS],
    });
    const fullAccess = this.executionRole.managedPolicyAttachments[SAGEMAKER_FULL_ACCESS]!;

    // IAM is eventually consistent: a role used right after creation can be refused by SageMaker. The
    // `sagemaker-serverless` stack depends on this stack, so its endpoint is created after this pause.
    this.propagationDelay = new Sleep(this, "wait_for_iam_propagation", {
      createDuration: "15s",
      dependsOn: [fullAccess],
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
