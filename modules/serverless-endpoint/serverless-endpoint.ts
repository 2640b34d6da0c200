import type { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import type { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import type { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import { Construct } from "constructs";
import { knownKeys } from "../core/known-keys";
import { BOOLEAN, DEPENDABLE, listOf, NUMBER, optional, STRING, TAGS } from "../core/kinds";
import { AUTO_ROLLBACK_KEYS, BLUE_GREEN_KEYS } from "../sagemaker-inference/deployment-checks";
import { CONTAINER_KEYS } from "../sagemaker-inference/models";
import { Problems } from "../core/validation";
import { createInference } from "../sagemaker-inference/engine";
import { KEYED_IDS, type InferenceLayout } from "../sagemaker-inference/layout";
import type {
  ContainerDefinitionProps,
  EndpointProps,
  ModelProps,
  SagemakerInferenceProps,
  ServerlessVariantProps,
  Tags,
} from "../sagemaker-inference/props";
import { NOT_SERVERLESS_VARIANT } from "../sagemaker-inference/serverless";

/**
 * The props of {@link ServerlessEndpoint}: those of `SagemakerInference`'s model, serverless variant and endpoint,
 * under the same names and with the same defaults, for one model on one endpoint.
 */
export interface ServerlessEndpointProps
  extends
    Pick<ModelProps, "iamRoleArn" | "dependsOn" | "revision">,
    Pick<ServerlessVariantProps, "memorySizeInMB" | "maxConcurrency" | "provisionedConcurrency">,
    Pick<EndpointProps, "encryptionKeyArn" | "blueGreen" | "autoRollback">,
    Pick<SagemakerInferenceProps, "managedByTag" | "nameTag"> {
  /** Name of the SageMaker model. */
  readonly modelName: string;
  /** Name of the endpoint configuration. */
  readonly endpointConfigurationName: string;
  /** Name of the endpoint. */
  readonly endpointName: string;
  /**
   * The model's single container, written as `primary_container`: its image (from Amazon ECR, in the deployment
   * region, for a CPU), its model data and environment.
   */
  readonly container: ContainerDefinitionProps;
  /**
   * Name of the single production variant. Needed for `blueGreen`: a blue/green deployment needs the new
   * configuration's variant to keep the old one's name.
   *
   * @default - none: `variant_name` is left out and the AWS provider makes one up, as in Terraform code that does
   *   not set it
   */
  readonly variantName?: string;
  /**
   * Tags of the model, the endpoint configuration and the endpoint.
   *
   * @default {}
   */
  readonly additionalTags?: Tags;
}

/** Settings these props had before they took the engine's names, now in `container` (docs/sagemaker-inference.md). */
const MOVED_TO_CONTAINER = {
  image: 'no such setting; did you mean "container.image"?',
  modelDataUrl: 'no such setting; did you mean "container.modelDataLocation"?',
  environment: 'no such setting; did you mean "container.environmentVariables"?',
};

/**
 * Its settings; the container's, `blueGreen`'s and `autoRollback`'s are checked by the engine, which names them as
 * these props do.
 */
const SERVERLESS_ENDPOINT_KEYS = knownKeys<ServerlessEndpointProps>(
  {
    iamRoleArn: STRING,
    dependsOn: optional(listOf(DEPENDABLE)),
    revision: optional(STRING),
    memorySizeInMB: optional(NUMBER),
    maxConcurrency: optional(NUMBER),
    provisionedConcurrency: optional(NUMBER),
    encryptionKeyArn: optional(STRING),
    blueGreen: optional(BLUE_GREEN_KEYS),
    autoRollback: optional(AUTO_ROLLBACK_KEYS),
    managedByTag: optional(BOOLEAN),
    nameTag: optional(BOOLEAN),
    modelName: STRING,
    endpointConfigurationName: STRING,
    endpointName: STRING,
    container: CONTAINER_KEYS,
    variantName: optional(STRING),
    additionalTags: optional(TAGS),
  },
  { ...NOT_SERVERLESS_VARIANT, ...MOVED_TO_CONTAINER },
);

/** The keys of the one model, container and endpoint in the engine's props. */
const MODEL = "model";
const CONTAINER = "container";
const ENDPOINT = "endpoint";

/**
 * Where the engine's resources go (directly below this construct, as `model`, `endpoint-configuration` and
 * `endpoint`) and how its prop paths read in these props.
 */
const LAYOUT: InferenceLayout = {
  ids: {
    ...KEYED_IDS,
    model: () => ({ id: "model" }),
    modelContent: () => ({ id: "model-content" }),
    endpointConfiguration: () => ({ id: "endpoint-configuration" }),
    endpointConfigurationContent: () => ({ id: "endpoint-configuration-content" }),
    endpoint: () => ({ id: "endpoint" }),
  },
  field: (path) => {
    for (const [enginePrefix, prefix] of FIELDS) {
      if (path === enginePrefix) return prefix;
      if (path.startsWith(`${enginePrefix}.`)) {
        const rest = path.slice(enginePrefix.length + 1);
        return prefix ? `${prefix}.${rest}` : rest;
      }
    }
    return path;
  },
};

/** Engine prop path -> this construct's, most specific first. */
const FIELDS: readonly (readonly [string, string])[] = [
  [`models.${MODEL}.containerDefinitions.${CONTAINER}`, "container"],
  [`models.${MODEL}.name`, "modelName"],
  // The tags are every resource's: their count is checked for each, and reported once.
  [`models.${MODEL}.additionalTags`, "additionalTags"],
  [`endpoints.${ENDPOINT}.additionalTags`, "additionalTags"],
  [`endpoints.${ENDPOINT}.endpointConfigurationAdditionalTags`, "additionalTags"],
  [`endpoints.${ENDPOINT}.endpointAdditionalTags`, "additionalTags"],
  [`models.${MODEL}`, ""],
  [`endpoints.${ENDPOINT}.serverless.variant.modelName`, "container"],
  [`endpoints.${ENDPOINT}.serverless.variant`, ""],
  [`endpoints.${ENDPOINT}.name`, "endpointName"],
  [`endpoints.${ENDPOINT}`, ""],
  ["additionalTagsAll", "additionalTags"],
];

/**
 * A SageMaker serverless inference endpoint: one model with one container (`primary_container`), a serverless
 * endpoint configuration with a single variant, and the endpoint.
 *
 * A thin front of `SagemakerInference`'s engine (modules/sagemaker-inference/engine.ts): the same props, defaults,
 * checks and Terraform, for the one model and endpoint that most serverless deployments are. The model and the
 * endpoint configuration are named `<name>-<hash of their content>`, so that a change reaches the endpoint
 * (docs/changing-a-deployed-model.md). Its resources are
 * its direct children, `model`, `endpoint-configuration` and `endpoint`, and problems name its own props.
 */
export class ServerlessEndpoint extends Construct {
  public readonly model: SagemakerModel;
  public readonly endpointConfiguration: SagemakerEndpointConfiguration;
  public readonly endpoint: SagemakerEndpoint;

  public constructor(scope: Construct, id: string, props: ServerlessEndpointProps) {
    super(scope, id);
    SERVERLESS_ENDPOINT_KEYS.refuseWrongShape(this, props);
    const problems = new Problems();
    SERVERLESS_ENDPOINT_KEYS.check(problems, "", props);
    const created = createInference(
      this,
      {
        managedByTag: props.managedByTag,
        nameTag: props.nameTag,
        additionalTagsAll: props.additionalTags,
        models: {
          [MODEL]: {
            name: props.modelName,
            iamRoleArn: props.iamRoleArn,
            primaryContainer: true,
            containerDefinitions: { [CONTAINER]: props.container },
            dependsOn: props.dependsOn,
            revision: props.revision,
          },
        },
        endpoints: {
          [ENDPOINT]: {
            name: props.endpointName,
            endpointConfigurationName: props.endpointConfigurationName,
            encryptionKeyArn: props.encryptionKeyArn,
            // A serverless endpoint takes blue/green with all-at-once traffic shifting, and rollback alarms by name.
            blueGreen: props.blueGreen,
            autoRollback: props.autoRollback,
            serverless: {
              variant: {
                modelName: MODEL,
                memorySizeInMB: props.memorySizeInMB,
                maxConcurrency: props.maxConcurrency,
                provisionedConcurrency: props.provisionedConcurrency,
                variantName: props.variantName ?? null,
              },
            },
          },
        },
      },
      LAYOUT,
      problems,
    );
    this.model = created.models[MODEL]!;
    this.endpointConfiguration = created.endpointConfigurations[ENDPOINT]!;
    this.endpoint = created.endpoints[ENDPOINT]!;
  }

  /** The endpoint's name (a reference, so whatever uses it waits for the endpoint). */
  public get endpointName(): string {
    return this.endpoint.name;
  }

  /** The endpoint's ARN. */
  public get endpointArn(): string {
    return this.endpoint.arn;
  }

  /** The model's name. */
  public get modelName(): string {
    return this.model.name;
  }
}
