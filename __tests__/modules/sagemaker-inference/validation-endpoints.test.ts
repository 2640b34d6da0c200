/**
 * Every problem in `endpoints` is reported, with the path of the offending entry.
 */
import { TerraformVariable } from "cdktf";
import { describe, expect, it } from "vitest";
import { SAGEMAKER_NAME_WORDS } from "../../helpers/allowed";
import type {
  EndpointProps,
  ProductionVariantProps,
  SagemakerInferenceProps,
} from "../../../modules/sagemaker-inference/props";
import { expectProblems, IMAGE, model, synthInference, TOPIC } from "./fixtures";

const MODELS: SagemakerInferenceProps["models"] = { a: model(), b: model() };
const VARIANT: ProductionVariantProps = { instanceType: "ml.m5.large" };

function withEndpoints(endpoints: Record<string, EndpointProps>): SagemakerInferenceProps {
  return { models: MODELS, endpoints };
}

describe("SagemakerInference validation of endpoints", () => {
  it("needs exactly one of provisioned or serverless, and valid names and keys", () => {
    expectProblems(
      withEndpoints({
        both: {
          provisioned: { productionVariants: { a: VARIANT } },
          serverless: { variant: { modelName: "b" } },
        },
        neither: { encryptionKeyArn: "alias/my-key" },
        "bad.name": { provisioned: { productionVariants: { a: VARIANT } } },
        named: {
          endpointConfigurationName: "both",
          provisioned: { productionVariants: { a: VARIANT } },
        },
        "bad-config": {
          endpointConfigurationName: "config_1",
          provisioned: { productionVariants: { a: VARIANT } },
        },
      }),
      [
        'endpoints.both: got "provisioned and serverless"; allowed: exactly one of provisioned or serverless',
        'endpoints.neither.encryptionKeyArn: got "alias/my-key"; allowed: a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id>, or an alias ARN, ...:alias/<alias name>',
        'endpoints.neither: got "neither provisioned nor serverless"; allowed: exactly one of provisioned or serverless',
        `endpoints.bad.name: got "bad.name"; allowed: ${SAGEMAKER_NAME_WORDS}`,
        'endpoints.named.endpointConfigurationName: got "both"; allowed: an endpoint configuration name no other endpoint uses (endpoints.both has it too)',
        `endpoints.bad-config.endpointConfigurationName: got "config_1"; allowed: ${SAGEMAKER_NAME_WORDS}`,
      ],
    );
  });

  it("refers only to models that exist", () => {
    expectProblems(
      withEndpoints({
        realtime: {
          provisioned: {
            productionVariants: { "demo-model": VARIANT },
            shadowVariants: { "shadow-model": VARIANT },
          },
        },
        serverless: { serverless: { variant: { modelName: "small" } } },
      }),
      [
        'endpoints.realtime.provisioned.productionVariants.demo-model: got "demo-model"; allowed: a model defined in models (a, b)',
        'endpoints.realtime.provisioned.shadowVariants.shadow-model: got "shadow-model"; allowed: a model defined in models (a, b)',
        'endpoints.serverless.serverless.variant.modelName: got "small"; allowed: a model defined in models (a, b)',
      ],
    );
    const seven = Object.fromEntries(
      ["m1", "m2", "m3", "m4", "m5", "m6", "m7"].map((k) => [k, model()]),
    );
    expectProblems(
      { models: seven, endpoints: { e: { serverless: { variant: { modelName: "m8" } } } } },
      [
        'endpoints.e.serverless.variant.modelName: got "m8"; allowed: a model defined in models (m1, m2, m3, m4, m5 and 2 more)',
      ],
    );
  });

  it("checks every setting of a production variant", () => {
    expectProblems(
      withEndpoints({
        e: {
          provisioned: {
            productionVariants: {
              a: {
                instanceType: "m5.large",
                initialInstanceCount: 0,
                initialWeight: -1,
                volumeSizeInGB: 513,
                containerStartupTimeout: "30 seconds",
                modelDataDownloadTimeout: "2 hours",
              },
              b: { instanceType: "ml.m5.large", containerStartupTimeout: "ten minutes" },
            },
          },
        },
      }),
      [
        'endpoints.e.provisioned.productionVariants.a.instanceType: got "m5.large"; allowed: a SageMaker instance type such as ml.m5.large or ml.g5.2xlarge',
        "endpoints.e.provisioned.productionVariants.a.initialInstanceCount: got 0; allowed: a whole number of at least 1",
        "endpoints.e.provisioned.productionVariants.a.initialWeight: got -1; allowed: a number of at least 0",
        "endpoints.e.provisioned.productionVariants.a.volumeSizeInGB: got 513; allowed: a whole number from 1 to 512 (GB)",
        'endpoints.e.provisioned.productionVariants.a.containerStartupTimeout: got "30 seconds"; allowed: a duration from "1 minute" to "1 hour"',
        'endpoints.e.provisioned.productionVariants.a.modelDataDownloadTimeout: got "2 hours"; allowed: a duration from "1 minute" to "1 hour"',
        'endpoints.e.provisioned.productionVariants.b.containerStartupTimeout: got "ten minutes"; allowed: a duration from "1 minute" to "1 hour", written as a number and a unit (second, minute, hour or day, singular or plural) making whole seconds, e.g. "5 minutes" or "1.5 hours"',
      ],
    );
  });

  it("needs 1 to 10 production variants whose weights add up to more than 0, with unique names", () => {
    const eleven = Object.fromEntries(Array.from({ length: 11 }, (_, i) => [`m${i}`, model()]));
    expectProblems(
      {
        models: { ...MODELS, ...eleven },
        endpoints: {
          none: { provisioned: { productionVariants: {} } },
          many: {
            provisioned: {
              productionVariants: Object.fromEntries(Object.keys(eleven).map((k) => [k, VARIANT])),
            },
          },
          idle: {
            provisioned: {
              productionVariants: {
                a: { ...VARIANT, initialWeight: 0 },
                b: { ...VARIANT, initialWeight: 0, variantName: "a" },
              },
            },
          },
        },
      },
      [
        'endpoints.none.provisioned.productionVariants: got "0 variants"; allowed: 1 to 10 production variants',
        'endpoints.many.provisioned.productionVariants: got "11 variants"; allowed: 1 to 10 production variants',
        'endpoints.idle.provisioned.productionVariants.b.variantName: got "a"; allowed: a variant name no other variant of this endpoint uses (endpoints.idle.provisioned.productionVariants.a has it too)',
        'endpoints.idle.provisioned.productionVariants: got "initial weights adding up to 0"; allowed: initial weights adding up to more than 0 (each variant gets its weight\'s share of the traffic)',
      ],
    );
  });

  it("allows one production and one shadow variant, not on async endpoints, nor multi-model, multi-container or Inf1", () => {
    const twoContainers = model({
      containerDefinitions: { first: { image: IMAGE }, second: { image: IMAGE } },
    });
    const multiModel = model({
      containerDefinitions: {
        c: { image: IMAGE, modelDataLocation: "s3://models/many/", useMultipleModels: {} },
      },
    });
    expectProblems(
      {
        models: { ...MODELS, pipeline: twoContainers, many: multiModel },
        endpoints: {
          "two-shadows": {
            provisioned: {
              productionVariants: { a: VARIANT, b: VARIANT },
              shadowVariants: { pipeline: VARIANT, many: { instanceType: "ml.inf1.xlarge" } },
            },
          },
          async: {
            provisioned: {
              productionVariants: { a: VARIANT },
              shadowVariants: { a: VARIANT },
              asyncInvocationConfig: { s3OutputPath: "s3://responses/ok/" },
            },
          },
        },
      },
      [
        'endpoints.two-shadows.provisioned.shadowVariants: got "2 variants"; allowed: exactly one shadow variant',
        'endpoints.two-shadows.provisioned.productionVariants: got "2 variants"; allowed: exactly one production variant when the endpoint has a shadow variant',
        'endpoints.two-shadows.provisioned.shadowVariants.many: got "many"; allowed: a model with one container hosting one model (shadow tests exclude multi-container and multi-model endpoints)',
        'endpoints.two-shadows.provisioned.shadowVariants.many.instanceType: got "ml.inf1.xlarge"; allowed: an instance type other than ml.inf1 (shadow tests exclude Inf1 instances)',
        'endpoints.two-shadows.provisioned.shadowVariants.pipeline: got "pipeline"; allowed: a model with one container hosting one model (shadow tests exclude multi-container and multi-model endpoints)',
        'endpoints.async.provisioned.shadowVariants: got ["a"]; allowed: no shadow variant on an asynchronous endpoint (shadow tests exclude asynchronous inference)',
        'endpoints.async.provisioned.shadowVariants.a: got "a"; allowed: a variant name no other variant of this endpoint uses (endpoints.async.provisioned.productionVariants.a has it too)',
      ],
    );
  });

  it("checks the async output paths, key, topics and concurrency", () => {
    expectProblems(
      withEndpoints({
        e: {
          provisioned: {
            productionVariants: { a: VARIANT },
            asyncInvocationConfig: {
              s3OutputPath: "responses/ok",
              s3FailurePath: `s3://responses/${"k".repeat(500)}`,
              encryptionKeyArn: "1234abcd-12ab-34cd-56ef-1234567890ab",
              errorNotificationLocation: "arn:aws:sqs:us-east-1:111122223333:errors",
              successNotificationLocation: TOPIC,
              maxConcurrentInvocationsPerInstance: 1001,
            },
          },
        },
      }),
      [
        'endpoints.e.provisioned.asyncInvocationConfig.s3OutputPath: got "responses/ok"; allowed: an S3 URI of the form s3://<bucket>/<key>',
        `endpoints.e.provisioned.asyncInvocationConfig.s3FailurePath: got "s3://responses/${"k".repeat(500)}"; allowed: at most 512 characters (this one has 515)`,
        'endpoints.e.provisioned.asyncInvocationConfig.encryptionKeyArn: got "1234abcd-12ab-34cd-56ef-1234567890ab"; allowed: a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id>, or an alias ARN, ...:alias/<alias name>',
        'endpoints.e.provisioned.asyncInvocationConfig.errorNotificationLocation: got "arn:aws:sqs:us-east-1:111122223333:errors"; allowed: an SNS topic ARN: arn:<partition>:sns:<region>:<12-digit account>:<topic name>',
        "endpoints.e.provisioned.asyncInvocationConfig.maxConcurrentInvocationsPerInstance: got 1001; allowed: a whole number from 1 to 1000",
      ],
    );
  });

  it("checks data capture: destination, sampling, key, content types and what to capture", () => {
    expectProblems(
      withEndpoints({
        e: {
          provisioned: {
            productionVariants: { a: VARIANT },
            enableDataCapture: {
              s3LocationToStoreDataCollected: "s3://ab/capture",
              samplingPercentage: 101,
              encryptionKeyArn: "my-key",
              captureContentType: { csvText: [], json: ["application/json; charset=utf-8"] },
              dataCaptureOptions: { predictionRequest: false, predictionResponse: false },
            },
          },
        },
        f: {
          provisioned: {
            productionVariants: { a: VARIANT },
            enableDataCapture: {
              s3LocationToStoreDataCollected: "s3://captures/f",
              samplingPercentage: 2.5,
              captureContentType: {},
            },
          },
        },
      }),
      [
        "endpoints.e.provisioned.enableDataCapture.s3LocationToStoreDataCollected: got \"s3://ab/capture\"; allowed: an S3 URI of the form s3://<bucket>/<key> with a valid bucket name ('ab' is not one)",
        "endpoints.e.provisioned.enableDataCapture.samplingPercentage: got 101; allowed: a whole number from 0 to 100 (percent)",
        'endpoints.e.provisioned.enableDataCapture.encryptionKeyArn: got "my-key"; allowed: a KMS key ARN, arn:<partition>:kms:<region>:<account>:key/<key id>, or an alias ARN, ...:alias/<alias name>',
        'endpoints.e.provisioned.enableDataCapture.captureContentType.csvText: got "0 content types"; allowed: 1 to 10 content types',
        'endpoints.e.provisioned.enableDataCapture.captureContentType.json.0: got "application/json; charset=utf-8"; allowed: a content type such as text/csv or application/json (no parameters, at most 256 characters)',
        'endpoints.e.provisioned.enableDataCapture.dataCaptureOptions: got {"predictionRequest":false,"predictionResponse":false}; allowed: at least one of predictionRequest or predictionResponse left true',
        "endpoints.f.provisioned.enableDataCapture.samplingPercentage: got 2.5; allowed: a whole number from 0 to 100 (percent)",
        "endpoints.f.provisioned.enableDataCapture.captureContentType: got {}; allowed: at least one of csvText or json",
      ],
    );
  });

  it("checks serverless memory and concurrency, provisioned at most the maximum", () => {
    expectProblems(
      withEndpoints({
        e: {
          serverless: {
            variant: {
              modelName: "a",
              memorySizeInMB: 1536,
              maxConcurrency: 201,
              provisionedConcurrency: 0,
              variantName: "All Traffic",
            },
          },
        },
        f: {
          serverless: { variant: { modelName: "b", maxConcurrency: 5, provisionedConcurrency: 6 } },
        },
      }),
      [
        "endpoints.e.serverless.variant.memorySizeInMB: got 1536; allowed: one of 1024, 2048, 3072, 4096, 5120 or 6144 (MB)",
        "endpoints.e.serverless.variant.maxConcurrency: got 201; allowed: a whole number from 1 to 200",
        "endpoints.e.serverless.variant.provisionedConcurrency: got 0; allowed: a whole number from 1 to 200",
        `endpoints.e.serverless.variant.variantName: got "All Traffic"; allowed: ${SAGEMAKER_NAME_WORDS}`,
        "endpoints.f.serverless.variant.provisionedConcurrency: got 6; allowed: at most maxConcurrency (5)",
      ],
    );
  });

  it("hosts on a serverless endpoint only what serverless inference supports", () => {
    expectProblems(
      {
        models: {
          heavy: model({
            containerDefinitions: {
              gpu: {
                image:
                  "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310",
                compressionType: "UncompressedModel",
                modelDataLocation: "s3://models/raw/",
              },
              many: { image: IMAGE, modelDataLocation: "s3://models/many/", useMultipleModels: {} },
            },
            vpcConfig: { securityGroupIds: ["sg-1"], subnetIds: ["subnet-1"] },
            enableNetworkIsolation: true,
          }),
        },
        endpoints: { e: { serverless: { variant: { modelName: "heavy" } } } },
      },
      // Each on the model's field to change, with its value, and the endpoint that makes it a problem.
      [
        'models.heavy.containerDefinitions: got "2 containers"; allowed: one container, for a model a serverless endpoint serves (serverless endpoints exclude inference pipelines; endpoint "e" serves it)',
        'models.heavy.containerDefinitions.gpu.compressionType: got "UncompressedModel"; allowed: "CompressedModel", for a model a serverless endpoint serves (serverless endpoints load compressed model data only; endpoint "e" serves it)',
        'models.heavy.containerDefinitions.gpu.image: got "763104351884.dkr.ecr.us-east-1.amazonaws.com/pytorch-inference:2.1.0-gpu-py310"; allowed: a CPU image, for a model a serverless endpoint serves (serverless endpoints exclude GPUs; endpoint "e" serves it)',
        'models.heavy.containerDefinitions.many.useMultipleModels: got {}; allowed: not set, for a model a serverless endpoint serves (serverless endpoints exclude multi-model endpoints; endpoint "e" serves it)',
        'models.heavy.vpcConfig: got {"securityGroupIds":["sg-1"],"subnetIds":["subnet-1"]}; allowed: not set, for a model a serverless endpoint serves (serverless endpoints exclude VPC configuration; endpoint "e" serves it)',
        'models.heavy.enableNetworkIsolation: got true; allowed: false or not set, for a model a serverless endpoint serves (serverless endpoints exclude network isolation; endpoint "e" serves it)',
      ],
    );
  });

  it("skips values known only at apply time, but needs literal durations", () => {
    let problems: unknown;
    expect(() =>
      synthInference((stack) => {
        const text = new TerraformVariable(stack, "text", { type: "string" }).stringValue;
        const number = new TerraformVariable(stack, "number", { type: "number" }).numberValue;
        return {
          models: MODELS,
          endpoints: {
            e: {
              encryptionKeyArn: text,
              additionalTags: { owner: text },
              provisioned: {
                productionVariants: {
                  a: {
                    instanceType: text,
                    initialInstanceCount: number,
                    initialWeight: number,
                    volumeSizeInGB: number,
                    variantName: text,
                  },
                },
                asyncInvocationConfig: {
                  s3OutputPath: text,
                  maxConcurrentInvocationsPerInstance: number,
                },
                enableDataCapture: {
                  s3LocationToStoreDataCollected: text,
                  samplingPercentage: number,
                },
              },
            },
            f: {
              serverless: {
                variant: { modelName: "b", maxConcurrency: number, provisionedConcurrency: 10 },
              },
            },
          },
        };
      }),
    ).not.toThrow();
    let timeout = "";
    try {
      synthInference((stack) => {
        timeout = new TerraformVariable(stack, "timeout", { type: "string" }).stringValue;
        return {
          models: MODELS,
          endpoints: {
            e: {
              provisioned: {
                productionVariants: { a: { ...VARIANT, containerStartupTimeout: timeout } },
              },
            },
          },
        };
      });
    } catch (error) {
      problems = (error as Error).message;
    }
    expect(problems).toBe(
      [
        "Invalid configuration for 'test/inference' (1 problem):",
        `  - endpoints.e.provisioned.productionVariants.a.containerStartupTimeout: got "${timeout}"; allowed: a literal value known at synth time, not a Terraform expression`,
      ].join("\n"),
    );
  });
});
