import type { Tags } from "./tags";

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
  /**
   * Beyond the module: tags of the scalable target.
   *
   * @default {}
   */
  readonly additionalTags?: Tags;
}

/** A target-tracking scaling policy. */
export interface ScalingPolicyProps {
  /**
   * `<metric> [<statistic>] = <target>`, e.g. `"SageMakerVariantInvocationsPerInstance = 1000"` (a
   * predefined metric, no statistic) or `"Invocations average = 100"` (a CloudWatch metric of the variant).
   * A statistic after a predefined metric is accepted and ignored, as the module ignores it, with a warning at
   * synth. See docs/sagemaker-inference.md for the grammar. Only the target may be a Terraform expression, e.g. a
   * variable's `stringValue`.
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
   * `>=`, `>`, `<=`, `<`. See the README for the grammar. Only the threshold may be a Terraform expression.
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
  /**
   * Beyond the module: tags of the alarm.
   *
   * @default {}
   */
  readonly additionalTags?: Tags;
}
