import { NO_CHECK, type StackCases } from "../../../scripts/terraform/terraform-cases";
import { SKLEARN_INFERENCE_REGIONS } from "../../helpers/registry-accounts";
import {
  ECR_IMAGE_URI_WORDS,
  IAM_ROLE_NAME_WORDS,
  S3_BUCKET_NAME_WORDS,
  SAGEMAKER_NAME_WORDS,
} from "../../helpers/allowed";

const IMAGE = "sagemaker-scikit-learn:1.2-1-cpu-py3";
const MODEL = "aws_sagemaker_model.optimal_call_time_predictor";
/** A project name that makes `<project_name>-prod` 36 characters long. */
const PROJECT_31 = "mass-voice-campaign-system-2026";
/** ... 37 characters long. */
const PROJECT_32 = "mass-voice-campaign-system-2026x";
/** ... and 40 characters long. */
const PROJECT_35 = "mass-voice-campaign-system-2026-eu1";

const execRoleTooLong = (project: string, length: number) =>
  `executionRoleName (<projectName>-<environment>-sagemaker-execution-role) is '${project}-prod-sagemaker-execution-role', ${length} characters; allowed: ${IAM_ROLE_NAME_WORDS}. Shorten the project name or the environment.`;
const lambdaRoleTooLong = (project: string, length: number) =>
  `lambdaInvokeRoleName (<projectName>-<environment>-lambda-sagemaker-invoke-role) is '${project}-prod-lambda-sagemaker-invoke-role', ${length} characters; allowed: ${IAM_ROLE_NAME_WORDS}. Shorten the project name or the environment.`;
const sagemakerNameTooLong = (field: string, suffix: string, project: string, length: number) =>
  `${field} (<projectName>-<environment>-${suffix}) is '${project}-prod-${suffix}', ${length} characters; allowed: ${SAGEMAKER_NAME_WORDS}. Shorten the project name or the environment.`;

