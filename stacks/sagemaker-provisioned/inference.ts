/**
 * The model, its endpoint and the endpoint's auto scaling, built by `SagemakerInference`: the endpoint and scaling
 * variables, the preconditions that relate them, the engine's keys and the recipe's addresses of what it creates.
 */
import type { AppautoscalingPolicy } from "@cdktf/provider-aws/lib/appautoscaling-policy";
import type { AppautoscalingTarget } from "@cdktf/provider-aws/lib/appautoscaling-target";
import type { CloudwatchMetricAlarm } from "@cdktf/provider-aws/lib/cloudwatch-metric-alarm";
import type { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import type { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import type { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import { Fn, Op, type Precondition, type TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { INSTANCE_TYPE } from "../../modules/core/limits/sagemaker";
import { numberLimit, wholeNumberLimit } from "../../modules/core/limits/shapes";
import { addPreconditions } from "../../modules/core/preconditions";
import { hcl } from "../../modules/core/terraform-conditions";
import type { Limit } from "../../modules/core/validation";
import { acknowledge } from "../../modules/policy/acknowledgements";
import { KEYED_IDS, type ResourceId } from "../../modules/sagemaker-inference/layout";
import type { AlarmProps } from "../../modules/sagemaker-inference/props";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { numberVariable, stringVariable } from "../validated-variables";
import { fallBackOnSingleInstance, type RecipeDeployment } from "./deployment";
import type { RecipeImage } from "./model-image";
import { RECIPE_ALARMS } from "./monitoring";
import type { RecipeNames } from "./naming";
import type { RecipeNetwork } from "./network";
import type { Switches } from "./props";

const INFERENCE = "inference";
/** The keys of the model (also its variant's) and of the endpoint in `SagemakerInference`. */
const MODEL = "ml-model";
const ENDPOINT = "ml-endpoint";
const SCALING_POLICY = "invocations-per-instance";
/** The recipe's variant name. */
const VARIANT_NAME = "primary";

/**
 * The default instance type. Correction: the recipe's `ml.t2.medium` is burstable, and SageMaker refuses to
 * auto scale burstable instances, so the recipe's defaults (auto scaling on) fail when the scalable target is
 * registered. `ml.m5.large` is the general-purpose type the recipe lists for balanced workloads (2 vCPUs, 8 GiB).
 */
export const DEFAULT_INSTANCE_TYPE = "ml.m5.large";

/** The recipe's target value: invocations per instance per minute. */
const TARGET_VALUE: Limit<number> = {
  description: "greater than 0 and at most 1000",
  rule: (value) => (value > 0 && value <= 1000 ? undefined : TARGET_VALUE.description),
  condition: (value) => hcl`${value} > 0 && ${value} <= 1000`,
};

/** The construct path of what the engine creates under `id`. */
function enginePath(id: ResourceId): string {
  return `${INFERENCE}/${id.id}`;
}

/** The recipe's addresses of the model, endpoint configuration and endpoint, and of the scaling and alarms when on. */
export function inferenceAddresses(switches: Switches): Record<string, string> {
  return {
    [enginePath(KEYED_IDS.model(MODEL))]: "ml_model",
    [enginePath(KEYED_IDS.endpointConfiguration(ENDPOINT))]: "ml_endpoint_config",
    [enginePath(KEYED_IDS.endpoint(ENDPOINT))]: "ml_endpoint",
    // New: what the model's and the configuration's names are derived from (content-names.ts).
    [enginePath(KEYED_IDS.modelContent(MODEL))]: "ml_model_content",
    [enginePath(KEYED_IDS.endpointConfigurationContent(ENDPOINT))]: "ml_endpoint_config_content",
    ...(switches.enableAutoScaling
      ? {
          [enginePath(KEYED_IDS.scalingTarget(ENDPOINT, MODEL))]: "sagemaker_target",
          [enginePath(KEYED_IDS.scalingPolicy(ENDPOINT, MODEL, SCALING_POLICY))]:
            "sagemaker_scaling_policy",
        }
      : {}),
    ...(switches.enableEndpointMonitoring
      ? Object.fromEntries(
          RECIPE_ALARMS.map(({ key, address }) => [
            enginePath(KEYED_IDS.alarm(ENDPOINT, MODEL, key)),
            address,
          ]),
        )
      : {}),
  };
}

export interface EndpointVariables {
  readonly endpointInstanceType: TerraformVariable;
  readonly endpointInitialInstanceCount: TerraformVariable;
  readonly endpointInitialVariantWeight: TerraformVariable;
  readonly autoScalingMinCapacity: TerraformVariable;
  readonly autoScalingMaxCapacity: TerraformVariable;
  readonly autoScalingTargetValue: TerraformVariable;
}

/** The variant's instance type, count and weight, and its auto scaling's capacities and target. */
export function endpointVariables(scope: Construct): EndpointVariables {
  const endpointInstanceType = stringVariable(scope, "endpoint_instance_type", {
    default: DEFAULT_INSTANCE_TYPE,
    description: "Instance type of the endpoint (not ml.t2 with auto scaling)",
    limit: INSTANCE_TYPE,
  });
  const number = (name: string, defaultValue: number, description: string, limit: Limit<number>) =>
    numberVariable(scope, name, { default: defaultValue, description, limit });
  return {
    endpointInstanceType,
    endpointInitialInstanceCount: number(
      "endpoint_initial_instance_count",
      1,
      "Number of instances the endpoint starts with",
      wholeNumberLimit(1, 10),
    ),
    endpointInitialVariantWeight: number(
      "endpoint_initial_variant_weight",
      1,
      "Initial weight of the variant's traffic",
      numberLimit(0, 1),
    ),
    autoScalingMinCapacity: number(
      "auto_scaling_min_capacity",
      1,
      "Fewest instances auto scaling keeps",
      wholeNumberLimit(1, 10),
    ),
    autoScalingMaxCapacity: number(
      "auto_scaling_max_capacity",
      5,
      "Most instances auto scaling starts",
      wholeNumberLimit(1, 20),
    ),
    autoScalingTargetValue: number(
      "auto_scaling_target_value",
      70,
      "Target invocations per instance per minute",
      TARGET_VALUE,
    ),
  };
}

/** For the scalable target: an instance type SageMaker scales, and capacities in order. */
function scalingPreconditions(v: EndpointVariables): Precondition[] {
  return [
    {
      // Correction: the recipe scales its default ml.t2.medium, which SageMaker refuses.
      condition: Op.not(Fn.startswith(v.endpointInstanceType.stringValue, "ml.t2.")),
      errorMessage: `endpoint_instance_type is ${v.endpointInstanceType.stringValue}: SageMaker cannot auto scale burstable ml.t2 instances. Choose another instance type, or turn auto scaling off (enableAutoScaling: false).`,
    },
    {
      condition: Op.lte(v.autoScalingMinCapacity.numberValue, v.autoScalingMaxCapacity.numberValue),
      errorMessage: `auto_scaling_min_capacity (${v.autoScalingMinCapacity.stringValue}) must be at most auto_scaling_max_capacity (${v.autoScalingMaxCapacity.stringValue}).`,
    },
  ];
}

/** Why the recipe's own model is not network-isolated (printed with the finding on every synth). */
const NETWORK_ISOLATION_REASON =
  "Kept from the recipe (enable_network_isolation = false) for its own container (modelArtifact s3 or local-file), whose predictor.py may download code or call out; the iris sample runs isolated.";

/** What `SagemakerInference` created for the recipe, by what it is rather than by the engine's keys. */
export interface RecipeInference {
  readonly engine: SagemakerInference;
  readonly model: SagemakerModel;
  readonly endpointConfiguration: SagemakerEndpointConfiguration;
  readonly endpoint: SagemakerEndpoint;
  readonly variantName: string;
  /** With auto scaling on. */
  readonly scalingTarget?: AppautoscalingTarget;
  readonly scalingPolicy?: AppautoscalingPolicy;
  /** With monitoring on: each of {@link RECIPE_ALARMS} by its output name, in their order. */
  readonly alarms: Readonly<
    Partial<Record<(typeof RECIPE_ALARMS)[number]["output"], CloudwatchMetricAlarm>>
  >;
}

/**
 * The model (its name, image, artifact and network checked by preconditions), the endpoint configuration with data
 * capture and the endpoint, and with auto scaling on, the variant's scalable target and its target-tracking policy.
 */
export function recipeInference(
  scope: Construct,
  config: {
    readonly switches: Switches;
    readonly variables: EndpointVariables;
    readonly names: RecipeNames;
    readonly roleArn: string;
    readonly image: RecipeImage;
    readonly artifactUrl: string;
    /** What else the model's name follows: the uploaded artifact's hash. */
    readonly artifactRevision: string | undefined;
    readonly network: RecipeNetwork | undefined;
    /** Whether the model runs without network access (`enable_network_isolation`). */
    readonly networkIsolation: boolean;
    readonly kmsKeyArn: string | undefined;
    readonly dataCaptureUri: string;
    readonly alarms: Readonly<Record<string, AlarmProps>> | undefined;
    readonly deployment: RecipeDeployment;
  },
): RecipeInference {
  const { switches, variables: v, names, network, deployment } = config;
  const engine = new SagemakerInference(scope, INFERENCE, {
    managedByTag: false,
    models: {
      [MODEL]: {
        name: names.model,
        iamRoleArn: config.roleArn,
        primaryContainer: true,
        containerDefinitions: {
          [MODEL]: {
            image: config.image.uri,
            modelDataLocation: config.artifactUrl,
            environmentVariables: config.image.environment,
          },
        },
        enableNetworkIsolation: config.networkIsolation,
        vpcConfig: network && {
          securityGroupIds: network.securityGroupIds,
          subnetIds: network.subnetIds,
        },
        additionalTags: names.tagged(names.model),
        // A new artifact at the same key: a new model, which the endpoint moves to.
        revision: config.artifactRevision,
      },
    },
    endpoints: {
      [ENDPOINT]: {
        name: names.endpoint,
        endpointConfigurationName: names.endpointConfiguration,
        // Correction: the recipe writes a kms_key_id block, which the AWS provider refuses (the recipe cannot
        // even plan); the attribute is kms_key_arn.
        encryptionKeyArn: config.kmsKeyArn,
        endpointConfigurationAdditionalTags: names.tagged(names.endpointConfiguration),
        endpointAdditionalTags: names.tagged(names.endpoint),
        // Beyond the recipe: a changed model or configuration reaches the endpoint through a blue/green deployment,
        // rolled back by the error alarms (deployment.ts).
        blueGreen: deployment.blueGreen,
        autoRollback:
          deployment.rollbackAlarmKeys.length > 0
            ? { cloudwatchAlarms: [...deployment.rollbackAlarmKeys] }
            : undefined,
        provisioned: {
          productionVariants: {
            [MODEL]: {
              variantName: VARIANT_NAME,
              instanceType: v.endpointInstanceType.stringValue,
              initialInstanceCount: v.endpointInitialInstanceCount.numberValue,
              initialWeight: v.endpointInitialVariantWeight.numberValue,
              autoScaling: switches.enableAutoScaling
                ? {
                    minimumCapacity: v.autoScalingMinCapacity.numberValue,
                    maximumCapacity: v.autoScalingMaxCapacity.numberValue,
                    additionalTags: names.commonTags,
                    policies: {
                      [SCALING_POLICY]: {
                        expression: `SageMakerVariantInvocationsPerInstance = ${v.autoScalingTargetValue.stringValue}`,
                        policyName: `${names.prefix}-sagemaker-scaling-policy`,
                        // The recipe's CDK version: scale in after 5 minutes, out after 1.
                        scaleInCooldownPeriod: "5 minutes",
                        scaleOutCooldownPeriod: "1 minute",
                      },
                    },
                  }
                : undefined,
              cloudwatchAlarms: config.alarms,
            },
          },
          enableDataCapture: {
            s3LocationToStoreDataCollected: config.dataCaptureUri,
            samplingPercentage: 100,
            captureContentType: { json: ["application/json"] },
            dataCaptureOptions: { combineInputAndOutput: false },
          },
        },
      },
    },
  });
  const variant = `${ENDPOINT}/${MODEL}`;
  const created: RecipeInference = {
    engine,
    model: engine.models[MODEL]!,
    endpointConfiguration: engine.endpointConfigurations[ENDPOINT]!,
    endpoint: engine.endpoints[ENDPOINT]!,
    variantName: VARIANT_NAME,
    scalingTarget: engine.scalingTargets[variant],
    scalingPolicy: engine.scalingPolicies[`${variant}/${SCALING_POLICY}`],
    alarms: Object.fromEntries(
      RECIPE_ALARMS.flatMap(({ key, output }) => {
        const alarm = engine.alarms[`${variant}/${key}`];
        return alarm ? [[output, alarm]] : [];
      }),
    ),
  };
  const { model, endpointConfiguration, endpoint, scalingTarget } = created;
  addPreconditions(model, [
    names.checks.model,
    ...(network ? [network.precondition] : []),
    ...config.image.preconditions,
  ]);
  addPreconditions(endpointConfiguration, [names.checks.endpointConfiguration]);
  addPreconditions(endpoint, [names.checks.endpoint]);
  if (deployment.defaultCanary) fallBackOnSingleInstance(endpoint, v.endpointInitialInstanceCount);
  if (scalingTarget) addPreconditions(scalingTarget, scalingPreconditions(v));
  acknowledge(model, "sagemaker-model-image-digest", config.image.tagReason);
  if (!config.networkIsolation) {
    acknowledge(model, "sagemaker-model-network-isolation", NETWORK_ISOLATION_REASON);
  }
  return created;
}
