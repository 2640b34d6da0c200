/**
 * docs/sagemaker-inference.md, "Deployment guardrails": a real-time endpoint that moves to a new configuration through
 * a canary, rolled back by its own error alarms and by an alarm of another stack.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { App } from "cdktf";
import type { Construct } from "constructs";
import { AwsContext } from "../../modules/core/aws-context";
import { EncryptionKey } from "../../modules/kms/encryption-key";
// docs:start
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
// docs:end
import { ProjectStack } from "../../stacks/project-stack";

const IMAGE =
  "763104351884.dkr.ecr.eu-west-1.amazonaws.com/pytorch-inference@sha256:" +
  "5e0bd0f0e1c2d3b4a5968778695a4b3c2d1e0f9e8d7c6b5a4938271605f4e3d2";

export class GuardedEndpointStack extends ProjectStack {
  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "eu-west-1" });
    const aws = AwsContext.of(this);
    const key = new EncryptionKey(this, "endpoint-key", {
      description: "SageMaker endpoint storage",
      aliasName: "alias/recommender",
    });
    const role = aws.arn({ service: "iam", region: "", resource: "role/recommender-sagemaker" });

    // docs:start
    new SagemakerInference(this, "recommender", {
      models: {
        ranker: {
          iamRoleArn: role,
          enableNetworkIsolation: true,
          containerDefinitions: {
            main: { image: IMAGE, modelDataLocation: "s3://recommender-models/ranker.tar.gz" },
          },
        },
      },
      endpoints: {
        recommender: {
          encryptionKeyArn: key.keyArn,
          provisioned: {
            productionVariants: {
              ranker: {
                instanceType: "ml.c6i.xlarge",
                initialInstanceCount: 4,
                cloudwatchAlarms: {
                  "server-errors": { expression: "Invocation5XXErrors sum >= 5" },
                  "model-errors": { expression: "InvocationModelErrors sum >= 5" },
                },
              },
            },
          },
          // One instance of the new fleet takes its share of the traffic for 10 minutes, then the rest moves; the
          // old fleet stays 10 more minutes before it is terminated.
          blueGreen: {
            trafficRouting: {
              type: "CANARY",
              canarySize: { instanceCount: 1 },
              waitInterval: "10 minutes",
            },
            terminationWait: "10 minutes",
            maximumExecutionTimeout: "1 hour",
          },
          // Any of these in ALARM during the deployment sends all traffic back to the old fleet.
          autoRollback: {
            cloudwatchAlarms: ["server-errors", "model-errors"],
            alarmNames: ["recommender-latency-slo"],
          },
        },
      },
    });
    // docs:end
  }
}

export function example(app: App): void {
  new GuardedEndpointStack(app, "guarded-endpoint");
}
