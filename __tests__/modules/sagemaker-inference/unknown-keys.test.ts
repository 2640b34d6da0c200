/**
 * A setting the props do not have, misspelt or from elsewhere, is refused at every level of the props, for props
 * from JSON or YAML, JavaScript or a cast (TypeScript refuses it in a literal): one problem on its full path, with
 * its value and the setting meant. Keys of maps keyed by the user's names (models, endpoints, containers,
 * variants, policies, alarms, tags, environment variables) are names, not settings. That every level's key set
 * covers its interface is checked by `tsc` (`knownKeys<T>`, __tests__/modules/core/known-keys.test.ts).
 */
import { readFileSync } from "node:fs";
import { TerraformStack, Testing } from "cdktf";
import { describe, expect, it } from "vitest";
import type { SagemakerInferenceProps } from "../../../modules/sagemaker-inference/props";
import { SagemakerInference } from "../../../modules/sagemaker-inference/sagemaker-inference";
import { thrownMessage, untyped } from "../../helpers/untyped-input";
import { errorOf, expectProblems, IMAGE, ROLE_ARN } from "./fixtures";

const CONTAINER = { image: IMAGE, modelDataLocation: "s3://models/m/model.tar.gz" };
const MODEL = { iamRoleArn: ROLE_ARN, containerDefinitions: { main: CONTAINER } };
const SCALING = { policies: { p: { expression: "SageMakerVariantInvocationsPerInstance = 70" } } };

/** A provisioned endpoint `e` of the model `m`: `variant` goes into its variant, `endpoint` into the endpoint. */
function provisioned(
  variant: object = {},
  endpoint: object = {},
  provisionedProps: object = {},
): SagemakerInferenceProps {
  return untyped({
    models: { m: MODEL },
    endpoints: {
      e: {
        provisioned: {
          productionVariants: { m: { instanceType: "ml.m5.large", ...variant } },
          ...provisionedProps,
        },
        ...endpoint,
      },
    },
  });
}

/** The model `m` with `model` merged in, and `container` into its container, on a provisioned endpoint. */
function withModel(model: object, container: object = {}): SagemakerInferenceProps {
  return untyped({
    models: {
      m: { ...MODEL, ...model, containerDefinitions: { main: { ...CONTAINER, ...container } } },
    },
    endpoints: {
      e: { provisioned: { productionVariants: { m: { instanceType: "ml.m5.large" } } } },
    },
  });
}

const E = "endpoints.e";
const VARIANT = `${E}.provisioned.productionVariants.m`;

