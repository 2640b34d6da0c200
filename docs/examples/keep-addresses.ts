/** docs/your-own-stacks.md: a stack that takes over resources an existing Terraform configuration created. */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { App } from "cdktf";
import type { Construct } from "constructs";
import { AwsContext } from "../../modules/core/aws-context";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { ProjectStack } from "../../stacks/project-stack";

export class TakenOverStack extends ProjectStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    const aws = AwsContext.of(this);
    // docs:start
    // Before creating the constructs: their original addresses, by construct path below the stack.
    this.keepAddresses({
      "inference/model_churn-model": "churn",
      "inference/endpoint-configuration_churn-endpoint": "churn_config",
      "inference/endpoint_churn-endpoint": "churn",
    });
    // docs:end
    new SagemakerInference(this, "inference", {
      models: {
        "churn-model": {
          iamRoleArn: aws.arn({ service: "iam", region: "", resource: "role/churn-sagemaker" }),
          containerDefinitions: {
            model: {
              image:
                "683313688378.dkr.ecr.eu-west-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3",
              modelDataLocation: "s3://churn-models/churn-model.tar.gz",
            },
          },
        },
      },
      endpoints: { "churn-endpoint": { serverless: { variant: { modelName: "churn-model" } } } },
    });
  }
}

export function example(app: App): void {
  new TakenOverStack(app, "churn-taken-over");
}
