import { TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { ECR_IMAGE_URI } from "../../modules/core/limits/ecr";
import { S3_BUCKET_NAME } from "../../modules/core/limits/s3";
import { tagsLimit } from "../../modules/core/limits/tags";
import { validateBy } from "../../modules/core/limits/variables";
import { withValueGiven } from "../../modules/core/terraform-conditions";
import { ORIGINAL_DEFAULT_IMAGE } from "../../modules/ml-module/image";
import { stringVariable } from "../validated-variables";

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
 * preconditions on the resources (Terraform 1.5 cannot validate one variable against another). The variables whose
 * conditions call functions that refuse null are not nullable: null stands for the default, or is refused where
 * there is none.
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
  const mlModelsBucket = stringVariable(scope, "ml_models_bucket", {
    description: "S3 bucket name for ML models",
    limit: S3_BUCKET_NAME,
    nullable: false,
  });
  const sagemakerContainerImage = stringVariable(scope, "sagemaker_container_image", {
    default: ORIGINAL_DEFAULT_IMAGE,
    description: "SageMaker container image URI",
    limit: ECR_IMAGE_URI,
    nullable: false,
  });
  const tags = new TerraformVariable(scope, "tags", {
    type: "map(string)",
    default: {},
    description: "Common tags for all resources",
    nullable: false,
  });
  validateBy(tags, tagsLimit(["Name"]), tags.value as Readonly<Record<string, string>>);
  return { projectName, environment, mlModelsBucket, sagemakerContainerImage, tags };
}
