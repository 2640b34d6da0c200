/**
 * Endpoints: what their props resolve to, the checks of an endpoint as a whole (names, key, tags, exactly one of
 * provisioned or serverless), and the `aws_sagemaker_endpoint_configuration` and `aws_sagemaker_endpoint`.
 */
import { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import type { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import type { Construct } from "constructs";
import { knownKeys } from "../core/known-keys";
import { optional, STRING, TAGS } from "../core/kinds";
import { KMS_KEY_OR_ALIAS_ARN } from "../core/limits/kms";
import { SAGEMAKER_NAME } from "../core/limits/sagemaker";
import type { Problems } from "../core/validation";
import { settableThrough } from "../policy/construct-props";
import { asyncInferenceConfig } from "./async-inference";
import { nameAfterContent } from "./content-names";
import { dataCaptureConfig } from "./data-capture";
import { resolveDeployment, type ResolvedDeployment } from "./deployment";
import {
  AUTO_ROLLBACK_KEYS,
  BLUE_GREEN_KEYS,
  ROLLING_UPDATE_KEYS,
  validateDeployment,
} from "./deployment-checks";
import { named, type InferenceLayout } from "./layout";
import type { EndpointProps, ServerlessProps } from "./props";
import {
  instanceVariantBlock,
  PROVISIONED_KEYS,
  resolveProvisioned,
  validateProvisioned,
  type ResolvedProvisioned,
} from "./provisioned";
import {
  checkServerlessShape,
  resolveServerless,
  SERVERLESS_KEYS,
  serverlessVariantBlock,
  singleVariant,
  validateServerless,
  type ResolvedServerlessVariant,
} from "./serverless";
import { validateTagCount, type TagsFor } from "./tags";
import type { ValidationContext } from "./validation-context";

/** The endpoint an entry belongs to: its key, its field (`endpoints.<key>`) and its name. */
export interface EndpointRef {
  readonly key: string;
  readonly field: string;
  readonly name: string;
}

/** An endpoint with its defaults resolved, and its provisioned or serverless variants. */
export interface ResolvedEndpoint extends EndpointRef {
  readonly props: EndpointProps;
  /** `endpointConfigurationName`, else the endpoint's key. */
  readonly configurationName: string;
  readonly provisioned?: ResolvedProvisioned;
  readonly serverless?: ResolvedServerlessVariant;
  /** `blueGreen`, `rollingUpdate` and `autoRollback`, when it has any. */
  readonly deployment?: ResolvedDeployment;
}

export function resolveEndpoint(key: string, props: EndpointProps): ResolvedEndpoint {
  const ref: EndpointRef = { key, field: `endpoints.${key}`, name: props.name ?? key };
  const provisioned = props.provisioned ? resolveProvisioned(ref, props.provisioned) : undefined;
  const serverless = resolvedVariant(ref, props.serverless);
  return {
    ...ref,
    props,
    configurationName: props.endpointConfigurationName ?? key,
    provisioned,
    serverless,
    deployment: resolveDeployment(ref, props, provisioned, serverless),
  };
}

/** The serverless variant resolved, when there is one to resolve (`checkServerlessShape` reports the rest). */
function resolvedVariant(
  ref: EndpointRef,
  serverless: ServerlessProps | undefined,
): ResolvedServerlessVariant | undefined {
  const variant = serverless ? singleVariant(serverless) : undefined;
  return variant ? resolveServerless(ref, variant) : undefined;
}

/** The settings of an endpoint, its deployment guardrails' among them. */
export const ENDPOINT_KEYS = knownKeys<EndpointProps>({
  additionalTags: optional(TAGS),
  encryptionKeyArn: optional(STRING),
  provisioned: optional(PROVISIONED_KEYS),
  serverless: optional(SERVERLESS_KEYS),
  endpointConfigurationName: optional(STRING),
  name: optional(STRING),
  endpointConfigurationAdditionalTags: optional(TAGS),
  endpointAdditionalTags: optional(TAGS),
  blueGreen: optional(BLUE_GREEN_KEYS),
  rollingUpdate: optional(ROLLING_UPDATE_KEYS),
  autoRollback: optional(AUTO_ROLLBACK_KEYS),
});

export function validateEndpoint(
  problems: Problems,
  endpoint: ResolvedEndpoint,
  context: ValidationContext,
): void {
  const { field, key, props } = endpoint;
  ENDPOINT_KEYS.check(problems, field, props);
  problems.check(field, key, SAGEMAKER_NAME);
  if (props.name !== undefined) problems.check(`${field}.name`, props.name, SAGEMAKER_NAME);
  context.endpointNames.claim(
    problems,
    props.name === undefined ? field : `${field}.name`,
    endpoint.name,
  );

  const nameField =
    props.endpointConfigurationName === undefined ? field : `${field}.endpointConfigurationName`;
  if (props.endpointConfigurationName !== undefined) {
    problems.check(nameField, endpoint.configurationName, SAGEMAKER_NAME);
  }
  context.configurationNames.claim(problems, nameField, endpoint.configurationName);

  problems.check(`${field}.encryptionKeyArn`, props.encryptionKeyArn, KMS_KEY_OR_ALIAS_ARN);
  const { additionalTags } = props;
  validateTagCount(problems, `${field}.additionalTags`, additionalTags, context.tags);
  validateTagCount(
    problems,
    `${field}.endpointConfigurationAdditionalTags`,
    props.endpointConfigurationAdditionalTags,
    context.tags,
    additionalTags,
  );
  validateTagCount(
    problems,
    `${field}.endpointAdditionalTags`,
    props.endpointAdditionalTags,
    context.tags,
    additionalTags,
  );

  if (props.provisioned && props.serverless) {
    problems.add(field, "provisioned and serverless", "exactly one of provisioned or serverless");
  } else if (!props.provisioned && !props.serverless) {
    problems.add(
      field,
      "neither provisioned nor serverless",
      "exactly one of provisioned or serverless",
    );
  }
  if (endpoint.provisioned) validateProvisioned(problems, endpoint.provisioned, context);
  if (props.serverless) checkServerlessShape(problems, `${field}.serverless`, props.serverless);
  if (endpoint.serverless) validateServerless(problems, endpoint.serverless, context);
  if (endpoint.deployment) validateDeployment(problems, endpoint.deployment);
}

/** An endpoint and the endpoint configuration it runs. */
export interface CreatedEndpoint {
  readonly configuration: SagemakerEndpointConfiguration;
  readonly endpoint: SagemakerEndpoint;
}

/**
 * The endpoint and its configuration, serving `models` (by key). The configuration's name is derived from its
 * content (content-names.ts); the endpoint keeps its name and refers to the configuration's.
 */
export function createEndpoint(
  scope: Construct,
  endpoint: ResolvedEndpoint,
  models: Readonly<Record<string, SagemakerModel>>,
  tags: TagsFor,
  layout: InferenceLayout,
): CreatedEndpoint {
  const { props, provisioned, serverless } = endpoint;
  const modelName = (modelKey: string) => models[modelKey]!.name;
  const configuration = named(
    new SagemakerEndpointConfiguration(scope, ids(layout, endpoint).configuration.id, {
      name: endpoint.configurationName,
      kmsKeyArn: props.encryptionKeyArn,
      productionVariants: provisioned
        ? provisioned.productionVariants.map((variant) =>
            instanceVariantBlock(variant, modelName(variant.modelKey)),
          )
        : [serverlessVariantBlock(serverless!, modelName(serverless!.modelKey))],
      shadowProductionVariants: provisioned?.props.shadowVariants
        ? provisioned.shadowVariants.map((variant) =>
            instanceVariantBlock(variant, modelName(variant.modelKey)),
          )
        : undefined,
      asyncInferenceConfig: provisioned?.props.asyncInvocationConfig
        ? asyncInferenceConfig(provisioned.props.asyncInvocationConfig)
        : undefined,
      dataCaptureConfig: provisioned?.props.enableDataCapture
        ? dataCaptureConfig(provisioned.props.enableDataCapture, props.encryptionKeyArn)
        : undefined,
      tags: tags(
        endpoint.configurationName,
        props.additionalTags,
        props.endpointConfigurationAdditionalTags,
      ),
    }),
    ids(layout, endpoint).configuration,
  );
  settableThrough(configuration, scope, {
    kms_key_arn: layout.field(`${endpoint.field}.encryptionKeyArn`),
    "data_capture_config.kms_key_id": layout.field(
      `${endpoint.field}.provisioned.enableDataCapture.encryptionKeyArn`,
    ),
  });
  // Named after its content, which holds its models' names: a changed model or setting is a new configuration, and
  // the endpoint, whose name never changes, is updated in place to it.
  nameAfterContent(scope, configuration, {
    base: endpoint.configurationName,
    id: layout.ids.endpointConfigurationContent(endpoint.key),
  });

  return {
    configuration,
    endpoint: named(
      new SagemakerEndpoint(scope, ids(layout, endpoint).endpoint.id, {
        name: endpoint.name,
        endpointConfigName: configuration.name,
        tags: tags(endpoint.name, props.additionalTags, props.endpointAdditionalTags),
      }),
      ids(layout, endpoint).endpoint,
    ),
  };
}

function ids(layout: InferenceLayout, endpoint: EndpointRef) {
  return {
    configuration: layout.ids.endpointConfiguration(endpoint.key),
    endpoint: layout.ids.endpoint(endpoint.key),
  };
}
