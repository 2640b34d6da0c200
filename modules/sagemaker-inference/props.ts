/**
 * The props of {@link SagemakerInference}: the inputs of the FriendsOfTerraform `aws-sagemaker-inference`
 * module (v1.0.0) in camelCase, with the same defaults, plus a few optional extension points marked
 * "Beyond the module". Maps stay maps keyed by name. Sizes carry their unit in their name (`memorySizeInMB`,
 * `volumeSizeInGB`), ARNs end in `Arn`.
 *
 * Durations are written as the module writes them: a number and a unit, e.g. `"5 minutes"`, `"1 hour"`,
 * `"1.5 hours"` (units second, minute, hour, day; singular or plural), making whole seconds.
 *
 * By concern: models (`props/model.ts`), endpoints and their variants (`props/endpoint.ts`), asynchronous
 * inference and data capture (`props/async-and-capture.ts`), auto scaling and alarms
 * (`props/scaling-and-alarms.ts`), deployment guardrails (`props/deployment.ts`).
 */
import type { EndpointProps } from "./props/endpoint";
import type { ModelProps } from "./props/model";
import type { Tags } from "./props/tags";

export type * from "./props/async-and-capture";
export type * from "./props/deployment";
export type * from "./props/endpoint";
export type * from "./props/model";
export type * from "./props/scaling-and-alarms";
export type * from "./props/tags";

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
  /**
   * Beyond the module: tag every resource that has a name (models, endpoint configurations, endpoints, alarms)
   * with `Name` = that name, over all its other tags, as Terraform modules write `merge(var.tags, { Name = ... })`.
   * Works with tags known only at apply time.
   *
   * @default false
   */
  readonly nameTag?: boolean;
  /**
   * Beyond the module: takes over what a call of the FriendsOfTerraform module created. Every resource gets a
   * Terraform `moved` block from the module's address of it (`module.<name>.aws_sagemaker_model.models["<model>"]`,
   * `...aws_appautoscaling_policy.auto_scaling_policies["<endpoint>/<variant>/<policy>"]`, ...) to its own, so
   * that the first plan on the state that holds the module call moves each resource instead of destroying and
   * creating it. The value is the name of the module call (`"basic_usage"` for `module "basic_usage"`) or the
   * address of a module instance (`'module.platform.module.inference["prod"]'`). The names must stay the module's
   * (the keys): one that differs (`name`, `variantName`, ...) replaces its resource, with a warning at synth. See
   * docs/moving-from-friendsofterraform.md.
   *
   * @default - no moved blocks
   */
  readonly migrateFromModule?: string;
}
