/**
 * Names, tags and region: the variables every name and tag is made of, the recipe's `<project_name>-<environment>`
 * prefix and common tags, the providers, and the preconditions on names built from several variables (Terraform
 * 1.5 validates one variable at a time).
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { Id as RandomId } from "@cdktf/provider-random/lib/id";
import { RandomProvider } from "@cdktf/provider-random/lib/provider";
import { Fn, TerraformLocal, TerraformVariable, type Precondition } from "cdktf";
import type { Construct } from "constructs";
import { derivedNamePrecondition } from "../../modules/core/derived-names";
import { IAM_ROLE_NAME } from "../../modules/core/limits/iam";
import { REGION } from "../../modules/core/limits/region";
import { SAGEMAKER_NAME } from "../../modules/core/limits/sagemaker";
import { oneOfLimit } from "../../modules/core/limits/shapes";
import { tagsLimit } from "../../modules/core/limits/tags";
import { validateBy } from "../../modules/core/limits/variables";
import { tagsWithName } from "../../modules/core/tags";
import { withValueGiven } from "../../modules/core/terraform-conditions";
import { stringVariable } from "../validated-variables";
import type { RecipeEnvironment } from "./props";

/**
 * The tags every resource of the stack gets besides additional_tags: the recipe's common tags (also the
 * provider's default tags) and Name. They count toward the 50 tags a resource may have.
 */
export const COMMON_TAG_KEYS = ["Project", "Environment", "ManagedBy", "Name"] as const;

/** The environments the recipe accepts. */
const ENVIRONMENTS = oneOfLimit<RecipeEnvironment>(
  ["dev", "staging", "prod"],
  "one of dev, staging or prod",
);

const PREFIX = "name_prefix";
const COMMON_TAGS = "common_tags";
const SUFFIX = "suffix";

/** The Terraform names of the recipe's random suffix and of the locals `name_prefix` and `common_tags`. */
export const NAMING_ADDRESSES: Readonly<Record<string, string>> = {
  [PREFIX]: PREFIX,
  [COMMON_TAGS]: COMMON_TAGS,
  [SUFFIX]: SUFFIX,
};

/** The recipe's first variables: what the names are made of, and where the stack deploys. */
export interface NamingVariables {
  readonly projectName: TerraformVariable;
  readonly environment: TerraformVariable;
  readonly region: TerraformVariable;
  readonly modelName: TerraformVariable;
}

/** project_name, environment, region and model_name, with their validations. */
export function namingVariables(
  scope: Construct,
  environmentDefault: RecipeEnvironment,
): NamingVariables {
  const projectName = new TerraformVariable(scope, "project_name", {
    type: "string",
    default: "ml-models-sagemaker",
    description: "Project name, the start of every resource name",
    validation: [
      {
        condition: '${can(regex("^[a-zA-Z][a-zA-Z0-9-]*$", var.project_name))}',
        errorMessage: withValueGiven(
          "project_name",
          "project_name must start with a letter and hold only letters, digits and hyphens.",
        ),
      },
    ],
  });
  const environment = stringVariable(scope, "environment", {
    default: environmentDefault,
    description: "Environment: dev, staging or prod",
    limit: ENVIRONMENTS,
    nullable: false,
  });
  // Correction: the recipe declares region and never uses it; here it is the AWS provider's region.
  const region = stringVariable(scope, "region", {
    default: "us-east-1",
    description: "AWS region to deploy to (the AWS provider's region)",
    limit: REGION,
  });
  const modelName = new TerraformVariable(scope, "model_name", {
    type: "string",
    default: "sklearn-iris-classifier",
    description: "Name of the model, part of the model, endpoint configuration and endpoint names",
    validation: [
      {
        condition: '${can(regex("^[a-zA-Z0-9-]+$", var.model_name))}',
        errorMessage: withValueGiven(
          "model_name",
          "model_name must hold only letters, digits and hyphens.",
        ),
      },
    ],
  });
  return { projectName, environment, region, modelName };
}