/** The ml-module stack: the scikit-learn image of the deployment region, names checked before AWS sees them. */
export const ML_MODULE_CASES: StackCases = {
  required: {
    aws_region: "us-east-1",
    project_name: "voice",
    environment: "prod",
    ml_models_bucket: "voice-prod-ml-models",
  },
  resources: 8,
  outputs: {
    endpoint_arn:
      "arn:aws:sagemaker:us-east-1:123456789012:endpoint/voice-prod-optimal-call-time-endpoint",
    endpoint_name: "voice-prod-optimal-call-time-endpoint",
    lambda_sagemaker_invoke_role_arn:
      "arn:aws:iam::123456789012:role/voice-prod-lambda-sagemaker-invoke-role",
    lambda_sagemaker_invoke_role_name: "voice-prod-lambda-sagemaker-invoke-role",
    // The 8 hex the stand-in's plan derives from the model's content (its representative role ARN): see
    // __tests__/terraform/change-propagation.test.ts for what changes them.
    model_name: "voice-prod-optimal-call-time-model-492610fe",
    sagemaker_execution_role_arn:
      "arn:aws:iam::123456789012:role/voice-prod-sagemaker-execution-role",
  },
  cases: [
    {
      name: "the model takes the us-east-1 scikit-learn image and the code and model from the bucket",
      attributes: {
        [MODEL]: {
          execution_role_arn: "arn:aws:iam::123456789012:role/voice-prod-sagemaker-execution-role",
          "primary_container[0]": {
            environment: {
              SAGEMAKER_PROGRAM: "inference.py",
              SAGEMAKER_SUBMIT_DIRECTORY: "s3://voice-prod-ml-models/models/optimal-call-time/code",
            },
            image: `683313688378.dkr.ecr.us-east-1.amazonaws.com/${IMAGE}`,
            model_data_url: "s3://voice-prod-ml-models/models/optimal-call-time/model.tar.gz",
          },
        },
      },
    },
    {
      name: "the Lambda role may invoke only this endpoint and write only its own functions' logs",
      attributes: {
        "aws_iam_role_policy.lambda_sagemaker_invoke_policy": {
          role: "voice-prod-lambda-sagemaker-invoke-role",
          policy: JSON.stringify({
            Statement: [
              {
                Action: ["sagemaker:InvokeEndpoint"],
                Effect: "Allow",
                Resource: [
                  "arn:aws:sagemaker:us-east-1:123456789012:endpoint/voice-prod-optimal-call-time-endpoint",
                ],
                Sid: "InvokeEndpoint",
              },
              {
                Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                Effect: "Allow",
                Resource: [
                  "arn:aws:logs:us-east-1:123456789012:log-group:/aws/lambda/voice-prod-*",
                ],
                Sid: "WriteFunctionLogs",
              },
            ],
            Version: "2012-10-17",
          }),
        },
      },
    },
    {
      name: "in cn-northwest-1 (aws-cn) the image and the policy's repository ARN are the China registry's",
      variables: { aws_region: "cn-northwest-1" },
      outputs: {
        endpoint_arn:
          "arn:aws-cn:sagemaker:cn-northwest-1:123456789012:endpoint/voice-prod-optimal-call-time-endpoint",
      },
      attributes: {
        [MODEL]: {
          "primary_container[0].image": `451049120500.dkr.ecr.cn-northwest-1.amazonaws.com.cn/${IMAGE}`,
        },
        "aws_iam_role_policy.sagemaker_execution_policy": {
          policy: JSON.stringify({
            Statement: [
              {
                Action: ["s3:GetObject"],
                Effect: "Allow",
                Resource: [
                  "arn:aws-cn:s3:::voice-prod-ml-models/models/optimal-call-time/model.tar.gz",
                  "arn:aws-cn:s3:::voice-prod-ml-models/models/optimal-call-time/code",
                ],
                Sid: "ReadModel",
              },
              {
                Action: [
                  "ecr:BatchCheckLayerAvailability",
                  "ecr:GetDownloadUrlForLayer",
                  "ecr:BatchGetImage",
                ],
                Effect: "Allow",
                Resource: [
                  "arn:aws-cn:ecr:cn-northwest-1:451049120500:repository/sagemaker-scikit-learn",
                ],
                Sid: "PullImage",
              },
              {
                Action: ["ecr:GetAuthorizationToken"],
                Effect: "Allow",
                Resource: ["*"],
                Sid: "AuthenticateToEcr",
              },
              {
                Action: ["logs:CreateLogGroup", "logs:CreateLogStream", "logs:PutLogEvents"],
                Effect: "Allow",
                Resource: [
                  "arn:aws-cn:logs:cn-northwest-1:123456789012:log-group:/aws/sagemaker/Endpoints/voice-prod-optimal-call-time-endpoint",
                  "arn:aws-cn:logs:cn-northwest-1:123456789012:log-group:/aws/sagemaker/Endpoints/voice-prod-optimal-call-time-endpoint:log-stream:*",
                ],
                Sid: "WriteEndpointLogs",
              },
            ],
            Version: "2012-10-17",
          }),
        },
      },
    },
    {
      name: "in us-gov-west-1 the image is the GovCloud registry's",
      variables: { aws_region: "us-gov-west-1" },
      attributes: {
        [MODEL]: {
          "primary_container[0].image": `414596584902.dkr.ecr.us-gov-west-1.amazonaws.com/${IMAGE}`,
        },
      },
    },
    {
      name: "a region without a scikit-learn image stops the plan while the default image is kept",
      variables: { aws_region: "mx-central-1" },
      errors: [
        {
          check: `${MODEL}/precondition[1]`,
          message: `No SageMaker scikit-learn image is published for region mx-central-1; regions with one: ${SKLEARN_INFERENCE_REGIONS}. Set the container image to one in the mx-central-1 registry.`,
        },
      ],
    },
    {
      name: "an image given in sagemaker_container_image is used as given, and its repository may be pulled",
      variables: {
        aws_region: "mx-central-1",
        sagemaker_container_image: "111122223333.dkr.ecr.mx-central-1.amazonaws.com/team/sklearn:2",
      },
      attributes: {
        [MODEL]: {
          "primary_container[0].image":
            "111122223333.dkr.ecr.mx-central-1.amazonaws.com/team/sklearn:2",
        },
      },
    },
    {
      name: "aws_region that is not a region code is refused, showing the value",
      variables: { aws_region: "Frankfurt" },
      errors: [
        {
          check: "var.aws_region/validation[0]",
          message: 'aws_region must be an AWS region code such as us-east-1; got "Frankfurt".',
        },
      ],
    },
    {
      name: "ml_models_bucket null is refused: the variable is required and not nullable",
      variables: { ml_models_bucket: null },
      errors: [
        {
          check: NO_CHECK,
          message:
            "Required variable not set: The given value is not suitable for var.ml_models_bucket: required variable may not be set to null.",
        },
      ],
    },
    {
      name: "null for sagemaker_container_image or tags (not nullable) stands for the default",
      variables: { sagemaker_container_image: null, tags: null },
      attributes: {
        [MODEL]: {
          "primary_container[0].image": `683313688378.dkr.ecr.us-east-1.amazonaws.com/${IMAGE}`,
          tags: { Name: "voice-prod-optimal-call-time-model" },
        },
      },
    },
    {
      name: "project_name and environment with capitals and digits make the names",
      variables: { project_name: "Voice2", environment: "staging-2" },
      outputs: { endpoint_name: "Voice2-staging-2-optimal-call-time-endpoint" },
    },
    {
      name: "project_name starting with a hyphen is refused",
      variables: { project_name: "-voice" },
      errors: [
        {
          check: "var.project_name/validation[0]",
          message:
            'project_name must start with a letter or digit and hold only letters, digits and hyphens: it begins every SageMaker and IAM name of the module; got "-voice".',
        },
      ],
    },
    {
      name: "environment with an underscore is refused",
      variables: { environment: "prod_1" },
      errors: [
        {
          check: "var.environment/validation[0]",
          message:
            'environment must hold only letters, digits and hyphens: it is part of every SageMaker and IAM name of the module; got "prod_1".',
        },
      ],
    },
    {
      name: "names one character too long for the Lambda role (65) trip only its precondition",
      variables: { project_name: PROJECT_31 },
      errors: [
        {
          check: "aws_iam_role.lambda_sagemaker_invoke_role/precondition[0]",
          message: lambdaRoleTooLong(PROJECT_31, 65),
        },
      ],
    },
    {
      name: "names too long for the endpoint configuration (64) stop it and the Lambda role (66); the model plans",
      variables: { project_name: PROJECT_32 },
      errors: [
        {
          check: "aws_iam_role.lambda_sagemaker_invoke_role/precondition[0]",
          message: lambdaRoleTooLong(PROJECT_32, 66),
        },
        {
          check: "aws_sagemaker_endpoint_configuration.serverless_config/precondition[0]",
          message: sagemakerNameTooLong(
            "endpointConfigName",
            "serverless-endpoint-config",
            PROJECT_32,
            64,
          ),
        },
      ],
    },
    {
      // The endpoint's name is as long as its configuration's: Terraform plans nothing that depends on a
      // resource whose precondition failed, so in the whole stack the configuration's stops the plan first.
      name: "alone, the endpoint's precondition trips on the same names",
      alone: true,
      variables: { project_name: PROJECT_32 },
      errors: [
        {
          check: "aws_sagemaker_endpoint.serverless_endpoint/precondition[0]",
          message: sagemakerNameTooLong(
            "endpointName",
            "optimal-call-time-endpoint",
            PROJECT_32,
            64,
          ),
        },
      ],
    },
    {
      name: "names too long for the execution role (65) stop it before the model, which depends on it",
      variables: { project_name: PROJECT_35 },
      errors: [
        {
          check: "aws_iam_role.lambda_sagemaker_invoke_role/precondition[0]",
          message: lambdaRoleTooLong(PROJECT_35, 69),
        },
        {
          check: "aws_iam_role.sagemaker_execution_role/precondition[0]",
          message: execRoleTooLong(PROJECT_35, 65),
        },
      ],
    },
    {
      // The model's name (limit 63, suffix 24) outgrows its limit with the execution role's (64, suffix 25).
      name: "alone, the model's name precondition trips on the same names",
      alone: true,
      variables: { project_name: PROJECT_35 },
      errors: [
        {
          check: `${MODEL}/precondition[0]`,
          message: sagemakerNameTooLong("modelName", "optimal-call-time-model", PROJECT_35, 64),
        },
      ],
    },
    {
      name: "ml_models_bucket with dots is a bucket name",
      variables: { ml_models_bucket: "voice.prod.models" },
      attributes: {
        [MODEL]: {
          "primary_container[0].model_data_url":
            "s3://voice.prod.models/models/optimal-call-time/model.tar.gz",
        },
      },
    },
    {
      name: "ml_models_bucket with capitals is refused",
      variables: { ml_models_bucket: "Voice_Models" },
      errors: [
        {
          check: "var.ml_models_bucket/validation[0]",
          message: `ml_models_bucket must be ${S3_BUCKET_NAME_WORDS}; got "Voice_Models".`,
        },
      ],
    },
    {
      name: "sagemaker_container_image that is not an ECR image URI is refused",
      variables: { sagemaker_container_image: "sklearn:latest" },
      errors: [
        {
          check: "var.sagemaker_container_image/validation[0]",
          message: `sagemaker_container_image must be ${ECR_IMAGE_URI_WORDS}; got "sklearn:latest".`,
        },
      ],
    },
    {
      name: "tags reach every resource, beside its Name",
      variables: { tags: { team: "ml", "cost-center": "42" } },
      attributes: {
        [MODEL]: {
          tags: { team: "ml", "cost-center": "42", Name: "voice-prod-optimal-call-time-model" },
        },
        "aws_iam_role.lambda_sagemaker_invoke_role": {
          tags: {
            team: "ml",
            "cost-center": "42",
            Name: "voice-prod-lambda-sagemaker-invoke-role",
          },
        },
      },
    },
    {
      name: "a tag key starting with aws: is refused, the map shown as JSON",
      variables: { tags: { "aws:owner": "ml" } },
      errors: [
        {
          check: "var.tags/validation[0]",
          message:
            'tags must be a map of at most 50 tags together with Name, keys of 1-128 and values of at most 256 letters, digits, spaces and _ . : / = + - @, no key starting with aws:; got {"aws:owner":"ml"}.',
        },
      ],
    },
  ],
};
