/** docs/your-own-stacks.md: a stack of your own, on ProjectStack. */
import type { App } from "cdktf";
// docs:start
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { TerraformOutput, TerraformVariable } from "cdktf";
import type { Construct } from "constructs";
import { AwsContext } from "../../modules/core/aws-context";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { ProjectStack } from "../../stacks/project-stack";

export interface ChurnStackProps {
  /**
   * Memory of the serverless endpoint in MB.
   *
   * @default 2048
   */
  readonly memorySizeInMB?: number;
}

/** A churn model served by a SageMaker serverless endpoint. */
export class ChurnStack extends ProjectStack {
  public readonly inference: SagemakerInference;

  public constructor(scope: Construct, id: string, props: ChurnStackProps = {}) {
    super(scope, id);
    const region = new TerraformVariable(this, "aws_region", {
      type: "string",
      description: "AWS region to deploy to",
    });
    new AwsProvider(this, "aws", { region: region.stringValue });
    const aws = AwsContext.of(this);

    this.inference = new SagemakerInference(this, "inference", {
      models: {
        "churn-model": {
          iamRoleArn: aws.arn({ service: "iam", region: "", resource: "role/churn-sagemaker" }),
          primaryContainer: true,
          containerDefinitions: {
            model: {
              image:
                "683313688378.dkr.ecr.us-east-1.amazonaws.com/sagemaker-scikit-learn:1.2-1-cpu-py3",
              modelDataLocation: "s3://churn-models/churn-model.tar.gz",
            },
          },
        },
      },
      endpoints: {
        "churn-endpoint": {
          serverless: {
            variant: {
              modelName: "churn-model",
              memorySizeInMB: props.memorySizeInMB ?? 2048,
              maxConcurrency: 5,
            },
          },
        },
      },
    });

    new TerraformOutput(this, "endpoint_name", {
      value: this.inference.endpointName("churn-endpoint"),
      description: "Name of the churn endpoint",
    });
  }
}
// docs:end

export function example(app: App): void {
  new ChurnStack(app, "churn");
}