/** additional_tags, the recipe's last variable: tags for every resource, within AWS's limits with the common ones. */
export function additionalTagsVariable(scope: Construct): TerraformVariable {
  const additionalTags = new TerraformVariable(scope, "additional_tags", {
    type: "map(string)",
    default: {},
    description: "Tags added to every resource",
    nullable: false,
  });
  return validateBy(
    additionalTags,
    tagsLimit(COMMON_TAG_KEYS),
    additionalTags.value as Readonly<Record<string, string>>,
  );
}

/** The AWS provider, in var.region with the recipe's default tags, and the random provider. */
export function recipeProviders(scope: Construct, v: NamingVariables): void {
  new AwsProvider(scope, "aws", {
    region: v.region.stringValue,
    defaultTags: [
      {
        tags: {
          Project: "sagemaker-ml-endpoints",
          Environment: v.environment.stringValue,
          ManagedBy: "terraform",
        },
      },
    ],
  });
  new RandomProvider(scope, "random");
}

/** The names of the stack's resources, their tags, and the preconditions on the names Terraform builds. */
export interface RecipeNames {
  /** `local.name_prefix`: `<project_name>-<environment>`. */
  readonly prefix: string;
  /** `local.common_tags`: Project, Environment and ManagedBy, merged with additional_tags. */
  readonly commonTags: Record<string, string>;
  /** The random hex that makes a generated name unique (the bucket's). */
  readonly uniqueSuffix: string;
  readonly model: string;
  readonly endpointConfiguration: string;
  readonly endpoint: string;
  readonly executionRole: string;
  /** The common tags and a `Name` tag, as the recipe tags each resource. */
  readonly tagged: (name: string) => Record<string, string>;
  /** The preconditions on the resources whose names join several variables: each name within AWS's limit. */
  readonly checks: {
    readonly model: Precondition;
    readonly endpointConfiguration: Precondition;
    readonly endpoint: Precondition;
    readonly executionRole: Precondition;
  };
}

/** The random suffix, `local.name_prefix`, `local.common_tags`, and the names made of them. */
export function recipeNames(
  scope: Construct,
  v: NamingVariables,
  additionalTags: TerraformVariable,
): RecipeNames {
  const suffix = new RandomId(scope, SUFFIX, { byteLength: 4 });
  const prefix = new TerraformLocal(
    scope,
    PREFIX,
    `${v.projectName.stringValue}-${v.environment.stringValue}`,
  ).asString;
  const commonTags = new TerraformLocal(
    scope,
    COMMON_TAGS,
    Fn.merge([
      {
        Project: v.projectName.stringValue,
        Environment: v.environment.stringValue,
        ManagedBy: "terraform",
      },
      additionalTags.value,
    ]),
  ).asStringMap;
  const model = `${prefix}-${v.modelName.stringValue}`;
  const parts = [v.projectName.stringValue, v.environment.stringValue];
  const sagemakerName = (what: string, suffixes: string[]) =>
    derivedNamePrecondition(
      `The ${what} name (<project_name>-<environment>-<model_name>${suffixes.map((s) => `-${s}`).join("")})`,
      [...parts, v.modelName.stringValue, ...suffixes],
      SAGEMAKER_NAME,
      "Shorten project_name, environment or model_name.",
    );
  return {
    prefix,
    commonTags,
    uniqueSuffix: suffix.hex,
    model,
    endpointConfiguration: `${model}-config`,
    endpoint: `${model}-endpoint`,
    executionRole: `${prefix}-sagemaker-execution-role`,
    tagged: (name) => tagsWithName(commonTags, name),
    checks: {
      model: sagemakerName("model", []),
      endpointConfiguration: sagemakerName("endpoint configuration", ["config"]),
      endpoint: sagemakerName("endpoint", ["endpoint"]),
      executionRole: derivedNamePrecondition(
        "The execution role name (<project_name>-<environment>-sagemaker-execution-role)",
        [...parts, "sagemaker-execution-role"],
        IAM_ROLE_NAME,
        "Shorten project_name or environment.",
      ),
    },
  };
}
