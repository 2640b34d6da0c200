import type { AsyncInvocationConfigProps, DataCaptureProps } from "./async-and-capture";
import type { DeploymentGuardrailsProps } from "./deployment";
import type { AlarmProps, AutoScalingProps } from "./scaling-and-alarms";
import type { Tags } from "./tags";

/** A SageMaker endpoint with its endpoint configuration, and how it moves to a new configuration. */
export interface EndpointProps extends DeploymentGuardrailsProps {
  /**
   * Tags of the endpoint configuration and the endpoint.
   *
   * @default {}
   */
  readonly additionalTags?: Tags;
  /**
   * ARN of a KMS key (or alias) that encrypts the ML storage volumes of the endpoint (`kms_key_arn`) and, unless
   * `enableDataCapture.encryptionKeyArn` says otherwise, the captured data.
   *
   * @default - none: AWS managed encryption
   */
  readonly encryptionKeyArn?: string;
  /**
   * An instance-based endpoint. Exactly one of `provisioned` or `serverless`.
   *
   * @default - none
   */
  readonly provisioned?: ProvisionedEndpointProps;
  /**
   * A serverless endpoint. Exactly one of `provisioned` or `serverless`.
   *
   * @default - none
   */
  readonly serverless?: ServerlessProps;
  /**
   * Beyond the module: the name of the endpoint configuration.
   *
   * @default - the endpoint's key
   */
  readonly endpointConfigurationName?: string;
  /**
   * Beyond the module: the endpoint's name, e.g. one built from Terraform variables. The key still names the
   * endpoint's constructs. Scalable targets, metric dimensions and the default policy and alarm names use
   * this name.
   *
   * @default - the endpoint's key
   */
  readonly name?: string;
  /**
   * Beyond the module: tags of the endpoint configuration only, merged over `additionalTags`.
   *
   * @default {}
   */
  readonly endpointConfigurationAdditionalTags?: Tags;
  /**
   * Beyond the module: tags of the endpoint only, merged over `additionalTags`.
   *
   * @default {}
   */
  readonly endpointAdditionalTags?: Tags;
}

/** An instance-based endpoint. */
export interface ProvisionedEndpointProps {
  /**
   * The production variants, keyed by the name of the model each one hosts (1-10). The models must be
   * defined in `models`. They are written to the endpoint configuration in the order of their keys, as the
   * module writes them (see `ModelProps.containerDefinitions` for the order).
   */
  readonly productionVariants: Readonly<Record<string, ProductionVariantProps>>;
  /**
   * Makes the endpoint asynchronous: requests are queued and answers written to S3.
   *
   * @default - none: a real-time endpoint
   */
  readonly asyncInvocationConfig?: AsyncInvocationConfigProps;
  /**
   * Saves requests and responses of the endpoint to S3.
   *
   * @default - none: no data capture
   */
  readonly enableDataCapture?: DataCaptureProps;
  /**
   * Shadow variants, keyed by model name, that receive a copy of the production traffic. With a shadow
   * variant the endpoint has exactly one production variant and one shadow variant.
   *
   * @default {}
   */
  readonly shadowVariants?: Readonly<Record<string, ShadowVariantProps>>;
}

/** The instance settings shared by production and shadow variants. */
export interface InstanceVariantProps {
  /** The instance type, e.g. `ml.m5.large`. */
  readonly instanceType: string;
  /**
   * How long the container may take to pass its health check, `"1 minute"` to `"1 hour"`.
   *
   * @default - none: SageMaker's default
   */
  readonly containerStartupTimeout?: string;
  /**
   * The number of instances the variant starts with (at least 1).
   *
   * @default 1
   */
  readonly initialInstanceCount?: number;
  /**
   * The variant's share of the traffic relative to the other variants (at least 0).
   *
   * @default 1
   */
  readonly initialWeight?: number;
  /**
   * How long downloading and extracting the model may take, `"1 minute"` to `"1 hour"`.
   *
   * @default - none: SageMaker's default
   */
  readonly modelDataDownloadTimeout?: string;
  /**
   * The size of each instance's ML storage volume in GB (1-512).
   *
   * @default - none: SageMaker's default for the instance type
   */
  readonly volumeSizeInGB?: number;
  /**
   * Beyond the module: the variant's name.
   *
   * @default - the name of the model it hosts (its key)
   */
  readonly variantName?: string;
}

/** A production variant. */
export interface ProductionVariantProps extends InstanceVariantProps {
  /**
   * Scales the variant's instance count (`sagemaker:variant:DesiredInstanceCount`).
   *
   * @default - none: no auto scaling
   */
  readonly autoScaling?: AutoScalingProps;
  /**
   * CloudWatch alarms on the variant's metrics, keyed by alarm name.
   *
   * @default {}
   */
  readonly cloudwatchAlarms?: Readonly<Record<string, AlarmProps>>;
}

/** A shadow variant. */
export type ShadowVariantProps = InstanceVariantProps;

/** A serverless endpoint. */
export interface ServerlessProps {
  /** Its single variant. */
  readonly variant: ServerlessVariantProps;
}

/** The variant of a serverless endpoint. */
export interface ServerlessVariantProps {
  /** The model it hosts, defined in `models`. */
  readonly modelName: string;
  /**
   * The most concurrent invocations (1-200). All serverless endpoints of an account and region share a quota of
   * 200 by default.
   *
   * @default 20
   */
  readonly maxConcurrency?: number;
  /**
   * Memory in MB: 1024, 2048, 3072, 4096, 5120 or 6144.
   *
   * @default 1024
   */
  readonly memorySizeInMB?: number;
  /**
   * Concurrent invocations kept warm, without cold starts (1-200, at most `maxConcurrency`).
   *
   * @default - none
   */
  readonly provisionedConcurrency?: number;
  /**
   * Beyond the module: the variant's name. `null` leaves `variant_name` out, as Terraform code that does not set
   * it: the AWS provider then makes one up, and nothing can refer to the variant by name (no `autoScaling`).
   *
   * @default - the name of the model it hosts (its key)
   */
  readonly variantName?: string | null;
  /**
   * Beyond the module: scales the provisioned concurrency
   * (`sagemaker:variant:DesiredProvisionedConcurrency`) with the predefined metric
   * `SageMakerVariantProvisionedConcurrencyUtilization`. Needs `provisionedConcurrency`.
   *
   * @default - none: no auto scaling
   */
  readonly autoScaling?: AutoScalingProps;
}
