/**
 * The stack's inputs are Terraform variables, so its names, tags and image are Terraform expressions. Their
 * behaviour (variable validations, preconditions, the regional image, the repository ARN, the tag merge) was
 * checked by hand with terraform 1.11 on a provider-free copy of this JSON: see docs/stacks/ml-module.md.
 */
import { describe, expect, it } from "vitest";
import {
  expectRegistryTable,
  SKLEARN_INFERENCE_PINNED,
  SKLEARN_INFERENCE_REGIONS,
} from "../../helpers/registry-accounts";
import { synthProject } from "../../helpers/project";
import { addresses } from "../../helpers/synth";
import {
  ADDRESSES,
  executionPolicy,
  LAMBDA_TRUST,
  lambdaInvokePolicy,
  PARTITION,
  REGION,
  REPOSITORY_OF_IMAGE_LOCAL,
  SAGEMAKER_TRUST,
} from "../../modules/ml-module/expected";
import { AWS_REGION_VARIABLE } from "../../helpers/expected";
import { AWS_PROVIDER } from "../../helpers/providers";

const PREFIX = "${var.project_name}-${var.environment}";
const ORIGINAL_IMAGE =
  "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3";
const SAGEMAKER_RULE =
  "a SageMaker name: 1-63 letters, digits and hyphens, starting and ending with a letter or digit";
const IAM_RULE = "an IAM role name: 1-64 characters from letters, digits and + = , . @ _ -";

/** The precondition on a resource whose name is `<project_name>-<environment>-<suffix>`. */
function nameCheck(field: string, suffix: string, limit: "sagemaker" | "iam") {
  const joined = `join("-", [var.project_name, var.environment, "${suffix}"])`;
  const condition =
    limit === "sagemaker"
      ? `\${((length(${joined}) <= 63) && can(regex("^[a-zA-Z0-9](-*[a-zA-Z0-9])*$", ${joined})))}`
      : `\${((length(${joined}) <= 64) && can(regex("^[a-zA-Z0-9_+=,.@-]+$", ${joined})))}`;
  return {
    condition,
    error_message: `${field} (<projectName>-<environment>-${suffix}) is '${PREFIX}-${suffix}', \${length(${joined})} characters; allowed: ${limit === "sagemaker" ? SAGEMAKER_RULE : IAM_RULE}. Shorten the project name or the environment.`,
  };
}

function tagged(suffix: string): string {
  return `\${merge(var.tags, {"Name" = "${PREFIX}-${suffix}"})}`;
}

