import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { ECR_IMAGE_URI_RULE, MAX_TAGS, TAG_TEXT_RULE } from "../../modules/core/rules";
import {
  ecrImageUriCondition,
  s3BucketNameCondition,
  tagsCondition,
  withValueGiven,
} from "../../modules/core/terraform-conditions";
import { ORIGINAL_DEFAULT_IMAGE } from "../../modules/ml-module/image";

/** The original module's variables, with the validations Terraform can do on one variable at a time. */
export interface MlModuleVariables {
  readonly projectName: TerraformVariable;
  readonly environment: TerraformVariable;
  readonly mlModelsBucket: TerraformVariable;
  readonly sagemakerContainerImage: TerraformVariable;
  readonly tags: TerraformVariable;
}

/**
 * Declares the original's variables: same names, types and defaults, descriptions from its README.
 *
 * Correction: the original validates none of them. Each is checked here for what AWS accepts in the names and
 * URIs built from it. The lengths of the names built from project_name and environment together are checked by
 * preconditions on the resources (Terraform 1.5 cannot validate one variable against another).
 */
export function mlModuleVariables(scope: Construct): MlModuleVariables {
  const projectName = new TerraformVariable(scope, "project_name", {
    type: "string",
    description: "Project name for resource naming",
    validation: [
      {
        condition: '${can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]*$", var.project_name))}',
        errorMessage: withValueGiven(
          "project_name",
          "project_name must start with a letter or digit and hold only letters, digits and hyphens: it begins every SageMaker and IAM name of the module.",
        ),
      },
    ],
  });
  const environment = new TerraformVariable(scope, "environment", {
    type: "string",
    description: "Environment name (dev/staging/prod)",
    validation: [
      {
        condition: '${can(regex("^[a-zA-Z0-9-]*$", var.environment))}',
        errorMessage: withValueGiven(
          "environment",
          "environment must hold only letters, digits and hyphens: it is part of every SageMaker and IAM name of the module.",
        ),
      },
    ],
  });
  const mlModelsBucket = new TerraformVariable(scope, "ml_models_bucket", {
    type: "string",
    description: "S3 bucket name for ML models",
  });
  mlModelsBucket.addValidation({
    condition: s3BucketNameCondition(mlModelsBucket.stringValue),
    errorMessage: withValueGiven(
      "ml_models_bucket",
      "ml_models_bucket must be an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no '..', not an IP address, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3; -an only in account-regional names).",
    ),
  });
  const sagemakerContainerImage = new TerraformVariable(scope, "sagemaker_container_image", {
    type: "string",
    default: ORIGINAL_DEFAULT_IMAGE,
    description: "SageMaker container image URI",
  });
  sagemakerContainerImage.addValidation({
    condition: ecrImageUriCondition(sagemakerContainerImage.stringValue),
    errorMessage: withValueGiven(
      "sagemaker_container_image",
      `sagemaker_container_image must be ${ECR_IMAGE_URI_RULE}.`,
    ),
  });
  const tags = new TerraformVariable(scope, "tags", {
    type: "map(string)",
    default: {},
    description: "Common tags for all resources",
    validation: [
      {
        condition: tagsCondition("var.tags", ["Name"]),
        errorMessage: withValueGiven(
          "tags",
          `tags must hold at most ${MAX_TAGS - 1} tags (every resource also gets Name), ${TAG_TEXT_RULE}.`,
        ),
      },
    ],
  });
  return { projectName, environment, mlModelsBucket, sagemakerContainerImage, tags };
}
