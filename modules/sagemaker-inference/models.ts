/**
 * Models: what their props resolve to, their checks and their `aws_sagemaker_model`.
 */
import {
  SagemakerModel,
  type SagemakerModelContainer,
  type SagemakerModelPrimaryContainer,
} from "@cdktf/provider-aws/lib/sagemaker-model";
import { Fn, Token } from "cdktf";
import type { Construct } from "constructs";
import { ECR_IMAGE_URI } from "../core/limits/ecr";
import { IAM_ROLE_ARN } from "../core/limits/iam";
import { s3Uri } from "../core/limits/s3";
import {
  checkContainerEnvironment,
  MODEL_DATA_URL,
  SAGEMAKER_NAME,
} from "../core/limits/sagemaker";
import { inKeyOrder } from "../core/key-order";
import { knownKeys } from "../core/known-keys";
import { BOOLEAN, DEPENDABLE, listOf, mapOf, optional, STRING, STRINGS, TAGS } from "../core/kinds";
import { VPC_ID, VPC_SECURITY_GROUPS, VPC_SUBNETS } from "../core/limits/vpc";
import { describeChoices, maxLength, oneOf } from "../core/rules";
import {
  isUnresolved,
  KNOWN_AT_SYNTH,
  type Limit,
  type Problems,
  type Rule,
  type Warning,
} from "../core/validation";
import { settableThrough } from "../policy/construct-props";
import { nameAfterContent } from "./content-names";
import { named, type InferenceLayout } from "./layout";
import type {
  ContainerDefinitionProps,
  InferenceExecutionConfigProps,
  ModelProps,
  MultiModelProps,
  VpcConfigProps,
} from "./props";
import { validateTagCount, type TagsFor } from "./tags";
import type { ValidationContext } from "./validation-context";

/** A model with its defaults resolved. */
export interface ResolvedModel {
  readonly key: string;
  /** `models.<key>` */
  readonly field: string;
  readonly props: ModelProps;
  /** `name`, else the key. */
  readonly name: string;
  /** The containers in the order they are written to the model (and a serial pipeline runs them): by key. */
  readonly containers: readonly ResolvedContainer[];
}

/** A container of a model. */
export interface ResolvedContainer {
  /** Its key, the container's host name. */
  readonly hostname: string;
  /** `models.<model key>.containerDefinitions.<hostname>` */
  readonly field: string;
  readonly props: ContainerDefinitionProps;
  /** `compressionType` as AWS spells it, whatever its case; `undefined` when it is neither (a problem). */
  readonly compressionType: CompressionType | undefined;
}

const COMPRESSION_TYPES = ["CompressedModel", "UncompressedModel"] as const;
type CompressionType = (typeof COMPRESSION_TYPES)[number];

/** The module compares `compression_type` lower-cased (`lower(...) == "compressedmodel"`): so does this. */
function resolveCompressionType(given: string | undefined): CompressionType | undefined {
  if (given === undefined) return "CompressedModel";
  if (typeof given !== "string") return undefined;
  return COMPRESSION_TYPES.find((type) => type.toLowerCase() === given.toLowerCase());
}

export function resolveModel(key: string, props: ModelProps): ResolvedModel {
  const field = `models.${key}`;
  return {
    key,
    field,
    props,
    name: props.name ?? key,
    // As the module's `dynamic "container"` writes them: a for_each over the map, in the order of its keys.
    containers: inKeyOrder(props.containerDefinitions).map(([hostname, container]) => ({
      hostname,
      field: `${field}.containerDefinitions.${hostname}`,
      props: container,
      compressionType: resolveCompressionType(container.compressionType),
    })),
  };
}

/** The settings of a model, of a container and of their parts (`containerDefinitions` is keyed by host name). */
const INFERENCE_EXECUTION_KEYS = knownKeys<InferenceExecutionConfigProps>({
  mode: optional(STRING),
});
const VPC_KEYS = knownKeys<VpcConfigProps>({ securityGroupIds: STRINGS, subnetIds: STRINGS });
const MULTI_MODEL_KEYS = knownKeys<MultiModelProps>({ enableModelCaching: optional(BOOLEAN) });
export const CONTAINER_KEYS = knownKeys<ContainerDefinitionProps>({
  image: STRING,
  compressionType: optional(STRING),
  environmentVariables: optional(TAGS),
  modelDataLocation: optional(STRING),
  useMultipleModels: optional(MULTI_MODEL_KEYS),
});
export const MODEL_KEYS = knownKeys<ModelProps>({
  iamRoleArn: STRING,
  containerDefinitions: mapOf(CONTAINER_KEYS),
  additionalTags: optional(TAGS),
  enableNetworkIsolation: optional(BOOLEAN),
  inferenceExecutionConfig: optional(INFERENCE_EXECUTION_KEYS),
  vpcConfig: optional(VPC_KEYS),
  name: optional(STRING),
  revision: optional(STRING),
  primaryContainer: optional(BOOLEAN),
  dependsOn: optional(listOf(DEPENDABLE)),
});

