import { knownKeys } from "../../modules/core/known-keys";
import { BOOLEAN, choice, describedAs, either, optional, STRING } from "../../modules/core/kinds";
import { BLUE_GREEN_KEYS } from "../../modules/sagemaker-inference/deployment-checks";
import type { BlueGreenProps } from "../../modules/sagemaker-inference/props";
import { ACCESS_LOGGING_KEYS, type AccessLogging } from "../../modules/storage/artifact-bucket";
import { ARTIFACT_KEYS, type ModelArtifact } from "./model-artifact";

/** The environments the recipe's `environment` variable accepts. */
export type RecipeEnvironment = "dev" | "staging" | "prod";

/**
 * The typed configuration of a `sagemaker-provisioned` stack: the recipe's `enable_*` switches (they decide which
 * resources exist, so they are fixed when the stack is synthesized), where the model artifact comes from, and the
 * environment the stack instance is for. Every other input is a Terraform variable.
 */
export interface SagemakerProvisionedStackProps {
  /**
   * `enable_auto_scaling`: an Application Auto Scaling target for the variant's instance count and a
   * target-tracking policy on invocations per instance.
   *
   * @default true
   */
  readonly enableAutoScaling?: boolean;
  /**
   * `enable_cloudwatch_logs`: the endpoint's log group, with a retention period (and the KMS key).
   *
   * @default true
   */
  readonly enableCloudwatchLogs?: boolean;
  /**
   * `enable_endpoint_monitoring`: three CloudWatch alarms (4XX errors, 5XX errors, model latency) and a dashboard.
   *
   * @default true
   */
  readonly enableEndpointMonitoring?: boolean;
  /**
   * `enable_sns_notifications`: an SNS topic the alarms notify, with an e-mail subscription when
   * `sns_email_endpoint` is set.
   *
   * @default false
   */
  readonly enableSnsNotifications?: boolean;
  /**
   * `enable_vpc_config`: the model's containers run in `subnet_ids` with `security_group_ids`.
   *
   * @default false
   */
  readonly enableVpcConfig?: boolean;
  /**
   * `enable_encryption`: a KMS key (or `kms_key_id`) encrypts the bucket, the repository, the log group, the topic,
   * the endpoint's storage and the captured data. Off, AWS managed encryption is used and the policy findings that
   * follow are acknowledged.
   *
   * @default true
   */
  readonly enableEncryption?: boolean;
  /**
   * Where the model artifact comes from, and so which image serves it: the iris sample on the region's prebuilt
   * scikit-learn image, or (`s3`, `local-file`) the recipe's own container.
   *
   * @default { source: "iris-sample" } - deploys on an empty account; `{ source: "s3" }` is the recipe's behaviour
   */
  readonly modelArtifact?: ModelArtifact;
  /**
   * Server access logs of the model artifacts bucket, delivered to a log bucket you own
   * (`aws_s3_bucket_logging.model_artifacts_logging`). The target bucket's policy must let
   * `logging.s3.amazonaws.com` write to it.
   *
   * @default - none, as in the recipe (acknowledged: `s3-bucket-access-logging`)
   */
  readonly accessLogging?: AccessLogging;
  /**
   * The default of the `environment` variable, so that each environment's stack instance names its resources for
   * its environment without a `TF_VAR_environment`.
   *
   * @default "dev"
   */
  readonly environment?: RecipeEnvironment;
  /**
   * Beyond the recipe: how SageMaker moves the endpoint to a changed model or configuration (a blue/green
   * deployment, `SagemakerInference`'s `blueGreen`), or `"none"` for SageMaker's own update (all traffic at once, no
   * baking, no rollback). See docs/changing-a-deployed-model.md.
   *
   * @default - canary traffic shifting ({@link RECIPE_CANARY}): one instance of the new fleet takes its share of the
   *   traffic for 10 minutes, then the rest moves, and the old fleet is kept 10 more minutes. With fewer than 2
   *   instances (`endpoint_initial_instance_count`, 1 by default) a canary cannot be at most half of them, so the
   *   traffic moves all at once, with the same 10 minutes of baking before the old fleet goes
   */
  readonly blueGreen?: BlueGreenProps | "none";
  /**
   * Beyond the recipe: the stack's error alarms (invocation errors, model errors) roll a blue/green deployment back
   * when either goes into ALARM while it runs. Needs `enableEndpointMonitoring` (the alarms) and `blueGreen`.
   * Rollback alarms are set when the endpoint is created: see docs/changing-a-deployed-model.md.
   *
   * @default - true when endpoint monitoring is on and `blueGreen` is not "none"; false otherwise
   */
  readonly rollbackOnErrorAlarms?: boolean;
}

/**
 * The stack's settings: what `modelArtifact` holds is checked with it (model-artifact.ts), `accessLogging` by the
 * bucket and `blueGreen` by `SagemakerInference`, each where it is used.
 */
export const PROVISIONED_STACK_KEYS = knownKeys<SagemakerProvisionedStackProps>({
  enableAutoScaling: optional(BOOLEAN),
  enableCloudwatchLogs: optional(BOOLEAN),
  enableEndpointMonitoring: optional(BOOLEAN),
  enableSnsNotifications: optional(BOOLEAN),
  enableVpcConfig: optional(BOOLEAN),
  enableEncryption: optional(BOOLEAN),
  modelArtifact: optional(ARTIFACT_KEYS),
  accessLogging: optional(ACCESS_LOGGING_KEYS),
  environment: optional(STRING),
  blueGreen: optional(
    describedAs(
      either(BLUE_GREEN_KEYS, choice("none")),
      'a blue/green deployment ({ trafficRouting, ... }) or "none"',
    ),
  ),
  rollbackOnErrorAlarms: optional(BOOLEAN),
});

/** The switches with the recipe's defaults filled in. */
export type Switches = Required<
  Omit<
    SagemakerProvisionedStackProps,
    "modelArtifact" | "environment" | "accessLogging" | "blueGreen" | "rollbackOnErrorAlarms"
  >
>;

/**
 * The default blue/green deployment: a canary of one instance baked for 10 minutes, as long as the recipe's alarms
 * take to fire (2 periods of 5 minutes by default), then the rest of the traffic, and the old fleet kept 10 more
 * minutes, the alarms still watched. At most an hour in all: the AWS provider waits 60 minutes for the endpoint.
 */
export const RECIPE_CANARY: BlueGreenProps = {
  trafficRouting: { type: "CANARY", canarySize: { instanceCount: 1 }, waitInterval: "10 minutes" },
  terminationWait: "10 minutes",
  maximumExecutionTimeout: "1 hour",
};

/** The recipe's defaults of the switches. */
export const RECIPE_SWITCHES: Switches = {
  enableAutoScaling: true,
  enableCloudwatchLogs: true,
  enableEndpointMonitoring: true,
  enableSnsNotifications: false,
  enableVpcConfig: false,
  enableEncryption: true,
};

/** The switches of `props`, the recipe's defaults for those not given. */
export function switchesOf(props: SagemakerProvisionedStackProps): Switches {
  const given = (Object.keys(RECIPE_SWITCHES) as (keyof Switches)[])
    .filter((name) => props[name] !== undefined)
    .map((name) => [name, props[name]]);
  return { ...RECIPE_SWITCHES, ...Object.fromEntries(given) } as Switches;
}
