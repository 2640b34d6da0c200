/** docs/sagemaker-inference.md: one model on one serverless endpoint, with ServerlessEndpoint. */
import type { App } from "cdktf";
// docs:start
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput } from "cdktf";
import type { Construct } from "constructs";
import { AwsContext } from "../../modules/core/aws-context";
import { acknowledge } from "../../modules/policy/acknowledgements";
import { ServerlessEndpoint } from "../../modules/serverless-endpoint/serverless-endpoint";
import { ProjectStack } from "../../stacks/project-stack";

export class EmbeddingStack extends ProjectStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    const aws = AwsContext.of(this);

    const embedding = new ServerlessEndpoint(this, "embedding", {
      modelName: "embedding-model",
      endpointConfigurationName: "embedding-config",
      endpointName: "embedding",
      iamRoleArn: aws.arn({ service: "iam", region: "", resource: "role/embedding-sagemaker" }),
      container: {
        image:
          "763104351884.dkr.ecr.eu-west-1.amazonaws.com/huggingface-pytorch-inference@sha256:" +
          "0f3c2d4e5a6b4c7d8e9f0a1b2c3d4e5f0f3c2d4e5a6b4c7d8e9f0a1b2c3d4e5f",
        environmentVariables: {
          HF_MODEL_ID: "sentence-transformers/all-MiniLM-L6-v2",
          HF_TASK: "feature-extraction",
        },
      },
      memorySizeInMB: 3072,
      maxConcurrency: 5,
      nameTag: true,
    });
    acknowledge(
      embedding.endpointConfiguration,
      "sagemaker-endpoint-kms",
      "A scratch endpoint of public embeddings; SageMaker's own key encrypts its copy of the image.",
    );

    new TerraformOutput(this, "endpoint_name", { value: embedding.endpointName });
  }
}
// docs:end

export function example(app: App): void {
  new EmbeddingStack(app, "embedding");
}
