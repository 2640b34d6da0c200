import { Fn, Op, TerraformLocal, type Precondition } from "cdktf";
import type { Construct } from "constructs";
import { AwsContext } from "../core/aws-context";
import { isUnresolved } from "../core/validation";
import { ecrRepositoryArn } from "../images/ecr-repository";
import { RegionalImage } from "../images/regional-image";

/** The original's image: SageMaker scikit-learn 1.2-1, CPU (serverless endpoints have no GPU). */
export const SKLEARN_IMAGE_REPOSITORY = "sagemaker-scikit-learn";
export const SKLEARN_IMAGE_TAG = "1.2-1-cpu-py3";
/** The original's default image URI: us-east-1's copy of the scikit-learn image. */
export const ORIGINAL_DEFAULT_IMAGE = `683313688378.dkr.ecr.us-east-1.amazonaws.com/${SKLEARN_IMAGE_REPOSITORY}:${SKLEARN_IMAGE_TAG}`;

/** The image the model runs. */
export interface ModelImage {
  /** The URI, as `local.<name>` of a local created with id `image-uri`. */
  readonly uri: string;
  /** The ARN of its ECR repository, for the pull permission. */
  readonly repositoryArn: string;
  /** For the model: stops a plan in a region that has no default image. */
  readonly preconditions: Precondition[];
}

/**
 * Correction: the original's default image exists only in us-east-1's registry, and SageMaker pulls images
 * from the model's own region. Left unset, or set to that default, the image is the same scikit-learn image
 * in the deployment region's registry account, and a region without one stops the plan (a precondition)
 * instead of giving an endpoint that never starts. Any other image is used as given.
 */
export function modelImage(scope: Construct, given: string | undefined): ModelImage {
  if (given !== undefined && given !== ORIGINAL_DEFAULT_IMAGE && !isUnresolved(given)) {
    return {
      uri: new TerraformLocal(scope, "image-uri", given).asString,
      repositoryArn: ecrRepositoryArn(scope, given),
      preconditions: [],
    };
  }
  const regional = new RegionalImage(scope, "default-image", {
    registry: "sklearn-inference",
    repository: SKLEARN_IMAGE_REPOSITORY,
    tag: SKLEARN_IMAGE_TAG,
  });
  const errorMessage = `${regional.unsupportedRegionMessage} Set the container image to one in the ${AwsContext.of(scope).region} registry.`;
  // Unset or the original default at synth time: the regional image. Known only at apply time (a variable
  // whose default is the original's URI): Terraform decides.
  const usesDefault =
    given === undefined || given === ORIGINAL_DEFAULT_IMAGE
      ? undefined
      : Op.eq(given, ORIGINAL_DEFAULT_IMAGE);
  const uri = new TerraformLocal(
    scope,
    "image-uri",
    usesDefault === undefined ? regional.uri : Fn.conditional(usesDefault, regional.uri, given),
  ).asString;
  return {
    uri,
    repositoryArn: ecrRepositoryArn(scope, uri),
    preconditions: [
      {
        condition:
          usesDefault === undefined
            ? regional.regionSupported
            : Op.or(Op.not(usesDefault), regional.regionSupported),
        errorMessage,
      },
    ],
  };
}
