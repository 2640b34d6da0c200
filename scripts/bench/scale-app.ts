/**
 * The scale workload of `npm run bench`: one stack with N endpoints of the generic inference construct, each
 * with its model, a provisioned variant, auto scaling and two alarms, synthesized like the app's own stacks
 * (a ProjectStack, so the policy checks run too), and as main.ts runs them (cdktf's creation stacks off).
 *
 *   CDKTF_OUTDIR=<dir> node dist/scripts/bench/scale-app.js <N>
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import { App } from "cdktf";
import { AwsContext } from "../../modules/core/aws-context";
import type { EndpointProps, ModelProps } from "../../modules/sagemaker-inference/props";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { recordCreationStacks } from "../../stacks/creation-stacks";
import { ProjectStack } from "../../stacks/project-stack";

const IMAGE = "763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-inference:2.19.0";

/** The props of `count` endpoints, each serving its own model. */
export function scaleProps(
  aws: AwsContext,
  count: number,
): { models: Record<string, ModelProps>; endpoints: Record<string, EndpointProps> } {
  const roleArn = aws.arn({ service: "iam", region: "", resource: "role/inference" });
  const keyArn = aws.arn({ service: "kms", resource: "key/1234abcd-12ab-34cd-56ef-1234567890ab" });
  const models: Record<string, ModelProps> = {};
  const endpoints: Record<string, EndpointProps> = {};
  for (let i = 0; i < count; i++) {
    models[`model-${i}`] = {
      iamRoleArn: roleArn,
      enableNetworkIsolation: true,
      containerDefinitions: {
        main: { image: IMAGE, modelDataLocation: `s3://models-bucket/model-${i}/model.tar.gz` },
      },
    };
    endpoints[`endpoint-${i}`] = {
      encryptionKeyArn: keyArn,
      provisioned: {
        productionVariants: {
          [`model-${i}`]: {
            instanceType: "ml.m5.large",
            autoScaling: {
              minimumCapacity: 1,
              maximumCapacity: 4,
              policies: {
                invocations: { expression: "SageMakerVariantInvocationsPerInstance = 1000" },
              },
            },
            cloudwatchAlarms: {
              "server-errors": { expression: "Invocation5XXErrors sum > 0" },
              "slow-model": { expression: "ModelLatency average > 1000000" },
            },
          },
        },
      },
    };
  }
  return { models, endpoints };
}

function main(): void {
  const count = Number(process.argv[2]);
  if (!Number.isInteger(count) || count < 1) {
    throw new Error(`Usage: scale-app.js <number of endpoints>, got ${process.argv[2]}`);
  }
  // As main.ts does: cdktf's token creation stacks off, unless SAGEMAKER_CREATION_STACKS=1.
  recordCreationStacks(process.env);
  const app = new App();
  const stack = new ProjectStack(app, "scale");
  new AwsProvider(stack, "aws", {});
  new SagemakerInference(stack, "inference", scaleProps(AwsContext.of(stack), count));
  app.synth();
}

if (require.main === module) main();
