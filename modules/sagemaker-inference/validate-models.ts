import { ECR_IMAGE_URI } from "../core/limits/ecr";
import { IAM_ROLE_ARN } from "../core/limits/iam";
import { s3Uri } from "../core/limits/s3";
import {
  checkContainerEnvironment,
  MODEL_DATA_URL,
  SAGEMAKER_NAME,
} from "../core/limits/sagemaker";
import { checkTags, MAX_TAGS } from "../core/limits/tags";
import { maxLength, matches, oneOf } from "../core/rules";
import { isUnresolved, UniqueNames, type Problems, type Rule } from "../core/validation";
import { modelNameOf } from "./names";
import type { ContainerDefinitionProps, ModelProps, VpcConfigProps } from "./props";
import type { TagsFor } from "./tags";

/** The most containers of one model (botocore `ContainerDefinitionList`). */
const MAX_CONTAINERS = 15;

/** An `s3://` URL must name a valid bucket (an `https://` one is left to SageMaker). */
const bucketOfS3Url: Rule<string> = (value) =>
  value.startsWith("s3://") ? s3Uri(value) : undefined;

/** Security group and subnet ids (botocore `SecurityGroupId`, `SubnetId`). */
const VPC_ID = matches(/^[-0-9a-zA-Z]{1,32}$/, "an id of 1-32 letters, digits and '-'");

export function validateModels(
  problems: Problems,
  models: Readonly<Record<string, ModelProps>>,
  tagsFor: TagsFor,
): void {
  const names = new UniqueNames("a model name no other model uses");
  for (const [key, model] of Object.entries(models)) {
    const field = `models.${key}`;
    problems.check(field, key, SAGEMAKER_NAME);
    if (model.name !== undefined) problems.check(`${field}.name`, model.name, SAGEMAKER_NAME);
    names.claim(
      problems,
      model.name === undefined ? field : `${field}.name`,
      modelNameOf(key, model),
    );
    problems.check(`${field}.iamRoleArn`, model.iamRoleArn, IAM_ROLE_ARN);

    const containers = Object.entries(model.containerDefinitions);
    if (containers.length < 1 || containers.length > MAX_CONTAINERS) {
      problems.add(
        `${field}.containerDefinitions`,
        `${containers.length} containers`,
        `1 to ${MAX_CONTAINERS} container definitions`,
      );
    }
    for (const [hostname, container] of containers) {
      validateContainer(problems, `${field}.containerDefinitions.${hostname}`, hostname, container);
    }
    if (model.primaryContainer === true && containers.length !== 1) {
      problems.add(
        `${field}.primaryContainer`,
        true,
        `a model with exactly one container (this one has ${containers.length})`,
      );
    }

    problems.check(
      `${field}.inferenceExecutionConfig.mode`,
      model.inferenceExecutionConfig?.mode,
      oneOf(["Serial", "Direct"]),
    );
    if (model.vpcConfig) validateVpcConfig(problems, `${field}.vpcConfig`, model.vpcConfig);
    validateTagCount(problems, `${field}.additionalTags`, model.additionalTags, tagsFor);
  }
}

function validateContainer(
  problems: Problems,
  field: string,
  hostname: string,
  container: ContainerDefinitionProps,
): void {
  problems.check(field, hostname, SAGEMAKER_NAME);
  problems.check(`${field}.image`, container.image, ECR_IMAGE_URI);
  problems.check(
    `${field}.compressionType`,
    container.compressionType,
    oneOf(["CompressedModel", "UncompressedModel"]),
  );
  checkContainerEnvironment(
    problems,
    `${field}.environmentVariables`,
    container.environmentVariables,
  );

  const location = `${field}.modelDataLocation`;
  const uncompressed = container.compressionType === "UncompressedModel";
  if (container.useMultipleModels && uncompressed) {
    problems.add(
      `${field}.compressionType`,
      container.compressionType,
      '"CompressedModel" for a multi-model container (SageMaker cannot combine a model data source with multi-model endpoints)',
    );
  }
  // A multi-model container reads its models from an S3 prefix, an uncompressed model from an S3 object or
  // prefix; both need one. A compressed model is an optional .tar.gz archive.
  const required = container.useMultipleModels
    ? "the S3 prefix that holds the models of a multi-model container"
    : uncompressed
      ? "the S3 object or prefix (ending in /) of the uncompressed model"
      : undefined;
  if (required !== undefined && container.modelDataLocation === undefined) {
    problems.add(location, undefined, required);
  }
  problems.check(
    location,
    container.modelDataLocation,
    ...(required !== undefined ? [s3Uri, maxLength(1024)] : [MODEL_DATA_URL, bucketOfS3Url]),
  );
}

function validateVpcConfig(problems: Problems, field: string, vpc: VpcConfigProps): void {
  checkIdList(problems, `${field}.securityGroupIds`, vpc.securityGroupIds, 5, "security group");
  checkIdList(problems, `${field}.subnetIds`, vpc.subnetIds, 16, "subnet");
}

function checkIdList(
  problems: Problems,
  field: string,
  ids: readonly string[],
  max: number,
  what: string,
): void {
  // A list known only at apply time (Token.asList of a list(string) variable) is checked by AWS instead: it is
  // one encoded element here, neither its count nor its ids.
  if (isUnresolved(ids)) return;
  if (ids.length < 1 || ids.length > max) {
    problems.add(field, `${ids.length} ${what}s`, `1 to ${max} ${what} ids`);
  }
  ids.forEach((id, index) => problems.check(`${field}.${index}`, id, VPC_ID));
}

/**
 * The entry's own tags are checked, and the count of the tags its resources end up with (with `managed-by`,
 * the `inherited` tags of the entry above, e.g. an endpoint's for its configuration's own, and
 * `additionalTagsAll`).
 */
export function validateTagCount(
  problems: Problems,
  field: string,
  additionalTags: Readonly<Record<string, string>> | undefined,
  tagsFor: TagsFor,
  inherited?: Readonly<Record<string, string>>,
): void {
  checkTags(problems, field, additionalTags);
  // A map known only at apply time is one token: its size is left to AWS.
  const count = Object.keys(tagsFor(inherited, additionalTags) ?? {}).length;
  if (count > MAX_TAGS) {
    problems.add(
      field,
      `${count} tags`,
      `at most ${MAX_TAGS} tags per resource, counting managed-by and additionalTagsAll`,
    );
  }
}
