/**
 * The props of {@link SagemakerInference}: the inputs of the FriendsOfTerraform `aws-sagemaker-inference`
 * module (v1.0.0) in camelCase, with the same defaults, plus a few optional extension points marked
 * "Beyond the module". Maps stay maps keyed by name.
 *
 * Durations are written as the module writes them: a whole number and a unit, e.g. `"5 minutes"`,
 * `"1 hour"` (units second, minute, hour, day; singular or plural).
 */

/** Tags as key/value pairs. Values may be tokens. */
export type Tags = Readonly<Record<string, string>>;

/** The props of the SageMaker inference construct. */
export interface SagemakerInferenceProps {
  /**
   * The models to create, keyed by model name. Endpoints refer to them by these names.
   */
  readonly models: Readonly<Record<string, ModelProps>>;
  /**
   * The endpoints to create, keyed by endpoint name. Each has exactly one of `provisioned` or `serverless`.
   *
   * @default {}
   */
  readonly endpoints?: Readonly<Record<string, EndpointProps>>;
  /**
   * Tags for every resource the construct creates. They win over an entry's `additionalTags`.
   *
   * @default {}
   */
  readonly additionalTagsAll?: Tags;
  /**
   * Beyond the module: whether every taggable resource gets the tag `managed-by = "Terraform"` (under the
   * entry's `additionalTags` and `additionalTagsAll`, which win). Turn it off for a different tagging scheme.
   *
   * @default true
   */
  readonly managedByTag?: boolean;
}

/** A SageMaker model: one or more containers and the role SageMaker runs them with. */
export interface ModelProps {
  /** ARN of the role SageMaker assumes to pull the images and the model artifacts. */
  readonly iamRoleArn: string;
  /**
   * The containers, keyed by container host name (1-15). More than one makes an inference pipeline
   * (`inferenceExecutionConfig.mode` `Serial`) or a multi-container model (`Direct`).
   */
  readonly containerDefinitions: Readonly<Record<string, ContainerDefinitionProps>>;
  /**
   * Tags of the model.
   *
   * @default {}
   */
  readonly additionalTags?: Tags;
  /**
   * When true, the containers cannot make any outbound network call.
   *
   * @default false
   */
  readonly enableNetworkIsolation?: boolean;
  /**
   * How the containers of a multi-container model are called. Written only when the model has more than
   * one container.
   *
   * @default {} (mode `Serial`)
   */
  readonly inferenceExecutionConfig?: InferenceExecutionConfigProps;
  /**
   * The VPC the model's containers connect to.
   *
   * @default - none: the containers run outside any VPC of yours
   */
  readonly vpcConfig?: VpcConfigProps;
}

/** One inference container of a model. */
export interface ContainerDefinitionProps {
  /** The registry path of the inference image, in the deployment region. */
  readonly image: string;
  /**
   * `CompressedModel`: `modelDataLocation` is a `.tar.gz` archive (`model_data_url`). `UncompressedModel`:
   * it is an S3 object or, ending in `/`, an S3 prefix of uncompressed files (`model_data_source`).
   *
   * @default "CompressedModel"
   */
  readonly compressionType?: "CompressedModel" | "UncompressedModel";
  /**
   * Environment variables of the container.
   *
   * @default {}
   */
  readonly environmentVariables?: Readonly<Record<string, string>>;
  /**
   * Where the model artifacts are in S3: an `s3://` (or `https://`) URL of a `.tar.gz` archive; for a
   * multi-model container the S3 prefix that holds the models.
   *
   * @default - none: the container brings or fetches its model itself
   */
  readonly modelDataLocation?: string;
  /**
   * Makes this container host multiple models (mode `MultiModel`).
   *
   * @default - none: a single model (mode `SingleModel`)
   */
  readonly useMultipleModels?: MultiModelProps;
}

/** Multi-model hosting of one container. */
export interface MultiModelProps {
  /**
   * Whether the endpoint caches loaded models. Turn it off when many models are each invoked rarely.
   *
   * @default true
   */
  readonly enableModelCaching?: boolean;
}