/** The most containers of one model (botocore `ContainerDefinitionList`). */
const MAX_CONTAINERS = 15;

/** An `s3://` URL must name a valid bucket (an `https://` one is left to SageMaker). */
const bucketOfS3Url: Rule<string> = (value) =>
  value.startsWith("s3://") ? s3Uri(value) : undefined;

export function validateModel(
  problems: Problems,
  model: ResolvedModel,
  context: ValidationContext,
): void {
  const { field, props } = model;
  MODEL_KEYS.check(problems, field, props);
  problems.check(field, model.key, SAGEMAKER_NAME);
  if (props.name !== undefined) problems.check(`${field}.name`, props.name, SAGEMAKER_NAME);
  context.modelNames.claim(
    problems,
    props.name === undefined ? field : `${field}.name`,
    model.name,
  );
  problems.check(`${field}.iamRoleArn`, props.iamRoleArn, IAM_ROLE_ARN);

  const { containers } = model;
  if (containers.length < 1 || containers.length > MAX_CONTAINERS) {
    problems.add(
      `${field}.containerDefinitions`,
      `${containers.length} containers`,
      `1 to ${MAX_CONTAINERS} container definitions`,
    );
  }
  for (const container of containers) validateContainer(problems, container);
  if (props.primaryContainer === true && containers.length !== 1) {
    problems.add(
      `${field}.primaryContainer`,
      true,
      `a model with exactly one container (this one has ${containers.length})`,
    );
  }

  INFERENCE_EXECUTION_KEYS.check(
    problems,
    `${field}.inferenceExecutionConfig`,
    props.inferenceExecutionConfig,
  );
  problems.check(
    `${field}.inferenceExecutionConfig.mode`,
    props.inferenceExecutionConfig?.mode,
    oneOf(["Serial", "Direct"]),
  );
  if (props.vpcConfig) validateVpcConfig(problems, `${field}.vpcConfig`, props.vpcConfig);
  validateTagCount(problems, `${field}.additionalTags`, props.additionalTags, context.tags);
}

