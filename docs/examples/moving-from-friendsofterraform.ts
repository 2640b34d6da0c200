/**
 * docs/moving-from-friendsofterraform.md: the FriendsOfTerraform module's Basic Usage, taken over with its state.
 * Compiled and synthesized by __tests__/docs/examples.test.ts; planned against a state holding the module's
 * addresses by __tests__/terraform/module-migration.test.ts.
 */
import { AwsProvider } from "@cdktf/provider-aws/lib/provider";
import type { App } from "cdktf";
import type { Construct } from "constructs";
// docs:start
import { AwsContext } from "../../modules/core/aws-context";
import { acknowledge } from "../../modules/policy/acknowledgements";
import { SagemakerInference } from "../../modules/sagemaker-inference/sagemaker-inference";
import { ProjectStack } from "../../stacks/project-stack";

export class MovedBasicUsageStack extends ProjectStack {
  public readonly inference: SagemakerInference;

  public constructor(scope: Construct, id: string) {
    super(scope, id);
    // The region the module's root configuration ran in.
    new AwsProvider(this, "aws", { region: "us-east-1" });
    const aws = AwsContext.of(this);

    this.inference = new SagemakerInference(this, "basic_usage", {
      // module "basic_usage" { ... }: the module call whose state this stack takes over
      migrateFromModule: "basic_usage",
      models: {
        "demo-model": {
          // arn:aws:iam::111122223333:role/..., from the deployment's partition and account
          iamRoleArn: aws.arn({
            service: "iam",
            region: "",
            resource: "role/service-role/AmazonSageMakerServiceCatalogProductsExecutionRole",
          }),
          containerDefinitions: {
            container1: {
              image: "763104351884.dkr.ecr.us-east-1.amazonaws.com/tensorflow-inference:2.19.0",
              modelDataLocation: "s3://demo-bucket/demo-model.tar.gz",
            },
          },
        },
      },
      endpoints: {
        "realtime-endpoint": {
          provisioned: {
            productionVariants: {
              "demo-model": {
                instanceType: "ml.m5.large",
                autoScaling: {
                  policies: {
                    "builtin-policy": {
                      expression: "SageMakerVariantInvocationsPerInstance = 1000",
                    },
                    "keep-invocations-near-100": { expression: "Invocations average = 100" },
                  },
                },
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

    // What the module deployed, kept as it is for the move: each fix replaces a resource, a change of its own.
    const asDeployed =
      "As the module deployed it; changing it replaces the resource, after the move.";
    acknowledge(
      this.inference,
      "sagemaker-endpoint-kms",
      `${asDeployed} (a key: the configuration)`,
    );
    acknowledge(this.inference, "sagemaker-model-network-isolation", `${asDeployed} (the model)`);
    acknowledge(this.inference, "sagemaker-model-image-digest", `${asDeployed} (the model)`);
  }
}
// docs:end

export function example(app: App): void {
  new MovedBasicUsageStack(app, "basic-usage");
}
