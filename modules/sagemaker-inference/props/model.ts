import type { ITerraformDependable } from "cdktf";
import type { Tags } from "./tags";

/** A SageMaker model: one or more containers and the role SageMaker runs them with. */
export interface ModelProps {
  /** ARN of the role SageMaker assumes to pull the images and the model artifacts. */
  readonly iamRoleArn: string;
  /**
   * The containers, keyed by container host name (1-15). More than one makes an inference pipeline
   * (`inferenceExecutionConfig.mode` `Serial`) or a multi-container model (`Direct`).
   *
   * They are written to the model, and a pipeline runs them, in the order of their keys, as the module's
   * `for_each` writes them: by character code, so `"10"` before `"9"` and `"B"` before `"a"`; not in the order
   * the object lists them (JavaScript puts keys like `"9"` first anyway). Name a pipeline's containers so that
   * they sort in the order they run, e.g. `"1-preprocess"`, `"2-predict"`; a serial pipeline listed in another
   * order draws a warning at synth.
   */
  readonly containerDefinitions: Readonly<Record<string, ContainerDefinitionProps>>;
  /**
   * Tags of the model.
   *
   * @default {}
   */
  readonly additionalTags?: Tags;
  /**
   * When true, the containers cannot make any outbound network call. Left unset, `enable_network_isolation` is not
   * written and AWS's default applies: no isolation.
   *
   * @default - not written (AWS: false)
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
  /**
   * Beyond the module: the start of the model's name, e.g. one built from Terraform variables. The model is named
   * `<name>-<8 hex>`, the hex derived from its content, so that a changed model gets a new name and its endpoints
   * move to it (docs/changing-a-deployed-model.md); a name longer than 54 characters is cut to 54 first. Its `Name`
   * tag, where it has one, is this name. The key still names the model's construct and is what variants refer to.
   *
   * @default - the model's key
   */
  readonly name?: string;
  /**
   * Beyond the module: anything else the model's name is derived from, for a change the model's own arguments do
   * not show, e.g. the version or hash of a model artifact uploaded again to the same S3 key. A new revision gives
   * the model a new name, and its endpoints move to it.
   *
   * @default - none: the name follows the model's arguments alone
   */
  readonly revision?: string;
  /**
   * Beyond the module: write the model's single container as a `primary_container` block, the way most
   * Terraform code declares a model, instead of a `container` block. The container's key is then not written as
   * its host name (one container needs none), and its mode only when it hosts multiple models. Needs exactly
   * one container.
   *
   * @default false
   */
  readonly primaryContainer?: boolean;
  /**
   * Beyond the module: resources the model must wait for, e.g. the policy that lets the execution role read the
   * model artifact (SageMaker checks its access when it creates the model).
   *
   * @default - none
   */
  readonly dependsOn?: readonly ITerraformDependable[];
}

/** One inference container of a model. */
export interface ContainerDefinitionProps {
  /** The Amazon ECR URI of the inference image, in the deployment region. */
  readonly image: string;
  /**
   * `CompressedModel`: `modelDataLocation` is a `.tar.gz` archive (`model_data_url`). `UncompressedModel`:
   * it is an S3 object or, ending in `/`, an S3 prefix of uncompressed files (`model_data_source`). Read in any
   * case (`"uncompressedmodel"`), as the module compares it; it must be known at synth.
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
