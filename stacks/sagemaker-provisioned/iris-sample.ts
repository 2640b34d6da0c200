/**
 * The image and the environment of the iris sample that ships with the project (`sample-model/`, see
 * docs/iris-sample.md): a linear discriminant analysis of Fisher's iris data, with handlers for AWS's prebuilt
 * scikit-learn image, packed reproducibly into `sample-model/model.tar.gz` by `npm run sample-model`.
 */
import { Fn, Op, type Precondition } from "cdktf";
import type { Construct } from "constructs";
import { isEmptyString } from "../../modules/core/terraform-conditions";
import { RegionalImage } from "../../modules/images/regional-image";
import { SKLEARN_IMAGE_REPOSITORY, SKLEARN_IMAGE_TAG } from "../../modules/ml-module/image";

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

/** The sample's image: the one in `containerImageUri` when it is set, else the region's scikit-learn image. */
export interface IrisSampleImage {
  /** The image URI, a Terraform expression. */
  readonly uri: string;
  /** For the model: stops a plan in a region without the scikit-learn image when no image is given. */
  readonly precondition: Precondition;
}

/**
 * The image that serves the sample: `containerImageUri` when it is not empty, else
 * `sagemaker-scikit-learn:1.2-1-cpu-py3` in the registry account of the deployment region (`RegionalImage`); a region
 * without one stops the plan.
 */
export function irisSampleImage(scope: Construct, containerImageUri: string): IrisSampleImage {
  const regional = new RegionalImage(scope, "sample-image", {
    registry: "sklearn-inference",
    repository: SKLEARN_IMAGE_REPOSITORY,
    tag: SKLEARN_IMAGE_TAG,
  });
  const given = Op.not(isEmptyString(containerImageUri));
  return {
    uri: Fn.conditional(isEmptyString(containerImageUri), regional.uri, containerImageUri),
    precondition: {
      condition: Op.or(given, regional.regionSupported),
      errorMessage: `${regional.unsupportedRegionMessage} Set container_image_uri to a scikit-learn image in this region's registry.`,
    },
  };
}
