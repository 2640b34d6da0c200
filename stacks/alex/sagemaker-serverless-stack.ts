import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Fn, Op, TerraformLocal, TerraformOutput, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { knownKeys } from "../../modules/core/known-keys";
import { NUMBER, optional, STRING, STRINGS } from "../../modules/core/kinds";
import { BLUE_GREEN_KEYS } from "../../modules/sagemaker-inference/deployment-checks";
import { CONTAINER_IMAGE } from "../../modules/core/limits/sagemaker";
import { addPreconditions } from "../../modules/core/preconditions";
import { withValueGiven } from "../../modules/core/terraform-conditions";
import { RegionalImage } from "../../modules/images/regional-image";
import { acknowledge } from "../../modules/policy/acknowledgements";
import type { BlueGreenProps } from "../../modules/sagemaker-inference/props";
import { ServerlessEndpoint } from "../../modules/serverless-endpoint/serverless-endpoint";
import { ProjectStack } from "../project-stack";
import { awsRegionVariable } from "../region-variable";
import { stringVariable } from "../validated-variables";

/** The original's image: HuggingFace PyTorch inference, CPU (serverless endpoints have no GPU). */
export const DEFAULT_IMAGE_REPOSITORY = "huggingface-pytorch-inference";
export const DEFAULT_IMAGE_TAG = "1.13.1-transformers4.26.0-cpu-py39-ubuntu20.04";
export const DEFAULT_IMAGE_URI = `763104351884.dkr.ecr.us-east-1.amazonaws.com/${DEFAULT_IMAGE_REPOSITORY}:${DEFAULT_IMAGE_TAG}`;
export const DEFAULT_EMBEDDING_MODEL = "sentence-transformers/all-MiniLM-L6-v2";

/** The construct id of the endpoint: its model, configuration and endpoint keep the original's addresses. */
const ENDPOINT = "embedding";

/** Why the endpoint configuration has no KMS key by default (shown in the synth output). */
export const NO_KEY_REASON =
  "Kept from the original Alex Terraform, which sets no key: a serverless endpoint has no storage volume of the " +
  "account's, and SageMaker encrypts its copy of the model image with a key of its own. Set " +
  "SagemakerServerlessStackProps.encryptionKeyArn for a customer managed key (its key policy must let the iam " +
  "stack's role use it).";

/** Why the model's image is a tag (shown in the synth output). */
export const IMAGE_TAG_REASON =
  "The original's sagemaker_image_uri default is a tag, under which AWS publishes patched builds. To pin the " +
  "image the endpoint runs, set sagemaker_image_uri to <repository>@sha256:<digest> (any URI is used as given).";