describe("a misspelt or unknown setting, at each level of SagemakerInference's props", () => {
  it("the construct's own", () => {
    expectProblems(untyped({ ...provisioned(), managedByTags: false }), [
      'managedByTags: got false; allowed: no such setting; did you mean "managedByTag"?',
    ]);
  });

  it("a model's", () => {
    expectProblems(withModel({ enableNetworkIsolaton: true }), [
      'models.m.enableNetworkIsolaton: got true; allowed: no such setting; did you mean "enableNetworkIsolation"?',
    ]);
  });

  it("a container's, with the settings there are when none is close", () => {
    expectProblems(withModel({}, { checksum: "sha256:0" }), [
      'models.m.containerDefinitions.main.checksum: got "sha256:0"; allowed: no such setting (known: image, compressionType, environmentVariables, modelDataLocation, useMultipleModels)',
    ]);
  });

  it("under the names aws-cdk, the SageMaker API and the AWS provider give them", () => {
    expectProblems(
      untyped<SagemakerInferenceProps>({
        models: {
          m: {
            executionRoleArn: "arn:aws:iam::111122223333:role/inference",
            iamRoleArn: "arn:aws:iam::111122223333:role/inference",
            containerDefinitions: { main: { image: IMAGE, modelDataUrl: "s3://models/m.tar.gz" } },
          },
          n: {
            iamRoleArn: "arn:aws:iam::111122223333:role/inference",
            containerDefinitions: {
              main: { image: IMAGE, model_data_url: "s3://models/n.tar.gz" },
            },
          },
        },
        endpoints: {
          e: {
            kms_key_arn:
              "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab",
            serverless: { variant: { modelName: "m" } },
          },
        },
      }),
      [
        'models.m.executionRoleArn: got "arn:aws:iam::111122223333:role/inference"; allowed: no such setting; did you mean "iamRoleArn"?',
        'models.m.containerDefinitions.main.modelDataUrl: got "s3://models/m.tar.gz"; allowed: no such setting; did you mean "modelDataLocation"?',
        'models.n.containerDefinitions.main.model_data_url: got "s3://models/n.tar.gz"; allowed: no such setting; did you mean "modelDataLocation"?',
        'endpoints.e.kms_key_arn: got "arn:aws:kms:us-east-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"; allowed: no such setting; did you mean "encryptionKeyArn"?',
      ],
    );
  });

  it("multi-model hosting's", () => {
    expectProblems(
      withModel(
        {},
        {
          modelDataLocation: "s3://models/m/",
          useMultipleModels: { enableModelCache: false },
        },
      ),
      [
        'models.m.containerDefinitions.main.useMultipleModels.enableModelCache: got false; allowed: no such setting; did you mean "enableModelCaching"?',
      ],
    );
  });

  it("the inference execution config's", () => {
    expectProblems(withModel({ inferenceExecutionConfig: { executionMode: "Direct" } }), [
      'models.m.inferenceExecutionConfig.executionMode: got "Direct"; allowed: no such setting; did you mean "mode"?',
    ]);
  });

  it("a VPC config's", () => {
    expectProblems(
      withModel({
        vpcConfig: {
          securityGroupIds: ["sg-0123456789abcdef0"],
          subnetIds: ["subnet-0123456789abcdef0"],
          vpcId: "vpc-0123456789abcdef0",
        },
      }),
      [
        'models.m.vpcConfig.vpcId: got "vpc-0123456789abcdef0"; allowed: no such setting (known: securityGroupIds, subnetIds)',
      ],
    );
  });

  it("an endpoint's: the closest of the settings that contain the key", () => {
    expectProblems(provisioned({}, { tags: { team: "ml" } }), [
      `${E}.tags: got {"team":"ml"}; allowed: no such setting; did you mean "additionalTags"?`,
    ]);
  });

  it("a provisioned endpoint's, and the variant of a serverless one, with why", () => {
    expectProblems(
      provisioned(
        {},
        {},
        {
          dataCapture: { s3LocationToStoreDataCollected: "s3://capture/e/" },
          variant: { modelName: "m" },
        },
      ),
      [
        `${E}.provisioned.dataCapture: got {"s3LocationToStoreDataCollected":"s3://capture/e/"}; allowed: no such setting; did you mean "enableDataCapture"?`,
        `${E}.provisioned.variant: got {"modelName":"m"}; allowed: no variant: a provisioned endpoint has productionVariants, keyed by the name of the model each hosts (variant is a serverless endpoint's)`,
      ],
    );
  });

  it("a production variant's, and a serverless variant's settings, with why", () => {
    expectProblems(provisioned({ instanceCount: 2, modelName: "m", memorySizeInMB: 2048 }), [
      `${VARIANT}.instanceCount: got 2; allowed: no such setting; did you mean "initialInstanceCount"?`,
      `${VARIANT}.modelName: got "m"; allowed: no modelName: the variant hosts the model its key names`,
      `${VARIANT}.memorySizeInMB: got 2048; allowed: no memory size: a setting of a serverless endpoint's variant (a variant on instances has instanceType and initialInstanceCount)`,
    ]);
  });

  it("a shadow variant's, and the production variants' own settings, with why", () => {
    expectProblems(
      untyped({
        models: { m: MODEL, n: MODEL },
        endpoints: {
          e: {
            provisioned: {
              productionVariants: { m: { instanceType: "ml.m5.large" } },
              shadowVariants: {
                n: { instanceType: "ml.m5.large", initialWeigth: 1, autoScaling: SCALING },
              },
            },
          },
        },
      }),
      [
        `${E}.provisioned.shadowVariants.n.initialWeigth: got 1; allowed: no such setting; did you mean "initialWeight"?`,
        `${E}.provisioned.shadowVariants.n.autoScaling: got {"policies":{"p":{"expression":"SageMakerVariantInvocationsPerInstance = 70"}}}; allowed: no auto scaling: this construct scales production variants only`,
      ],
    );
  });

  it("a serverless variant's", () => {
    expectProblems(
      untyped({
        models: { m: MODEL },
        endpoints: { s: { serverless: { variant: { modelName: "m", memorySizeInMb: 2048 } } } },
      }),
      [
        'endpoints.s.serverless.variant.memorySizeInMb: got 2048; allowed: no such setting; did you mean "memorySizeInMB"?',
      ],
    );
  });

  it("asynchronous inference's", () => {
    expectProblems(
      provisioned(
        {},
        {},
        { asyncInvocationConfig: { s3OutputPath: "s3://out/e/", maxConcurrentInvocations: 4 } },
      ),
      [
        `${E}.provisioned.asyncInvocationConfig.maxConcurrentInvocations: got 4; allowed: no such setting; did you mean "maxConcurrentInvocationsPerInstance"?`,
      ],
    );
  });

  it("data capture's, its content types' and its options'", () => {
    expectProblems(
      provisioned(
        {},
        {},
        {
          enableDataCapture: {
            s3LocationToStoreDataCollected: "s3://capture/e/",
            samplingPercent: 50,
            captureContentType: { csvText: ["text/csv"], JSON: ["application/json"] },
            dataCaptureOptions: { predictionRequest: true, predictionResponses: false },
          },
        },
      ),
      [
        `${E}.provisioned.enableDataCapture.samplingPercent: got 50; allowed: no such setting; did you mean "samplingPercentage"?`,
        `${E}.provisioned.enableDataCapture.captureContentType.JSON: got ["application/json"]; allowed: no such setting; did you mean "json"?`,
        `${E}.provisioned.enableDataCapture.dataCaptureOptions.predictionResponses: got false; allowed: no such setting; did you mean "predictionResponse"?`,
      ],
    );
  });

  it("auto scaling's and a scaling policy's", () => {
    expectProblems(
      provisioned({
        autoScaling: {
          maxCapacity: 4,
          policies: {
            p: {
              expression: "SageMakerVariantInvocationsPerInstance = 70",
              scaleInCooldown: "10 minutes",
            },
          },
        },
      }),
      [
        `${VARIANT}.autoScaling.maxCapacity: got 4; allowed: no such setting; did you mean "maximumCapacity"?`,
        `${VARIANT}.autoScaling.policies.p.scaleInCooldown: got "10 minutes"; allowed: no such setting; did you mean "scaleInCooldownPeriod"?`,
      ],
    );
  });

  it("an alarm's", () => {
    expectProblems(
      provisioned({
        cloudwatchAlarms: {
          errors: { expression: "Invocation5XXErrors sum >= 5", evaluationPeriod: 3 },
        },
      }),
      [
        `${VARIANT}.cloudwatchAlarms.errors.evaluationPeriod: got 3; allowed: no such setting; did you mean "evaluationPeriods"?`,
      ],
    );
  });
});

