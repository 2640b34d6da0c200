/**
 * The `SagemakerInference` example of docs/sagemaker-inference.md: the FriendsOfTerraform module's basic usage,
 * in a stack of its own, as the project's policy checks accept it. Compiled and synthesized by
 * __tests__/docs/examples.test.ts.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { App } from "cdktf";
import type { Construct } from "constructs";
// docs:start
import { AwsContext } from "../../modules/core/aws-context";
import { EncryptionKey } from "../../modules/kms/encryption-key";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
// docs:end
import { ProjectStack } from "../../stacks/project-stack";

export class BasicUsageStack extends ProjectStack {
  public readonly inference: SagemakerInference;
  public readonly endpointArn: string;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    new AwsProvider(this, "aws", { region: "us-east-1" });
    // docs:start
    // The deployment's partition and account, so no ARN is written out (arn-literal-partition)
    const aws = AwsContext.of(this);
    // The endpoint's storage volumes are encrypted with a key of the stack's own (sagemaker-endpoint-kms)
    const key = new EncryptionKey(this, "endpoint-key", {
      description: "SageMaker endpoint storage",
      aliasName: "alias/realtime-endpoint",
    });

    const inference = new SagemakerInference(this, "basic_usage", {
      // the keys of the map are model names
      models: {
        "demo-model": {
          iamRoleArn: aws.arn({
            service: "iam",
            region: "",
            resource: "role/service-role/AmazonSageMakerServiceCatalogProductsExecutionRole",
          }),
          // the container reads its model from S3 and needs no other network
          enableNetworkIsolation: true,
          // the keys of the map are the containers' host names
          containerDefinitions: {
            container1: {
              image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-inference:2.19.0",
              modelDataLocation: "s3://demo-bucket/demo-model.tar.gz",
            },
          },
        },
      },
      // the keys of the map are endpoint names
      endpoints: {
        "realtime-endpoint": {
          encryptionKeyArn: key.keyArn,
          provisioned: {
            productionVariants: {
              // keyed by the name of a model in `models`
              "demo-model": {
                instanceType: "ml.m5.large",
                autoScaling: {
                  // the keys of the map are policy names
                  policies: {
                    "builtin-policy": {
                      expression: "SageMakerVariantInvocationsPerInstance = 1000",
                    },
                    "keep-invocations-near-100": { expression: "Invocations average = 100" },
                  },
                },
                // the keys of the map are alarm names
                cloudwatchAlarms: {
                  "invocations-greater-than-1000": { expression: "Invocations average > 1000" },
                  "invocation-5xx-errors-greater-than-10": {
                    expression: "Invocation5XXErrors average >= 10",
                  },
                },
              },
            },
          },
        },
      },
    });

    inference.endpointArn("realtime-endpoint"); // "${aws_sagemaker_endpoint.realtime_endpoint.arn}"
    // docs:end
    this.inference = inference;
    this.endpointArn = inference.endpointArn("realtime-endpoint");
  }
}

export function example(app: App): void {
  new BasicUsageStack(app, "basic-usage");
}
