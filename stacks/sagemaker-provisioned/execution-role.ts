/**
 * What the model may do: the execution role SageMaker assumes, and its policy, limited to the model's artifact and
 * image, its captured data, the endpoint's own log group and, in a VPC, the model's network interfaces.
 */
import { Fn } from "cdktf";
import type { Construct } from "constructs";
import type { AwsContext } from "../../modules/core/aws-context";
import { addPreconditions } from "../../modules/core/preconditions";
import { AttachedPolicy } from "../../modules/iam/attached-policy";
import { inferenceExecutionDocument } from "../../modules/iam/inference-execution-policy";
import { ServiceRole } from "../../modules/iam/service-role";
import { ecrRepositoryArn } from "../../modules/images/ecr-repository";
import type { RecipeNames } from "./naming";
import type { RecipeNetwork } from "./network";

const ROLE = "execution-role";
const DOCUMENT = "execution-policy-document";
const POLICY = "execution-policy";

/** The recipe's addresses of the role, its trust policy and its policy (the documents are data sources of their own). */
export const EXECUTION_ROLE_ADDRESSES: Readonly<Record<string, string>> = {
  [`${ROLE}/role`]: "sagemaker_execution_role",
  [`${ROLE}/trust-policy`]: "sagemaker_execution_assume_role",
  [DOCUMENT]: "sagemaker_execution_policy",
  [`${POLICY}/policy`]: "sagemaker_execution_policy",
  [`${POLICY}/attachment`]: "sagemaker_execution_policy_attachment",
};

/** The execution role and the policy attached to it. */
export interface RecipeExecutionRole {
  readonly role: ServiceRole;
  readonly policy: AttachedPolicy;
}

/**
 * The role, trusted by SageMaker for this account and region, and its policy.
 *
 * Correction: the recipe's trust policy lets any SageMaker request assume the role; this one carries the
 * confused-deputy condition (aws:SourceArn of this account and region). The recipe lets the role get, put, delete
 * and list everything in the bucket, pull from every repository and write every /aws/sagemaker/ log group, with ARNs
 * in the aws partition. Hosting needs the artifact, the image's repository, the captured data's prefix and the
 * endpoint's own log group (and, in a VPC, network interfaces, which the recipe forgets).
 */
export function recipeExecutionRole(
  scope: Construct,
  config: {
    readonly names: RecipeNames;
    readonly aws: AwsContext;
    readonly imageUri: string;
    readonly artifactUrl: string;
    readonly dataCaptureObjectsArn: string;
    readonly network: RecipeNetwork | undefined;
    /** The names of the alarms that roll the endpoint's deployments back. */
    readonly rollbackAlarmNames: readonly string[];
  },
): RecipeExecutionRole {
  const { names, network } = config;
  const role = new ServiceRole(scope, ROLE, {
    roleName: names.executionRole,
    servicePrincipal: "sagemaker.amazonaws.com",
    tags: names.tagged(names.executionRole),
  });
  addPreconditions(role.role, [names.checks.executionRole]);
  const document = inferenceExecutionDocument(scope, DOCUMENT, {
    imageRepositoryArns: [ecrRepositoryArn(scope, config.imageUri)],
    modelArtifactArns: [
      Fn.replace(config.artifactUrl, "/^s3://(.*)$/", `arn:${config.aws.partition}:s3:::$1`),
    ],
    endpointName: names.endpoint,
    dataCaptureArns: [config.dataCaptureObjectsArn],
    // Correction: the recipe forgets the network interface permissions a model in a VPC needs; these are scoped to
    // the model's subnets and security groups (see networkInterfaceStatements).
    vpcNetworkInterfaces: network && {
      subnetIds: network.subnetIds,
      securityGroupIds: network.securityGroupIds,
    },
    // Beyond the recipe: SageMaker describes the rollback alarms with this role during a deployment.
    rollbackAlarmNames: config.rollbackAlarmNames,
  });
  const policy = new AttachedPolicy(scope, POLICY, {
    policyName: `${names.prefix}-sagemaker-execution-policy`,
    description: "Policy for SageMaker execution role",
    policy: document.json,
    roleName: role.roleName,
  });
  return { role, policy };
}