describe("a misspelt or unknown setting in the deployment guardrails", () => {
  it("a blue/green deployment's", () => {
    expectProblems(provisioned({}, { blueGreen: { terminationWaitTime: "5 minutes" } }), [
      `${E}.blueGreen.terminationWaitTime: got "5 minutes"; allowed: no such setting; did you mean "terminationWait"?`,
    ]);
  });

  it("a traffic routing's, and a canary size's: a size with no known setting is also no size", () => {
    expectProblems(
      provisioned(
        { initialInstanceCount: 2 },
        {
          blueGreen: {
            trafficRouting: {
              type: "CANARY",
              canarySize: { instanceCont: 1 },
              waitInterval: "5 minutes",
              waitIntervalInSeconds: 300,
            },
          },
        },
      ),
      [
        `${E}.blueGreen.trafficRouting.waitIntervalInSeconds: got 300; allowed: no such setting; did you mean "waitInterval"?`,
        `${E}.blueGreen.trafficRouting.canarySize.instanceCont: got 1; allowed: no such setting; did you mean "instanceCount"?`,
        `${E}.blueGreen.trafficRouting.canarySize: got {"instanceCont":1}; allowed: one of instanceCount or capacityPercent`,
      ],
    );
  });

  it("a linear step size's", () => {
    expectProblems(
      provisioned(
        { initialInstanceCount: 2 },
        {
          blueGreen: {
            trafficRouting: {
              type: "LINEAR",
              linearStepSize: { type: "CAPACITY_PERCENT", capacityPercent: 50 },
              waitInterval: "5 minutes",
            },
          },
        },
      ),
      [
        `${E}.blueGreen.trafficRouting.linearStepSize.type: got "CAPACITY_PERCENT"; allowed: no such setting (known: instanceCount, capacityPercent)`,
      ],
    );
  });

  it("a rolling update's and its batch sizes'", () => {
    expectProblems(
      provisioned(
        { initialInstanceCount: 4 },
        {
          rollingUpdate: {
            maximumBatchSize: { capacityPercent: 25, percent: 25 },
            waitInterval: "5 minutes",
            rollbackBatchSize: { capacityPercent: 50 },
            rollbackMaximumBatchSize: { InstanceCount: 1, instanceCount: 2 },
          },
        },
      ),
      [
        `${E}.rollingUpdate.rollbackBatchSize: got {"capacityPercent":50}; allowed: no such setting; did you mean "rollbackMaximumBatchSize"?`,
        `${E}.rollingUpdate.maximumBatchSize.percent: got 25; allowed: no such setting; did you mean "capacityPercent"?`,
        `${E}.rollingUpdate.rollbackMaximumBatchSize.InstanceCount: got 1; allowed: no such setting; did you mean "instanceCount"?`,
      ],
    );
  });

  it("automatic rollback's", () => {
    expectProblems(
      provisioned(
        {},
        { blueGreen: {}, autoRollback: { alarmNames: ["ops-errors"], alarms: ["errors"] } },
      ),
      [
        `${E}.autoRollback.alarms: got ["errors"]; allowed: no such setting; did you mean "cloudwatchAlarms"?`,
      ],
    );
  });
});

