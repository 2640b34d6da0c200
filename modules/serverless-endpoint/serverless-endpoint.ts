import { SagemakerEndpoint } from "@cdktf/provider-aws/lib/sagemaker-endpoint";
import { SagemakerEndpointConfiguration } from "@cdktf/provider-aws/lib/sagemaker-endpoint-configuration";
import { SagemakerModel } from "@cdktf/provider-aws/lib/sagemaker-model";
import type { ITerraformDependable } from "cdktf";
import { Construct } from "constructs";
import { KMS_KEY_OR_ALIAS_ARN } from "../core/limits/kms";
import {
  checkContainerEnvironment,
  CONTAINER_IMAGE,
  MODEL_DATA_URL,
  SAGEMAKER_NAME,
  SERVERLESS_CONCURRENCY,
  SERVERLESS_MEMORY_SIZE,
} from "../core/limits/sagemaker";
import { checkResourceTags } from "../core/limits/tags";
import { atMost } from "../core/rules";
import { tagsWithName } from "../core/tags";
import { Problems } from "../core/validation";
import { acknowledge } from "../policy/acknowledgements";

/**
 * Why a serverless endpoint's model runs without network isolation: AWS does not offer it there (SageMaker
 * Developer Guide, Serverless Inference, feature exclusions: "... VPC configuration, network isolation, data
 * capture ...").
 */
export const SERVERLESS_NETWORK_ISOLATION_REASON =
  "Serverless endpoints do not support network isolation (SageMaker Developer Guide, Serverless Inference, " +
  "feature exclusions); serve the model from instances (SagemakerInference, provisioned) to isolate it.";

export interface ServerlessEndpointProps {
  /** Name of the SageMaker model. */
  readonly modelName: string;
  /** Name of the endpoint configuration. */
  readonly endpointConfigName: string;
  /** Name of the endpoint. */
  readonly endpointName: string;
  /** ARN of the role SageMaker assumes to pull the image and the model artifact. */
  readonly executionRoleArn: string;
  /** Inference container image URI, in the registry of the deployment region. */
  readonly image: string;
  /**
   * S3 (or HTTPS) URL of the compressed model artifact (`.tar.gz`).
   *
   * @default - none: the container fetches its model itself (e.g. from the HuggingFace Hub)
   */
  readonly modelDataUrl?: string;
  /**
   * Environment variables of the container.
   *
   * @default - none
   */
  readonly environment?: Readonly<Record<string, string>>;
  /**
   * Name of the single production variant.
   *
   * @default - none: Terraform generates one
   */
  readonly variantName?: string;
  /**
   * Memory of the serverless endpoint in MB: 1024, 2048, 3072, 4096, 5120 or 6144.
   *
   * @default 1024
   */
  readonly memorySizeInMb?: number;
  /**
   * Maximum concurrent invocations, 1-200. All serverless endpoints of an account and region share a
   * quota of 200 by default.
   *
   * @default 20
   */
  readonly maxConcurrency?: number;
  /**
   * Concurrent invocations kept warm (no cold start), 1-200 and at most `maxConcurrency`.
   *
   * @default - none
   */
  readonly provisionedConcurrency?: number;
  /**
   * ARN of a KMS key that encrypts SageMaker's copy of the model image (`kms_key_arn` of the endpoint
   * configuration). The key policy must let the execution role use the key (SageMaker Developer Guide, Serverless
   * Inference prerequisites: "Bring an AWS KMS key").
   *
   * @default - SageMaker encrypts the copy with a key of its own; the policy checks report it
   *   (`sagemaker-endpoint-kms`, a warning)
   */
  readonly encryptionKeyArn?: string;
  /**
   * Tags of the model, endpoint configuration and endpoint.
   *
   * @default - none
   */
  readonly tags?: Readonly<Record<string, string>>;
  /**
   * Tag each resource with `Name` = its own name, merged over `tags` (what Terraform modules write as
   * `merge(var.tags, { Name = ... })`). Works with `tags` known only at apply time.
   *
   * @default false
   */
  readonly nameTag?: boolean;
  /**
   * Resources the model must wait for, e.g. the policy that lets the execution role read the model artifact
   * (SageMaker checks its access when it creates the model).
   *
   * @default - none
   */
  readonly modelDependsOn?: readonly ITerraformDependable[];
}