export interface SagemakerServerlessStackProps {
  /** ARN of the SageMaker execution role: the `iam` stack's role (a cross-stack reference). */
  readonly executionRoleArn: string;
  /**
   * Name of the SageMaker model.
   *
   * @default "alex-embedding-model"
   */
  readonly modelName?: string;
  /**
   * Name of the serverless endpoint configuration.
   *
   * @default "alex-embedding-serverless-config"
   */
  readonly endpointConfigurationName?: string;
  /**
   * Name of the endpoint.
   *
   * @default "alex-embedding-endpoint"
   */
  readonly endpointName?: string;
  /**
   * Memory of the serverless endpoint in MB (1024-6144 in 1 GB steps).
   *
   * @default 3072
   */
  readonly memorySizeInMB?: number;
  /**
   * Maximum concurrent invocations (1-200).
   *
   * @default 2 - the original reduced it from 10 to stay inside the default account quota
   */
  readonly maxConcurrency?: number;
  /**
   * ARN of a KMS key that encrypts SageMaker's copy of the model image (the endpoint configuration's
   * `kms_key_arn`). Its key policy must let the execution role use the key. Setting it replaces the endpoint
   * configuration of a deployment moved from the original.
   *
   * @default - none, as in the original (acknowledged: `sagemaker-endpoint-kms`)
   */
  readonly encryptionKeyArn?: string;
  /**
   * Name of the endpoint's variant. A blue/green deployment (`blueGreen`) needs one: the new configuration's variant
   * must keep the old one's name, and without a name the AWS provider makes up a new one for each configuration.
   * Setting it changes the configuration, so the first deployment that sets it moves the endpoint to a variant of
   * another name: set it one deployment before `blueGreen` (docs/changing-a-deployed-model.md).
   *
   * @default - none, as in the original: the AWS provider makes one up
   */
  readonly variantName?: string;
  /**
   * How SageMaker moves the endpoint to a changed configuration: a serverless endpoint takes blue/green with
   * all-at-once traffic shifting, with a termination wait (the old fleet kept, the rollback alarms watched) and a
   * timeout. Needs `variantName`.
   *
   * @default - none: SageMaker's own update, all traffic at once, no alarms watched (the stack has no alarms)
   */
  readonly blueGreen?: BlueGreenProps;
  /**
   * CloudWatch alarms, by name, that roll a blue/green deployment back (the stack has no alarms of its own).
   * SageMaker describes them with the endpoint's execution role, the iam stack's role, whose
   * AmazonSageMakerFullAccess grants CloudWatch alarm actions on every alarm (as AWS publishes the policy; not tried
   * here): nothing is added to it.
   *
   * @default - none
   */
  readonly rollbackAlarmNames?: readonly string[];
}

/** Its settings; `blueGreen`'s are checked by the endpoint it is passed to. */
const SERVERLESS_STACK_KEYS = knownKeys<SagemakerServerlessStackProps>({
  executionRoleArn: STRING,
  modelName: optional(STRING),
  endpointConfigurationName: optional(STRING),
  endpointName: optional(STRING),
  memorySizeInMB: optional(NUMBER),
  maxConcurrency: optional(NUMBER),
  encryptionKeyArn: optional(STRING),
  variantName: optional(STRING),
  blueGreen: optional(BLUE_GREEN_KEYS),
  rollbackAlarmNames: optional(STRINGS),
});

/**
 * Stack `sagemaker-serverless`: the Alex embedding endpoint, a HuggingFace sentence-transformers model
 * served by a SageMaker serverless endpoint (terraform/2_sagemaker in the original).
 *
 * Resource addresses, variables and outputs are the original's, so its state can be moved here unchanged.
 */
export class SagemakerServerlessStack extends ProjectStack {
  public readonly endpoint: ServerlessEndpoint;