describe("unknown settings together", () => {
  it("several, at different levels: every one in the one error, in the order of the props", () => {
    const { endpoints } = provisioned(
      { volumeSizeInGb: 20, autoScaling: { ...SCALING, minCapacity: 1 } },
      { blueGreen: { maxExecutionTimeout: "1 hour" } },
    );
    expectProblems(
      untyped({
        nameTags: true,
        models: {
          m: { ...MODEL, primary_container: true },
          s: { ...MODEL, containerDefinitions: { main: { ...CONTAINER, Image: IMAGE } } },
        },
        endpoints: {
          ...endpoints,
          s: { serverless: { variant: { modelName: "s", maxConcurency: 5 } } },
        },
      }),
      [
        'nameTags: got true; allowed: no such setting; did you mean "nameTag"?',
        'models.m.primary_container: got true; allowed: no such setting; did you mean "primaryContainer"?',
        `models.s.containerDefinitions.main.Image: got "${IMAGE}"; allowed: no such setting; did you mean "image"?`,
        `${VARIANT}.volumeSizeInGb: got 20; allowed: no such setting; did you mean "volumeSizeInGB"?`,
        `${VARIANT}.autoScaling.minCapacity: got 1; allowed: no such setting; did you mean "minimumCapacity"?`,
        `${E}.blueGreen.maxExecutionTimeout: got "1 hour"; allowed: no such setting; did you mean "maximumExecutionTimeout"?`,
        'endpoints.s.serverless.variant.maxConcurency: got 5; allowed: no such setting; did you mean "maxConcurrency"?',
      ],
    );
  });

  it("none for keys set to undefined, or for the user's names in maps", () => {
    expect(
      errorOf(
        untyped({
          managedByTags: undefined,
          additionalTagsAll: { instanceType: "tag value" },
          models: {
            instanceType: {
              ...MODEL,
              containerDefinitions: {
                iamRoleArn: { ...CONTAINER, environmentVariables: { policies: "x" } },
              },
            },
          },
          endpoints: {
            provisioned: {
              provisioned: {
                productionVariants: {
                  instanceType: {
                    instanceType: "ml.m5.large",
                    instanceCount: undefined,
                    autoScaling: { policies: { expression: SCALING.policies.p } },
                    cloudwatchAlarms: { period: { expression: "Invocations sum > 1" } },
                  },
                },
              },
            },
          },
        }),
      ),
    ).toBeUndefined();
  });
});

describe("docs/validation.md, Unknown settings", () => {
  it("shows the error its example configuration gets", () => {
    const props = untyped<SagemakerInferenceProps>({
      models: {
        "demo-model": {
          iamRoleArn: "arn:aws:iam::111122223333:role/inference",
          containerDefinitions: {
            container1: {
              image: IMAGE,
              modelDataUrl: "s3://demo-bucket/demo-model.tar.gz",
              checksum: "sha256:0",
            },
          },
        },
      },
      endpoints: {
        realtime: {
          provisioned: {
            productionVariants: {
              "demo-model": {
                instanceType: "ml.m5.large",
                instanceCount: 2,
                autoScaling: { ...SCALING, min_capacity: 1, maximumCapacity: 4 },
              },
            },
          },
        },
      },
    });
    const variant = "endpoints.realtime.provisioned.productionVariants.demo-model";
    const expected = [
      "Invalid configuration for 'platform/inference' (4 problems):",
      '  - models.demo-model.containerDefinitions.container1.modelDataUrl: got "s3://demo-bucket/demo-model.tar.gz"; allowed: no such setting; did you mean "modelDataLocation"?',
      '  - models.demo-model.containerDefinitions.container1.checksum: got "sha256:0"; allowed: no such setting (known: image, compressionType, environmentVariables, modelDataLocation, useMultipleModels)',
      `  - ${variant}.instanceCount: got 2; allowed: no such setting; did you mean "initialInstanceCount"?`,
      `  - ${variant}.autoScaling.min_capacity: got 1; allowed: no such setting; did you mean "minimumCapacity"?`,
    ].join("\n");
    expect(
      thrownMessage(
        () =>
          new SagemakerInference(new TerraformStack(Testing.app(), "platform"), "inference", props),
      ),
    ).toBe(expected);
    expect(readFileSync("docs/validation.md", "utf8")).toContain(`\`\`\`text\n${expected}\n\`\`\``);
  });
});
