import type { StackCases } from "../../../scripts/terraform/terraform-cases";
import { HUGGINGFACE_INFERENCE_REGIONS } from "../../helpers/registry-accounts";

const IMAGE = "huggingface-pytorch-inference:1.13.1-transformers4.26.0-cpu-py39-ubuntu20.04";
const MODEL = "aws_sagemaker_model.embedding_model";

const setupInstructions = (region: string) =>
  [
    "SageMaker serverless endpoint deployed.",
    "",
    "Add it to the .env file in the project root:",
    "  SAGEMAKER_ENDPOINT=alex-embedding-endpoint",
    "",
    "Then test it (the first call after idle takes 10-60 s: cold start):",
    `  aws sagemaker-runtime invoke-endpoint --endpoint-name alex-embedding-endpoint --region ${region} --content-type application/json --body '{"inputs": "vectorize me"}' --cli-binary-format raw-in-base64-out /dev/stdout`,
    "",
  ].join("\n");

/**
 * The sagemaker-serverless stack: the default image is taken from the deployment region's registry (and refused
 * where none is published), the execution role comes from the iam stack's state.
 */
export const SAGEMAKER_SERVERLESS_CASES: StackCases = {
  required: { aws_region: "us-east-1" },
  resources: 3,
  outputs: {
    sagemaker_endpoint_arn:
      "arn:aws:sagemaker:us-east-1:123456789012:endpoint/alex-embedding-endpoint",
    sagemaker_endpoint_name: "alex-embedding-endpoint",
    setup_instructions: setupInstructions("us-east-1"),
  },
  cases: [
    {
      name: "the model runs as the iam stack's role, read from its state, with the default image of us-east-1",
      attributes: {
        [MODEL]: {
          execution_role_arn: "arn:aws:iam::123456789012:role/alex-sagemaker-role",
          "primary_container[0].image": `763104351884.dkr.ecr.us-east-1.amazonaws.com/${IMAGE}`,
          "primary_container[0].environment": {
            HF_MODEL_ID: "sentence-transformers/all-MiniLM-L6-v2",
            HF_TASK: "feature-extraction",
          },
        },
        "aws_sagemaker_endpoint_configuration.serverless_config": {
          // The 8 hex the stand-in's plan derives from the model's content (the iam stand-in's role ARN).
          "production_variants[0].model_name": "alex-embedding-model-f3d5ac82",
          "production_variants[0].serverless_config[0]": {
            max_concurrency: 2,
            memory_size_in_mb: 3072,
          },
        },
      },
    },
    {
      name: "in eu-central-2 the default image comes from that region's own registry account",
      variables: { aws_region: "eu-central-2" },
      outputs: { setup_instructions: setupInstructions("eu-central-2") },
      attributes: {
        [MODEL]: {
          "primary_container[0].image": `380420809688.dkr.ecr.eu-central-2.amazonaws.com/${IMAGE}`,
        },
      },
    },
    {
      name: "in cn-north-1 (aws-cn) the default image is in the China registry, under amazonaws.com.cn",
      variables: { aws_region: "cn-north-1" },
      outputs: {
        sagemaker_endpoint_arn:
          "arn:aws-cn:sagemaker:cn-north-1:123456789012:endpoint/alex-embedding-endpoint",
      },
      attributes: {
        [MODEL]: {
          "primary_container[0].image": `727897471807.dkr.ecr.cn-north-1.amazonaws.com.cn/${IMAGE}`,
        },
      },
    },
    {
      name: "a region without a HuggingFace image stops the plan while the default image is kept",
      variables: { aws_region: "mx-central-1" },
      errors: [
        {
          check: `${MODEL}/precondition[0]`,
          message: `No HuggingFace inference image is published for region mx-central-1; regions with one: ${HUGGINGFACE_INFERENCE_REGIONS}. Set sagemaker_image_uri to an image in the mx-central-1 registry.`,
        },
      ],
    },
    {
      name: "a region without a HuggingFace image plans with an image given in sagemaker_image_uri",
      variables: {
        aws_region: "mx-central-1",
        sagemaker_image_uri: "111122223333.dkr.ecr.mx-central-1.amazonaws.com/embeddings:2",
      },
      attributes: {
        [MODEL]: {
          "primary_container[0].image":
            "111122223333.dkr.ecr.mx-central-1.amazonaws.com/embeddings:2",
        },
      },
    },
    {
      name: "aws_region null is refused with its message, showing null",
      variables: { aws_region: null },
      errors: [
        {
          check: "var.aws_region/validation[0]",
          message: "aws_region must be an AWS region code such as us-east-1; got null.",
        },
      ],
    },
    {
      name: "null for sagemaker_image_uri or embedding_model_name (not nullable) stands for the default",
      variables: { sagemaker_image_uri: null, embedding_model_name: null },
      attributes: {
        [MODEL]: {
          "primary_container[0].image": `763104351884.dkr.ecr.us-east-1.amazonaws.com/${IMAGE}`,
          "primary_container[0].environment": {
            HF_MODEL_ID: "sentence-transformers/all-MiniLM-L6-v2",
            HF_TASK: "feature-extraction",
          },
        },
      },
    },
    {
      name: "aws_region that is not a region code is refused, showing the value",
      variables: { aws_region: "eu_west_1" },
      errors: [
        {
          check: "var.aws_region/validation[0]",
          message: 'aws_region must be an AWS region code such as us-east-1; got "eu_west_1".',
        },
      ],
    },
    {
      name: "sagemaker_image_uri with whitespace is refused",
      variables: { sagemaker_image_uri: "my image:latest" },
      errors: [
        {
          check: "var.sagemaker_image_uri/validation[0]",
          message:
            'sagemaker_image_uri must be an image URI of at most 255 characters without whitespace; got "my image:latest".',
        },
      ],
    },
    {
      name: "sagemaker_image_uri of 256 characters is refused",
      variables: {
        sagemaker_image_uri: `111122223333.dkr.ecr.us-east-1.amazonaws.com/${"a".repeat(211)}`,
      },
      errors: [
        {
          check: "var.sagemaker_image_uri/validation[0]",
          message: `sagemaker_image_uri must be an image URI of at most 255 characters without whitespace; got "111122223333.dkr.ecr.us-east-1.amazonaws.com/${"a".repeat(211)}".`,
        },
      ],
    },
    {
      name: "embedding_model_name is passed to the container as HF_MODEL_ID",
      variables: { embedding_model_name: "BAAI/bge-small-en-v1.5" },
      attributes: {
        [MODEL]: { "primary_container[0].environment.HF_MODEL_ID": "BAAI/bge-small-en-v1.5" },
      },
    },
    {
      name: "embedding_model_name with whitespace is refused",
      variables: { embedding_model_name: "all MiniLM" },
      errors: [
        {
          check: "var.embedding_model_name/validation[0]",
          message:
            'embedding_model_name must be a HuggingFace model id (e.g. sentence-transformers/all-MiniLM-L6-v2) of at most 1024 characters without whitespace; got "all MiniLM".',
        },
      ],
    },
    {
      name: "aws_region null is refused, shown as null",
      variables: { aws_region: null },
      errors: [
        {
          check: "var.aws_region/validation[0]",
          message: "aws_region must be an AWS region code such as us-east-1; got null.",
        },
      ],
    },
  ],
};
