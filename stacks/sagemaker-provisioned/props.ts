import type { AccessLogging } from "../../modules/storage/artifact-bucket";
import type { ModelArtifact } from "./model-artifact";

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
}

/** The switches with the recipe's defaults filled in. */
export type Switches = Required<
  Omit<SagemakerProvisionedStackProps, "modelArtifact" | "environment" | "accessLogging">
>;

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