/**
 * A SageMaker serverless inference endpoint: one model with one container, a serverless endpoint
 * configuration with a single variant, and the endpoint.
 */
export class ServerlessEndpoint extends Construct {
  public readonly model: SagemakerModel;
  public readonly endpointConfiguration: SagemakerEndpointConfiguration;
  public readonly endpoint: SagemakerEndpoint;

  public constructor(scope: Construct, id: string, props: ServerlessEndpointProps) {
    super(scope, id);
    const memorySizeInMb = props.memorySizeInMb ?? 1024;
    const maxConcurrency = props.maxConcurrency ?? 20;
    validate(props, memorySizeInMb, maxConcurrency).throwIfAny(this);

    const tagsOf = (name: string) =>
      props.nameTag ? tagsWithName(props.tags, name) : props.tags ? { ...props.tags } : undefined;
    this.model = new SagemakerModel(this, "model", {
      name: props.modelName,
      executionRoleArn: props.executionRoleArn,
      primaryContainer: {
        image: props.image,
        modelDataUrl: props.modelDataUrl,
        environment: props.environment ? { ...props.environment } : undefined,
      },
      tags: tagsOf(props.modelName),
      dependsOn: props.modelDependsOn ? [...props.modelDependsOn] : undefined,
    });
    acknowledge(
      this.model,
      "sagemaker-model-network-isolation",
      SERVERLESS_NETWORK_ISOLATION_REASON,
    );

    this.endpointConfiguration = new SagemakerEndpointConfiguration(
      this,
      "endpoint-configuration",
      {
        name: props.endpointConfigName,
        kmsKeyArn: props.encryptionKeyArn,
        productionVariants: [
          {
            modelName: this.model.name,
            variantName: props.variantName,
            serverlessConfig: {
              memorySizeInMb,
              maxConcurrency,
              provisionedConcurrency: props.provisionedConcurrency,
            },
          },
        ],
        tags: tagsOf(props.endpointConfigName),
      },
    );

    this.endpoint = new SagemakerEndpoint(this, "endpoint", {
      name: props.endpointName,
      endpointConfigName: this.endpointConfiguration.name,
      tags: tagsOf(props.endpointName),
    });
  }
}

function validate(
  props: ServerlessEndpointProps,
  memorySizeInMb: number,
  maxConcurrency: number,
): Problems {
  const problems = new Problems()
    .check("modelName", props.modelName, SAGEMAKER_NAME)
    .check("endpointConfigName", props.endpointConfigName, SAGEMAKER_NAME)
    .check("endpointName", props.endpointName, SAGEMAKER_NAME)
    .check("variantName", props.variantName, SAGEMAKER_NAME)
    .check("image", props.image, CONTAINER_IMAGE)
    .check("modelDataUrl", props.modelDataUrl, MODEL_DATA_URL)
    .check("encryptionKeyArn", props.encryptionKeyArn, KMS_KEY_OR_ALIAS_ARN)
    .check("memorySizeInMb", memorySizeInMb, SERVERLESS_MEMORY_SIZE)
    .check("maxConcurrency", maxConcurrency, SERVERLESS_CONCURRENCY)
    .check(
      "provisionedConcurrency",
      props.provisionedConcurrency,
      SERVERLESS_CONCURRENCY,
      atMost(maxConcurrency, "maxConcurrency"),
    );
  checkContainerEnvironment(problems, "environment", props.environment);
  checkResourceTags(problems, "tags", props.tags, props.nameTag ? ["Name"] : []);
  return problems;
}