/** How the containers of a multi-container model run. */
export interface InferenceExecutionConfigProps {
  /**
   * `Serial`: the containers form a pipeline. `Direct`: only the container named in the request runs.
   *
   * @default "Serial"
   */
  readonly mode?: "Serial" | "Direct";
}

/** The VPC of a model. */
export interface VpcConfigProps {
  /** The security groups of the containers (1-5). */
  readonly securityGroupIds: readonly string[];
  /** The subnets of the containers (1-16). */
  readonly subnetIds: readonly string[];
}

/** A SageMaker endpoint with its endpoint configuration. */
export interface EndpointProps {
  /**
   * Tags of the endpoint configuration and the endpoint.
   *
   * @default {}
   */
  readonly additionalTags?: Tags;
  /**
   * ARN of a KMS key that encrypts the ML storage volumes of the endpoint (`kms_key_arn`) and, unless
   * `enableDataCapture.encryptionKey` says otherwise, the captured data.
   *
   * @default - none: AWS managed encryption
   */
  readonly encryptionKey?: string;
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
  readonly serverless?: ServerlessEndpointProps;
  /**
   * Beyond the module: the name of the endpoint configuration.
   *
   * @default - the endpoint's name (its key)
   */
  readonly endpointConfigurationName?: string;
}

/** An instance-based endpoint. */
export interface ProvisionedEndpointProps {
  /**
   * The production variants, keyed by the name of the model each one hosts (1-10). The models must be
   * defined in `models`.
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
  readonly volumeSize?: number;
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

/** Target-tracking auto scaling of a variant. */
export interface AutoScalingProps {
  /** The target-tracking policies, keyed by policy name. */
  readonly policies: Readonly<Record<string, ScalingPolicyProps>>;
  /**
   * The most instances (for a serverless endpoint: the most provisioned concurrency) to scale out to.
   *
   * @default 1 for a provisioned variant; a serverless endpoint's `provisionedConcurrency`
   */
  readonly maximumCapacity?: number;
  /**
   * The fewest instances (for a serverless endpoint: the least provisioned concurrency) to scale in to.
   *
   * @default 1
   */
  readonly minimumCapacity?: number;
}

/** A target-tracking scaling policy. */
export interface ScalingPolicyProps {
  /**
   * `<metric> [<statistic>] = <target>`, e.g. `"SageMakerVariantInvocationsPerInstance = 1000"` (a
   * predefined metric, no statistic) or `"Invocations average = 100"` (a CloudWatch metric of the variant).
   * See the README for the grammar.
   */
  readonly expression: string;
  /**
   * Whether the policy may scale in.
   *
   * @default true
   */
  readonly enableScaleIn?: boolean;
  /**
   * The wait between scale-in activities.
   *
   * @default "5 minutes"
   */
  readonly scaleInCooldownPeriod?: string;
  /**
   * The wait between scale-out activities.
   *
   * @default "5 minutes"
   */
  readonly scaleOutCooldownPeriod?: string;
  /**
   * Beyond the module: the policy's name.
   *
   * @default `<endpoint>/<variant>/<policy key>`
   */
  readonly policyName?: string;
}

/** A CloudWatch alarm on one metric of a production variant. */
export interface AlarmProps {
  /**
   * `<metric> <statistic> <operator> <threshold>`, e.g. `"Invocation5XXErrors average >= 10"`, operators
   * `>=`, `>`, `<=`, `<`. See the README for the grammar.
   */
  readonly expression: string;
  /**
   * The alarm's description.
   *
   * @default - none
   */
  readonly description?: string;
  /**
   * The number of periods compared with the threshold.
   *
   * @default 1
   */
  readonly evaluationPeriods?: number;
  /**
   * ARN of the SNS topic notified when the alarm fires and when it recovers.
   *
   * @default - none: no notification
   */
  readonly notificationSnsTopic?: string;
  /**
   * The period the statistic is computed over, `"1 minute"` to `"6 hours"` in whole minutes.
   *
   * @default "1 minute"
   */
  readonly period?: string;
  /**
   * Beyond the module: the alarm's name.
   *
   * @default `<endpoint>/<variant>/<alarm key>`
   */
  readonly alarmName?: string;
  /**
   * Beyond the module: how many of the `evaluationPeriods` must breach to fire the alarm ("M out of N").
   *
   * @default - none: all of them
   */
  readonly datapointsToAlarm?: number;
}

/** Asynchronous inference. */
export interface AsyncInvocationConfigProps {
  /** Where successful responses are written, an `s3://` URI. */
  readonly s3OutputPath: string;
  /**
   * ARN of a KMS key that encrypts the responses in S3.
   *
   * @default - none: the bucket's default encryption
   */
  readonly encryptionKey?: string;
  /**
   * ARN of an SNS topic notified when an inference fails.
   *
   * @default - none: no notification
   */
  readonly errorNotificationLocation?: string;
  /**
   * The most concurrent requests sent to one instance (1-1000).
   *
   * @default - none: SageMaker chooses
   */
  readonly maxConcurrentInvocationsPerInstance?: number;
  /**
   * Where failed responses are written, an `s3://` URI.
   *
   * @default - none
   */
  readonly s3FailurePath?: string;
  /**
   * ARN of an SNS topic notified when an inference succeeds.
   *
   * @default - none: no notification
   */
  readonly successNotificationLocation?: string;
}

/** Data capture of an endpoint. */
export interface DataCaptureProps {
  /** Where SageMaker saves the captured requests and responses, an `s3://` URI. */
  readonly s3LocationToStoreDataCollected: string;
  /**
   * The content types to capture, by format. Give at least one of `csvText` or `json`.
   *
   * @default - none: SageMaker's default content types
   */
  readonly captureContentType?: CaptureContentTypeProps;
  /**
   * What to capture.
   *
   * @default {} (requests and responses)
   */
  readonly dataCaptureOptions?: DataCaptureOptionsProps;
  /**
   * The percentage of requests captured (0-100).
   *
   * @default 30
   */
  readonly samplingPercentage?: number;
  /**
   * Beyond the module: ARN of the KMS key that encrypts the captured data.
   *
   * @default - the endpoint's `encryptionKey`
   */
  readonly encryptionKey?: string;
}

/** Content types captured by data capture. */
export interface CaptureContentTypeProps {
  /**
   * CSV content types, e.g. `text/csv` (1-10).
   *
   * @default - none
   */
  readonly csvText?: readonly string[];
  /**
   * JSON content types, e.g. `application/json` (1-10).
   *
   * @default - none
   */
  readonly json?: readonly string[];
}

/** What data capture saves. */
export interface DataCaptureOptionsProps {
  /**
   * Capture the requests (`Input`).
   *
   * @default true
   */
  readonly predictionRequest?: boolean;
  /**
   * Capture the responses (`Output`).
   *
   * @default true
   */
  readonly predictionResponse?: boolean;
  /**
   * Beyond the module: when both are captured, write one capture option `InputAndOutput` (true) or two
   * capture options, `Input` and `Output` (false).
   *
   * @default true
   */
  readonly combineInputAndOutput?: boolean;
}

/** A serverless endpoint. */
export interface ServerlessEndpointProps {
  /** Its single variant. */
  readonly variant: ServerlessVariantProps;
}

/** The variant of a serverless endpoint. */
export interface ServerlessVariantProps {
  /** The model it hosts, defined in `models`. */
  readonly modelName: string;
  /**
   * The most concurrent invocations (1-200).
   *
   * @default 20
   */
  readonly maxConcurrency?: number;
  /**
   * Memory in MB: 1024, 2048, 3072, 4096, 5120 or 6144.
   *
   * @default 1024
   */
  readonly memorySize?: number;
  /**
   * Concurrent invocations kept warm, without cold starts (1-200, at most `maxConcurrency`).
   *
   * @default - none
   */
  readonly provisionedConcurrency?: number;
  /**
   * Beyond the module: the variant's name.
   *
   * @default - the model's name
   */
  readonly variantName?: string;
  /**
   * Beyond the module: scales the provisioned concurrency
   * (`sagemaker:variant:DesiredProvisionedConcurrency`) with the predefined metric
   * `SageMakerVariantProvisionedConcurrencyUtilization`. Needs `provisionedConcurrency`.
   *
   * @default - none: no auto scaling
   */
  readonly autoScaling?: AutoScalingProps;
}
