/**
 * The stack's ECR repository, where the recipe's own inference container is pushed (`docker_commands`): its
 * variables, the repository with its SageMaker pull policy and lifecycle, and the settings it keeps on purpose.
 */
import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { ECR_REPOSITORY_NAME, ECR_TAG_MUTABILITY } from "../../modules/core/limits/ecr";
import { InferenceRepository } from "../../modules/images/inference-repository";
import { acknowledge } from "../../modules/policy/acknowledgements";
import { stringVariable } from "../validated-variables";
import type { RecipeNames } from "./naming";

const REPOSITORY = "inference-repository";

/** The recipe's addresses of the repository, its policy and lifecycle policy (the policy document is new). */
export const REPOSITORY_ADDRESSES: Readonly<Record<string, string>> = {
  [`${REPOSITORY}/repository`]: "inference_repository",
  [`${REPOSITORY}/policy`]: "inference_repository_policy",
  [`${REPOSITORY}/policy-document`]: "inference_repository_policy",
  [`${REPOSITORY}/lifecycle-policy`]: "inference_repository_lifecycle",
};

export interface RepositoryVariables {
  readonly ecrRepositoryName: TerraformVariable;
  readonly ecrImageScanOnPush: TerraformVariable;
  readonly ecrImageTagMutability: TerraformVariable;
}

/** ecr_repository_name, ecr_image_scan_on_push and ecr_image_tag_mutability. */
export function repositoryVariables(scope: Construct): RepositoryVariables {
  const ecrRepositoryName = stringVariable(scope, "ecr_repository_name", {
    default: "sagemaker-sklearn-inference",
    description: "Name of the ECR repository of the inference image",
    limit: ECR_REPOSITORY_NAME,
    nullable: false,
  });
  const ecrImageScanOnPush = new TerraformVariable(scope, "ecr_image_scan_on_push", {
    type: "bool",
    default: true,
    description: "Whether ECR scans images for vulnerabilities when they are pushed",
  });
  const ecrImageTagMutability = stringVariable(scope, "ecr_image_tag_mutability", {
    default: "MUTABLE",
    description: "MUTABLE or IMMUTABLE image tags",
    limit: ECR_TAG_MUTABILITY,
    nullable: false,
  });
  return { ecrRepositoryName, ecrImageScanOnPush, ecrImageTagMutability };
}

/** Why the repository keeps the recipe's scanning and tag settings (printed with each finding on every synth). */
const REPOSITORY_REASONS = {
  scanOnPush:
    "scan_on_push is the recipe's variable ecr_image_scan_on_push, true unless a user turns scanning off on purpose.",
  tagMutability:
    "image_tag_mutability is the recipe's variable ecr_image_tag_mutability, MUTABLE by default because the " +
    'recipe pushes every new image as :latest (docker_commands). Set it to "IMMUTABLE" and push version tags; ' +
    "container_image_digest pins the model to one image either way.",
} as const;

/** The repository: encrypted with the key when there is one, keeping 10 `v*` images and untagged ones for a day. */
export function recipeRepository(
  scope: Construct,
  config: {
    readonly variables: RepositoryVariables;
    readonly kmsKeyArn: string | undefined;
    readonly names: RecipeNames;
  },
): InferenceRepository {
  const { variables: v, names } = config;
  const repository = new InferenceRepository(scope, REPOSITORY, {
    repositoryName: v.ecrRepositoryName.stringValue,
    imageTagMutability: v.ecrImageTagMutability.stringValue,
    scanOnPush: v.ecrImageScanOnPush.booleanValue,
    kmsKeyArn: config.kmsKeyArn,
    forceDelete: true,
    retention: { tagPrefixes: ["v"], keepTaggedImages: 10, expireUntaggedAfterDays: 1 },
    tags: names.tagged(`${names.prefix}-inference-repository`),
  });
  acknowledge(repository.repository, "ecr-scan-on-push", REPOSITORY_REASONS.scanOnPush);
  acknowledge(repository.repository, "ecr-tag-immutability", REPOSITORY_REASONS.tagMutability);
  return repository;
}