describe("stack ml-module", () => {
  const json = synthProject().json["ml-module"]!;
  const resources = json.resource!;
  const documents = json.data!.aws_iam_policy_document!;

  it("keeps the original module's eight addresses", () => {
    expect(addresses(json)).toEqual(ADDRESSES);
  });

  it("declares the original variables with their types and defaults, each validated", () => {
    expect(json.variable).toEqual({
      aws_region: AWS_REGION_VARIABLE,
      project_name: {
        type: "string",
        description: "Project name for resource naming",
        validation: [
          {
            condition: '${can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]*$", var.project_name))}',
            error_message:
              "project_name must start with a letter or digit and hold only letters, digits and hyphens: it begins every SageMaker and IAM name of the module; got ${jsonencode(var.project_name)}.",
          },
        ],
      },
      environment: {
        type: "string",
        description: "Environment name (dev/staging/prod)",
        validation: [
          {
            condition: '${can(regex("^[a-zA-Z0-9-]*$", var.environment))}',
            error_message:
              "environment must hold only letters, digits and hyphens: it is part of every SageMaker and IAM name of the module; got ${jsonencode(var.environment)}.",
          },
        ],
      },
      ml_models_bucket: {
        type: "string",
        description: "S3 bucket name for ML models",
        nullable: false,
        validation: [
          {
            condition:
              "${((((((((length(var.ml_models_bucket) >= 3) && (length(var.ml_models_bucket) <= 63))" +
              ' && can(regex("^[a-z0-9][a-z0-9.-]*[a-z0-9]$", var.ml_models_bucket)))' +
              ' && !strcontains(var.ml_models_bucket, ".."))' +
              ' && !can(regex("^[0-9]{1,3}([.][0-9]{1,3}){3}$", var.ml_models_bucket)))' +
              ' && !can(regex("^(xn--|sthree-|amzn-s3-demo-)", var.ml_models_bucket)))' +
              ' && !can(regex("(-s3alias|--ol-s3|[.]mrap|--x-s3|--table-s3)$", var.ml_models_bucket)))' +
              ' && (!endswith(var.ml_models_bucket, "-an") || can(regex("-[0-9]{12}-[a-z]{2}(-[a-z]+)+-[0-9]+-an$", var.ml_models_bucket))))}',
            error_message:
              "ml_models_bucket must be an S3 bucket name: 3-63 lowercase letters, digits, '.' and '-', starting and ending with a letter or digit, no '..', not an IP address, no reserved prefix (xn--, sthree-, amzn-s3-demo-) or suffix (-s3alias, --ol-s3, .mrap, --x-s3, --table-s3; -an only in account-regional names); got ${jsonencode(var.ml_models_bucket)}.",
          },
        ],
      },
      sagemaker_container_image: {
        type: "string",
        default: ORIGINAL_IMAGE,
        description: "SageMaker container image URI",
        nullable: false,
        validation: [
          {
            condition:
              '${((length(var.sagemaker_container_image) <= 255) && can(regex("^([0-9]{12})[.]dkr[.]ecr[.]([a-z0-9-]+)[.]([a-z0-9.-]+)/([a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*(?:/[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*)*)(?::[a-zA-Z0-9_][a-zA-Z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})?$", var.sagemaker_container_image)))}',
            error_message:
              "sagemaker_container_image must be an Amazon ECR image URI of at most 255 characters: <account>.dkr.ecr.<region>.<dns suffix>/<repository>[:<tag>|@sha256:<digest>]; got ${jsonencode(var.sagemaker_container_image)}.",
          },
        ],
      },
      tags: {
        type: "map(string)",
        default: {},
        description: "Common tags for all resources",
        nullable: false,
        validation: [
          {
            condition:
              '${length(merge(var.tags, {"Name" = ""})) <= 50 && alltrue([for key, value in var.tags : ' +
              'length(key) >= 1 && length(key) <= 128 && length(value) <= 256 && !startswith(lower(key), "aws:") && can(regex("^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]*$", key)) && can(regex("^[\\\\p{L}\\\\p{Z}\\\\p{N}_.:/=+@-]*$", value))])}',
            error_message:
              "tags must be a map of at most 50 tags together with Name, keys of 1-128 and values of at most 256 letters, digits, spaces and _ . : / = + - @, no key starting with aws:; got ${jsonencode(var.tags)}.",
          },
        ],
      },
    });
    expect(json.provider).toEqual({ aws: [{ region: "${var.aws_region}" }] });
  });

  it("creates the roles and their policies, each role guarded against a name IAM refuses", () => {
    expect(resources.aws_iam_role).toEqual({
      sagemaker_execution_role: {
        name: `${PREFIX}-sagemaker-execution-role`,
        assume_role_policy: "${data.aws_iam_policy_document.sagemaker_execution_assume_role.json}",
        tags: tagged("sagemaker-execution-role"),
        lifecycle: {
          precondition: [nameCheck("executionRoleName", "sagemaker-execution-role", "iam")],
        },
      },
      lambda_sagemaker_invoke_role: {
        name: `${PREFIX}-lambda-sagemaker-invoke-role`,
        assume_role_policy:
          "${data.aws_iam_policy_document.lambda_sagemaker_invoke_assume_role.json}",
        tags: tagged("lambda-sagemaker-invoke-role"),
        lifecycle: {
          precondition: [nameCheck("lambdaInvokeRoleName", "lambda-sagemaker-invoke-role", "iam")],
        },
      },
    });
    expect(resources.aws_iam_role_policy).toEqual({
      sagemaker_execution_policy: {
        name: `${PREFIX}-sagemaker-execution-policy`,
        role: "${aws_iam_role.sagemaker_execution_role.id}",
        policy: "${data.aws_iam_policy_document.sagemaker_execution_policy.json}",
      },
      lambda_sagemaker_invoke_policy: {
        name: `${PREFIX}-lambda-sagemaker-invoke-policy`,
        role: "${aws_iam_role.lambda_sagemaker_invoke_role.id}",
        policy: "${data.aws_iam_policy_document.lambda_sagemaker_invoke_policy.json}",
      },
    });
    expect(resources.aws_iam_role_policy_attachment).toEqual({
      lambda_vpc_execution: {
        role: "${aws_iam_role.lambda_sagemaker_invoke_role.name}",
        policy_arn: `arn:${PARTITION}:iam::aws:policy/service-role/AWSLambdaVPCAccessExecutionRole`,
      },
    });
  });

  it("creates the model, configuration and endpoint, each guarded against a name SageMaker refuses", () => {
    expect(resources.aws_sagemaker_model).toEqual({
      optimal_call_time_predictor: {
        name: `${PREFIX}-optimal-call-time-model`,
        execution_role_arn: "${aws_iam_role.sagemaker_execution_role.arn}",
        primary_container: {
          image: "${local.image_uri}",
          model_data_url: "s3://${var.ml_models_bucket}/models/optimal-call-time/model.tar.gz",
          environment: {
            SAGEMAKER_PROGRAM: "inference.py",
            SAGEMAKER_SUBMIT_DIRECTORY:
              "s3://${var.ml_models_bucket}/models/optimal-call-time/code",
          },
        },
        depends_on: ["aws_iam_role_policy.sagemaker_execution_policy"],
        tags: tagged("optimal-call-time-model"),
        lifecycle: {
          precondition: [
            nameCheck("modelName", "optimal-call-time-model", "sagemaker"),
            {
              condition: `\${(!(var.sagemaker_container_image == "${ORIGINAL_IMAGE}") || contains(keys(local.sklearn_inference_registry_accounts), data.aws_region.current.region))}`,
              error_message: `No SageMaker scikit-learn image is published for region ${REGION}; regions with one: ${SKLEARN_INFERENCE_REGIONS}. Set the container image to one in the ${REGION} registry.`,
            },
          ],
        },
      },
    });
    expect(resources.aws_sagemaker_endpoint_configuration).toEqual({
      serverless_config: {
        name: `${PREFIX}-serverless-endpoint-config`,
        production_variants: [
          {
            model_name: "${aws_sagemaker_model.optimal_call_time_predictor.name}",
            variant_name: "AllTraffic",
            serverless_config: { memory_size_in_mb: 1024, max_concurrency: 200 },
          },
        ],
        tags: tagged("serverless-endpoint-config"),
        lifecycle: {
          precondition: [
            nameCheck("endpointConfigName", "serverless-endpoint-config", "sagemaker"),
          ],
        },
      },
    });
    expect(resources.aws_sagemaker_endpoint).toEqual({
      serverless_endpoint: {
        name: `${PREFIX}-optimal-call-time-endpoint`,
        endpoint_config_name: "${aws_sagemaker_endpoint_configuration.serverless_config.name}",
        tags: tagged("optimal-call-time-endpoint"),
        lifecycle: {
          precondition: [nameCheck("endpointName", "optimal-call-time-endpoint", "sagemaker")],
        },
      },
    });
  });

  it("takes the default image from the deployment region's registry, and any other image as given", () => {
    expect(json.locals).toEqual({
      sklearn_inference_registry_accounts: expect.any(Object),
      image_uri: `\${(var.sagemaker_container_image == "${ORIGINAL_IMAGE}") ? "\${lookup(local.sklearn_inference_registry_accounts, data.aws_region.current.region, "no-image-published-in-region")}.dkr.ecr.${REGION}.\${data.aws_partition.current.dns_suffix}/sagemaker-scikit-learn:1.2-1-cpu-py3" : var.sagemaker_container_image}`,
    });
    expectRegistryTable(
      json.locals?.sklearn_inference_registry_accounts,
      SKLEARN_INFERENCE_REGIONS,
      SKLEARN_INFERENCE_PINNED,
    );
  });

  it("trusts SageMaker for this account and region, and Lambda for this account", () => {
    expect(documents.sagemaker_execution_assume_role).toEqual(SAGEMAKER_TRUST);
    expect(documents.lambda_sagemaker_invoke_assume_role).toEqual(LAMBDA_TRUST);
  });

  it("grants the execution role the model objects, the image's repository and the endpoint's logs only", () => {
    expect(documents.sagemaker_execution_policy).toEqual(
      executionPolicy(
        "${var.ml_models_bucket}",
        `${PREFIX}-optimal-call-time-endpoint`,
        REPOSITORY_OF_IMAGE_LOCAL,
      ),
    );
  });

  it("lets the Lambda role invoke this endpoint (by its lower-case ARN) and write the project's function logs", () => {
    expect(documents.lambda_sagemaker_invoke_policy).toEqual(
      lambdaInvokePolicy(`\${lower("${PREFIX}-optimal-call-time-endpoint")}`, `${PREFIX}-`),
    );
  });

  it("outputs the original six values under their names and descriptions", () => {
    expect(json.output).toEqual({
      endpoint_name: {
        value: "${aws_sagemaker_endpoint.serverless_endpoint.name}",
        description: "SageMaker endpoint name",
      },
      endpoint_arn: {
        value: "${aws_sagemaker_endpoint.serverless_endpoint.arn}",
        description: "SageMaker endpoint ARN",
      },
      model_name: {
        value: "${aws_sagemaker_model.optimal_call_time_predictor.name}",
        description: "SageMaker model name",
      },
      sagemaker_execution_role_arn: {
        value: "${aws_iam_role.sagemaker_execution_role.arn}",
        description: "IAM role ARN for SageMaker",
      },
      lambda_sagemaker_invoke_role_arn: {
        value: "${aws_iam_role.lambda_sagemaker_invoke_role.arn}",
        description: "IAM role ARN for Lambda to invoke endpoint",
      },
      lambda_sagemaker_invoke_role_name: {
        value: "${aws_iam_role.lambda_sagemaker_invoke_role.name}",
        description: "IAM role name for Lambda",
      },
    });
  });

  it("keeps local state in terraform.ml-module.tfstate and requires terraform >= 1.5", () => {
    expect(json.terraform).toEqual({
      backend: { local: { path: "../../../terraform.ml-module.tfstate" } },
      required_version: ">= 1.5",
      required_providers: { aws: AWS_PROVIDER },
    });
  });
});