  public constructor(scope: Construct, id: string, props: SagemakerServerlessStackProps) {
    super(scope, id);
    SERVERLESS_STACK_KEYS.refuseWrongShape(this, props);
    SERVERLESS_STACK_KEYS.refuseUnknown(this, props);
    this.keepAddresses({
      [`${ENDPOINT}/model`]: "embedding_model",
      [`${ENDPOINT}/endpoint-configuration`]: "serverless_config",
      [`${ENDPOINT}/endpoint`]: "embedding_endpoint",
      // New: what the model's and the configuration's names are derived from (content-names.ts).
      [`${ENDPOINT}/model-content`]: "embedding_model_content",
      [`${ENDPOINT}/endpoint-configuration-content`]: "serverless_config_content",
    });
    const region = awsRegionVariable(this);
    new AwsProvider(this, "aws", { region: region.stringValue });

    const imageUri = stringVariable(this, "sagemaker_image_uri", {
      default: DEFAULT_IMAGE_URI,
      description: "URI of the SageMaker container image",
      limit: CONTAINER_IMAGE,
      nullable: false,
    });
    const embeddingModel = new TerraformVariable(this, "embedding_model_name", {
      type: "string",
      default: DEFAULT_EMBEDDING_MODEL,
      description: "Name of the HuggingFace model to use",
      nullable: false,
      validation: [
        {
          // At most 1024 characters: the longest value of a container environment variable (HF_MODEL_ID).
          condition:
            '${length(var.embedding_model_name) <= 1024 && can(regex("^\\\\S+$", var.embedding_model_name))}',
          errorMessage: withValueGiven(
            "embedding_model_name",
            "embedding_model_name must be a HuggingFace model id (e.g. sentence-transformers/all-MiniLM-L6-v2) of at most 1024 characters without whitespace.",
          ),
        },
      ],
    });

    // Correction: the original default image only exists in us-east-1's registry, and SageMaker pulls
    // images from the model's own region. With the default left in place, the same image is taken from
    // the deployment region's registry account; a region without one stops the plan (precondition below)
    // instead of producing an endpoint that never starts. An explicit sagemaker_image_uri is used as given.
    const regionalImage = new RegionalImage(this, "default-image", {
      registry: "huggingface-inference",
      repository: DEFAULT_IMAGE_REPOSITORY,
      tag: DEFAULT_IMAGE_TAG,
      region: region.stringValue,
    });
    const usesDefaultImage = Op.eq(imageUri.stringValue, DEFAULT_IMAGE_URI);
    const image = new TerraformLocal(
      this,
      "image_uri",
      Fn.conditional(usesDefaultImage, regionalImage.uri, imageUri.stringValue),
    );

    // As in the original: no variant name (the AWS provider makes one up), no tags.
    this.endpoint = new ServerlessEndpoint(this, ENDPOINT, {
      modelName: props.modelName ?? "alex-embedding-model",
      endpointConfigurationName:
        props.endpointConfigurationName ?? "alex-embedding-serverless-config",
      endpointName: props.endpointName ?? "alex-embedding-endpoint",
      iamRoleArn: props.executionRoleArn,
      container: {
        image: image.asString,
        environmentVariables: {
          HF_MODEL_ID: embeddingModel.stringValue,
          HF_TASK: "feature-extraction",
        },
      },
      memorySizeInMB: props.memorySizeInMB ?? 3072,
      maxConcurrency: props.maxConcurrency ?? 2,
      encryptionKeyArn: props.encryptionKeyArn,
      managedByTag: false,
      variantName: props.variantName,
      blueGreen: props.blueGreen,
      autoRollback: props.rollbackAlarmNames && { alarmNames: props.rollbackAlarmNames },
    });
    if (props.encryptionKeyArn === undefined) {
      acknowledge(this.endpoint.endpointConfiguration, "sagemaker-endpoint-kms", NO_KEY_REASON);
    }
    acknowledge(this.endpoint.model, "sagemaker-model-image-digest", IMAGE_TAG_REASON);
    const { model, endpoint } = this.endpoint;
    addPreconditions(model, [
      {
        condition: Op.or(Op.not(usesDefaultImage), regionalImage.regionSupported),
        errorMessage: `${regionalImage.unsupportedRegionMessage} Set sagemaker_image_uri to an image in the ${region.stringValue} registry.`,
      },
    ]);

    new TerraformOutput(this, "sagemaker_endpoint_name", {
      value: endpoint.name,
      description: "Name of the SageMaker endpoint",
    });
    new TerraformOutput(this, "sagemaker_endpoint_arn", {
      value: endpoint.arn,
      description: "ARN of the SageMaker endpoint",
    });
    new TerraformOutput(this, "setup_instructions", {
      value: [
        "SageMaker serverless endpoint deployed.",
        "",
        "Add it to the .env file in the project root:",
        `  SAGEMAKER_ENDPOINT=${endpoint.name}`,
        "",
        "Then test it (the first call after idle takes 10-60 s: cold start):",
        `  aws sagemaker-runtime invoke-endpoint --endpoint-name ${endpoint.name} --region ${region.stringValue} --content-type application/json --body '{"inputs": "vectorize me"}' --cli-binary-format raw-in-base64-out /dev/stdout`,
        "",
      ].join("\n"),
      description: "Instructions for setting up environment variables",
    });
  }
}