function validateContainer(problems: Problems, resolved: ResolvedContainer): void {
  const { field, hostname, props: container } = resolved;
  CONTAINER_KEYS.check(problems, field, container);
  MULTI_MODEL_KEYS.check(problems, `${field}.useMultipleModels`, container.useMultipleModels);
  problems.check(field, hostname, SAGEMAKER_NAME);
  problems.check(`${field}.image`, container.image, ECR_IMAGE_URI);
  const given = container.compressionType;
  if (given !== undefined && isUnresolved(given)) {
    // It decides between two Terraform blocks when the stack is synthesized.
    problems.add(`${field}.compressionType`, given, KNOWN_AT_SYNTH);
  } else if (resolved.compressionType === undefined) {
    problems.add(
      `${field}.compressionType`,
      given,
      `${describeChoices(COMPRESSION_TYPES)}, in any case (as the module compares it)`,
    );
  }
  checkContainerEnvironment(
    problems,
    `${field}.environmentVariables`,
    container.environmentVariables,
  );

  const location = `${field}.modelDataLocation`;
  const uncompressed = resolved.compressionType === "UncompressedModel";
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

/**
 * A serial pipeline runs its containers in the order they are written to the model, the order of their keys: a
 * warning when the object lists them otherwise (or its keys look like array indexes, which JavaScript puts first).
 */
export function modelWarnings(model: ResolvedModel): Warning[] {
  const { props, containers } = model;
  if (containers.length < 2 || (props.inferenceExecutionConfig?.mode ?? "Serial") !== "Serial") {
    return [];
  }
  const listed = Object.keys(props.containerDefinitions);
  const run = containers.map((container) => container.hostname);
  if (listed.every((hostname, index) => hostname === run[index])) return [];
  return [
    {
      field: `${model.field}.containerDefinitions`,
      message:
        `the serial pipeline runs its containers in the order of their keys, ${run.join(", ")}, not in the ` +
        `order the object lists them, ${listed.join(", ")}; list them in the order they run, or name them so ` +
        'that their keys sort in that order (e.g. "1-preprocess", "2-predict")',
    },
  ];
}

function validateVpcConfig(problems: Problems, field: string, vpc: VpcConfigProps): void {
  VPC_KEYS.check(problems, field, vpc);
  checkIdList(problems, `${field}.securityGroupIds`, vpc.securityGroupIds, VPC_SECURITY_GROUPS);
  checkIdList(problems, `${field}.subnetIds`, vpc.subnetIds, VPC_SUBNETS);
}

function checkIdList(
  problems: Problems,
  field: string,
  ids: readonly string[],
  count: Limit<readonly string[]>,
): void {
  // A list known only at apply time (Token.asList of a list(string) variable) is checked by AWS instead: it is
  // one encoded element here, neither its count nor its ids.
  if (isUnresolved(ids)) return;
  if (count.rule(ids) !== undefined) problems.add(field, `${ids.length} ids`, count.description);
  ids.forEach((id, index) => problems.check(`${field}.${index}`, id, VPC_ID));
}

/**
 * The model: one `container` block per container definition, named by its key, or the single container as
 * `primary_container` when asked; an inference execution config only when there is more than one container. Its
 * name is `<name>-<hash of its content>` (content-names.ts), so that a changed model is a new one its endpoint
 * configurations move to; its `Name` tag is the name as given.
 */
export function createModel(
  scope: Construct,
  model: ResolvedModel,
  tags: TagsFor,
  layout: InferenceLayout,
): SagemakerModel {
  const { props } = model;
  const containers = model.containers.map(containerBlock);
  const id = layout.ids.model(model.key);
  const created = new SagemakerModel(scope, id.id, {
    name: model.name,
    executionRoleArn: props.iamRoleArn,
    ...(props.primaryContainer === true
      ? { primaryContainer: primaryContainerBlock(containers[0]!) }
      : { container: containers }),
    enableNetworkIsolation: props.enableNetworkIsolation,
    inferenceExecutionConfig:
      containers.length > 1
        ? { mode: props.inferenceExecutionConfig?.mode ?? "Serial" }
        : undefined,
    vpcConfig: props.vpcConfig
      ? {
          securityGroupIds: [...props.vpcConfig.securityGroupIds],
          subnets: [...props.vpcConfig.subnetIds],
        }
      : undefined,
    tags: tags(model.name, props.additionalTags),
    dependsOn: props.dependsOn ? [...props.dependsOn] : undefined,
  });
  settableThrough(created, scope, {
    enable_network_isolation: layout.field(`${model.field}.enableNetworkIsolation`),
  });
  nameAfterContent(scope, created, {
    base: model.name,
    id: layout.ids.modelContent(model.key),
    revision: props.revision,
  });
  return named(created, id);
}

function containerBlock(resolved: ResolvedContainer): SagemakerModelContainer {
  const { hostname, props: container } = resolved;
  const location = container.modelDataLocation;
  const uncompressed = resolved.compressionType === "UncompressedModel";
  const environment = container.environmentVariables ?? {};

  return {
    containerHostname: hostname,
    image: container.image,
    mode: container.useMultipleModels ? "MultiModel" : "SingleModel",
    modelDataUrl: uncompressed ? undefined : location,
    modelDataSource:
      uncompressed && location !== undefined
        ? {
            s3DataSource: [
              {
                s3Uri: location,
                s3DataType: bySuffix(location, "/", "S3Prefix", "S3Object"),
                compressionType: bySuffix(location, ".tar.gz", "Gzip", "None"),
              },
            ],
          }
        : undefined,
    multiModelConfig: container.useMultipleModels
      ? {
          modelCacheSetting:
            (container.useMultipleModels.enableModelCaching ?? true) ? "Enabled" : "Disabled",
        }
      : undefined,
    environment: Object.keys(environment).length > 0 ? { ...environment } : undefined,
  };
}

/** A container as `primary_container`: without the host name, and without the mode unless it is MultiModel. */
function primaryContainerBlock(container: SagemakerModelContainer): SagemakerModelPrimaryContainer {
  const { mode, ...rest } = container;
  return { ...rest, containerHostname: undefined, mode: mode === "MultiModel" ? mode : undefined };
}

/** `whenSuffix` if `text` ends with `suffix`, else `otherwise`; decided by Terraform when `text` is a token. */
function bySuffix(text: string, suffix: string, whenSuffix: string, otherwise: string): string {
  if (Token.isUnresolved(text)) {
    return Token.asString(Fn.conditional(Fn.endswith(text, suffix), whenSuffix, otherwise));
  }
  return text.endsWith(suffix) ? whenSuffix : otherwise;
}
