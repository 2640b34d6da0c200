/**
 * The image the model runs: container_image_uri, the iris sample's prebuilt scikit-learn image or the stack's
 * repository, pinned by container_image_digest, and the environment its handlers read. The iris sample
 * (`sample-model/`, docs/iris-sample.md) is a linear discriminant analysis of Fisher's iris data, with handlers for
 * AWS's prebuilt scikit-learn image, packed reproducibly into `sample-model/model.tar.gz` by `npm run sample-model`.
 */
import { Fn, Op, TerraformLocal, type Precondition, type TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { ECR_IMAGE_URI, IMAGE_DIGEST } from "../../modules/core/limits/ecr";
import { isEmptyString } from "../../modules/core/terraform-conditions";
import { pinnedToDigest } from "../../modules/images/image-digest";
import { RegionalImage } from "../../modules/images/regional-image";
import { SKLEARN_IMAGE_REPOSITORY, SKLEARN_IMAGE_TAG } from "../../modules/ml-module/image";
import { stringVariable } from "../validated-variables";

const CONTAINER_IMAGE = "container_image";
const MODEL_IMAGE = "model_image";

/** The Terraform names of the image as given (`local.container_image`) and as the model runs it (`local.model_image`). */
export const IMAGE_ADDRESSES: Readonly<Record<string, string>> = {
  [CONTAINER_IMAGE]: CONTAINER_IMAGE,
  [MODEL_IMAGE]: MODEL_IMAGE,
};

/** The prebuilt image that serves the sample, in the deployment region's registry. */
export const IRIS_SAMPLE_IMAGE = `${SKLEARN_IMAGE_REPOSITORY}:${SKLEARN_IMAGE_TAG}`;

/**
 * The scikit-learn image's handler contract: it imports `SAGEMAKER_PROGRAM` from `SAGEMAKER_SUBMIT_DIRECTORY`, here
 * the `code/` folder of the archive, which SageMaker unpacks into /opt/ml/model (sagemaker-containers `_env.py`
 * ServingEnv; sagemaker-python-sdk `model.py` `_script_mode_env_vars`).
 */
export const IRIS_SAMPLE_ENVIRONMENT: Readonly<Record<string, string>> = {
  SAGEMAKER_PROGRAM: "inference.py",
  SAGEMAKER_SUBMIT_DIRECTORY: "/opt/ml/model/code",
};

/** The recipe's environment, for its own container: `predictor.py` in the image's /opt/ml/code. */
export const RECIPE_CONTAINER_ENVIRONMENT: Readonly<Record<string, string>> = {
  SAGEMAKER_PROGRAM: "predictor.py",
  SAGEMAKER_SUBMIT_DIRECTORY: "/opt/ml/code",
};

/**
 * container_image_uri, the image as given; empty, the sample's image or the stack's repository's `latest`
 * (`sample`: whether the model is the iris sample).
 */
export function containerImageUriVariable(scope: Construct, sample: boolean): TerraformVariable {
  const otherwise = sample
    ? `the region's prebuilt scikit-learn image (${IRIS_SAMPLE_IMAGE})`
    : "the stack's ECR repository, tag latest";
  return stringVariable(scope, "container_image_uri", {
    default: "",
    description: `Inference image URI; empty: ${otherwise}`,
    limit: ECR_IMAGE_URI,
    orEmpty: true,
    nullable: false,
  });
}

/** container_image_digest (not in the recipe): the digest that pins the model's image. */
export function containerImageDigestVariable(scope: Construct): TerraformVariable {
  return stringVariable(scope, "container_image_digest", {
    default: "",
    description:
      "Digest (sha256:...) that pins the model image: the model refers to <repository>@<digest> instead of a tag; empty: the tag",
    limit: IMAGE_DIGEST,
    orEmpty: true,
  });
}

const TO_PIN =
  "Set container_image_digest (sha256:...) to pin the model: it then refers to <repository>@<digest>.";

/** Why the model's image may be a tag (printed with the finding on every synth), by where the image comes from. */
export const IMAGE_TAG_REASONS = {
  sample: `The iris sample runs AWS's prebuilt scikit-learn image by its tag (${SKLEARN_IMAGE_TAG}, or container_image_uri as given), under which AWS publishes patched builds. ${TO_PIN}`,
  recipe: `The recipe's model image is the repository's :latest (or container_image_uri as given), a tag that a push can move. ${TO_PIN}`,
} as const;

/** The model's image and what its handlers need. */
export interface RecipeImage {
  /** `local.model_image`: `local.container_image`, pinned when container_image_digest is set (docs/security.md). */
  readonly uri: string;
  readonly environment: Readonly<Record<string, string>>;
  /** Why the image may be a tag: one of {@link IMAGE_TAG_REASONS}. */
  readonly tagReason: string;
  /** For the model, with the sample: stops a plan in a region without the scikit-learn image when none is given. */
  readonly preconditions: Precondition[];
}

/**
 * `local.container_image` and `local.model_image`: with the sample, container_image_uri or else
 * `sagemaker-scikit-learn:1.2-1-cpu-py3` in the registry account of the deployment region (`RegionalImage`), a
 * region without one stopping the plan; otherwise, as in the recipe, container_image_uri or else the repository's
 * `latest`.
 */
export function recipeImage(
  scope: Construct,
  config: {
    readonly sample: boolean;
    readonly containerImageUri: TerraformVariable;
    readonly containerImageDigest: TerraformVariable;
    readonly repositoryUrl: string;
  },
): RecipeImage {
  const given = config.containerImageUri.stringValue;
  const noneGiven = isEmptyString(given);
  const regional = config.sample
    ? new RegionalImage(scope, "sample-image", {
        registry: "sklearn-inference",
        repository: SKLEARN_IMAGE_REPOSITORY,
        tag: SKLEARN_IMAGE_TAG,
      })
    : undefined;
  const containerImage = new TerraformLocal(
    scope,
    CONTAINER_IMAGE,
    Fn.conditional(noneGiven, regional?.uri ?? `${config.repositoryUrl}:latest`, given),
  ).asString;
  const uri = new TerraformLocal(
    scope,
    MODEL_IMAGE,
    pinnedToDigest(containerImage, config.containerImageDigest.stringValue),
  ).asString;
  if (!regional) {
    return {
      uri,
      environment: RECIPE_CONTAINER_ENVIRONMENT,
      tagReason: IMAGE_TAG_REASONS.recipe,
      preconditions: [],
    };
  }
  return {
    uri,
    environment: IRIS_SAMPLE_ENVIRONMENT,
    tagReason: IMAGE_TAG_REASONS.sample,
    preconditions: [
      {
        condition: Op.or(Op.not(noneGiven), regional.regionSupported),
        errorMessage: `${regional.unsupportedRegionMessage} Set container_image_uri to a scikit-learn image in this region's registry.`,
      },
    ],
  };
}
